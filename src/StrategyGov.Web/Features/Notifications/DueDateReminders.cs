using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Notifications;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Hosting;

namespace StrategyGov.Web.Features.Notifications;

/// <summary>
/// Reminds institutions that have not submitted when an open period is due within
/// <see cref="DaysAhead"/> days (platform time zone). Once per period and institution, however often it runs.
/// </summary>
public sealed class DueDateReminders(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    NotificationService notifications,
    TimeProvider clock,
    IOptions<PlatformOptions> platform) : IReminderPass
{
    public const int DaysAhead = 3;

    /// <summary>Sends the reminders due now; returns how many notifications were written.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var today = platform.Value.Today(clock);
        var horizon = today.AddDays(DaysAhead);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.Submissions.AsNoTracking()
            .Where(s => s.Period.Status == PeriodStatus.Open && s.Period.DueOn >= today && s.Period.DueOn <= horizon)
            .Where(s => s.Status == SubmissionStatus.Draft || s.Status == SubmissionStatus.Returned)
            .Where(s => s.Institution.IsActive)
            .Select(s => new { s.Id, s.InstitutionId, s.PeriodId, s.Period.Code, s.Period.DueOn })
            .ToListAsync(ct);

        var count = 0;
        foreach (var submission in pending)
        {
            count += await notifications.PublishAsync(
                NotificationKind.DueSoon,
                NotificationAudience.Institution(submission.InstitutionId),
                [NotificationArg.Ltr(submission.Code), NotificationArg.Ltr(NotificationService.DateText(submission.DueOn))],
                $"submissions/{submission.Id}",
                $"due:{submission.PeriodId}:{submission.InstitutionId}",
                ct);
        }

        return count;
    }
}
