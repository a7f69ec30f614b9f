using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Objections;

public sealed record ObjectionRow(
    int Id,
    int SubmissionId,
    int IndicatorId,
    string IndicatorCode,
    string IndicatorTextAr,
    string IndicatorTextEn,
    MeasurementType Type,
    int MaturityLevels,
    string? UnitAr,
    string? UnitEn,
    string InstitutionCode,
    string InstitutionNameAr,
    string InstitutionNameEn,
    string PeriodCode,
    ObjectionStatus Status,
    string Reason,
    decimal? ReportedValue,
    bool ReportedNotApplicable,
    decimal? RequestedValue,
    string? EvidenceUrl,
    DateTime RaisedAt,
    ReviewDecision? DecisionBefore,
    decimal? VerifiedValueBefore,
    string? Resolution,
    DateTime? ResolvedAt);

/// <summary>The objections of one submission and whether the window for new ones is open.</summary>
public sealed record SubmissionObjections(bool WindowOpen, DateTime? WindowClosesAt, IReadOnlyList<ObjectionRow> Objections);

/// <summary>What a director sends to object to a verified value.</summary>
/// <param name="RequestedValue">The value the institution asks to be verified; null: "verify what we reported".</param>
public sealed record NewObjection(int IndicatorId, string Reason, decimal? RequestedValue, string? EvidenceUrl);

/// <summary>
/// Objections to verified values after a period's results are published. The institution's director
/// objects within the period's window; a reviewer upholds (the answer's verified value changes) or
/// dismisses with reasons. Both sides see every objection and its answer.
/// </summary>
public sealed class ObjectionService(
    IDbContextFactory<StrategyGovDbContext> dbFactory, TimeProvider clock, NotificationService notifications, ScoreSnapshotService snapshots)
{
    /// <summary>The objections of a submission (its institution and the center), with the window's state.</summary>
    public async Task<SubmissionObjections> ForSubmissionAsync(Actor actor, int submissionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submission = await db.Submissions.AsNoTracking().Include(s => s.Period).SingleOrDefaultAsync(s => s.Id == submissionId, ct)
            ?? throw new NotFoundException();
        actor.EnsureCanRead(submission.InstitutionId);
        var closesAt = WindowClosesAt(submission.Period);
        var open = submission.Status == SubmissionStatus.Approved && closesAt is { } end && clock.GetUtcNow().UtcDateTime <= end;
        var rows = await Rows(db.Objections.Where(o => o.Answer.SubmissionId == submissionId)).ToListAsync(ct);
        return new SubmissionObjections(open, closesAt, rows.OrderBy(r => r.RaisedAt).ToList());
    }

    /// <summary>Objections for the center, open ones first, oldest first.</summary>
    public async Task<IReadOnlyList<ObjectionRow>> ListAsync(Actor actor, bool openOnly, CancellationToken ct)
    {
        actor.EnsureCenter();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Rows(openOnly ? db.Objections.Where(o => o.Status == ObjectionStatus.Open) : db.Objections).ToListAsync(ct);
        return rows.OrderBy(r => r.Status != ObjectionStatus.Open).ThenBy(r => r.RaisedAt).ToList();
    }

    /// <summary>
    /// The institution's director objects to the verified value of one answer of an approved
    /// submission, while the published period's objection window is open. One open objection per answer.
    /// </summary>
    public async Task<int> RaiseAsync(Actor actor, int submissionId, NewObjection input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var submission = await db.Submissions.AsNoTracking().Include(s => s.Period).SingleOrDefaultAsync(s => s.Id == submissionId, ct)
            ?? throw new NotFoundException();
        actor.EnsureDirectorOf(submission.InstitutionId);

        var now = clock.GetUtcNow().UtcDateTime;
        if (submission.Period.Status != PeriodStatus.Published || submission.Status != SubmissionStatus.Approved)
        {
            throw new RuleViolationException("Objection_NotPublished");
        }

        if (WindowClosesAt(submission.Period) is not { } closesAt || now > closesAt)
        {
            throw new RuleViolationException("Objection_WindowClosed");
        }

        var answer = await db.Answers.Include(a => a.Indicator)
            .SingleOrDefaultAsync(a => a.SubmissionId == submissionId && a.IndicatorId == input.IndicatorId, ct) ?? throw new NotFoundException();
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            throw new RuleViolationException("Objection_ReasonRequired");
        }

        TextLimits.Ensure(input.Reason);
        if (input.RequestedValue is { } requested
            && AnswerRules.ValidateValue(answer.Indicator.Type, answer.Indicator.MaturityLevels ?? 5, requested) is { } problem)
        {
            throw new RuleViolationException(problem);
        }

        if (Outcome(answer, input.RequestedValue) == (answer.Decision, answer.VerifiedValue))
        {
            throw new RuleViolationException("Objection_NothingToChange");
        }

        if (await db.Objections.AnyAsync(o => o.AnswerId == answer.Id && o.Status == ObjectionStatus.Open, ct))
        {
            throw new RuleViolationException("Objection_AlreadyOpen");
        }

        var objection = new Objection
        {
            AnswerId = answer.Id,
            Status = ObjectionStatus.Open,
            Reason = input.Reason.Trim(),
            RequestedValue = input.RequestedValue,
            EvidenceUrl = string.IsNullOrWhiteSpace(input.EvidenceUrl) ? null : EvidenceLink.Validate(input.EvidenceUrl),
            RaisedById = actor.UserId,
            RaisedAt = now,
            DecisionBefore = answer.Decision,
            VerifiedValueBefore = answer.VerifiedValue,
        };
        db.Objections.Add(objection);
        await db.SaveChangesAsync(ct);
        return objection.Id;
    }

    /// <summary>
    /// Upholds an objection: the answer's verified value becomes the requested one (Adjusted), or the
    /// self-reported answer is accepted as reported. This is the only change an approved, published
    /// answer can receive; the period's scores must be recomputed after it.
    /// </summary>
    public async Task UpholdAsync(Actor actor, int objectionId, string? resolution, CancellationToken ct)
    {
        actor.EnsureCenter();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor, reason: resolution);
        var objection = await LoadOpenAsync(db, objectionId, ct);
        var answer = objection.Answer;
        var now = clock.GetUtcNow().UtcDateTime;
        (answer.Decision, answer.VerifiedValue) = Outcome(answer, objection.RequestedValue);
        answer.ReviewedById = actor.UserId;
        answer.ReviewedAt = now;
        answer.Version++;
        Resolve(objection, ObjectionStatus.Upheld, resolution, actor, now);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // The answer and its submission's packed copy (ADR 0092) change together.
            await SaveResolutionAsync(db, ct);
            await AnswerPacking.RefreshAsync(db, [answer.SubmissionId], ct);
            await transaction.CommitAsync(ct);
        }

        // The verified value changed: the published scores are recomputed as a new, audited revision.
        var submission = await db.Submissions.AsNoTracking().SingleAsync(x => x.Id == answer.SubmissionId, ct);
        var code = await db.Indicators.Where(i => i.Id == answer.IndicatorId).Select(i => i.Code).SingleAsync(ct);
        await snapshots.RecomputeForUpheldObjectionAsync(actor, submission.PeriodId, RevisionReason.ObjectionUpheld(objection.Id, code), ct);
        await NotifyAnsweredAsync(db, objection, ct);
    }

    /// <summary>Dismisses an objection with the reviewer's reasons; the verified value stays.</summary>
    public async Task DismissAsync(Actor actor, int objectionId, string reason, CancellationToken ct)
    {
        actor.EnsureCenter();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("Objection_DismissReasonRequired");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor, reason: reason);
        var objection = await LoadOpenAsync(db, objectionId, ct);
        Resolve(objection, ObjectionStatus.Dismissed, reason, actor, clock.GetUtcNow().UtcDateTime);
        await SaveResolutionAsync(db, ct);
        await NotifyAnsweredAsync(db, objection, ct);
    }

    /// <summary>When the objection window of a published period ends (null while unpublished).</summary>
    public static DateTime? WindowClosesAt(ReportingPeriod period) =>
        period.Status == PeriodStatus.Published && period.PublishedAt is { } published ? published.AddDays(period.ObjectionWindowDays) : null;

    // Requested value null (or equal to what was reported): accept the answer as reported; otherwise adjust to it.
    private static (ReviewDecision? Decision, decimal? Verified) Outcome(Answer answer, decimal? requested) =>
        requested is null || (!answer.NotApplicable && requested == answer.Value)
            ? (ReviewDecision.Accepted, null)
            : (ReviewDecision.Adjusted, requested);

    private static void Resolve(Objection objection, ObjectionStatus status, string? resolution, Actor actor, DateTime now)
    {
        objection.Status = status;
        objection.Resolution = string.IsNullOrWhiteSpace(resolution) ? null : resolution.Trim();
        objection.ResolvedById = actor.UserId;
        objection.ResolvedAt = now;
    }

    private async Task NotifyAnsweredAsync(StrategyGovDbContext db, Objection objection, CancellationToken ct)
    {
        var code = await db.Indicators.Where(i => i.Id == objection.Answer.IndicatorId).Select(i => i.Code).SingleAsync(ct);
        await notifications.ObjectionAnsweredAsync(objection.Answer.SubmissionId, code, ct);
    }

    private static async Task SaveResolutionAsync(StrategyGovDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RuleViolationException("Objection_ChangedConcurrently");
        }
    }

    private static async Task<Objection> LoadOpenAsync(StrategyGovDbContext db, int objectionId, CancellationToken ct)
    {
        var objection = await db.Objections.Include(o => o.Answer).SingleOrDefaultAsync(o => o.Id == objectionId, ct)
            ?? throw new NotFoundException();
        return objection.Status == ObjectionStatus.Open ? objection : throw new RuleViolationException("Objection_AlreadyResolved");
    }

    private static IQueryable<ObjectionRow> Rows(IQueryable<Objection> objections) =>
        objections.AsNoTracking().Select(o => new ObjectionRow(
            o.Id, o.Answer.SubmissionId, o.Answer.IndicatorId, o.Answer.Indicator.Code, o.Answer.Indicator.TextAr, o.Answer.Indicator.TextEn,
            o.Answer.Indicator.Type, o.Answer.Indicator.MaturityLevels ?? 5, o.Answer.Indicator.UnitAr, o.Answer.Indicator.UnitEn,
            o.Answer.Submission.Institution.Code, o.Answer.Submission.Institution.NameAr, o.Answer.Submission.Institution.NameEn,
            o.Answer.Submission.Period.Code, o.Status, o.Reason, o.Answer.Value, o.Answer.NotApplicable, o.RequestedValue, o.EvidenceUrl,
            o.RaisedAt, o.DecisionBefore, o.VerifiedValueBefore, o.Resolution, o.ResolvedAt));
}
