using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Hosting;
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

/// <summary>A submission as the API lists it: its status and when it or one of its answers (a value, a review decision) last changed.</summary>
public sealed record SubmissionSummary(
    int Id,
    int InstitutionId,
    string InstitutionCode,
    int PeriodId,
    string PeriodCode,
    SubmissionStatus Status,
    int Answered,
    DateTime? SubmittedAt,
    DateTime? ApprovedAt,
    DateTime ChangedAt);

/// <summary>Which submissions to list; <paramref name="ChangedSince"/> is UTC.</summary>
public sealed record SubmissionQuery(int? PeriodId = null, int? InstitutionId = null, DateTime? ChangedSince = null);

/// <summary>What an editor sends when an answer changes.</summary>
/// <param name="ExpectedVersion">The version the editor started from; a newer stored version is a conflict.</param>
public sealed record AnswerChange(int IndicatorId, decimal? Value, bool NotApplicable, string? Justification, string? Comment, int ExpectedVersion);

/// <summary>Someone else saved this answer first; <paramref name="Current"/> is what is stored now.</summary>
public sealed class AnswerConflictException(AnswerItem current) : Exception("The answer was changed by someone else.")
{
    public AnswerItem Current { get; } = current;
}

/// <summary>Self-reporting by institutions: the only place that reads or writes their answers.</summary>
public sealed class SubmissionService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    ComputedIndicatorService computed,
    TimeProvider clock,
    IOptions<PlatformOptions> platform)
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

    /// <summary>
    /// The submissions of opened periods the actor may read (every institution's for the center and
    /// officials, their own otherwise), by id. Asking for another institution lists nothing.
    /// </summary>
    public async Task<IReadOnlyList<SubmissionSummary>> ListAsync(Actor actor, SubmissionQuery query, CancellationToken ct)
    {
        var institutionId = actor.SeesAllInstitutions ? query.InstitutionId : actor.InstitutionId;
        if (institutionId is null && !actor.SeesAllInstitutions
            || query.InstitutionId is { } asked && !actor.CanRead(asked))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Submissions.AsNoTracking()
            .Where(s => s.Period.Status != PeriodStatus.Planned)
            .Where(s => institutionId == null || s.InstitutionId == institutionId)
            .Where(s => query.PeriodId == null || s.PeriodId == query.PeriodId)
            .Where(s => query.ChangedSince == null || s.LastActivityAt >= query.ChangedSince || s.Answers.Any(a => a.UpdatedAt >= query.ChangedSince))
            .OrderBy(s => s.Id)
            .Select(s => new
            {
                Row = new SubmissionSummary(
                    s.Id, s.InstitutionId, s.Institution.Code, s.PeriodId, s.Period.Code, s.Status,
                    s.Answers.Count(a => a.NotApplicable || a.Value != null), s.SubmittedAt, s.ApprovedAt, s.LastActivityAt),
                LastAnswer = s.Answers.Max(a => (DateTime?)a.UpdatedAt),
            })
            .ToListAsync(ct);
        return rows.Select(r => r.LastAnswer > r.Row.ChangedAt ? r.Row with { ChangedAt = r.LastAnswer.Value } : r.Row).ToList();
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
        db.AuditAs(actor);
        var (_, _, indicator) = await SubmissionWorkflow.LoadForDraftingAsync(db, actor, submissionId, change.IndicatorId, ct);
        if (indicator.ComputedFrom is not null)
        {
            return await SaveCommentOfComputedAsync(db, actor, submissionId, indicator.Id, change, ct);
        }

        var value = change.NotApplicable ? null : change.Value;
        if (value is { } v && AnswerRules.ValidateValue(indicator.Type, indicator.MaturityLevels ?? 5, v) is { } problem)
        {
            throw new RuleViolationException(problem);
        }

        if (change.NotApplicable && string.IsNullOrWhiteSpace(change.Justification))
        {
            throw new RuleViolationException("Validation_JustificationRequired");
        }

        TextLimits.Ensure(change.Justification);
        TextLimits.Ensure(change.Comment);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SubmissionWorkflow.TouchEditableAsync(db, submissionId, now, ct);

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
            await AnswerPacking.RefreshAsync(db, [submissionId], ct);
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

    /// <summary>
    /// A computed answer's value comes from the records (docs/decisions/0096): the institution may only
    /// comment on it. A change of value, N/A or justification is refused, so nobody types over it.
    /// </summary>
    private async Task<int> SaveCommentOfComputedAsync(StrategyGovDbContext db, Actor actor, int submissionId, int indicatorId, AnswerChange change, CancellationToken ct)
    {
        var answer = await db.Answers.SingleOrDefaultAsync(a => a.SubmissionId == submissionId && a.IndicatorId == indicatorId, ct);
        if (answer is null || answer.Value != (change.NotApplicable ? null : change.Value) || answer.NotApplicable != change.NotApplicable
            || (change.NotApplicable && answer.Justification != change.Justification?.Trim()))
        {
            throw new RuleViolationException("Answer_ComputedReadOnly");
        }

        TextLimits.Ensure(change.Comment);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SubmissionWorkflow.TouchEditableAsync(db, submissionId, now, ct);
        db.Entry(answer).Property(a => a.Version).OriginalValue = change.ExpectedVersion;
        answer.Comment = string.IsNullOrWhiteSpace(change.Comment) ? null : change.Comment.Trim();
        answer.UpdatedAt = now;
        answer.UpdatedById = actor.UserId;
        answer.Version = change.ExpectedVersion + 1;
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(ct);
            throw await ConflictAsync(db, submissionId, indicatorId, ct);
        }

        return answer.Version;
    }

    /// <summary>
    /// Submits (or re-submits) a Draft or Returned submission; only the institution's director may. The
    /// computed answers are computed once more first, so what is submitted is what the records say now.
    /// </summary>
    public async Task SubmitAsync(Actor actor, int submissionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var institutionId = await db.Submissions.Where(s => s.Id == submissionId).Select(s => (int?)s.InstitutionId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        actor.EnsureDirectorOf(institutionId);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await computed.FillAsync(db, [submissionId], ComputedIndicatorService.Scope.Editable, actor.UserId, ct);
        var tree = await SubmissionTree.LoadAsync(db, submissionId, ct) ?? throw new NotFoundException();

        var submission = await db.Submissions.SingleAsync(s => s.Id == submissionId, ct);
        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == submission.PeriodId, ct);
        SubmissionWorkflow.EnsureEditable(submission, period);

        var now = clock.GetUtcNow().UtcDateTime;
        EnsureComplete(tree, await EvidenceService.CountValidAsync(db, submissionId, platform.Value.LocalDate(now), ct));

        // Keep each answer as submitted in this round, so a re-submission shows what changed since.
        submission.Round++;
        var evidence = await db.Evidence.Where(e => e.SubmissionId == submissionId).GroupBy(e => e.IndicatorId)
            .Select(g => new { IndicatorId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.IndicatorId, g => g.Count, ct);
        foreach (var item in tree.Items.Where(i => i.AnswerId is not null))
        {
            db.AnswerSnapshots.Add(new AnswerSnapshot
            {
                SubmissionId = submissionId,
                Round = submission.Round,
                IndicatorId = item.IndicatorId,
                Value = item.Value,
                NotApplicable = item.NotApplicable,
                Justification = item.Justification,
                Comment = item.Comment,
                EvidenceCount = evidence.GetValueOrDefault(item.IndicatorId),
                SubmittedAt = now,
            });
        }

        submission.Status = SubmissionStatus.Submitted;
        submission.SubmittedAt = now;
        submission.FirstSubmittedAt ??= now;
        await SubmissionWorkflow.SaveStateChangeAsync(db, submission, now, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Refuses a submission with every gap listed: applicable indicators not answered, and answers that
    /// need evidence (<see cref="AnswerItem.EvidenceNeeded"/>) with fewer valid items than they need. The
    /// message names the codes (for API clients); the page lays the gaps out by pillar.
    /// </summary>
    private static void EnsureComplete(SubmissionTree tree, IReadOnlyDictionary<int, int> validEvidence)
    {
        var gaps = SubmissionGap.Of(tree, validEvidence);
        var unanswered = string.Join("، ", gaps.Where(g => g.Unanswered).Select(g => g.Code));
        var lacking = string.Join("، ", gaps.Where(g => !g.Unanswered).Select(g => $"{g.Code} ({g.Has}/{g.Needs})"));
        if (unanswered.Length > 0 && lacking.Length > 0)
        {
            throw new SubmissionIncompleteException(gaps, "Submit_Incomplete", unanswered, lacking);
        }

        if (unanswered.Length > 0)
        {
            throw new SubmissionIncompleteException(gaps, "Submit_Unanswered", unanswered);
        }

        if (lacking.Length > 0)
        {
            throw new SubmissionIncompleteException(gaps, "Submit_MissingEvidence", lacking);
        }
    }

    private static async Task<AnswerConflictException> ConflictAsync(StrategyGovDbContext db, int submissionId, int indicatorId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var tree = await SubmissionTree.LoadAsync(db, submissionId, ct);
        var current = tree!.Items.Single(i => i.IndicatorId == indicatorId);
        return new AnswerConflictException(current);
    }
}
