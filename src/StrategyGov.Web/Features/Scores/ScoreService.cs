using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Periods;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Scores;

/// <summary>An institution expected to report in a period, and where its submission stands.</summary>
public sealed record InstitutionInPeriod(
    int Id,
    string Code,
    string NameAr,
    string NameEn,
    string TypeCode,
    string TypeNameAr,
    string TypeNameEn,
    int SubmissionId,
    SubmissionStatus Status,
    DateTime? FirstSubmittedAt)
{
    public string Key => Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The scores of every institution of a period: live for open and closed periods, the stored snapshot
/// (<paramref name="Snapshot"/> says which revision) for published ones.
/// </summary>
public sealed record PeriodScores(
    PeriodRow Period,
    LoadedFramework Framework,
    Scoreboard Board,
    IReadOnlyDictionary<string, InstitutionInPeriod> Institutions,
    IReadOnlyList<InstitutionInput> Inputs,
    SnapshotInfo? Snapshot)
{
    public InstitutionInPeriod InstitutionOf(ScoreboardEntry entry) => Institutions[entry.Result.Key];

    public ScoreboardEntry EntryOf(int institutionId) =>
        Board.Entries.Single(e => e.Result.Key == institutionId.ToString(CultureInfo.InvariantCulture));

    public InstitutionInput InputOf(int institutionId) =>
        Inputs.Single(i => i.Key == institutionId.ToString(CultureInfo.InvariantCulture));

    public int PeerCount(string typeCode) => Board.Entries.Count(e => e.Result.InstitutionType == typeCode);
}

/// <summary>One institution's scores in a period, with its place among the others.</summary>
public sealed record InstitutionScores(PeriodScores Period, InstitutionInPeriod Institution, ScoreboardEntry Entry);

/// <summary>Timeliness of every institution of a period and the national on-time rate.</summary>
public sealed record PeriodTimeliness(IReadOnlyDictionary<string, TimelinessStatus> ByInstitution, OnTimeRate National);

/// <summary>A trend and the period it is measured from.</summary>
public sealed record PeriodTrend<T>(T Trend, PeriodRow Previous);

/// <summary>Scores of periods, institutions, their trends and timeliness, with the actor checked on every call.</summary>
public sealed class ScoreService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    PeriodScoreLoader loader,
    ScoreSnapshotService snapshots,
    ScoreboardCache cache,
    IOptions<PlatformOptions> platform,
    TimeProvider clock)
{
    /// <summary>The whole scoreboard: center staff and officials only.</summary>
    public async Task<PeriodScores> GetPeriodAsync(Actor actor, int periodId, CancellationToken ct)
    {
        actor.EnsureSeesAllInstitutions();
        return await ComputeAsync(periodId, ct);
    }

    /// <summary>One institution's scores; institution users only for their own institution.</summary>
    public async Task<InstitutionScores> GetInstitutionAsync(Actor actor, int institutionId, int periodId, CancellationToken ct)
    {
        actor.EnsureCanRead(institutionId);
        var period = await ComputeAsync(periodId, ct);
        var key = institutionId.ToString(CultureInfo.InvariantCulture);
        if (!period.Institutions.TryGetValue(key, out var institution))
        {
            throw new NotFoundException();
        }

        return new InstitutionScores(period, institution, period.EntryOf(institutionId));
    }

    /// <summary>
    /// The national index (and peer groups and pillar means) against the previous started period; null
    /// when there is none. Across strategy versions only unchanged indicators are compared.
    /// </summary>
    public async Task<PeriodTrend<IndexTrend>?> GetNationalTrendAsync(Actor actor, PeriodScores current, CancellationToken ct)
    {
        actor.EnsureSeesAllInstitutions();
        if (await PreviousPeriodIdAsync(current.Period, ct) is not { } previousId)
        {
            return null;
        }

        var previous = await ComputeAsync(previousId, ct);
        var trend = cache.Between(previous, current, () => Trends.CompareIndex(previous.Framework.Scoring, previous.Inputs, current.Framework.Scoring, current.Inputs));
        return new PeriodTrend<IndexTrend>(trend, previous.Period);
    }

    /// <summary>One institution's trend against the previous started period; null when there is none or it was not expected then.</summary>
    public async Task<PeriodTrend<TrendResult>?> GetInstitutionTrendAsync(Actor actor, InstitutionScores current, CancellationToken ct)
    {
        actor.EnsureCanRead(current.Institution.Id);
        if (await PreviousPeriodIdAsync(current.Period.Period, ct) is not { } previousId)
        {
            return null;
        }

        var previous = await ComputeAsync(previousId, ct);
        var key = current.Institution.Key;
        var before = previous.Inputs.FirstOrDefault(i => i.Key == key);
        return before is null
            ? null
            : new PeriodTrend<TrendResult>(
                Trends.Compare(previous.Framework.Scoring, before, current.Period.Framework.Scoring, current.Period.InputOf(current.Institution.Id)),
                previous.Period);
    }

    /// <summary>Each institution's first submission against the due date (end of the due day, platform time).</summary>
    public PeriodTimeliness TimelinessOf(PeriodScores scores)
    {
        var deadline = Deadline(scores.Period.DueOn);
        var now = clock.GetUtcNow().UtcDateTime;
        var statuses = scores.Institutions.Values.ToDictionary(
            i => i.Key,
            i => Timeliness.StatusOf(deadline, i.FirstSubmittedAt, now),
            StringComparer.Ordinal);
        return new PeriodTimeliness(statuses, Timeliness.RateOf(statuses.Values));
    }

    /// <summary>An institution's on-time rate over every period that has started.</summary>
    public async Task<OnTimeRate> GetInstitutionOnTimeAsync(Actor actor, int institutionId, CancellationToken ct)
    {
        actor.EnsureCanRead(institutionId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => s.InstitutionId == institutionId && s.Period.Status != PeriodStatus.Planned)
            .Select(s => new { s.Period.DueOn, s.FirstSubmittedAt })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return Timeliness.RateOf(submissions.Select(s => Timeliness.StatusOf(Deadline(s.DueOn), s.FirstSubmittedAt, now)));
    }

    // The last instant of the due day in the platform's time zone, in UTC.
    private DateTime Deadline(DateOnly dueOn)
    {
        var endOfDay = dueOn.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(endOfDay, platform.Value.TimeZoneInfo).AddTicks(-1);
    }

    private async Task<int?> PreviousPeriodIdAsync(PeriodRow period, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var earlier = await db.Periods.AsNoTracking()
            .Where(p => p.Status != PeriodStatus.Planned && p.OpensOn < period.OpensOn)
            .Select(p => new { p.Id, p.OpensOn })
            .ToListAsync(ct);
        return earlier.OrderByDescending(p => p.OpensOn).Select(p => (int?)p.Id).FirstOrDefault();
    }

    // Computed once per change of what it is computed from (ScoreboardCache), not once per page.
    private Task<PeriodScores> ComputeAsync(int periodId, CancellationToken ct) =>
        cache.GetAsync(periodId, token => ComputeUncachedAsync(periodId, token), ct);

    // Published periods read their snapshot (captured now if they have none yet); others are scored live.
    private async Task<PeriodScores> ComputeUncachedAsync(int periodId, CancellationToken ct)
    {
        var period = await loader.PeriodAsync(periodId, ct);
        if (period.Status != PeriodStatus.Published)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var live = await loader.LoadLiveAsync(periodId, ct);
            Telemetry.ScoringDuration.RecordSince(started);
            return live;
        }

        if (await snapshots.LoadAsync(period, ct) is { } stored)
        {
            return stored;
        }

        await snapshots.CaptureAsync(periodId, ct);
        return await snapshots.LoadAsync(period, ct) ?? throw new InvalidOperationException("Snapshot missing after capture.");
    }
}
