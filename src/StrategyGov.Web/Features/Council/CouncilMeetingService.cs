using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Council;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Notifications;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Council;

/// <summary>
/// The council's meetings: the center schedules them (in a series or on their own), holds them (Open →
/// InProgress → Closed, or Cancelled) and keeps their minutes; the invited institutions and officials
/// read them. Agenda and participants: <see cref="CouncilAgendaService"/>; decisions: <see cref="CouncilDecisionService"/>.
/// </summary>
public sealed class CouncilMeetingService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    CouncilTime time,
    NotificationService notifications)
{
    public const int MinDuration = 15;
    public const int MaxDuration = 720;
    public const int MaxMinutesLength = 20000;

    public async Task<CouncilLookups> LookupsAsync(Actor actor, CancellationToken ct)
    {
        Actor.Ensure(actor.SeesAllInstitutions || actor.IsInstitutionUser);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var series = await db.CouncilSeries.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Code)
            .Select(s => new SeriesRef(
                s.Id, s.Code, s.TitleAr, s.TitleEn, s.DefaultPlace, s.DefaultDurationMinutes,
                (db.CouncilMeetings.Where(m => m.SeriesId == s.Id).Max(m => m.Number) ?? 0) + 1))
            .ToListAsync(ct);
        var institutions = await db.Institutions.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.Type.Order).ThenBy(i => i.Code)
            .Select(i => new CouncilRef(i.Id, i.Code, i.NameAr, i.NameEn)).ToListAsync(ct);
        var pillars = await db.Pillars.AsNoTracking().Where(p => p.StrategyVersion.Status == StrategyStatus.Published).OrderBy(p => p.Order)
            .Select(p => new CouncilRef(p.Id, p.Code, p.NameAr, p.NameEn)).ToListAsync(ct);
        var practices = await db.Practices.AsNoTracking().Where(p => p.Pillar.StrategyVersion.Status == StrategyStatus.Published)
            .OrderBy(p => p.Pillar.Order).ThenBy(p => p.Order)
            .Select(p => new PracticeRef(p.Id, p.Code, p.NameAr, p.NameEn, p.PillarId)).ToListAsync(ct);
        var roles = await db.CommunicationRoles.AsNoTracking().OrderBy(r => r.Order)
            .Select(r => new RoleRef(r.Code, r.TitleAr, r.TitleEn)).ToListAsync(ct);
        return new CouncilLookups(series, institutions, pillars, practices, roles);
    }

    /// <summary>The meetings the actor may see, latest first.</summary>
    public async Task<IReadOnlyList<MeetingRow>> ListAsync(Actor actor, MeetingFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await CouncilAccess.Visible(db.CouncilMeetings.AsNoTracking(), actor)
            .Where(m => filter.SeriesId == null || m.SeriesId == filter.SeriesId)
            .Where(m => filter.Status == null || m.Status == filter.Status)
            .Where(m => filter.ChangedSince == null || m.UpdatedAt >= filter.ChangedSince)
            .OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id)
            .Select(m => new
            {
                m.Id, SeriesAr = m.Series == null ? null : m.Series.TitleAr, SeriesEn = m.Series == null ? null : m.Series.TitleEn, m.Number,
                m.TitleAr, m.TitleEn, m.StartsAt, m.DurationMinutes, m.Place, m.OnlineUrl, m.Status,
                Invited = m.Invitations.Count, Agenda = m.AgendaItems.Count, Decisions = m.Decisions.Count, m.UpdatedAt,
            })
            .ToListAsync(ct);
        return rows.Select(m =>
        {
            var starts = time.ToLocal(m.StartsAt);
            return new MeetingRow(m.Id, m.SeriesAr, m.SeriesEn, m.Number, m.TitleAr, m.TitleEn, m.StartsAt, starts, starts.AddMinutes(m.DurationMinutes),
                m.Place, m.OnlineUrl, m.Status, m.Invited, m.Agenda, m.Decisions, m.UpdatedAt);
        }).ToList();
    }

    /// <summary>One meeting with its agenda, participants, decisions and files; another institution's meeting is not found.</summary>
    public async Task<MeetingView> GetAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await CouncilAccess.Visible(db.CouncilMeetings.AsNoTracking(), actor)
            .AsSplitQuery()
            .Include(m => m.Series)
            .Include(m => m.AgendaItems).ThenInclude(a => a.Pillar)
            .Include(m => m.AgendaItems).ThenInclude(a => a.Practice)
            .Include(m => m.Invitations).ThenInclude(i => i.Institution)
            .Include(m => m.Invitations).ThenInclude(i => i.People)
            .Include(m => m.Decisions).ThenInclude(d => d.Owners).ThenInclude(o => o.Institution)
            .Include(m => m.Attachments)
            .SingleOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new NotFoundException();
        return ToView(actor, meeting, time);
    }

    /// <summary>A new meeting's form: in a series, its next number, place and duration are filled in.</summary>
    public async Task<MeetingForm> NewFormAsync(Actor actor, int? seriesId, CancellationToken ct)
    {
        actor.EnsureCenter();
        var form = new MeetingForm { Date = CouncilInput.Iso(time.Today.AddDays(14)) };
        if (seriesId is null)
        {
            return form;
        }

        var series = (await LookupsAsync(actor, ct)).Series.SingleOrDefault(s => s.Id == seriesId) ?? throw new NotFoundException();
        form.SeriesId = series.Id;
        form.Number = series.NextNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        form.TitleAr = $"{series.TitleAr} ({series.NextNumber})";
        form.TitleEn = $"{series.TitleEn} ({series.NextNumber})";
        form.Place = series.DefaultPlace;
        form.Duration = series.DefaultDurationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return form;
    }

    public async Task<MeetingForm> FormAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        var view = await GetAsync(actor, meetingId, ct);
        Actor.Ensure(view.CanManage);
        return new MeetingForm
        {
            Id = view.Id,
            SeriesId = view.SeriesId,
            Number = view.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TitleAr = view.TitleAr,
            TitleEn = view.TitleEn,
            Date = CouncilInput.Iso(view.Day),
            Time = CouncilInput.Iso(TimeOnly.FromDateTime(view.StartsLocal)),
            Duration = view.DurationMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Place = view.Place,
            OnlineUrl = view.OnlineUrl,
        };
    }

    /// <summary>Schedules a meeting or changes one still open (its date and place only before it is held).</summary>
    public async Task<int> SaveAsync(Actor actor, MeetingForm form, CancellationToken ct)
    {
        actor.EnsureCenter();
        var titleAr = CouncilInput.Required(form.TitleAr, 300, "Council_TitleArRequired", "Council_TooLong");
        var titleEn = CouncilInput.Required(form.TitleEn, 300, "Council_TitleEnRequired", "Council_TooLong");
        var day = CouncilInput.Date(form.Date, "Council_DateInvalid");
        var startTime = CouncilInput.Time(form.Time, "Council_TimeInvalid");
        var duration = CouncilInput.Whole(form.Duration, MinDuration, MaxDuration, "Council_DurationRange");
        int? number = CouncilInput.Clean(form.Number) is null ? null : CouncilInput.Whole(form.Number, 1, 9999, "Council_NumberRange");
        var place = CouncilInput.Optional(form.Place, 300, "Council_TooLong");
        var online = CouncilInput.Url(form.OnlineUrl, "Council_UrlInvalid");
        if (place is null && online is null)
        {
            throw new RuleViolationException("Council_PlaceRequired");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        if (form.SeriesId is { } seriesId && !await db.CouncilSeries.AnyAsync(s => s.Id == seriesId, ct))
        {
            throw new RuleViolationException("Council_SeriesUnknown");
        }

        if (number is not null && form.SeriesId is null)
        {
            throw new RuleViolationException("Council_NumberWithoutSeries");
        }

        if (number is not null && await db.CouncilMeetings.AnyAsync(m => m.SeriesId == form.SeriesId && m.Number == number && m.Id != form.Id, ct))
        {
            throw new RuleViolationException("Council_NumberTaken", number);
        }

        var now = time.UtcNow;
        var startsAt = time.ToUtc(day, startTime);
        CouncilMeeting meeting;
        if (form.Id is { } id)
        {
            meeting = await CouncilAccess.ForEditAsync(db, actor, id, ct);
            if (meeting.Status != CouncilMeetingStatus.Open && (meeting.StartsAt != startsAt || meeting.DurationMinutes != duration))
            {
                throw new RuleViolationException("Council_RescheduleAfterStart");
            }
        }
        else
        {
            if (day < time.Today)
            {
                throw new RuleViolationException("Council_DateInPast");
            }

            meeting = new CouncilMeeting { TitleAr = titleAr, TitleEn = titleEn, Status = CouncilMeetingStatus.Open, CreatedAt = now };
            db.CouncilMeetings.Add(meeting);
        }

        meeting.SeriesId = form.SeriesId;
        meeting.Number = number;
        meeting.TitleAr = titleAr;
        meeting.TitleEn = titleEn;
        meeting.StartsAt = startsAt;
        meeting.DurationMinutes = duration;
        meeting.Place = place;
        meeting.OnlineUrl = online;
        CouncilAccess.Touch(meeting, now);
        await SaveAsync(db, ct);
        return meeting.Id;
    }

    /// <summary>A new series of meetings (the center's periodic meeting of media directors, …).</summary>
    public async Task<int> SaveSeriesAsync(Actor actor, SeriesForm form, CancellationToken ct)
    {
        actor.EnsureCenter();
        var code = CouncilInput.Required(form.Code, 32, "Council_SeriesCodeRequired", "Council_TooLong").ToUpperInvariant();
        if (code.Any(char.IsWhiteSpace))
        {
            throw new RuleViolationException("Council_SeriesCodeInvalid");
        }

        var series = new CouncilSeries
        {
            Code = code,
            TitleAr = CouncilInput.Required(form.TitleAr, 300, "Council_TitleArRequired", "Council_TooLong"),
            TitleEn = CouncilInput.Required(form.TitleEn, 300, "Council_TitleEnRequired", "Council_TooLong"),
            DefaultPlace = CouncilInput.Optional(form.DefaultPlace, 300, "Council_TooLong"),
            DefaultDurationMinutes = CouncilInput.Whole(form.Duration, MinDuration, MaxDuration, "Council_DurationRange"),
            CreatedAt = time.UtcNow,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        if (await db.CouncilSeries.AnyAsync(s => s.Code == code, ct))
        {
            throw new RuleViolationException("Council_SeriesCodeTaken", code);
        }

        db.CouncilSeries.Add(series);
        await db.SaveChangesAsync(ct);
        return series.Id;
    }

    /// <summary>The meeting is being held: attendance can be recorded from now on. Not before its day.</summary>
    public async Task StartAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var meeting = await CouncilAccess.ForEditAsync(db, actor, meetingId, ct);
        if (meeting.Status != CouncilMeetingStatus.Open)
        {
            throw new RuleViolationException("Council_StatusChangeNotAllowed");
        }

        if (time.LocalDay(meeting.StartsAt) > time.Today)
        {
            throw new RuleViolationException("Council_StartBeforeDay");
        }

        meeting.Status = CouncilMeetingStatus.InProgress;
        CouncilAccess.Touch(meeting, time.UtcNow);
        await SaveAsync(db, ct);
    }

    /// <summary>
    /// Closes a meeting being held: every invited institution's attendance must be recorded and every
    /// decision have an owner. From now on its outcomes are locked and the owners follow them up; they are told.
    /// </summary>
    public async Task CloseAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var meeting = await CouncilAccess.ForEditAsync(db, actor, meetingId, ct);
        if (meeting.Status != CouncilMeetingStatus.InProgress)
        {
            throw new RuleViolationException("Council_CloseNotHeld");
        }

        var unrecorded = await db.CouncilInvitations.CountAsync(i => i.MeetingId == meetingId && i.Attendance == CouncilAttendance.NotRecorded, ct);
        if (unrecorded > 0)
        {
            throw new RuleViolationException("Council_CloseAttendanceMissing", unrecorded);
        }

        if (await db.CouncilDecisions.AnyAsync(d => d.MeetingId == meetingId && !d.Owners.Any(), ct))
        {
            throw new RuleViolationException("Council_DecisionOwnerRequired");
        }

        var now = time.UtcNow;
        meeting.Status = CouncilMeetingStatus.Closed;
        meeting.ClosedAt = now;
        meeting.ClosedByName = actor.Name;
        CouncilAccess.Touch(meeting, now);
        await SaveAsync(db, ct);

        var owners = await db.CouncilDecisionOwners.AsNoTracking().Where(o => o.Decision.MeetingId == meetingId)
            .GroupBy(o => o.InstitutionId).Select(g => new { InstitutionId = g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var owner in owners)
        {
            await notifications.PublishAsync(
                NotificationKind.CouncilDecisionAssigned,
                NotificationAudience.Institution(owner.InstitutionId),
                [new NotificationArg(meeting.TitleAr, meeting.TitleEn), NotificationArg.Ltr(owner.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))],
                "council/decisions",
                $"council-assigned:{meetingId}",
                ct);
        }
    }

    /// <summary>Cancels a meeting not yet closed, with the reason; it stays listed, struck through, and never counts for attendance.</summary>
    public async Task CancelAsync(Actor actor, int meetingId, string? reason, CancellationToken ct)
    {
        var why = CouncilInput.Required(reason, 1000, "Council_CancelReasonRequired", "Council_TooLong");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor, why);
        var meeting = await CouncilAccess.ForEditAsync(db, actor, meetingId, ct);
        meeting.Status = CouncilMeetingStatus.Cancelled;
        meeting.CancelReason = why;
        CouncilAccess.Touch(meeting, time.UtcNow);
        await SaveAsync(db, ct);
    }

    /// <summary>The minutes in both languages (plain text with a little Markdown); locked with the meeting.</summary>
    public async Task SaveMinutesAsync(Actor actor, int meetingId, string? minutesAr, string? minutesEn, CancellationToken ct)
    {
        var ar = CouncilInput.Optional(minutesAr, MaxMinutesLength, "Council_TooLong");
        var en = CouncilInput.Optional(minutesEn, MaxMinutesLength, "Council_TooLong");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var meeting = await CouncilAccess.ForEditAsync(db, actor, meetingId, ct);
        meeting.MinutesAr = ar;
        meeting.MinutesEn = en;
        CouncilAccess.Touch(meeting, time.UtcNow);
        await SaveAsync(db, ct);
    }

    /// <summary>Saves, turning a change someone else made to the same meeting meanwhile into a message.</summary>
    internal static async Task SaveAsync(StrategyGovDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleViolationException("Council_ChangedMeanwhile");
        }
    }

    internal static MeetingView ToView(Actor actor, CouncilMeeting m, CouncilTime time)
    {
        var starts = time.ToLocal(m.StartsAt);
        var today = time.Today;
        var agenda = m.AgendaItems.OrderBy(a => a.Order).ThenBy(a => a.Id).ToList();
        var agendaOrder = agenda.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return new MeetingView(
            m.Id,
            m.SeriesId,
            m.Series?.TitleAr,
            m.Series?.TitleEn,
            m.Number,
            m.TitleAr,
            m.TitleEn,
            m.StartsAt,
            starts,
            starts.AddMinutes(m.DurationMinutes),
            m.DurationMinutes,
            m.Place,
            m.OnlineUrl,
            m.Status,
            m.CancelReason,
            m.MinutesAr,
            m.MinutesEn,
            m.ClosedAt is { } closed ? time.ToLocal(closed) : null,
            m.ClosedByName,
            m.UpdatedAt,
            agenda.Select(a => new AgendaItemView(
                a.Id, a.Order, a.TitleAr, a.TitleEn, a.NotesAr, a.NotesEn, a.PresenterName, a.DurationMinutes,
                a.Pillar is { } p ? new CouncilRef(p.Id, p.Code, p.NameAr, p.NameEn) : null,
                a.Practice is { } q ? new CouncilRef(q.Id, q.Code, q.NameAr, q.NameEn) : null)).ToList(),
            m.Invitations.OrderBy(i => i.Institution.Code, StringComparer.Ordinal).Select(i => new InvitationView(
                i.Id,
                Ref(i.Institution),
                i.People.OrderBy(p => p.Id).Select(p => new InviteeView(p.Id, p.PersonName, p.PersonTitle, p.Email, p.RoleCode)).ToList(),
                i.Attendance,
                i.AttendeeName,
                i.AttendeeTitle,
                i.DelegateApproved,
                i.AttendanceNote)).ToList(),
            m.Decisions
                .OrderBy(d => agendaOrder.GetValueOrDefault(d.AgendaItemId)).ThenBy(d => d.Sequence)
                .Select(d => new DecisionView(
                    d.Id, d.AgendaItemId, CouncilRules.Reference(m.Number, m.Id, d.Sequence), d.Sequence, d.Kind, d.TextAr, d.TextEn, d.DueOn,
                    d.Owners.OrderBy(o => o.Institution.Code, StringComparer.Ordinal).Select(o =>
                    {
                        var visible = CouncilAccess.SeesFollowUp(actor, o.InstitutionId);
                        return new OwnerView(
                            o.Id, Ref(o.Institution), visible, visible ? o.Status : null, visible && o.AcceptedAt is not null,
                            visible && m.Status == CouncilMeetingStatus.Closed && CouncilRules.IsOverdue(o.Status, d.DueOn, today));
                    }).ToList()))
                .ToList(),
            m.Attachments.OrderBy(a => a.UploadedAt)
                .Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.UploadedByName, time.ToLocal(a.UploadedAt))).ToList(),
            actor.IsCenter);
    }

    private static CouncilRef Ref(Data.Institutions.Institution i) => new(i.Id, i.Code, i.NameAr, i.NameEn);
}
