using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Computed;

/// <summary>
/// Fills the answers of computed indicators from the institutions' records (docs/decisions/0096): when a
/// period opens, when an editable submission is opened or refreshed, and just before it is submitted. A
/// computed answer is marked as such and keeps the records behind it; the institution cannot type over
/// it (it may comment) and the reviewer verifies it like any other.
/// </summary>
public sealed class ComputedIndicatorService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    ComputedCatalog catalog,
    IStringLocalizer<SharedResource> localizer,
    TimeProvider clock,
    IOptions<PlatformOptions> platform)
{
    private readonly IReadOnlyDictionary<string, IComputedSource> _sources = catalog.Sources;

    /// <summary>How a fill treats submissions that are no longer editable.</summary>
    public enum Scope
    {
        /// <summary>Only Draft or Returned submissions of open periods (everything the app does).</summary>
        Editable,

        /// <summary>Every submission, as of each period's end, reviewed ones accepted (the demo seed only).</summary>
        Seeded,
    }

    /// <summary>
    /// Recomputes the computed answers of one editable submission, as its director or contributor (or
    /// the center) opens or refreshes it; returns how many answers changed. A submission that can no
    /// longer change is left as it is (returns 0).
    /// </summary>
    public async Task<int> RefreshAsync(Actor actor, int submissionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var institutionId = await db.Submissions.Where(s => s.Id == submissionId).Select(s => (int?)s.InstitutionId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        actor.EnsureCanRead(institutionId);
        Actor.Ensure(actor.IsMemberOf(institutionId) || actor.IsCenter);

        db.AuditAs(actor, ComputedReason);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await FillAsync(db, [submissionId], Scope.Editable, actor.UserId, ct);
        await transaction.CommitAsync(ct);
        return changed;
    }

    /// <summary>The reason recorded in the audit trail for every answer a computation changed.</summary>
    public const string ComputedReason = "Computed from the institution's records";

    /// <summary>
    /// Fills the computed answers of the given submissions inside the caller's context and transaction
    /// (saved and packed here); returns how many answers changed.
    /// </summary>
    internal async Task<int> FillAsync(StrategyGovDbContext db, IReadOnlyCollection<int> submissionIds, Scope scope, string? userId, CancellationToken ct)
    {
        if (submissionIds.Count == 0)
        {
            return 0;
        }

        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => submissionIds.Contains(s.Id))
            .Where(s => scope == Scope.Seeded
                || ((s.Status == SubmissionStatus.Draft || s.Status == SubmissionStatus.Returned) && s.Period.Status == PeriodStatus.Open))
            .Select(s => new SubmissionFacts(s.Id, s.InstitutionId, s.Institution.TypeId, s.Status, s.PeriodId, s.Period.OpensOn, s.Period.ClosesOn, s.Period.StrategyVersionId))
            .ToListAsync(ct);
        if (submissions.Count == 0)
        {
            return 0;
        }

        var versionIds = submissions.Select(s => s.VersionId).Distinct().ToList();
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => i.ComputedFrom != null && versionIds.Contains(i.Practice.Pillar.StrategyVersionId))
            .Select(i => new ComputedIndicator(
                i.Id, i.Practice.Pillar.StrategyVersionId, i.ComputedFrom!, i.Frequency, i.Type,
                i.ApplicableTypes.Select(t => t.Id).ToList()))
            .ToListAsync(ct);
        if (indicators.Count == 0)
        {
            return 0;
        }

        var zone = platform.Value.TimeZoneInfo;
        var today = platform.Value.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;

        // One calculation per source and window, over every institution that needs it.
        var wanted = (from s in submissions
                      from i in indicators
                      where i.VersionId == s.VersionId && (i.TypeIds.Count == 0 || i.TypeIds.Contains(s.TypeId)) && _sources.ContainsKey(i.Source)
                      let window = ComputeRequest.Window(i.Frequency, s.OpensOn, s.ClosesOn)
                      select (Submission: s, Indicator: i, window.From, window.To)).ToList();
        var results = new Dictionary<(string Source, DateOnly From, DateOnly To), (ComputeRequest Request, IReadOnlyDictionary<int, ComputedResult> Values)>();
        foreach (var group in wanted.GroupBy(w => (w.Indicator.Source, w.From, w.To)))
        {
            var asOf = group.Key.To < today ? group.Key.To : today;
            var request = new ComputeRequest(group.Select(w => w.Submission.InstitutionId).Distinct().ToList(), group.Key.From, group.Key.To, asOf, zone);
            results[group.Key] = (request, await _sources[group.Key.Source].ComputeAsync(db, request, ct));
        }

        var ids = submissions.Select(s => s.Id).ToList();
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        var answers = await db.Answers
            .Where(a => ids.Contains(a.SubmissionId) && indicatorIds.Contains(a.IndicatorId))
            .ToDictionaryAsync(a => (a.SubmissionId, a.IndicatorId), ct);
        var arabic = Bilingual.CreateCulture(Bilingual.Arabic);

        var changed = new HashSet<int>();
        var count = 0;
        foreach (var (submission, indicator, from, to) in wanted)
        {
            var (request, values) = results[(indicator.Source, from, to)];
            if (!values.TryGetValue(submission.InstitutionId, out var result))
            {
                continue;
            }

            var basis = ComputedBasis.Of(indicator.Source, request, result);
            if (answers.TryGetValue((submission.Id, indicator.Id), out var answer)
                && ComputedBasis.FromJson(answer.ComputedBasis) is { } stored && stored.SameOutcome(basis) && answer.IsAnswered)
            {
                continue;
            }

            if (answer is null)
            {
                answer = new Answer { SubmissionId = submission.Id, IndicatorId = indicator.Id };
                db.Answers.Add(answer);
            }
            else
            {
                answer.Version++;
            }

            var value = result.Value is { } v && indicator.Type == Scoring.MeasurementType.YesNo ? (v > 0 ? 1 : 0) : result.Value;
            var justification = result.Value is null ? localizer.WithCulture(arabic, result.NotApplicableReason ?? "Computed_NothingToMeasure") : null;
            AnswerUpdate.Apply(answer, value, result.Value is null, justification, answer.Comment, now, userId);
            answer.ComputedAt = now;
            answer.ComputedBasis = basis.ToJson();
            if (scope == Scope.Seeded && submission.Status == SubmissionStatus.Approved)
            {
                answer.Decision = Scoring.ReviewDecision.Accepted;
                answer.ReviewedAt = now;
            }

            changed.Add(submission.Id);
            count++;
        }

        if (count > 0)
        {
            await db.SaveChangesAsync(ct);
            await AnswerPacking.RefreshAsync(db, changed, ct);
        }

        return count;
    }

    /// <summary>Fills every submission of the seeded demo periods as of each period's end (start-up, right after seeding).</summary>
    public async Task<int> FillSeededAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Submissions.Select(s => s.Id).ToListAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var count = await FillAsync(db, ids, Scope.Seeded, userId: null, ct);
        await transaction.CommitAsync(ct);
        return count;
    }

    private sealed record SubmissionFacts(int Id, int InstitutionId, int TypeId, SubmissionStatus Status, int PeriodId, DateOnly OpensOn, DateOnly ClosesOn, int VersionId);

    private sealed record ComputedIndicator(int Id, int VersionId, string Source, IndicatorFrequency Frequency, Scoring.MeasurementType Type, List<int> TypeIds);
}
