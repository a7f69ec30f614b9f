using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Review;

public sealed record ReviewQueueRow(
    int SubmissionId,
    string InstitutionCode,
    string InstitutionNameAr,
    string InstitutionNameEn,
    int InstitutionTypeId,
    string PeriodCode,
    DateOnly DueOn,
    SubmissionStatus Status,
    DateTime SubmittedAt,
    int Round,
    int Answers,
    int Decided);

public sealed record InstitutionTypeOption(int Id, string NameAr, string NameEn);

/// <summary>What the queue shows: Submitted by default; any other filter left empty means "all".</summary>
public sealed record ReviewQueueFilter(SubmissionStatus Status = SubmissionStatus.Submitted, int? PeriodId = null, int? InstitutionTypeId = null, string? Institution = null);

/// <summary>
/// How an answer changed between the previous submission and the latest one (a re-submission):
/// null values on one side mean no answer was stored then.
/// </summary>
public sealed record AnswerChangeSince(
    int IndicatorId,
    decimal? ValueBefore,
    bool NotApplicableBefore,
    string? CommentBefore,
    int EvidenceBefore,
    decimal? ValueNow,
    bool NotApplicableNow,
    string? CommentNow,
    int EvidenceNow)
{
    public bool ValueChanged => ValueBefore != ValueNow || NotApplicableBefore != NotApplicableNow;
}

/// <summary>A reviewer's decision on one answer.</summary>
public sealed record DecisionChange(int IndicatorId, ReviewDecision Decision, decimal? VerifiedValue, string? Comment);

/// <summary>The center's verification of submissions: decisions, approval (which locks) and return for revision.</summary>
public sealed class ReviewService(IDbContextFactory<StrategyGovDbContext> dbFactory, TimeProvider clock, NotificationService notifications)
{
    /// <summary>Submissions matching the filter (Submitted by default), oldest submission first.</summary>
    public async Task<IReadOnlyList<ReviewQueueRow>> QueueAsync(Actor actor, ReviewQueueFilter filter, CancellationToken ct)
    {
        actor.EnsureCenter();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Submissions.AsNoTracking().Where(s => s.Status == filter.Status && s.SubmittedAt != null);
        if (filter.PeriodId is { } periodId)
        {
            query = query.Where(s => s.PeriodId == periodId);
        }

        if (filter.InstitutionTypeId is { } typeId)
        {
            query = query.Where(s => s.Institution.TypeId == typeId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Institution))
        {
            var text = filter.Institution.Trim();
            query = query.Where(s => s.Institution.Code.Contains(text) || s.Institution.NameAr.Contains(text) || s.Institution.NameEn.Contains(text));
        }

        var rows = await query
            .Select(s => new ReviewQueueRow(
                s.Id, s.Institution.Code, s.Institution.NameAr, s.Institution.NameEn, s.Institution.TypeId, s.Period.Code, s.Period.DueOn,
                s.Status, s.SubmittedAt!.Value, s.Round, s.Answers.Count, s.Answers.Count(a => a.Decision != null)))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.SubmittedAt).ToList();
    }

    /// <summary>Institution types, for the queue's filter.</summary>
    public async Task<IReadOnlyList<InstitutionTypeOption>> InstitutionTypesAsync(Actor actor, CancellationToken ct)
    {
        actor.EnsureCenter();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InstitutionTypes.AsNoTracking().OrderBy(t => t.Order)
            .Select(t => new InstitutionTypeOption(t.Id, t.NameAr, t.NameEn)).ToListAsync(ct);
    }

    /// <summary>Submitted submissions, oldest first.</summary>
    public Task<IReadOnlyList<ReviewQueueRow>> QueueAsync(Actor actor, CancellationToken ct) => QueueAsync(actor, new ReviewQueueFilter(), ct);

    /// <summary>
    /// For a re-submission, every answer that differs from the previous submission (value, N/A,
    /// comment or number of evidence items), keyed by indicator; empty for a first submission.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, AnswerChangeSince>> ChangesSincePreviousAsync(Actor actor, int submissionId, CancellationToken ct)
    {
        actor.EnsureCenter();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Submissions.Where(s => s.Id == submissionId).Select(s => (int?)s.Round).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        if (round < 2)
        {
            return new Dictionary<int, AnswerChangeSince>();
        }

        var snapshots = await db.AnswerSnapshots.AsNoTracking()
            .Where(a => a.SubmissionId == submissionId && (a.Round == round || a.Round == round - 1))
            .ToListAsync(ct);
        var before = snapshots.Where(a => a.Round == round - 1).ToDictionary(a => a.IndicatorId);
        var now = snapshots.Where(a => a.Round == round).ToDictionary(a => a.IndicatorId);
        return before.Keys.Union(now.Keys)
            .Select(id =>
            {
                before.TryGetValue(id, out var b);
                now.TryGetValue(id, out var n);
                return new AnswerChangeSince(
                    id, b?.Value, b?.NotApplicable ?? false, b?.Comment, b?.EvidenceCount ?? 0,
                    n?.Value, n?.NotApplicable ?? false, n?.Comment, n?.EvidenceCount ?? 0);
            })
            .Where(c => c.ValueChanged || c.CommentBefore != c.CommentNow || c.EvidenceBefore != c.EvidenceNow)
            .ToDictionary(c => c.IndicatorId);
    }

    public async Task<SubmissionTree> GetAsync(Actor actor, int submissionId, CancellationToken ct)
    {
        actor.EnsureCenter();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SubmissionTree.LoadAsync(db, submissionId, ct) ?? throw new NotFoundException();
    }

    /// <summary>Records a decision on one answer of a Submitted submission.</summary>
    public async Task DecideAsync(Actor actor, int submissionId, DecisionChange change, CancellationToken ct)
    {
        actor.EnsureCenter();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var submission = await LoadSubmittedAsync(db, submissionId, ct);
        var answer = await db.Answers.Include(a => a.Indicator)
            .SingleOrDefaultAsync(a => a.SubmissionId == submission.Id && a.IndicatorId == change.IndicatorId, ct)
            ?? throw new NotFoundException();

        decimal? verified = null;
        if (change.Decision == ReviewDecision.Adjusted)
        {
            verified = change.VerifiedValue ?? throw new RuleViolationException("Review_AdjustNeedsValue");
            if (AnswerRules.ValidateValue(answer.Indicator.Type, answer.Indicator.MaturityLevels ?? 5, verified.Value) is { } problem)
            {
                throw new RuleViolationException(problem);
            }
        }

        if (change.Decision != ReviewDecision.Accepted && string.IsNullOrWhiteSpace(change.Comment))
        {
            throw new RuleViolationException("Review_CommentRequired");
        }

        TextLimits.Ensure(change.Comment);

        var now = clock.GetUtcNow().UtcDateTime;
        answer.Decision = change.Decision;
        answer.VerifiedValue = verified;
        answer.ReviewComment = string.IsNullOrWhiteSpace(change.Comment) ? null : change.Comment.Trim();
        answer.ReviewedById = actor.UserId;
        answer.ReviewedAt = now;
        answer.Version++;
        await SaveWithPackedAnswersAsync(db, submission, now, ct);
    }

    /// <summary>Accepts every answer not yet decided, as reported.</summary>
    public async Task AcceptRemainingAsync(Actor actor, int submissionId, CancellationToken ct)
    {
        actor.EnsureCenter();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var submission = await LoadSubmittedAsync(db, submissionId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var answer in await db.Answers.Where(a => a.SubmissionId == submissionId && a.Decision == null).ToListAsync(ct))
        {
            answer.Decision = ReviewDecision.Accepted;
            answer.ReviewedById = actor.UserId;
            answer.ReviewedAt = now;
            answer.Version++;
        }

        await SaveWithPackedAnswersAsync(db, submission, now, ct);
    }

    /// <summary>The decisions and the submission's packed answers (ADR 0092), in one transaction.</summary>
    private static async Task SaveWithPackedAnswersAsync(StrategyGovDbContext db, Submission submission, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SubmissionWorkflow.SaveStateChangeAsync(db, submission, now, ct);
        await AnswerPacking.RefreshAsync(db, [submission.Id], ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Approves a submission whose every answer is decided; from then on nothing can change it.</summary>
    public async Task ApproveAsync(Actor actor, int submissionId, CancellationToken ct)
    {
        actor.EnsureCenter();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var submission = await LoadSubmittedAsync(db, submissionId, ct);
        var undecided = await db.Answers.Where(a => a.SubmissionId == submissionId && a.Decision == null)
            .Select(a => a.Indicator.Code).ToListAsync(ct);
        if (undecided.Count > 0)
        {
            throw new RuleViolationException("Approve_Undecided", string.Join("، ", undecided.Order(StringComparer.Ordinal)));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        submission.Status = SubmissionStatus.Approved;
        submission.ApprovedAt = now;
        submission.ApprovedById = actor.UserId;
        await SubmissionWorkflow.SaveStateChangeAsync(db, submission, now, ct);
        await notifications.SubmissionApprovedAsync(submissionId, ct);
    }

    /// <summary>Sends a submission back to the institution with a message (Returned).</summary>
    public async Task ReturnAsync(Actor actor, int submissionId, string message, CancellationToken ct)
    {
        actor.EnsureCenter();
        TextLimits.Ensure(message);
        if (string.IsNullOrWhiteSpace(message))
        {
            throw new RuleViolationException("Return_MessageRequired");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor, reason: message.Trim());
        var submission = await LoadSubmittedAsync(db, submissionId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        submission.Status = SubmissionStatus.Returned;
        submission.ReturnedAt = now;
        submission.ReturnMessage = message.Trim();
        await SubmissionWorkflow.SaveStateChangeAsync(db, submission, now, ct);
        await notifications.SubmissionReturnedAsync(submissionId, ct);
    }

    private static async Task<Submission> LoadSubmittedAsync(StrategyGovDbContext db, int submissionId, CancellationToken ct)
    {
        var submission = await db.Submissions.Include(s => s.Period).SingleOrDefaultAsync(s => s.Id == submissionId, ct) ?? throw new NotFoundException();
        if (submission.Status != SubmissionStatus.Submitted)
        {
            throw new RuleViolationException(submission.Status == SubmissionStatus.Approved ? "Submission_Locked" : "Review_NotSubmitted");
        }

        // Published figures change only through an objection (ObjectionService).
        return submission.Period.Status == PeriodStatus.Published
            ? throw new RuleViolationException("Period_Published_NoChange")
            : submission;
    }
}
