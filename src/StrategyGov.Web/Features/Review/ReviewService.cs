using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Review;

public sealed record ReviewQueueRow(
    int SubmissionId,
    string InstitutionCode,
    string InstitutionNameAr,
    string InstitutionNameEn,
    string PeriodCode,
    DateOnly DueOn,
    DateTime SubmittedAt,
    int Answers,
    int Decided);

/// <summary>A reviewer's decision on one answer.</summary>
public sealed record DecisionChange(int IndicatorId, ReviewDecision Decision, decimal? VerifiedValue, string? Comment);

/// <summary>The center's verification of submissions: decisions, approval (which locks) and return for revision.</summary>
public sealed class ReviewService(IDbContextFactory<StrategyGovDbContext> dbFactory, TimeProvider clock, NotificationService notifications)
{
    /// <summary>Submitted submissions, oldest first.</summary>
    public async Task<IReadOnlyList<ReviewQueueRow>> QueueAsync(Actor actor, CancellationToken ct)
    {
        EnsureReviewer(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Submissions.AsNoTracking()
            .Where(s => s.Status == SubmissionStatus.Submitted)
            .Select(s => new ReviewQueueRow(
                s.Id, s.Institution.Code, s.Institution.NameAr, s.Institution.NameEn, s.Period.Code, s.Period.DueOn,
                s.SubmittedAt!.Value, s.Answers.Count, s.Answers.Count(a => a.Decision != null)))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.SubmittedAt).ToList();
    }

    public async Task<SubmissionTree> GetAsync(Actor actor, int submissionId, CancellationToken ct)
    {
        EnsureReviewer(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SubmissionTree.LoadAsync(db, submissionId, ct) ?? throw new NotFoundException();
    }

    /// <summary>Records a decision on one answer of a Submitted submission.</summary>
    public async Task DecideAsync(Actor actor, int submissionId, DecisionChange change, CancellationToken ct)
    {
        EnsureReviewer(actor);
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

        var now = clock.GetUtcNow().UtcDateTime;
        answer.Decision = change.Decision;
        answer.VerifiedValue = verified;
        answer.ReviewComment = string.IsNullOrWhiteSpace(change.Comment) ? null : change.Comment.Trim();
        answer.ReviewedById = actor.UserId;
        answer.ReviewedAt = now;
        answer.Version++;
        await SubmissionWorkflow.SaveStateChangeAsync(db, submission, now, ct);
    }

    /// <summary>Accepts every answer not yet decided, as reported.</summary>
    public async Task AcceptRemainingAsync(Actor actor, int submissionId, CancellationToken ct)
    {
        EnsureReviewer(actor);
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

        await SubmissionWorkflow.SaveStateChangeAsync(db, submission, now, ct);
    }

    /// <summary>Approves a submission whose every answer is decided; from then on nothing can change it.</summary>
    public async Task ApproveAsync(Actor actor, int submissionId, CancellationToken ct)
    {
        EnsureReviewer(actor);
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
        EnsureReviewer(actor);
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
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.Id == submissionId, ct) ?? throw new NotFoundException();
        return submission.Status == SubmissionStatus.Submitted
            ? submission
            : throw new RuleViolationException(submission.Status == SubmissionStatus.Approved ? "Submission_Locked" : "Review_NotSubmitted");
    }

    private static void EnsureReviewer(Actor actor)
    {
        if (!actor.CanReview)
        {
            throw new AccessDeniedException();
        }
    }
}
