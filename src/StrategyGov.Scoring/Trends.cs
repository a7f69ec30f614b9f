namespace StrategyGov.Scoring;

/// <summary>A trend between two periods of one institution.</summary>
/// <param name="Overall">Current minus previous verified overall score; null when either is N/A.</param>
/// <param name="Pillars">Current minus previous verified score per pillar code present in both.</param>
/// <param name="ComparedIndicators">Indicator codes the comparison is based on.</param>
/// <param name="Restricted">
/// True when the two periods use different methodologies and the comparison was restricted to the
/// indicators whose code and scoring are unchanged (reports must say so).
/// </param>
public sealed record TrendResult(
    decimal? Overall,
    IReadOnlyDictionary<string, decimal?> Pillars,
    IReadOnlySet<string> ComparedIndicators,
    bool Restricted);

/// <summary>Trends across periods (DESIGN.md "Scoring" item 7 and "Methodology versions").</summary>
public static class Trends
{
    /// <summary>
    /// This period's verified scores minus the previous period's, overall and per pillar. When the
    /// periods' frameworks differ, both periods are re-scored on the indicators whose code and scoring
    /// are unchanged, so the trend never mixes methodologies.
    /// </summary>
    public static TrendResult Compare(
        ScoringFramework previousFramework,
        InstitutionInput previous,
        ScoringFramework currentFramework,
        InstitutionInput current)
    {
        var previousByCode = previousFramework.Indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var currentCodes = currentFramework.Indicators.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var comparable = currentFramework.Indicators
            .Where(i => previousByCode.TryGetValue(i.Code, out var before) && before.ScoresLike(i))
            .Select(i => i.Code)
            .ToHashSet(StringComparer.Ordinal);

        var restricted = comparable.Count != currentCodes.Count || comparable.Count != previousByCode.Count
            || !SameTree(previousFramework, currentFramework);
        var before = ScoringEngine.Score(restricted ? previousFramework.RestrictTo(comparable) : previousFramework, previous);
        var after = ScoringEngine.Score(restricted ? currentFramework.RestrictTo(comparable) : currentFramework, current);

        var beforePillars = before.Pillars.ToDictionary(p => p.Code, p => p.Verified.Score, StringComparer.Ordinal);
        var pillars = after.Pillars
            .Where(p => beforePillars.ContainsKey(p.Code))
            .ToDictionary(p => p.Code, p => p.Verified.Score - beforePillars[p.Code], StringComparer.Ordinal);

        return new TrendResult(after.Verified - before.Verified, pillars, comparable, restricted);
    }

    // Same indicators scored the same way is not enough: moved indicators or changed weights also
    // change what an overall score means.
    private static bool SameTree(ScoringFramework a, ScoringFramework b) =>
        a.Pillars.Count == b.Pillars.Count && a.Pillars.Zip(b.Pillars).All(p =>
            p.First.Code == p.Second.Code && p.First.Weight == p.Second.Weight
            && p.First.Practices.Count == p.Second.Practices.Count
            && p.First.Practices.Zip(p.Second.Practices).All(q =>
                q.First.Code == q.Second.Code && q.First.Weight == q.Second.Weight
                && q.First.Indicators.Count == q.Second.Indicators.Count
                && q.First.Indicators.Zip(q.Second.Indicators).All(i =>
                    i.First.ScoresLike(i.Second) && i.First.Weight == i.Second.Weight
                    && SameApplicability(i.First, i.Second))));

    private static bool SameApplicability(IndicatorDefinition a, IndicatorDefinition b) =>
        (a.ApplicableTypes ?? new HashSet<string>()).SetEquals(b.ApplicableTypes ?? new HashSet<string>());
}
