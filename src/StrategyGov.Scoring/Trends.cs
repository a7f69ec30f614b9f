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

/// <summary>A trend of the national index between two periods.</summary>
/// <param name="National">Current minus previous national index (verified); null when either is N/A.</param>
/// <param name="Peers">Current minus previous index per institution type present in both periods.</param>
/// <param name="Pillars">Current minus previous mean pillar score per pillar present in both.</param>
/// <param name="ComparedIndicators">Indicator codes the comparison is based on.</param>
/// <param name="Restricted">True when only the indicators unchanged between methodologies were compared.</param>
public sealed record IndexTrend(
    decimal? National,
    IReadOnlyDictionary<string, decimal?> Peers,
    IReadOnlyDictionary<string, decimal?> Pillars,
    IReadOnlySet<string> ComparedIndicators,
    bool Restricted);

/// <summary>
/// Trends across periods (docs/scoring.md §7 Trend and docs/product.md §Methodology versions).
/// </summary>
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
        var basis = Methodology.Compare(previousFramework, currentFramework);
        var before = ScoringEngine.Score(basis.Previous, previous);
        var after = ScoringEngine.Score(basis.Current, current);

        var beforePillars = before.Pillars.ToDictionary(p => p.Code, p => p.Verified.Score, StringComparer.Ordinal);
        var pillars = after.Pillars
            .Where(p => beforePillars.ContainsKey(p.Code))
            .ToDictionary(p => p.Code, p => p.Verified.Score - beforePillars[p.Code], StringComparer.Ordinal);

        return new TrendResult(after.Verified - before.Verified, pillars, basis.ComparedIndicators, basis.Restricted);
    }

    /// <summary>
    /// The national index of this period minus the previous period's, per peer group (institution type)
    /// and per pillar (the mean pillar score), each period over the institutions expected to report in
    /// it. Across methodology versions both periods are re-scored on the unchanged indicators only.
    /// </summary>
    public static IndexTrend CompareIndex(
        ScoringFramework previousFramework,
        IReadOnlyList<InstitutionInput> previous,
        ScoringFramework currentFramework,
        IReadOnlyList<InstitutionInput> current)
    {
        var basis = Methodology.Compare(previousFramework, currentFramework);
        var before = Scoreboard.Build(basis.Previous, previous);
        var after = Scoreboard.Build(basis.Current, current);

        var peers = after.Peers
            .Where(p => before.Peers.ContainsKey(p.Key))
            .ToDictionary(p => p.Key, p => p.Value.Verified - before.Peers[p.Key].Verified, StringComparer.Ordinal);
        var beforePillars = before.PillarMeans();
        var pillars = after.PillarMeans()
            .Where(p => beforePillars.ContainsKey(p.Key))
            .ToDictionary(p => p.Key, p => p.Value - beforePillars[p.Key], StringComparer.Ordinal);

        return new IndexTrend(after.National.Verified - before.National.Verified, peers, pillars, basis.ComparedIndicators, basis.Restricted);
    }
}

/// <summary>The frameworks two periods are compared on (docs/product.md §Methodology versions).</summary>
/// <param name="Previous">The previous period's framework, restricted when the methodologies differ.</param>
/// <param name="Current">This period's framework, restricted the same way.</param>
/// <param name="ComparedIndicators">Indicator codes the comparison is based on.</param>
/// <param name="Restricted">True when the methodologies differ and only unchanged indicators are compared.</param>
public sealed record ComparisonBasis(
    ScoringFramework Previous,
    ScoringFramework Current,
    IReadOnlySet<string> ComparedIndicators,
    bool Restricted);

/// <summary>Decides which indicators two strategy versions can be compared on.</summary>
public static class Methodology
{
    /// <summary>
    /// The indicators whose code and scoring are unchanged between the versions. When every indicator
    /// is unchanged and sits in the same tree with the same weights and applicability, the frameworks
    /// are compared as they are; otherwise both are restricted to the unchanged indicators.
    /// </summary>
    public static ComparisonBasis Compare(ScoringFramework previous, ScoringFramework current)
    {
        var previousByCode = previous.Indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var currentCount = current.Indicators.Count();
        var comparable = current.Indicators
            .Where(i => previousByCode.TryGetValue(i.Code, out var before) && before.ScoresLike(i))
            .Select(i => i.Code)
            .ToHashSet(StringComparer.Ordinal);

        var restricted = comparable.Count != currentCount || comparable.Count != previousByCode.Count
            || !SameTree(previous, current);
        return restricted
            ? new ComparisonBasis(previous.RestrictTo(comparable), current.RestrictTo(comparable), comparable, true)
            : new ComparisonBasis(previous, current, comparable, false);
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
