using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Submissions;

public sealed record SubmissionRow(
    int Id,
    int InstitutionId,
    string InstitutionNameAr,
    string InstitutionNameEn,
    int PeriodId,
    string PeriodCode,
    PeriodStatus PeriodStatus,
    DateOnly DueOn,
    SubmissionStatus Status,
    int Answered,
    DateTime? SubmittedAt,
    DateTime LastActivityAt);

/// <summary>What an editor sends when an answer changes.</summary>
/// <param name="ExpectedVersion">The version the editor started from; a newer stored version is a conflict.</param>
public sealed record AnswerChange(int IndicatorId, decimal? Value, bool NotApplicable, string? Justification, string? Comment, int ExpectedVersion);

/// <summary>Someone else saved this answer first; <paramref name="Current"/> is what is stored now.</summary>
public sealed class AnswerConflictException(AnswerItem current) : Exception("The answer was changed by someone else.")
{
    public AnswerItem Current { get; } = current;
}

/// <summary>Self-reporting by institutions: the only place that reads or writes their answers.</summary>
public sealed class SubmissionService(IDbContextFactory<StrategyGovDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The submissions of the actor's own institution, newest period first.</summary>
    public async Task<IReadOnlyList<SubmissionRow>> ListOwnAsync(Actor actor, CancellationToken ct)
    {
        if (actor.InstitutionId is not { } institutionId || !actor.IsInstitutionUser)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Submissions.AsNoTracking()
            .Where(s => s.InstitutionId == institutionId && s.Period.Status != PeriodStatus.Planned)
            .Select(s => new SubmissionRow(
                s.Id, s.InstitutionId, s.Institution.NameAr, s.Institution.NameEn, s.PeriodId, s.Period.Code, s.Period.Status,
                s.Period.DueOn, s.Status, s.Answers.Count(a => a.NotApplicable || a.Value != null), s.SubmittedAt, s.LastActivityAt))
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.PeriodCode, StringComparer.Ordinal).ToList();
    }

    public async Task<SubmissionTree> GetAsync(Actor actor, int submissionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await SubmissionTree.LoadAsync(db, submissionId, ct) ?? throw new NotFoundException();
        actor.EnsureCanRead(tree.Header.InstitutionId);
        return tree;
    }

    /// <summary>
    /// Saves one answer of a Draft or Returned submission (an autosave). Refused for other
    /// institutions, for locked submissions and for invalid values; a concurrent change by someone
    /// else raises <see cref="AnswerConflictException"/> with the stored answer.
    /// </summary>
    public async Task<int> SaveAnswerAsync(Actor actor, int submissionId, AnswerChange change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submission = await db.Submissions.AsNoTracking().Include(s => s.Institution).SingleOrDefaultAsync(s => s.Id == submissionId, ct)
            ?? throw new NotFoundException();
        actor.EnsureCanRead(submission.InstitutionId);
        if (!actor.CanDraft(submission.InstitutionId))
        {
            throw new AccessDeniedException();
        }

        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == submission.PeriodId, ct);
        SubmissionWorkflow.EnsureEditable(submission, period);

        var indicator = await db.Indicators.AsNoTracking()
            .Where(i => i.Id == change.IndicatorId && i.Practice.Pillar.StrategyVersionId == period.StrategyVersionId)
            .Where(i => !i.ApplicableTypes.Any() || i.ApplicableTypes.Any(t => t.Id == submission.Institution.TypeId))
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();

        var value = change.NotApplicable ? null : change.Value;
        if (value is { } v && AnswerRules.ValidateValue(indicator.Type, indicator.MaturityLevels ?? 5, v) is { } problem)
        {
            throw new RuleViolationException(problem);
        }

        if (change.NotApplicable && string.IsNullOrWhiteSpace(change.Justification))
        {
            throw new RuleViolationException("Validation_JustificationRequired");
        }

        // Mark activity only while the submission is still editable, in the same transaction as the
        // answer: a save racing a submit or an approval either lands before it or is refused.
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var stillEditable = await db.Submissions
            .Where(s => s.Id == submissionId && (s.Status == SubmissionStatus.Draft || s.Status == SubmissionStatus.Returned))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastActivityAt, now), ct);
        if (stillEditable == 0)
        {
            throw new RuleViolationException("Submission_Locked");
        }

        var answer = await db.Answers.SingleOrDefaultAsync(a => a.SubmissionId == submissionId && a.IndicatorId == indicator.Id, ct);
        if (answer is null)
        {
            if (change.ExpectedVersion != 0)
            {
                throw await ConflictAsync(db, submissionId, indicator.Id, ct);
            }

            answer = new Data.Reporting.Answer { SubmissionId = submissionId, IndicatorId = indicator.Id };
            db.Answers.Add(answer);
        }
        else
        {
            // Compare against what the editor saw, not what we just read.
            db.Entry(answer).Property(a => a.Version).OriginalValue = change.ExpectedVersion;
        }

        AnswerUpdate.Apply(answer, value, change.NotApplicable, change.Justification, change.Comment, now, actor.UserId);
        answer.Version = change.ExpectedVersion + 1;

        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrency-token mismatch, or a first save racing another first save on the unique index.
            await transaction.RollbackAsync(ct);
            throw await ConflictAsync(db, submissionId, indicator.Id, ct);
        }

        return answer.Version;
    }

    /// <summary>Submits (or re-submits) a Draft or Returned submission; only the institution's director may.</summary>
    public async Task SubmitAsync(Actor actor, int submissionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await SubmissionTree.LoadAsync(db, submissionId, ct) ?? throw new NotFoundException();
        actor.EnsureCanRead(tree.Header.InstitutionId);
        if (!actor.CanSubmit(tree.Header.InstitutionId))
        {
            throw new AccessDeniedException();
        }

        var submission = await db.Submissions.SingleAsync(s => s.Id == submissionId, ct);
        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == submission.PeriodId, ct);
        SubmissionWorkflow.EnsureEditable(submission, period);

        var missing = tree.Items.Where(i => !i.IsAnswered).Select(i => i.Code).ToList();
        if (missing.Count > 0)
        {
            throw new RuleViolationException("Submit_Unanswered", string.Join("، ", missing));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        submission.Status = SubmissionStatus.Submitted;
        submission.SubmittedAt = now;
        submission.FirstSubmittedAt ??= now;
        await SubmissionWorkflow.SaveStateChangeAsync(db, submission, now, ct);
    }

    private static async Task<AnswerConflictException> ConflictAsync(StrategyGovDbContext db, int submissionId, int indicatorId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var tree = await SubmissionTree.LoadAsync(db, submissionId, ct);
        var current = tree!.Items.Single(i => i.IndicatorId == indicatorId);
        return new AnswerConflictException(current);
    }
}
