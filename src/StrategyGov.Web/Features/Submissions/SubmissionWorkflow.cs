using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Submissions;

/// <summary>Rules of the submission state machine shared by self-reporting and review.</summary>
internal static class SubmissionWorkflow
{
    /// <summary>
    /// Loads what an institution user needs to change one answer or its evidence, refusing another
    /// institution (not found), a role that may not draft, a locked submission or a closed period, and
    /// an indicator that is not part of this submission.
    /// </summary>
    public static async Task<(Submission Submission, ReportingPeriod Period, Indicator Indicator)> LoadForDraftingAsync(
        StrategyGovDbContext db, Actor actor, int submissionId, int indicatorId, CancellationToken ct)
    {
        var (submission, period) = await LoadForDraftingAsync(db, actor, submissionId, ct);
        var indicator = await ApplicableIndicators(db, submission, period)
            .Where(i => i.Id == indicatorId)
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        return (submission, period, indicator);
    }

    /// <summary>The submission and its period, refused as above unless the actor may draft it now.</summary>
    public static async Task<(Submission Submission, ReportingPeriod Period)> LoadForDraftingAsync(
        StrategyGovDbContext db, Actor actor, int submissionId, CancellationToken ct)
    {
        var submission = await db.Submissions.AsNoTracking().Include(s => s.Institution).SingleOrDefaultAsync(s => s.Id == submissionId, ct)
            ?? throw new NotFoundException();
        actor.EnsureMemberOf(submission.InstitutionId);

        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == submission.PeriodId, ct);
        EnsureEditable(submission, period);
        return (submission, period);
    }

    /// <summary>The indicators of the period's framework that apply to the submission's institution type.</summary>
    public static IQueryable<Indicator> ApplicableIndicators(StrategyGovDbContext db, Submission submission, ReportingPeriod period) =>
        db.Indicators.AsNoTracking()
            .Where(i => i.Practice.Pillar.StrategyVersionId == period.StrategyVersionId)
            .Where(i => !i.ApplicableTypes.Any() || i.ApplicableTypes.Any(t => t.Id == submission.Institution.TypeId));

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
    /// Marks activity on a submission only while it is still editable; call inside the transaction of
    /// the change, so a change racing a submit or an approval either lands before it or is refused.
    /// </summary>
    public static async Task TouchEditableAsync(StrategyGovDbContext db, int submissionId, DateTime now, CancellationToken ct)
    {
        var stillEditable = await db.Submissions
            .Where(s => s.Id == submissionId && (s.Status == SubmissionStatus.Draft || s.Status == SubmissionStatus.Returned))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastActivityAt, now), ct);
        if (stillEditable == 0)
        {
            throw new RuleViolationException("Submission_Locked");
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
