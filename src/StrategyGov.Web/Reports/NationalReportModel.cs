using StrategyGov.Scoring;
using StrategyGov.Web.Features.Scores;

namespace StrategyGov.Web.Reports;

/// <summary>One institution's line in the national report.</summary>
/// <param name="Trend">Verified overall score minus the previous period's; null without a comparable previous score.</param>
/// <param name="OnTime">First submitted on or before the due date (platform time zone).</param>
public sealed record NationalRow(InstitutionInPeriod Institution, ScoreboardEntry Entry, decimal? Trend, bool OnTime);

/// <summary>A pillar's national mean (institutions where it is not N/A) this period and the previous one.</summary>
public sealed record PillarTrend(string Code, decimal? Current, decimal? Previous)
{
    public decimal? Change => Current - Previous;
}

/// <summary>Everything the national report prints, computed once from the period's scores.</summary>
/// <param name="Scores">This period's scoreboard.</param>
/// <param name="Previous">The previous started period's scoreboard; null for the first period.</param>
/// <param name="Comparable">Both periods use the same strategy version, so trends are differences of like with like.</param>
/// <param name="Rows">Institutions in ranking order (unranked ones last).</param>
/// <param name="GeneratedAt">Generation time in the platform's time zone.</param>
public sealed record NationalReportModel(
    PeriodScores Scores,
    PeriodScores? Previous,
    bool Comparable,
    IReadOnlyList<NationalRow> Rows,
    IReadOnlyList<PillarTrend> PillarTrends,
    IReadOnlyDictionary<string, int> BandCounts,
    decimal CompletenessRate,
    decimal SubmittedRate,
    decimal OnTimeRate,
    DateTime GeneratedAt)
{
    public decimal? IndexTrend => Comparable ? Scores.Board.National.Verified - Previous?.Board.National.Verified : null;

    /// <summary>Ranks, means and rates of a period; trends only between periods of the same strategy version.</summary>
    public static NationalReportModel Build(PeriodScores scores, PeriodScores? previous, TimeZoneInfo zone, DateTime generatedAt)
    {
        var comparable = previous is not null && previous.Framework.VersionId == scores.Framework.VersionId;
        var previousOverall = comparable
            ? previous!.Board.Entries.ToDictionary(e => e.Result.Key, e => e.Result.Verified, StringComparer.Ordinal)
            : new Dictionary<string, decimal?>(StringComparer.Ordinal);

        var rows = scores.Board.Entries
            .Select(entry =>
            {
                var institution = scores.InstitutionOf(entry);
                var trend = previousOverall.TryGetValue(entry.Result.Key, out var before) ? entry.Result.Verified - before : null;
                return new NationalRow(institution, entry, trend, IsOnTime(institution, scores, zone));
            })
            .OrderBy(r => r.Entry.NationalRank ?? int.MaxValue)
            .ThenBy(r => r.Institution.Code, StringComparer.Ordinal)
            .ToList();

        var pillarTrends = scores.Framework.Scoring.Pillars
            .Select(p => new PillarTrend(p.Code, PillarMean(scores, p.Code), comparable ? PillarMean(previous!, p.Code) : null))
            .ToList();

        var bandCounts = scores.Framework.Bands.ToDictionary(
            b => b.Code,
            b => scores.Board.Entries.Count(e => e.Band?.Code == b.Code),
            StringComparer.Ordinal);

        var count = Math.Max(1, scores.Board.Entries.Count);
        return new NationalReportModel(
            scores,
            previous,
            comparable,
            rows,
            pillarTrends,
            bandCounts,
            scores.Board.Entries.Sum(e => e.Result.Completeness) / count,
            (decimal)scores.Board.Entries.Count(e => e.Result.Status == ParticipationStatus.Submitted) / count,
            (decimal)rows.Count(r => r.OnTime) / count,
            generatedAt);
    }

    private static bool IsOnTime(InstitutionInPeriod institution, PeriodScores scores, TimeZoneInfo zone) =>
        institution.FirstSubmittedAt is { } first
        && DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(first, zone)) <= scores.Period.DueOn;

    private static decimal? PillarMean(PeriodScores scores, string pillarCode)
    {
        var values = scores.Board.Entries
            .Select(e => e.Result.Pillars.FirstOrDefault(p => p.Code == pillarCode)?.Verified.Score)
            .OfType<decimal>()
            .ToList();
        return values.Count == 0 ? null : values.Average();
    }
}
