using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Notifications;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Hosting;

namespace StrategyGov.Web.Features.Notifications;

/// <summary>
/// Escalates submissions of an open period that are past their due date and not submitted (a draft, or a
/// returned one): the institution's directors on the first pass after the due date, the center once the
/// period's <see cref="ReportingPeriod.OverdueEscalationDays"/> have passed. Days are counted in the
/// platform time zone; each escalation goes out once per submission however often the pass runs (ADR 0109).
/// </summary>
public sealed class OverdueReminders(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    NotificationService notifications,
    TimeProvider clock,
    IOptions<PlatformOptions> platform) : IReminderPass
{
    /// <summary>Sends the escalations due now; returns how many notifications were written.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var today = platform.Value.Today(clock);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var overdue = await db.Submissions.AsNoTracking()
            .Where(s => s.Period.Status == PeriodStatus.Open && s.Period.DueOn < today)
            .Where(s => s.Status == SubmissionStatus.Draft || s.Status == SubmissionStatus.Returned)
            .Where(s => s.Institution.IsActive)
            .Select(s => new
            {
                s.Id,
                s.InstitutionId,
                s.PeriodId,
                s.Period.Code,
                s.Period.DueOn,
                s.Period.OverdueEscalationDays,
                s.Institution.NameAr,
                s.Institution.NameEn,
            })
            .ToListAsync(ct);

        var count = 0;
        foreach (var submission in overdue)
        {
            var days = DaysOverdue(submission.DueOn, today);
            var period = NotificationArg.Ltr(submission.Code);
            var due = NotificationArg.Ltr(NotificationService.DateText(submission.DueOn));
            var late = NotificationArg.Ltr(days.ToString(CultureInfo.InvariantCulture));
            count += await notifications.PublishAsync(
                NotificationKind.SubmissionOverdue,
                NotificationAudience.Directors(submission.InstitutionId),
                [period, due, late],
                $"submissions/{submission.Id}",
                $"overdue:{submission.Id}",
                ct);

            if (days >= submission.OverdueEscalationDays)
            {
                count += await notifications.PublishAsync(
                    NotificationKind.SubmissionOverdueCenter,
                    NotificationAudience.Center,
                    [new NotificationArg(submission.NameAr, submission.NameEn), period, due, late],
                    $"status?period={submission.PeriodId}",
                    $"overdue:{submission.Id}",
                    ct);
            }
        }

        return count;
    }

    /// <summary>Whole days since the due date (0 on the due date itself and before it).</summary>
    public static int DaysOverdue(DateOnly dueOn, DateOnly today) => Math.Max(0, today.DayNumber - dueOn.DayNumber);
}
