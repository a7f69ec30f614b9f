using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Submissions;

/// <summary>Rules of the submission state machine shared by self-reporting and review.</summary>
internal static class SubmissionWorkflow
{
    public static void EnsureEditable(Submission submission, ReportingPeriod period)
    {
        if (!submission.IsEditableByInstitution)
        {
            throw new RuleViolationException("Submission_Locked");
        }

        if (period.Status != PeriodStatus.Open)
        {
            throw new RuleViolationException("Period_NotOpen");
        }
    }

    /// <summary>
    /// Saves a state change. Every state change bumps the submission's version (a concurrency token),
    /// so two changes racing each other (submit and return, approve and return) cannot both win.
    /// </summary>
    public static async Task SaveStateChangeAsync(StrategyGovDbContext db, Submission submission, DateTime now, CancellationToken ct)
    {
        submission.LastActivityAt = now;
        submission.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleViolationException("Submission_ChangedConcurrently");
        }
    }
}
