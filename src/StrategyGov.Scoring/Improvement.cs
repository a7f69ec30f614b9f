namespace StrategyGov.Scoring;

/// <summary>
/// How many points of the overall verified score one indicator could still add.
/// </summary>
/// <param name="PillarCode">The indicator's pillar.</param>
/// <param name="PracticeCode">The indicator's practice.</param>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="OverallShare">
/// The indicator's share of the overall score: its share in the practice × the practice's share in the
/// pillar × the pillar's share overall (verified view). One point of the indicator is worth this many
/// overall points.
/// </param>
/// <param name="MissingPoints">100 − the indicator's verified score.</param>
public sealed record ImprovementPotential(
    string PillarCode,
    string PracticeCode,
    string IndicatorCode,
    decimal OverallShare,
    decimal MissingPoints)
{
    /// <summary>Overall points gained if the indicator reached 100: <c>OverallShare × MissingPoints</c>.</summary>
    public decimal Potential => OverallShare * MissingPoints;
}

/// <summary>
/// Where an institution gains most (docs/product.md §Reports: recommendations for the weakest practices).
/// </summary>
public static class Improvement
{
    /// <summary>
    /// Every counted indicator of the verified view with the overall points it could add, largest first
    /// (ties by code, so the order is deterministic). Raising one indicator's score changes no weight
    /// share, so the potential is exact: the overall score rises by exactly that much. N/A indicators
    /// (and those of N/A practices or pillars) have no share and are left out.
    /// </summary>
    public static IReadOnlyList<ImprovementPotential> Potentials(InstitutionResult result)
    {
        var potentials = new List<ImprovementPotential>();
        foreach (var pillar in result.Pillars)
        {
            foreach (var practice in pillar.Practices)
            {
                var practiceShare = pillar.Verified.Share * practice.Verified.Share;
                foreach (var indicator in practice.Indicators)
                {
                    if (indicator.Verified.Score is { } score && practiceShare > 0m)
                    {
                        potentials.Add(new ImprovementPotential(
                            pillar.Code, practice.Code, indicator.Code, practiceShare * indicator.Verified.Share, 100m - score));
                    }
                }
            }
        }

        return potentials
            .OrderByDescending(p => p.Potential)
            .ThenBy(p => p.IndicatorCode, StringComparer.Ordinal)
            .ToList();
    }
}
