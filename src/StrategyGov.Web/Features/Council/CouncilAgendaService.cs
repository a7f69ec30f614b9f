using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Council;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Notifications;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Features.Roles;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Council;

/// <summary>
/// A meeting's agenda (items with presenter, duration and the pillar or practice they serve), the
/// institutions and people invited (from the role register) and their attendance. The center keeps them
/// until the meeting is closed.
/// </summary>
public sealed class CouncilAgendaService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    CouncilTime time,
    NotificationService notifications)
{
    /// <summary>Invited when no role is chosen: the institution's director of communication and media.</summary>
    public static readonly IReadOnlyList<string> DefaultRoles = ["COMM-DIRECTOR"];

    public async Task<int> SaveItemAsync(Actor actor, int meetingId, AgendaItemForm form, CancellationToken ct)
    {
        var titleAr = CouncilInput.Required(form.TitleAr, 500, "Council_TitleArRequired", "Council_TooLong");
        var titleEn = CouncilInput.Required(form.TitleEn, 500, "Council_TitleEnRequired", "Council_TooLong");
        var duration = CouncilInput.Whole(form.Duration, 1, 240, "Council_ItemDurationRange");
        var presenter = CouncilInput.Optional(form.PresenterName, 200, "Council_TooLong");
        var notesAr = CouncilInput.Optional(form.NotesAr, 4000, "Council_TooLong");
        var notesEn = CouncilInput.Optional(form.NotesEn, 4000, "Council_TooLong");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var meeting = await CouncilAccess.ForEditAsync(db, actor, meetingId, ct);
        var pillarId = form.PillarId;
        if (form.PracticeId is { } practiceId)
        {
            pillarId = await db.Practices.Where(p => p.Id == practiceId && p.Pillar.StrategyVersion.Status == StrategyStatus.Published)
                .Select(p => (int?)p.PillarId).SingleOrDefaultAsync(ct) ?? throw new RuleViolationException("Council_PracticeUnknown");
            if (form.PillarId is { } chosen && chosen != pillarId)
            {
                throw new RuleViolationException("Council_PracticeNotInPillar");
            }
        }
        else if (pillarId is { } id && !await db.Pillars.AnyAsync(p => p.Id == id && p.StrategyVersion.Status == StrategyStatus.Published, ct))
        {
            throw new RuleViolationException("Council_PillarUnknown");
        }

        CouncilAgendaItem item;
        if (form.Id is { } itemId)
        {
            item = await db.CouncilAgendaItems.SingleOrDefaultAsync(a => a.Id == itemId && a.MeetingId == meetingId, ct) ?? throw new NotFoundException();
        }
        else
        {
            var last = await db.CouncilAgendaItems.Where(a => a.MeetingId == meetingId).MaxAsync(a => (int?)a.Order, ct) ?? 0;
            item = new CouncilAgendaItem { MeetingId = meetingId, Order = last + 1, TitleAr = titleAr, TitleEn = titleEn };
            db.CouncilAgendaItems.Add(item);
        }

        item.TitleAr = titleAr;
        item.TitleEn = titleEn;
        item.PresenterName = presenter;
        item.DurationMinutes = duration;
        item.PillarId = pillarId;
        item.PracticeId = form.PracticeId;
        item.NotesAr = notesAr;
        item.NotesEn = notesEn;
        CouncilAccess.Touch(meeting, time.UtcNow);
        await CouncilMeetingService.SaveAsync(db, ct);
        return item.Id;
    }

    /// <summary>Takes an item off the agenda; refused while decisions were taken on it.</summary>
    public async Task RemoveItemAsync(Actor actor, int itemId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var item = await ItemAsync(db, actor, itemId, ct);
        var meeting = await CouncilAccess.ForEditAsync(db, actor, item.MeetingId, ct);
        if (await db.CouncilDecisions.AnyAsync(d => d.AgendaItemId == itemId, ct))
        {
            throw new RuleViolationException("Council_ItemHasDecisions");
        }

        db.CouncilAgendaItems.Remove(item);
        CouncilAccess.Touch(meeting, time.UtcNow);
        await CouncilMeetingService.SaveAsync(db, ct);
    }

    /// <summary>Moves an item one place up (−1) or down (+1) the agenda.</summary>
    public async Task MoveItemAsync(Actor actor, int itemId, int direction, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var item = await ItemAsync(db, actor, itemId, ct);
        var meeting = await CouncilAccess.ForEditAsync(db, actor, item.MeetingId, ct);
        var items = await db.CouncilAgendaItems.Where(a => a.MeetingId == item.MeetingId).OrderBy(a => a.Order).ThenBy(a => a.Id).ToListAsync(ct);
        var index = items.FindIndex(a => a.Id == itemId);
        var target = index + Math.Sign(direction);
        if (target < 0 || target >= items.Count)
        {
            return;
        }

        (items[index], items[target]) = (items[target], items[index]);
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Order = i + 1;
        }

        CouncilAccess.Touch(meeting, time.UtcNow);
        await CouncilMeetingService.SaveAsync(db, ct);
    }

    /// <summary>
    /// Invites institutions, each with the current holders of the chosen roles in its role register
    /// (copied, so the invitation keeps who was invited). An institution already invited is left as it is.
    /// Returns how many were newly invited; they are told.
    /// </summary>
    public async Task<int> InviteAsync(Actor actor, int meetingId, IReadOnlyCollection<int> institutionIds, IReadOnlyCollection<string> roleCodes, CancellationToken ct)
    {
        if (institutionIds.Count == 0)
        {
            throw new RuleViolationException("Council_InviteNone");
        }

        var roles = roleCodes.Count == 0 ? DefaultRoles : roleCodes.Distinct(StringComparer.Ordinal).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var meeting = await CouncilAccess.ForEditAsync(db, actor, meetingId, ct);
        var wanted = institutionIds.Distinct().ToList();
        var known = await db.Institutions.Where(i => wanted.Contains(i.Id) && i.IsActive).Select(i => i.Id).ToListAsync(ct);
        if (known.Count != wanted.Count)
        {
            throw new RuleViolationException("Council_InstitutionUnknown");
        }

        var already = await db.CouncilInvitations.Where(i => i.MeetingId == meetingId).Select(i => i.InstitutionId).ToListAsync(ct);
        var fresh = wanted.Except(already).ToList();
        var today = time.Today;
        var holders = (await db.RoleAssignments.AsNoTracking()
                .Where(a => fresh.Contains(a.InstitutionId) && roles.Contains(a.Role.Code))
                .Select(a => new { a.InstitutionId, a.Role.Code, a.Role.Order, a.PersonName, a.PersonTitle, a.Email, a.StartsOn, a.EndsOn })
                .ToListAsync(ct))
            .Where(a => VacancyRules.IsCurrent(a.StartsOn, a.EndsOn, today))
            .ToLookup(a => a.InstitutionId);
        var now = time.UtcNow;
        foreach (var institutionId in fresh)
        {
            db.CouncilInvitations.Add(new CouncilInvitation
            {
                MeetingId = meetingId,
                InstitutionId = institutionId,
                InvitedAt = now,
                People = holders[institutionId].OrderBy(h => h.Order).Select(h => new CouncilInvitee
                {
                    InstitutionId = institutionId,
                    PersonName = h.PersonName,
                    PersonTitle = h.PersonTitle,
                    Email = h.Email,
                    RoleCode = h.Code,
                }).ToList(),
            });
        }

        CouncilAccess.Touch(meeting, now);
        await CouncilMeetingService.SaveAsync(db, ct);

        var date = CouncilInput.Iso(time.LocalDay(meeting.StartsAt));
        foreach (var institutionId in fresh)
        {
            await notifications.PublishAsync(
                NotificationKind.CouncilInvited,
                NotificationAudience.Institution(institutionId),
                [new NotificationArg(meeting.TitleAr, meeting.TitleEn), NotificationArg.Ltr(date)],
                $"council/meetings/{meetingId}",
                $"council-invited:{meetingId}",
                ct);
        }

        return fresh.Count;
    }

    /// <summary>Withdraws an invitation; refused once the institution owns a decision of the meeting.</summary>
    public async Task RemoveInvitationAsync(Actor actor, int invitationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var invitation = await db.CouncilInvitations.Include(i => i.People).SingleOrDefaultAsync(i => i.Id == invitationId, ct) ?? throw new NotFoundException();
        var meeting = await CouncilAccess.ForEditAsync(db, actor, invitation.MeetingId, ct);
        if (await db.CouncilDecisionOwners.AnyAsync(o => o.Decision.MeetingId == invitation.MeetingId && o.InstitutionId == invitation.InstitutionId, ct))
        {
            throw new RuleViolationException("Council_InvitationHasDecisions");
        }

        db.CouncilInvitations.Remove(invitation);
        CouncilAccess.Touch(meeting, time.UtcNow);
        await CouncilMeetingService.SaveAsync(db, ct);
    }

    /// <summary>
    /// Records how an institution attended a meeting being held: present (by one of its invited people, the
    /// first by default), by a delegate (name and title required; approved or not by the center), absent, or
    /// apologised.
    /// </summary>
    public async Task RecordAttendanceAsync(Actor actor, int invitationId, AttendanceForm form, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var invitation = await db.CouncilInvitations.Include(i => i.People).SingleOrDefaultAsync(i => i.Id == invitationId, ct) ?? throw new NotFoundException();
        var meeting = await CouncilAccess.ForEditAsync(db, actor, invitation.MeetingId, ct);
        if (meeting.Status != CouncilMeetingStatus.InProgress)
        {
            throw new RuleViolationException("Council_AttendanceNotHeld");
        }

        var name = CouncilInput.Optional(form.AttendeeName, 200, "Council_TooLong");
        var title = CouncilInput.Optional(form.AttendeeTitle, 200, "Council_TooLong");
        switch (form.Attendance)
        {
            case CouncilAttendance.Present:
                var first = invitation.People.OrderBy(p => p.Id).FirstOrDefault();
                name ??= first?.PersonName ?? throw new RuleViolationException("Council_AttendeeRequired");
                title ??= first is not null && name == first.PersonName ? first.PersonTitle : null;
                break;
            case CouncilAttendance.Delegate:
                if (name is null || title is null)
                {
                    throw new RuleViolationException("Council_DelegateRequired");
                }

                break;
            case CouncilAttendance.Absent or CouncilAttendance.Apologised:
                name = null;
                title = null;
                break;
            default:
                throw new RuleViolationException("Council_AttendanceRequired");
        }

        invitation.Attendance = form.Attendance;
        invitation.AttendeeName = name;
        invitation.AttendeeTitle = title;
        invitation.DelegateApproved = form.Attendance == CouncilAttendance.Delegate && form.DelegateApproved;
        invitation.AttendanceNote = CouncilInput.Optional(form.Note, 1000, "Council_TooLong");
        invitation.AttendanceRecordedAt = time.UtcNow;
        invitation.AttendanceRecordedByName = actor.Name;
        CouncilAccess.Touch(meeting, time.UtcNow);
        await CouncilMeetingService.SaveAsync(db, ct);
    }

    private static async Task<CouncilAgendaItem> ItemAsync(StrategyGovDbContext db, Actor actor, int itemId, CancellationToken ct)
    {
        var item = await db.CouncilAgendaItems.SingleOrDefaultAsync(a => a.Id == itemId, ct) ?? throw new NotFoundException();

        // Visibility first: an institution that was not invited learns nothing about the item.
        if (!await CouncilAccess.Visible(db.CouncilMeetings, actor).AnyAsync(m => m.Id == item.MeetingId, ct))
        {
            throw new NotFoundException();
        }

        return item;
    }
}
