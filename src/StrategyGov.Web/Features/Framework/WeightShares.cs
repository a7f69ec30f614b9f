using StrategyGov.Scoring;

namespace StrategyGov.Web.Features.Framework;

/// <summary>An indicator's effective share of an institution's overall score, with its place in the tree.</summary>
public sealed record IndicatorShare(
    string PillarCode,
    string PillarNameAr,
    string PillarNameEn,
    string PracticeCode,
    string PracticeNameAr,
    string PracticeNameEn,
    int IndicatorId,
    string IndicatorCode,
    string IndicatorTextAr,
    string IndicatorTextEn,
    decimal Share);

/// <summary>
/// What counts most: each indicator's share of the overall score is the product of the normalised
/// weights on its path (pillar × practice × indicator). The shares are read from the scoring engine's
/// own explanation tree (<see cref="ScoreNode.Share"/>), so the view can never disagree with the scores.
/// </summary>
public static class WeightShares
{
    /// <summary>
    /// Shares for an institution of <paramref name="institutionType"/> (indicators that do not apply to
    /// it are left out and the others' shares grow), or for every indicator when it is null. Null when a
    /// weight is not positive: the shares are undefined until the validator's issues are fixed.
    /// </summary>
    public static IReadOnlyList<IndicatorShare>? Compute(FrameworkTree tree, string? institutionType)
    {
        var weights = tree.Pillars.Select(p => p.Form.Weight)
            .Concat(tree.Pillars.SelectMany(p => p.Practices).Select(p => p.Form.Weight))
            .Concat(tree.Indicators.Select(i => i.Form.Weight));
        var codes = tree.Indicators.Select(i => i.Form.Code).ToList();
        if (weights.Any(w => w <= 0m) || codes.Distinct(StringComparer.Ordinal).Count() != codes.Count)
        {
            return null;
        }

        var framework = new ScoringFramework(
            tree.Pillars.Select(p => new PillarDefinition(p.Form.Code, p.Form.Weight, p.Practices.Select(q => new PracticeDefinition(
                q.Form.Code, q.Form.Weight, q.Indicators.Select(i => new IndicatorDefinition(
                    i.Form.Code,
                    i.Form.Weight,
                    MeasurementType.Percentage,
                    ApplicableTypes: institutionType is null || i.Form.ApplicableTypes.Count == 0 ? null : i.Form.ApplicableTypes.ToHashSet(StringComparer.Ordinal)))
                    .ToList())).ToList())).ToList(),
            MaturityBands.Default);

        var result = Explain(framework, institutionType);

        var shares = new List<IndicatorShare>();
        foreach (var (pillar, pillarResult) in tree.Pillars.Zip(result.Pillars))
        {
            foreach (var (practice, practiceResult) in pillar.Practices.Zip(pillarResult.Practices))
            {
                var applicable = practiceResult.Indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
                foreach (var indicator in practice.Indicators.Where(i => applicable.ContainsKey(i.Form.Code)))
                {
                    shares.Add(new IndicatorShare(
                        pillar.Form.Code, pillar.Form.NameAr, pillar.Form.NameEn,
                        practice.Form.Code, practice.Form.NameAr, practice.Form.NameEn,
                        indicator.Id, indicator.Form.Code, indicator.Form.TextAr, indicator.Form.TextEn,
                        pillarResult.Self.Share * practiceResult.Self.Share * applicable[indicator.Form.Code].Self.Share));
                }
            }
        }

        return shares.OrderByDescending(s => s.Share).ThenBy(s => s.IndicatorCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The engine's explanation tree for a perfect report on <paramref name="framework"/>: each node's
    /// <see cref="ScoreNode.Share"/> is its normalised weight among its siblings (indicators that do not apply to
    /// <paramref name="institutionType"/> left out; every indicator when it is null).
    /// </summary>
    public static InstitutionResult Explain(ScoringFramework framework, string? institutionType)
    {
        // Any value will do: only the shares are read, and a share depends on weights and applicability alone.
        var asPercentages = new ScoringFramework(
            framework.Pillars.Select(p => p with
            {
                Practices = p.Practices.Select(q => q with
                {
                    Indicators = q.Indicators.Select(i => i with
                    {
                        Type = MeasurementType.Percentage,
                        ApplicableTypes = institutionType is null ? null : i.ApplicableTypes,
                    }).ToList(),
                }).ToList(),
            }).ToList(),
            MaturityBands.Default);
        var answers = asPercentages.Indicators.ToDictionary(i => i.Code, _ => AnswerInput.Of(100m), StringComparer.Ordinal);
        return ScoringEngine.Score(asPercentages, new InstitutionInput("weights", institutionType ?? string.Empty, HasSubmission: true, answers));
    }
}
