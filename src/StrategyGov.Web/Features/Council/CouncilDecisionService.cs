using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StrategyGov.Data;
using StrategyGov.Data.Council;
using StrategyGov.Data.Notifications;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Council;

/// <summary>
/// Decisions and recommendations of the council and their follow-up. The center records them on an
/// agenda item with owner institutions (invited ones) and a due date while the meeting is open; once it
/// is closed each owner reports progress with evidence, its director reports it done (or not
/// applicable, with the reason), and the center accepts or reopens that report (docs/decisions/0097).
/// </summary>
public sealed class CouncilDecisionService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    CouncilTime time,
    CouncilFileService files,
    NotificationService notifications,
    IStringLocalizer<SharedResource> localizer)
{
    /// <summary>Records a decision on an agenda item of a meeting not yet closed, or changes one.</summary>
    public async Task<int> SaveAsync(Actor actor, int meetingId, DecisionForm form, CancellationToken ct)
    {
        var textAr = CouncilInput.Required(form.TextAr, 4000, "Council_DecisionTextArRequired", "Council_TooLong");
        var textEn = CouncilInput.Required(form.TextEn, 4000, "Council_DecisionTextEnRequired", "Council_TooLong");
        var dueOn = CouncilInput.Date(form.DueOn, "Council_DueInvalid");
        var ownerIds = form.OwnerIds.Distinct().ToList();
        if (ownerIds.Count == 0)
        {
            throw new RuleViolationException("Council_DecisionOwnerRequired");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var meeting = await CouncilAccess.ForEditAsync(db, actor, meetingId, ct);
        if (dueOn < time.LocalDay(meeting.StartsAt))
        {
            throw new RuleViolationException("Council_DueBeforeMeeting");
        }

        if (!await db.CouncilAgendaItems.AnyAsync(a => a.Id == form.AgendaItemId && a.MeetingId == meetingId, ct))
        {
            throw new RuleViolationException("Council_AgendaItemRequired");
        }

        var invited = await db.CouncilInvitations.Where(i => i.MeetingId == meetingId).Select(i => i.InstitutionId).ToListAsync(ct);
        if (ownerIds.Except(invited).Any())
        {
            throw new RuleViolationException("Council_OwnerNotInvited");
        }

        var now = time.UtcNow;
        CouncilDecision decision;
        if (form.Id is { } id)
        {
            decision = await db.CouncilDecisions.Include(d => d.Owners).SingleOrDefaultAsync(d => d.Id == id && d.MeetingId == meetingId, ct)
                ?? throw new NotFoundException();
        }
        else
        {
            var last = await db.CouncilDecisions.Where(d => d.MeetingId == meetingId).MaxAsync(d => (int?)d.Sequence, ct) ?? 0;
            decision = new CouncilDecision { MeetingId = meetingId, Sequence = last + 1, TextAr = textAr, TextEn = textEn, CreatedAt = now };
            db.CouncilDecisions.Add(decision);
        }

        decision.AgendaItemId = form.AgendaItemId;
        decision.Kind = form.Kind;
        decision.TextAr = textAr;
        decision.TextEn = textEn;
        decision.DueOn = dueOn;
        foreach (var gone in decision.Owners.Where(o => !ownerIds.Contains(o.InstitutionId)).ToList())
        {
            decision.Owners.Remove(gone);
            db.CouncilDecisionOwners.Remove(gone);
        }

        foreach (var institutionId in ownerIds.Where(i => decision.Owners.All(o => o.InstitutionId != i)))
        {
            decision.Owners.Add(new CouncilDecisionOwner { InstitutionId = institutionId, Status = CouncilOwnerStatus.NotStarted, UpdatedAt = now });
        }

        CouncilAccess.Touch(meeting, now);
        await CouncilMeetingService.SaveAsync(db, ct);
        return decision.Id;
    }

    public async Task RemoveAsync(Actor actor, int decisionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var decision = await db.CouncilDecisions.Include(d => d.Owners).SingleOrDefaultAsync(d => d.Id == decisionId, ct) ?? throw new NotFoundException();
        var meeting = await CouncilAccess.ForEditAsync(db, actor, decision.MeetingId, ct);
        db.CouncilDecisionOwners.RemoveRange(decision.Owners);
        db.CouncilDecisions.Remove(decision);
        CouncilAccess.Touch(meeting, time.UtcNow);
        await CouncilMeetingService.SaveAsync(db, ct);
    }

    /// <summary>The assignments the actor may follow: every institution's for the center and officials, their own for institution users.</summary>
    public async Task<IReadOnlyList<AssignmentRow>> ListAsync(Actor actor, AssignmentFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Query(db, actor, owners => owners
                .Where(o => filter.InstitutionId == null || o.InstitutionId == filter.InstitutionId)
                .Where(o => filter.Status == null || o.Status == filter.Status)
                .Where(o => filter.MeetingId == null || o.Decision.MeetingId == filter.MeetingId)
                .Where(o => filter.ChangedSince == null || o.UpdatedAt >= filter.ChangedSince))
            .ToListAsync(ct);
        var today = time.Today;
        return rows.Select(r => ToRow(r, today))
            .Where(r => !filter.OverdueOnly || r.Overdue)
            .Where(r => !filter.AwaitingAcceptanceOnly || r.AwaitingAcceptance)
            .OrderBy(r => r.DueOn).ThenBy(r => r.Reference, StringComparer.Ordinal).ThenBy(r => r.Institution.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One assignment with its notes and evidence; another institution's is not found.</summary>
    public async Task<AssignmentView> GetAsync(Actor actor, int ownerId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Query(db, actor, owners => owners.Where(o => o.Id == ownerId)).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        var owner = await db.CouncilDecisionOwners.AsNoTracking()
            .Where(o => o.Id == ownerId)
            .Select(o => new
            {
                o.NotApplicableReason, o.ReportedByName, o.AcceptedAt, o.AcceptedByName,
                ItemAr = o.Decision.AgendaItem.TitleAr, ItemEn = o.Decision.AgendaItem.TitleEn,
            })
            .SingleAsync(ct);
        var others = (await db.CouncilDecisionOwners.AsNoTracking()
                .Where(x => x.DecisionId == row.DecisionId && x.Id != ownerId)
                .Select(x => new { x.InstitutionId, x.Institution.Code, x.Institution.NameAr, x.Institution.NameEn })
                .ToListAsync(ct))
            .OrderBy(x => x.Code, StringComparer.Ordinal)
            .Select(x => new CouncilRef(x.InstitutionId, x.Code, x.NameAr, x.NameEn))
            .ToList();
        var notes = await db.CouncilProgressNotes.AsNoTracking().Where(n => n.OwnerId == ownerId)
            .Select(n => new { n.Id, n.Text, n.Status, n.ByCenter, n.Link, n.AuthorName, n.CreatedAt })
            .ToListAsync(ct);
        var noteIds = notes.Select(n => n.Id).ToList();
        var files = (await db.CouncilEvidence.AsNoTracking()
                .Where(f => noteIds.Contains(f.NoteId))
                .Select(f => new { f.NoteId, f.Id, f.FileName, f.SizeBytes, f.UploadedAt })
                .ToListAsync(ct))
            .OrderBy(f => f.UploadedAt)
            .ToLookup(f => f.NoteId, f => new EvidenceFileView(f.Id, f.FileName, f.SizeBytes));
        var assignment = ToRow(row, time.Today);
        var closed = row.MeetingStatus == CouncilMeetingStatus.Closed;
        var member = actor.IsMemberOf(row.InstitutionId);
        return new AssignmentView(
            assignment,
            owner.ItemAr,
            owner.ItemEn,
            row.MeetingNumber,
            closed,
            owner.NotApplicableReason,
            owner.ReportedByName,
            owner.AcceptedAt is { } accepted ? time.ToLocal(accepted) : null,
            owner.AcceptedByName,
            others,
            notes.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
                .Select(n => new NoteView(n.Id, n.Text, n.Status, n.ByCenter, n.Link, n.AuthorName, time.ToLocal(n.CreatedAt), files[n.Id].ToList())).ToList(),
            CanReport: closed && member && !assignment.Accepted,
            CanSettle: closed && actor.IsDirectorOf(row.InstitutionId) && !assignment.Accepted,
            CanDecide: closed && actor.IsCenter && CouncilRules.IsSettledStatus(assignment.Status));
    }

    /// <summary>
    /// An institution reports on its assignment once the meeting is closed: a note with evidence (a link,
    /// files) and the status it has reached. Its members report progress; only its director reports it
    /// done (with the day it was done, not in the future) or not applicable (with the reason). An
    /// accepted assignment is final until the center reopens it. With <paramref name="expectedVersion"/> (the API's
    /// If-Match), an assignment changed since that version is refused (<see cref="ConcurrencyConflictException"/>).
    /// </summary>
    public Task ReportAsync(Actor actor, int ownerId, ProgressForm form, IReadOnlyList<IncomingFile> evidence, CancellationToken ct) =>
        ReportAsync(actor, ownerId, form, evidence, null, ct);

    /// <inheritdoc cref="ReportAsync(Actor, int, ProgressForm, IReadOnlyList{IncomingFile}, CancellationToken)"/>
    public async Task ReportAsync(Actor actor, int ownerId, ProgressForm form, IReadOnlyList<IncomingFile> evidence, int? expectedVersion, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);

        // Reporting a status of done or not applicable, or taking one back, is the director's; a note with
        // evidence that leaves the status as it is, any member's.
        var owner = await OwnerForChangeAsync(db, actor, ownerId, ct, o =>
        {
            actor.EnsureMemberOf(o.InstitutionId);
            var settling = form.Status != o.Status && (CouncilRules.IsSettledStatus(form.Status) || CouncilRules.IsSettledStatus(o.Status));
            Actor.Ensure(!settling || actor.IsDirectorOf(o.InstitutionId));
        });

        if (expectedVersion is { } expected && owner.Version != expected)
        {
            throw new ConcurrencyConflictException();
        }

        if (owner.AcceptedAt is not null)
        {
            throw new RuleViolationException("Council_AlreadyAccepted");
        }

        var text = CouncilInput.Optional(form.Text, 4000, "Council_TooLong");
        var link = CouncilInput.Url(form.Link, "Council_UrlInvalid");
        var changing = form.Status != owner.Status;
        var today = time.Today;
        var doneOn = owner.DoneOn;
        var reason = owner.NotApplicableReason;
        if (changing)
        {
            (doneOn, reason) = (null, null);
            switch (form.Status)
            {
                case CouncilOwnerStatus.Done:
                    doneOn = CouncilInput.Clean(form.DoneOn) is null ? today : CouncilInput.Date(form.DoneOn, "Council_DoneOnInvalid");
                    if (doneOn > today)
                    {
                        throw new RuleViolationException("Council_DoneInFuture");
                    }

                    if (doneOn < time.LocalDay(owner.Decision.Meeting.StartsAt))
                    {
                        throw new RuleViolationException("Council_DoneBeforeMeeting");
                    }

                    break;
                case CouncilOwnerStatus.NotApplicable:
                    reason = CouncilInput.Required(form.NotApplicableReason, 2000, "Council_ReasonRequired", "Council_TooLong");
                    break;
                case CouncilOwnerStatus.NotStarted:
                    throw new RuleViolationException("Council_StatusChangeNotAllowed");
            }
        }
        else if (text is null && link is null && evidence.Count == 0)
        {
            throw new RuleViolationException("Council_NoteRequired");
        }

        // Files are checked and stored before anything is written: a refused file changes nothing.
        var stored = new List<Evidence.StoredFile>();
        foreach (var file in evidence)
        {
            stored.Add(await files.StoreAsync(file, ct));
        }

        var now = time.UtcNow;
        var settledNow = changing && CouncilRules.IsSettledStatus(form.Status);
        owner.Status = form.Status;
        owner.DoneOn = doneOn;
        owner.NotApplicableReason = reason;
        if (settledNow)
        {
            owner.ReportedAt = now;
            owner.ReportedByName = actor.Name;
        }

        owner.UpdatedAt = now;
        owner.Version++;
        var note = new CouncilProgressNote
        {
            OwnerId = owner.Id,
            InstitutionId = owner.InstitutionId,
            Text = text ?? reason ?? string.Empty,
            Status = form.Status,
            Link = link,
            AuthorUserId = actor.AccountId,
            AuthorName = actor.Name,
            CreatedAt = now,
            Files = stored.Select(f => new CouncilEvidence
            {
                Id = Guid.NewGuid(),
                InstitutionId = owner.InstitutionId,
                FileName = f.FileName,
                ContentType = f.Type.ContentType,
                SizeBytes = f.SizeBytes,
                Sha256 = f.Sha256,
                UploadedById = actor.AccountId,
                UploadedAt = now,
            }).ToList(),
        };
        db.CouncilProgressNotes.Add(note);
        await SaveOwnerAsync(db, ct, expectedVersion is not null);

        if (settledNow)
        {
            await notifications.PublishAsync(
                NotificationKind.CouncilProgressReported,
                NotificationAudience.Center,
                [await InstitutionArgAsync(db, owner.InstitutionId, ct), NotificationArg.Ltr(Reference(owner)), new NotificationArg(
                    localizer.WithCulture(Bilingual.CreateCulture(Bilingual.Arabic), $"Council_Status_{form.Status}"),
                    localizer.WithCulture(Bilingual.CreateCulture(Bilingual.English), $"Council_Status_{form.Status}"))],
                $"council/assignments/{owner.Id}",
                onceKey: null,
                ct);
        }
    }

    /// <summary>The version of an assignment the actor may read (for the API's If-Match); another institution's is not found.</summary>
    public async Task<int> VersionAsync(Actor actor, int ownerId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CouncilAccess.VisibleOwners(db.CouncilDecisionOwners.AsNoTracking(), actor).Where(o => o.Id == ownerId)
            .Select(o => (int?)o.Version).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
    }

    /// <summary>The center accepts an institution's "done" (or "not applicable"): from now on it counts as such.</summary>
    public async Task AcceptAsync(Actor actor, int ownerId, string? comment, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var owner = await OwnerForChangeAsync(db, actor, ownerId, ct, _ => actor.EnsureCenter());
        if (!CouncilRules.IsSettledStatus(owner.Status) || owner.AcceptedAt is not null)
        {
            throw new RuleViolationException("Council_NothingToAccept");
        }

        var now = time.UtcNow;
        owner.AcceptedAt = now;
        owner.AcceptedByName = actor.Name;
        owner.UpdatedAt = now;
        owner.Version++;
        db.CouncilProgressNotes.Add(CenterNote(owner, actor, CouncilInput.Optional(comment, 4000, "Council_TooLong") ?? string.Empty, now));
        await SaveOwnerAsync(db, ct);
        await notifications.PublishAsync(
            NotificationKind.CouncilOutcomeAccepted,
            NotificationAudience.Institution(owner.InstitutionId),
            [NotificationArg.Ltr(Reference(owner))],
            $"council/assignments/{owner.Id}",
            onceKey: null,
            ct);
    }

    /// <summary>The center reopens a reported (or accepted) "done" or "not applicable" with its reason: back to in progress.</summary>
    public async Task ReopenAsync(Actor actor, int ownerId, string? reason, CancellationToken ct)
    {
        var why = CouncilInput.Required(reason, 4000, "Council_ReopenReasonRequired", "Council_TooLong");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor, why);
        var owner = await OwnerForChangeAsync(db, actor, ownerId, ct, _ => actor.EnsureCenter());
        if (!CouncilRules.IsSettledStatus(owner.Status))
        {
            throw new RuleViolationException("Council_NothingToReopen");
        }

        var now = time.UtcNow;
        owner.Status = CouncilOwnerStatus.InProgress;
        owner.DoneOn = null;
        owner.NotApplicableReason = null;
        owner.AcceptedAt = null;
        owner.AcceptedByName = null;
        owner.UpdatedAt = now;
        owner.Version++;
        db.CouncilProgressNotes.Add(CenterNote(owner, actor, why, now));
        await SaveOwnerAsync(db, ct);
        await notifications.PublishAsync(
            NotificationKind.CouncilOutcomeReopened,
            NotificationAudience.Institution(owner.InstitutionId),
            [NotificationArg.Ltr(Reference(owner))],
            $"council/assignments/{owner.Id}",
            onceKey: null,
            ct);
    }

    /// <summary>The decisions and their follow-up as the actor may see them, one row per owner, as Excel.</summary>
    public async Task<FileDownload> ExportAsync(Actor actor, AssignmentFilter filter, CancellationToken ct)
    {
        var rows = await ListAsync(actor, filter, ct);
        var sheet = new ExcelSheet(
            L("Council_DecisionsSheet"),
            (L("Council_Reference"), 10), (L("Council_Meeting"), 36), (L("Council_MeetingDay"), 13),
            (L("Council_Kind"), 14), (L("Council_DecisionText"), 60), (L("InstitutionCode"), 14),
            (L("Institution"), 34), (L("Council_DueOn"), 13), (L("Status"), 18), (L("Council_DoneOn"), 13),
            (L("Council_AcceptedByCenter"), 14), (L("Council_Overdue"), 10));
        foreach (var r in rows)
        {
            sheet.Add(
                r.Reference,
                Bilingual.Pick(r.MeetingTitleAr, r.MeetingTitleEn),
                r.MeetingDay,
                L($"Council_Kind_{r.Kind}"),
                Bilingual.Pick(r.TextAr, r.TextEn),
                r.Institution.Code,
                Bilingual.Pick(r.Institution.NameAr, r.Institution.NameEn),
                r.DueOn,
                L($"Council_Status_{r.Status}"),
                r.DoneOn,
                L(r.Accepted ? "Yes" : "No"),
                L(r.Overdue ? "Yes" : "No"));
        }

        return sheet.ToFile("council-decisions.xlsx");
    }

    private string L(string key) => localizer[key];

    internal sealed record OwnerRow(
        int Id, int DecisionId, int Sequence, CouncilOutcomeKind Kind, string TextAr, string TextEn, int MeetingId, int? MeetingNumber,
        string MeetingTitleAr, string MeetingTitleEn, DateTime MeetingStartsAt, CouncilMeetingStatus MeetingStatus, int InstitutionId,
        string InstitutionCode, string InstitutionAr, string InstitutionEn, DateOnly DueOn, CouncilOwnerStatus Status, DateOnly? DoneOn,
        DateTime? AcceptedAt, DateTime UpdatedAt);

    /// <summary>The assignments the actor may see (of meetings not cancelled), filtered on the entity before they are projected.</summary>
    private static IQueryable<OwnerRow> Query(
        StrategyGovDbContext db, Actor actor, Func<IQueryable<CouncilDecisionOwner>, IQueryable<CouncilDecisionOwner>> filter) =>
        filter(CouncilAccess.VisibleOwners(db.CouncilDecisionOwners.AsNoTracking(), actor))
            .Where(o => o.Decision.Meeting.Status != CouncilMeetingStatus.Cancelled)
            .Select(o => new OwnerRow(
                o.Id, o.DecisionId, o.Decision.Sequence, o.Decision.Kind, o.Decision.TextAr, o.Decision.TextEn, o.Decision.MeetingId,
                o.Decision.Meeting.Number, o.Decision.Meeting.TitleAr, o.Decision.Meeting.TitleEn, o.Decision.Meeting.StartsAt,
                o.Decision.Meeting.Status, o.InstitutionId, o.Institution.Code, o.Institution.NameAr, o.Institution.NameEn,
                o.Decision.DueOn, o.Status, o.DoneOn, o.AcceptedAt, o.UpdatedAt));

    private AssignmentRow ToRow(OwnerRow o, DateOnly today) => new(
        o.Id, o.DecisionId, CouncilRules.Reference(o.MeetingNumber, o.MeetingId, o.Sequence), o.Kind, o.TextAr, o.TextEn, o.MeetingId,
        o.MeetingTitleAr, o.MeetingTitleEn, time.LocalDay(o.MeetingStartsAt), new CouncilRef(o.InstitutionId, o.InstitutionCode, o.InstitutionAr, o.InstitutionEn),
        o.DueOn, o.Status, o.DoneOn, o.AcceptedAt is not null,
        o.MeetingStatus == CouncilMeetingStatus.Closed && CouncilRules.IsOverdue(o.Status, o.DueOn, today), o.UpdatedAt);

    /// <summary>
    /// The assignment, tracked: not found unless the actor may read it, then <paramref name="ensureAccess"/>
    /// (403 for one who may only read it), then refused until its meeting is closed.
    /// </summary>
    private static async Task<CouncilDecisionOwner> OwnerForChangeAsync(
        StrategyGovDbContext db, Actor actor, int ownerId, CancellationToken ct, Action<CouncilDecisionOwner> ensureAccess)
    {
        var owner = await CouncilAccess.VisibleOwners(db.CouncilDecisionOwners, actor)
            .Include(o => o.Decision).ThenInclude(d => d.Meeting)
            .SingleOrDefaultAsync(o => o.Id == ownerId, ct) ?? throw new NotFoundException();
        ensureAccess(owner);
        if (owner.Decision.Meeting.Status != CouncilMeetingStatus.Closed)
        {
            throw new RuleViolationException("Council_FollowUpAfterClose");
        }

        return owner;
    }

    private static CouncilProgressNote CenterNote(CouncilDecisionOwner owner, Actor actor, string text, DateTime now) => new()
    {
        OwnerId = owner.Id,
        InstitutionId = owner.InstitutionId,
        Text = text,
        Status = owner.Status,
        ByCenter = true,
        AuthorUserId = actor.UserId,
        AuthorName = actor.Name,
        CreatedAt = now,
    };

    private static string Reference(CouncilDecisionOwner owner) =>
        CouncilRules.Reference(owner.Decision.Meeting.Number, owner.Decision.MeetingId, owner.Decision.Sequence);

    private static async Task<NotificationArg> InstitutionArgAsync(StrategyGovDbContext db, int institutionId, CancellationToken ct)
    {
        var names = await db.Institutions.AsNoTracking().Where(i => i.Id == institutionId).Select(i => new { i.NameAr, i.NameEn }).SingleAsync(ct);
        return new NotificationArg(names.NameAr, names.NameEn);
    }

    // A caller that named the version it read (the API's If-Match) and lost the race to another writer between
    // the check and the save is refused as a stale precondition (412), as if the check had seen it; others get
    // the page's message.
    private static async Task SaveOwnerAsync(StrategyGovDbContext db, CancellationToken ct, bool versionExpected = false)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException) when (versionExpected)
        {
            throw new ConcurrencyConflictException();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleViolationException("Council_ChangedMeanwhile");
        }
    }
}
