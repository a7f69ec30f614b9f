using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Identity;
using StrategyGov.Data.Inquiries;
using StrategyGov.Data.Notifications;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Inquiries.Clock;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Inquiries;

/// <summary>
/// The inquiry log (docs/decisions/0098). An institution's director and contributors log and handle their
/// own institution's inquiries; the center and officials read every institution's; another institution's
/// inquiry is not found. Every change is audited and moves the inquiry's clocks.
/// </summary>
public sealed class InquiryService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    TimeProvider clock,
    IOptions<PlatformOptions> platform,
    EvidenceStore files,
    NotificationService notifications)
{
    private TimeZoneInfo Zone => platform.Value.TimeZoneInfo;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<InquiryList> ListAsync(Actor actor, InquiryFilter filter, CancellationToken ct)
    {
        var institutionId = Scope(actor, filter.InstitutionId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await InquirySettings.LoadAsync(db, ct);
        var query = Filtered(db, filter with { InstitutionId = institutionId });
        var total = await query.CountAsync(ct);
        var page = Math.Max(0, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, 500);
        var rows = await RowsAsync(db, query.OrderByDescending(i => i.ReceivedAt).ThenByDescending(i => i.Id).Skip(page * size).Take(size), settings, ct);
        return new InquiryList(rows, total, page, size);
    }

    /// <summary>
    /// The inquiries after <paramref name="afterId"/> in id order, at most <paramref name="take"/>, changed
    /// since <paramref name="changedSince"/> (UTC) when given: the API's keyset page, under the same scope as the log.
    /// </summary>
    public async Task<IReadOnlyList<InquiryRow>> ListAfterAsync(Actor actor, InquiryFilter filter, DateTime? changedSince, long afterId, int take, CancellationToken ct)
    {
        var institutionId = Scope(actor, filter.InstitutionId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await InquirySettings.LoadAsync(db, ct);
        var query = Filtered(db, filter with { InstitutionId = institutionId })
            .Where(i => i.Id > afterId && (changedSince == null || i.UpdatedAt >= changedSince));
        return await RowsAsync(db, query.OrderBy(i => i.Id).Take(take), settings, ct);
    }

    public async Task<InquiryDetail> GetAsync(Actor actor, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inquiry = await db.Inquiries.AsNoTracking().Include(i => i.Pauses).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException();
        actor.EnsureCanRead(inquiry.InstitutionId);
        var settings = await InquirySettings.LoadAsync(db, ct);
        var row = (await RowsAsync(db, db.Inquiries.Where(i => i.Id == id), settings, ct)).Single();
        var names = await db.Institutions.AsNoTracking()
            .Where(i => i.Id == inquiry.ReferredToInstitutionId || i.Id == inquiry.ReferredFromInstitutionId)
            .ToDictionaryAsync(i => i.Id, i => (i.NameAr, i.NameEn), ct);
        var pillar = inquiry.PillarCode is null ? null : (await PillarsAsync(db, ct)).FirstOrDefault(p => p.Code == inquiry.PillarCode);
        var createdBy = inquiry.CreatedById is null ? null : await db.Users.Where(u => u.Id == inquiry.CreatedById).Select(u => u.FullName).SingleOrDefaultAsync(ct);
        var referredTo = inquiry.ReferredToInstitutionId is { } to && names.TryGetValue(to, out var t) ? t : (inquiry.ReferredToName, inquiry.ReferredToName);
        var referredFrom = inquiry.ReferredFromInstitutionId is { } from && names.TryGetValue(from, out var f) ? f : (null, null);
        var pauses = inquiry.Pauses.OrderBy(p => p.StartedAt)
            .Select(p => new PauseView(p.StartedAt, p.EndedAt, p.Note, InquiryClock.Minutes(settings.Calendar.WorkingTime(p.StartedAt, p.EndedAt ?? Now))))
            .ToList();
        var canAct = actor.IsMemberOf(inquiry.InstitutionId);
        return new InquiryDetail(
            row, inquiry.Requester, inquiry.SourceUrl, inquiry.Details, inquiry.PillarCode, pillar?.NameAr, pillar?.NameEn, inquiry.AssignedToId,
            inquiry.FirstResponseAt, inquiry.FirstResponseNote, inquiry.AnsweredAt, inquiry.ResponseText, inquiry.ResponseFileName, inquiry.ResponseFileSize,
            inquiry.ClosedAt, inquiry.ClosingNote, inquiry.ReferredAt, referredTo.Item1, referredTo.Item2, inquiry.ReferralNote,
            referredFrom.Item1, referredFrom.Item2, pauses, inquiry.AnswerElapsedMinutes, inquiry.CreatedAt, createdBy, inquiry.Version,
            canAct,
            actor.IsDirectorOf(inquiry.InstitutionId) && inquiry.Status == InquiryStatus.New,
            canAct ? AllowedActions(inquiry) : []);
    }

    /// <summary>The people, pillars and institutions the forms offer (the assignees of the actor's own institution).</summary>
    public async Task<InquiryLookups> LookupsAsync(Actor actor, int? institutionId, CancellationToken ct)
    {
        if (institutionId is { } id)
        {
            actor.EnsureCanRead(id);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assignees = institutionId is { } own ? await AssigneesAsync(db, own, ct) : [];
        var institutions = await db.Institutions.AsNoTracking().Where(i => i.IsActive)
            .OrderBy(i => i.Code)
            .Select(i => new InstitutionOption(i.Id, i.Code, i.NameAr, i.NameEn, i.Type.Code))
            .ToListAsync(ct);
        return new InquiryLookups(assignees, await PillarsAsync(db, ct), institutions);
    }

    /// <summary>Logs a new inquiry in the actor's own institution; returns its id.</summary>
    public async Task<int> CreateAsync(Actor actor, InquiryForm form, CancellationToken ct)
    {
        actor.EnsureInstitutionUser();
        var institutionId = actor.InstitutionId!.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var settings = await InquirySettings.LoadAsync(db, ct);
        var (received, deadline) = await ValidateAsync(db, institutionId, null, form, ct);
        var now = Now;
        var inquiry = new Inquiry
        {
            InstitutionId = institutionId,
            Outlet = string.Empty,
            Topic = string.Empty,
            Status = InquiryStatus.New,
            CreatedAt = now,
            CreatedById = actor.AccountId,
        };
        Apply(inquiry, form, received, deadline, settings, now);
        db.Inquiries.Add(inquiry);
        await db.SaveChangesAsync(ct);
        return inquiry.Id;
    }

    /// <summary>Changes an inquiry's details (not its actions); a changed receipt time or kind moves its clocks.</summary>
    public async Task UpdateAsync(Actor actor, int id, InquiryForm form, int version, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var inquiry = await LoadForChangeAsync(db, actor, id, version, ct);
        if (inquiry.Status == InquiryStatus.Closed)
        {
            throw new RuleViolationException("Inquiry_ClosedReadOnly");
        }

        var settings = await InquirySettings.LoadAsync(db, ct);
        var (received, deadline) = await ValidateAsync(db, inquiry.InstitutionId, inquiry.Id, form, ct);
        var earliestAction = new[] { inquiry.FirstResponseAt, inquiry.AnsweredAt, inquiry.ReferredAt, inquiry.Pauses.MinBy(p => p.StartedAt)?.StartedAt }.Where(t => t is not null).Min();
        if (earliestAction is { } first && first < received)
        {
            throw new RuleViolationException("Inquiry_ReceivedAfterActions");
        }

        Apply(inquiry, form, received, deadline, settings, Now);
        inquiry.Version++;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records what the institution did (ADR 0098): a first response, waiting on the requester (the clock
    /// pauses), the requester coming back, a referral (the clock keeps running), the answer (text or
    /// document), closing. Each at a time no later than now and no earlier than what it follows.
    /// </summary>
    public async Task ActAsync(Actor actor, int id, InquiryAction action, InquiryAttachment? attachment, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var inquiry = await LoadForChangeAsync(db, actor, id, action.Version, ct);
        if (!AllowedActions(inquiry).Contains(action.Kind))
        {
            throw new RuleViolationException("Inquiry_NotAllowedNow");
        }

        var now = Now;
        var at = ToUtc(action.At);
        if (at > now + InquiryRules.FutureTolerance)
        {
            throw new RuleViolationException("Inquiry_TimeInFuture");
        }

        if (at < inquiry.ReceivedAt)
        {
            throw new RuleViolationException("Inquiry_TimeBeforeReceived");
        }

        var text = InquiryText.Clean(action.Text);
        var limit = action.Kind == InquiryActionKind.Answer ? InquiryRules.MaxResponse : InquiryRules.MaxNote;
        if (text is not null && text.Length > limit)
        {
            throw new RuleViolationException("Inquiry_TooLong", limit);
        }

        var openPause = inquiry.Pauses.SingleOrDefault(p => p.EndedAt is null);
        Inquiry? copy = null;
        switch (action.Kind)
        {
            case InquiryActionKind.FirstResponse:
                inquiry.FirstResponseAt = at;
                inquiry.FirstResponseNote = text;
                if (inquiry.Status == InquiryStatus.New)
                {
                    inquiry.Status = InquiryStatus.InProgress;
                }

                break;

            case InquiryActionKind.WaitOnRequester:
                if (inquiry.Pauses.Any(p => p.EndedAt > at))
                {
                    throw new RuleViolationException("Inquiry_TimeBeforeLastStep");
                }

                inquiry.Pauses.Add(new InquiryPause { InstitutionId = inquiry.InstitutionId, StartedAt = at, Note = text });
                inquiry.Status = InquiryStatus.WaitingOnRequester;
                break;

            case InquiryActionKind.Resume:
                EndPause(openPause!, at);
                inquiry.Status = InquiryStatus.InProgress;
                break;

            case InquiryActionKind.Refer:
                copy = await ReferAsync(db, actor, inquiry, action, at, text, ct);
                if (openPause is not null)
                {
                    EndPause(openPause, at);
                }

                break;

            case InquiryActionKind.Answer:
                if (text is null && attachment is null)
                {
                    throw new RuleViolationException("Inquiry_AnswerRequired");
                }

                if (openPause is not null)
                {
                    EndPause(openPause, at);
                }

                if (inquiry.FirstResponseAt is { } first && at < first)
                {
                    throw new RuleViolationException("Inquiry_TimeBeforeLastStep");
                }

                if (attachment is not null)
                {
                    var stored = await files.SaveAsync(attachment.Content, EvidenceFileName.Sanitise(attachment.FileName), ct);
                    inquiry.ResponseFileSha256 = stored.Sha256;
                    inquiry.ResponseFileName = stored.FileName;
                    inquiry.ResponseFileType = stored.Type.ContentType;
                    inquiry.ResponseFileSize = stored.SizeBytes;
                }

                inquiry.FirstResponseAt ??= at;
                inquiry.AnsweredAt = at;
                inquiry.ResponseText = text;
                inquiry.Status = InquiryStatus.Answered;
                break;

            case InquiryActionKind.Close:
                if (at < inquiry.AnsweredAt)
                {
                    throw new RuleViolationException("Inquiry_TimeBeforeLastStep");
                }

                inquiry.ClosedAt = at;
                inquiry.ClosingNote = text;
                inquiry.Status = InquiryStatus.Closed;
                break;
        }

        var settings = await InquirySettings.LoadAsync(db, ct);
        InquiryClock.Apply(inquiry, settings.Calendar, inquiry.Pauses);
        inquiry.UpdatedAt = now;
        inquiry.Version++;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        if (copy is not null)
        {
            await notifications.PublishAsync(
                NotificationKind.InquiryReferred,
                NotificationAudience.Institution(copy.InstitutionId),
                [new NotificationArg(await InstitutionNameAsync(db, inquiry.InstitutionId, arabic: true, ct), await InstitutionNameAsync(db, inquiry.InstitutionId, arabic: false, ct)), new NotificationArg(copy.Topic, copy.Topic)],
                $"inquiries/{copy.Id}",
                $"referred:{copy.Id}",
                ct);
        }
    }

    /// <summary>Deletes an inquiry logged by mistake: only its director, only while nothing was done with it. Audited.</summary>
    public async Task DeleteAsync(Actor actor, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var inquiry = await db.Inquiries.Include(i => i.Pauses).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException();
        actor.EnsureDirectorOf(inquiry.InstitutionId);
        if (inquiry.Status != InquiryStatus.New || inquiry.Pauses.Count > 0)
        {
            throw new RuleViolationException("Inquiry_DeleteOnlyNew");
        }

        db.Inquiries.Remove(inquiry);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The document attached to an inquiry's answer; another institution's is not found.</summary>
    public async Task<(Stream Content, string ContentType, string FileName)> OpenAttachmentAsync(Actor actor, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.Inquiries.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.InstitutionId, i.ResponseFileSha256, i.ResponseFileType, i.ResponseFileName })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        actor.EnsureCanRead(file.InstitutionId);
        if (file.ResponseFileSha256 is null)
        {
            throw new NotFoundException();
        }

        return (files.Open(file.ResponseFileSha256), file.ResponseFileType ?? "application/octet-stream", file.ResponseFileName ?? "response");
    }

    /// <summary>What may be done next, from the inquiry's status (the service refuses anything else).</summary>
    public static IReadOnlyList<InquiryActionKind> AllowedActions(Inquiry inquiry)
    {
        var actions = new List<InquiryActionKind>();
        if (inquiry.IsOpen && inquiry.FirstResponseAt is null)
        {
            actions.Add(InquiryActionKind.FirstResponse);
        }

        switch (inquiry.Status)
        {
            case InquiryStatus.New or InquiryStatus.InProgress:
                actions.AddRange([InquiryActionKind.WaitOnRequester, InquiryActionKind.Refer, InquiryActionKind.Answer]);
                break;
            case InquiryStatus.WaitingOnRequester:
                actions.AddRange([InquiryActionKind.Resume, InquiryActionKind.Refer, InquiryActionKind.Answer]);
                break;
            case InquiryStatus.Referred:
                actions.Add(InquiryActionKind.Answer);
                break;
            case InquiryStatus.Answered:
                actions.Add(InquiryActionKind.Close);
                break;
        }

        return actions;
    }

    /// <summary>The institution an actor's list shows: their own for institution users, the chosen one (or all) for the center.</summary>
    internal static int? Scope(Actor actor, int? requested)
    {
        if (actor.SeesAllInstitutions)
        {
            return requested;
        }

        var own = actor.InstitutionId ?? throw new AccessDeniedException();
        actor.EnsureCanRead(requested ?? own);
        return own;
    }

    internal IQueryable<Inquiry> Filtered(StrategyGovDbContext db, InquiryFilter filter)
    {
        var query = db.Inquiries.AsNoTracking();
        if (filter.InstitutionId is { } institutionId)
        {
            query = query.Where(i => i.InstitutionId == institutionId);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(i => i.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (filter.OpenOnly)
        {
            query = query.Where(Inquiry.Open);
        }

        if (filter.OverdueOnly)
        {
            var now = Now;
            query = query.Where(Inquiry.Open).Where(i => (i.AnswerDueAt != null && i.AnswerDueAt < now) || (i.FirstResponseAt == null && i.FirstResponseDueAt != null && i.FirstResponseDueAt < now));
        }

        if (filter.From is { } from)
        {
            var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), Zone);
            query = query.Where(i => i.ReceivedAt >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), Zone);
            query = query.Where(i => i.ReceivedAt < toUtc);
        }

        if (InquiryText.Clean(filter.Search) is { } search)
        {
            var text = search.ToLower();
            query = query.Where(i => i.Topic.ToLower().Contains(text) || i.Outlet.ToLower().Contains(text)
                || (i.Requester != null && i.Requester.ToLower().Contains(text)) || (i.ExternalId != null && i.ExternalId.ToLower().Contains(text)));
        }

        return query;
    }

    /// <summary>Rows with their timers as of now (pauses read for the rows asked for only).</summary>
    internal async Task<List<InquiryRow>> RowsAsync(StrategyGovDbContext db, IQueryable<Inquiry> query, InquirySettings settings, CancellationToken ct)
    {
        var items = await query.Select(i => new
        {
            i.Id, i.InstitutionId, InstitutionCode = i.Institution.Code, InstitutionNameAr = i.Institution.NameAr, InstitutionNameEn = i.Institution.NameEn,
            i.ExternalId, i.Kind, i.Channel, i.Outlet, i.Topic, i.ReceivedAt, i.Status, AssignedToName = i.AssignedTo != null ? i.AssignedTo.FullName : null,
            i.RequesterDeadline, i.FirstResponseAt, i.AnsweredAt, i.FirstResponseTargetMinutes, i.AnswerTargetMinutes, Referred = i.ReferredAt != null,
        }).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var pauses = (await db.InquiryPauses.AsNoTracking().Where(p => ids.Contains(p.InquiryId)).ToListAsync(ct)).ToLookup(p => p.InquiryId);
        var now = Now;
        return items.Select(i =>
        {
            var facts = new ClockFacts(i.ReceivedAt, i.FirstResponseAt, i.AnsweredAt, i.FirstResponseTargetMinutes, i.AnswerTargetMinutes, ClockFacts.PausesOf(pauses[i.Id]));
            return new InquiryRow(
                i.Id, i.InstitutionId, i.InstitutionCode, i.InstitutionNameAr, i.InstitutionNameEn, i.ExternalId, i.Kind, i.Channel, i.Outlet, i.Topic, i.ReceivedAt,
                i.Status, i.AssignedToName, i.RequesterDeadline,
                InquiryClock.FirstResponse(facts, settings.Calendar, now, settings.WarnBeforeMinutes),
                InquiryClock.Answer(facts, settings.Calendar, now, settings.WarnBeforeMinutes),
                i.Referred)
            { AnsweredAt = i.AnsweredAt };
        }).ToList();
    }

    internal static async Task<List<AssigneeOption>> AssigneesAsync(StrategyGovDbContext db, int institutionId, CancellationToken ct)
    {
        var roles = new[] { AppRoles.InstitutionDirector, AppRoles.InstitutionContributor };
        var people = await (
                from user in db.Users
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where user.InstitutionId == institutionId && roles.Contains(role.Name!)
                select new AssigneeOption(user.Id, user.FullName))
            .ToListAsync(ct);
        return people.DistinctBy(p => p.Id).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The pillars of the newest published strategy version.</summary>
    internal static async Task<List<PillarOption>> PillarsAsync(StrategyGovDbContext db, CancellationToken ct)
    {
        var versionId = await db.StrategyVersions.Where(v => v.Status == StrategyStatus.Published)
            .OrderByDescending(v => v.PublishedAt).ThenByDescending(v => v.Id).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
        return await db.Pillars.AsNoTracking().Where(p => p.StrategyVersionId == versionId).OrderBy(p => p.Order)
            .Select(p => new PillarOption(p.Code, p.NameAr, p.NameEn)).ToListAsync(ct);
    }

    internal DateTime ToUtc(DateTime local) => ToUtc(local, Zone);

    internal static DateTime ToUtc(DateTime local, TimeZoneInfo zone) => local.Kind == DateTimeKind.Utc
        ? local
        : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);

    /// <summary>Sets the details of a form on an inquiry and its targets (those of its kind, when new or when the kind changes) and clocks.</summary>
    internal static void Apply(Inquiry inquiry, InquiryForm form, DateTime receivedUtc, DateTime? deadlineUtc, InquirySettings settings, DateTime now)
    {
        var kindChanged = inquiry.Id == 0 || inquiry.Kind != form.Kind;
        inquiry.ExternalId = InquiryText.Clean(form.ExternalId);
        inquiry.Kind = form.Kind;
        inquiry.Channel = form.Channel;
        inquiry.Outlet = form.Outlet.Trim();
        inquiry.Requester = InquiryText.Clean(form.Requester);
        inquiry.SourceUrl = InquiryText.Clean(form.SourceUrl);
        inquiry.ReceivedAt = receivedUtc;
        inquiry.Topic = form.Topic.Trim();
        inquiry.Details = InquiryText.Clean(form.Details);
        inquiry.PillarCode = InquiryText.Clean(form.PillarCode);
        inquiry.RequesterDeadline = deadlineUtc;
        inquiry.AssignedToId = InquiryText.Clean(form.AssignedToId);
        inquiry.UpdatedAt = now;
        if (kindChanged)
        {
            var target = settings.TargetOf(form.Kind);
            inquiry.FirstResponseTargetMinutes = target.FirstResponseMinutes;
            inquiry.AnswerTargetMinutes = target.AnswerMinutes;
        }

        InquiryClock.Apply(inquiry, settings.Calendar, inquiry.Pauses);
    }

    private async Task<(DateTime Received, DateTime? Deadline)> ValidateAsync(StrategyGovDbContext db, int institutionId, int? id, InquiryForm form, CancellationToken ct)
    {
        var received = ToUtc(form.ReceivedAt);
        var deadline = form.RequesterDeadline is { } d ? ToUtc(d) : (DateTime?)null;
        var pillars = (await PillarsAsync(db, ct)).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var assignees = (await AssigneesAsync(db, institutionId, ct)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var problem = InquiryRules.Check(form, received, deadline, Now, pillars, assignees).FirstOrDefault();
        if (problem is not null)
        {
            throw new RuleViolationException(problem.MessageKey, problem.Arguments);
        }

        if (InquiryText.Clean(form.ExternalId) is { } externalId
            && await db.Inquiries.AnyAsync(i => i.InstitutionId == institutionId && i.ExternalId == externalId && i.Id != id, ct))
        {
            throw new RuleViolationException("Inquiry_ExternalIdTaken", externalId);
        }

        return (received, deadline);
    }

    private static async Task<Inquiry> LoadForChangeAsync(StrategyGovDbContext db, Actor actor, int id, int version, CancellationToken ct)
    {
        var inquiry = await db.Inquiries.Include(i => i.Pauses).SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException();
        actor.EnsureMemberOf(inquiry.InstitutionId);
        if (inquiry.Version != version)
        {
            throw new RuleViolationException("Inquiry_Conflict");
        }

        return inquiry;
    }

    private static void EndPause(InquiryPause pause, DateTime at)
    {
        if (at < pause.StartedAt)
        {
            throw new RuleViolationException("Inquiry_TimeBeforeLastStep");
        }

        pause.EndedAt = at;
    }

    /// <summary>
    /// Marks the inquiry referred; when the receiving institution is on the platform, logs a copy there
    /// received at the time of the referral (its own clock starts then; the referring institution's keeps running).
    /// </summary>
    private async Task<Inquiry?> ReferAsync(StrategyGovDbContext db, Actor actor, Inquiry inquiry, InquiryAction action, DateTime at, string? note, CancellationToken ct)
    {
        var name = InquiryText.Clean(action.ReferToName);
        if (action.ReferToInstitutionId is null && name is null)
        {
            throw new RuleViolationException("Inquiry_ReferToRequired");
        }

        if (name is not null && name.Length > 300)
        {
            throw new RuleViolationException("Inquiry_TooLong", 300);
        }

        inquiry.ReferredAt = at;
        inquiry.ReferredToName = name;
        inquiry.ReferralNote = note;
        inquiry.Status = InquiryStatus.Referred;
        if (action.ReferToInstitutionId is not { } targetId)
        {
            return null;
        }

        if (targetId == inquiry.InstitutionId)
        {
            throw new RuleViolationException("Inquiry_ReferToSelf");
        }

        if (!await db.Institutions.AnyAsync(i => i.Id == targetId && i.IsActive, ct))
        {
            throw new RuleViolationException("Inquiry_ReferToUnknown");
        }

        inquiry.ReferredToInstitutionId = targetId;
        var settings = await InquirySettings.LoadAsync(db, ct);
        var copy = new Inquiry
        {
            InstitutionId = targetId,
            Kind = inquiry.Kind,
            Channel = inquiry.Channel,
            Outlet = inquiry.Outlet,
            Requester = inquiry.Requester,
            SourceUrl = inquiry.SourceUrl,
            ReceivedAt = at,
            Topic = inquiry.Topic,
            Details = inquiry.Details is null && note is null ? null : string.Join("\n\n", new[] { inquiry.Details, note }.Where(t => t is not null)),
            PillarCode = inquiry.PillarCode,
            RequesterDeadline = inquiry.RequesterDeadline > at ? inquiry.RequesterDeadline : null,
            Status = InquiryStatus.New,
            ReferredFromInquiryId = inquiry.Id,
            ReferredFromInstitutionId = inquiry.InstitutionId,
            CreatedAt = Now,
            CreatedById = actor.UserId,
            UpdatedAt = Now,
            FirstResponseTargetMinutes = settings.TargetOf(inquiry.Kind).FirstResponseMinutes,
            AnswerTargetMinutes = settings.TargetOf(inquiry.Kind).AnswerMinutes,
        };
        InquiryClock.Apply(copy, settings.Calendar, []);
        db.Inquiries.Add(copy);
        return copy;
    }

    private static async Task<string> InstitutionNameAsync(StrategyGovDbContext db, int institutionId, bool arabic, CancellationToken ct) =>
        await db.Institutions.Where(i => i.Id == institutionId).Select(i => arabic ? i.NameAr : i.NameEn).SingleAsync(ct);
}
