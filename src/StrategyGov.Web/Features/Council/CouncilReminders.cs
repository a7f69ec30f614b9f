using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Council;
using StrategyGov.Data.Notifications;
using StrategyGov.Web.Features.Notifications;

namespace StrategyGov.Web.Features.Council;

/// <summary>
/// The council's reminders and escalations, once each however often they run (once-keys, ADR 0081):
/// invited institutions a day before a meeting; owners <see cref="DecisionDaysAhead"/> days before a
/// decision is due; the center (and the owner) when a decision of a closed meeting is overdue.
/// </summary>
public sealed class CouncilReminders(IDbContextFactory<StrategyGovDbContext> dbFactory, NotificationService notifications, CouncilTime time) : IReminderPass
{
    public static readonly TimeSpan MeetingAhead = TimeSpan.FromDays(1);

    public const int DecisionDaysAhead = 3;

    /// <summary>Sends what is due now; returns how many notifications were written.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.UtcNow;
        var today = time.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var count = 0;

        var soon = now + MeetingAhead;
        var meetings = await db.CouncilInvitations.AsNoTracking()
            .Where(i => i.Meeting.Status == CouncilMeetingStatus.Open && i.Meeting.StartsAt > now && i.Meeting.StartsAt <= soon)
            .Select(i => new { i.MeetingId, i.InstitutionId, i.Meeting.TitleAr, i.Meeting.TitleEn, i.Meeting.StartsAt })
            .ToListAsync(ct);
        foreach (var m in meetings)
        {
            count += await notifications.PublishAsync(
                NotificationKind.CouncilMeetingSoon,
                NotificationAudience.Institution(m.InstitutionId),
                [new NotificationArg(m.TitleAr, m.TitleEn), NotificationArg.Ltr(time.ToLocal(m.StartsAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))],
                $"council/meetings/{m.MeetingId}",
                $"council-soon:{m.MeetingId}",
                ct);
        }

        var horizon = today.AddDays(DecisionDaysAhead);
        var open = await db.CouncilDecisionOwners.AsNoTracking()
            .Where(o => o.Decision.Meeting.Status == CouncilMeetingStatus.Closed)
            .Where(o => o.Status == CouncilOwnerStatus.NotStarted || o.Status == CouncilOwnerStatus.InProgress)
            .Where(o => o.Decision.DueOn <= horizon)
            .Select(o => new
            {
                o.Id, o.InstitutionId, o.Decision.DueOn, o.Decision.MeetingId, o.Decision.Meeting.Number, o.Decision.Sequence,
                InstitutionAr = o.Institution.NameAr, InstitutionEn = o.Institution.NameEn,
            })
            .ToListAsync(ct);
        foreach (var o in open)
        {
            var reference = NotificationArg.Ltr(CouncilRules.Reference(o.Number, o.MeetingId, o.Sequence));
            var due = NotificationArg.Ltr(CouncilInput.Iso(o.DueOn));
            var link = $"council/assignments/{o.Id}";
            if (o.DueOn >= today)
            {
                count += await notifications.PublishAsync(
                    NotificationKind.CouncilDecisionDueSoon, NotificationAudience.Institution(o.InstitutionId), [reference, due], link, $"council-due:{o.Id}", ct);
                continue;
            }

            var institution = new NotificationArg(o.InstitutionAr, o.InstitutionEn);
            count += await notifications.PublishAsync(
                NotificationKind.CouncilDecisionOverdue, NotificationAudience.Center, [reference, institution, due], link, $"council-overdue:{o.Id}", ct);
            count += await notifications.PublishAsync(
                NotificationKind.CouncilDecisionOverdue, NotificationAudience.Institution(o.InstitutionId), [reference, institution, due], link, $"council-overdue:{o.Id}", ct);
        }

        return count;
    }
}
