using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Council;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Council;

/// <summary>
/// Who sees and changes what in the council (docs/decisions/0097): the center and officials see every
/// meeting; an institution's users see the meetings their institution was invited to, and the follow-up
/// of their own institution's decisions only. Only the center changes meetings; an institution reports
/// on its own assignments. Another institution's records are not found (404), a role that may not act
/// is refused (403).
/// </summary>
internal static class CouncilAccess
{
    public static IQueryable<CouncilMeeting> Visible(IQueryable<CouncilMeeting> meetings, Actor actor)
    {
        if (actor.SeesAllInstitutions)
        {
            return meetings;
        }

        if (actor.ReadsOneInstitution)
        {
            var own = actor.InstitutionId;
            return meetings.Where(m => m.Invitations.Any(i => i.InstitutionId == own));
        }

        throw new AccessDeniedException();
    }

    /// <summary>The assignments the actor may read: all for the center and officials, their institution's for its users.</summary>
    public static IQueryable<CouncilDecisionOwner> VisibleOwners(IQueryable<CouncilDecisionOwner> owners, Actor actor)
    {
        if (actor.SeesAllInstitutions)
        {
            return owners;
        }

        if (actor.ReadsOneInstitution)
        {
            var own = actor.InstitutionId;
            return owners.Where(o => o.InstitutionId == own);
        }

        throw new AccessDeniedException();
    }

    /// <summary>Whether the actor reads this owner's follow-up (status, notes, evidence).</summary>
    public static bool SeesFollowUp(Actor actor, int institutionId) => actor.SeesAllInstitutions || actor.IsMemberOf(institutionId);

    /// <summary>The meeting, tracked for a change by the center: 404 when the actor may not even see it, 403 when they may only read it.</summary>
    public static async Task<CouncilMeeting> ForChangeAsync(StrategyGovDbContext db, Actor actor, int meetingId, CancellationToken ct)
    {
        var meeting = await Visible(db.CouncilMeetings, actor).SingleOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new NotFoundException();
        actor.EnsureCenter();
        return meeting;
    }

    /// <summary>As <see cref="ForChangeAsync"/>, and refused once the meeting is closed or cancelled (its outcomes are locked).</summary>
    public static async Task<CouncilMeeting> ForEditAsync(StrategyGovDbContext db, Actor actor, int meetingId, CancellationToken ct)
    {
        var meeting = await ForChangeAsync(db, actor, meetingId, ct);
        EnsureNotLocked(meeting);
        return meeting;
    }

    public static void EnsureNotLocked(CouncilMeeting meeting)
    {
        if (meeting.Status is CouncilMeetingStatus.Closed or CouncilMeetingStatus.Cancelled)
        {
            throw new RuleViolationException("Council_Locked");
        }
    }

    /// <summary>Marks a change of the meeting (its version guards against two people changing it at once).</summary>
    public static void Touch(CouncilMeeting meeting, DateTime utcNow)
    {
        meeting.UpdatedAt = utcNow;
        meeting.Version++;
    }
}
