namespace StrategyGov.Scoring;

/// <summary>How an indicator's self-reported value is turned into a score in [0, 100].</summary>
public enum MeasurementType
{
    /// <summary>Value 1 (yes) scores 100, value 0 (no) scores 0.</summary>
    YesNo,

    /// <summary>Value 0–100 is the score, clamped to [0, 100].</summary>
    Percentage,

    /// <summary>Level 0..L scores 100 × level / L (L = <see cref="IndicatorDefinition.MaturityLevels"/>).</summary>
    Maturity,

    /// <summary>Number v with baseline B &lt; target T: 100 × (v − B) / (T − B), clamped to [0, 100].</summary>
    TargetHigherIsBetter,

    /// <summary>Number v with baseline B &gt; target T: 100 × (B − v) / (B − T), clamped to [0, 100].</summary>
    TargetLowerIsBetter,
}

/// <summary>A compliance indicator as the engine needs it: identity, weight and scoring parameters.</summary>
/// <param name="Code">Unique code within the strategy version, e.g. <c>P1.1.1</c>.</param>
/// <param name="Weight">Weight (&gt; 0) relative to the other indicators of the same practice.</param>
/// <param name="Type">How the value is scored.</param>
/// <param name="MaturityLevels">Highest maturity level L (levels are 0..L); used by <see cref="MeasurementType.Maturity"/>.</param>
/// <param name="Baseline">Baseline B of a target indicator.</param>
/// <param name="Target">Target T of a target indicator.</param>
/// <param name="ApplicableTypes">
/// Institution type codes the indicator applies to; <c>null</c> or empty means every type. An indicator
/// that does not apply to an institution's type is left out of that institution's score entirely.
/// </param>
public sealed record IndicatorDefinition(
    string Code,
    decimal Weight,
    MeasurementType Type,
    int MaturityLevels = 5,
    decimal Baseline = 0m,
    decimal Target = 0m,
    IReadOnlySet<string>? ApplicableTypes = null)
{
    /// <summary>Whether the indicator counts for an institution of the given type.</summary>
    public bool AppliesTo(string institutionType) =>
        ApplicableTypes is null || ApplicableTypes.Count == 0 || ApplicableTypes.Contains(institutionType);

    /// <summary>
    /// Whether two definitions score the same value identically (same code, type and parameters).
    /// Trends across methodology versions compare only such indicators.
    /// </summary>
    public bool ScoresLike(IndicatorDefinition other) =>
        Code == other.Code && Type == other.Type && Type switch
        {
            MeasurementType.Maturity => MaturityLevels == other.MaturityLevels,
            MeasurementType.TargetHigherIsBetter or MeasurementType.TargetLowerIsBetter =>
                Baseline == other.Baseline && Target == other.Target,
            _ => true,
        };
}

/// <summary>A required practice (بند): a weighted group of indicators.</summary>
/// <param name="Code">Unique code, e.g. <c>P1.1</c>.</param>
/// <param name="Weight">Weight (&gt; 0) relative to the other practices of the same pillar.</param>
/// <param name="Indicators">The practice's indicators.</param>
public sealed record PracticeDefinition(string Code, decimal Weight, IReadOnlyList<IndicatorDefinition> Indicators);

/// <summary>A strategy pillar (محور): a weighted group of practices.</summary>
/// <param name="Code">Unique code, e.g. <c>P1</c>.</param>
/// <param name="Weight">Weight (&gt; 0) relative to the other pillars.</param>
/// <param name="Practices">The pillar's practices.</param>
public sealed record PillarDefinition(string Code, decimal Weight, IReadOnlyList<PracticeDefinition> Practices);

/// <summary>The scoring view of one strategy version: its weighted tree and its maturity bands.</summary>
public sealed record ScoringFramework(IReadOnlyList<PillarDefinition> Pillars, MaturityBands Bands)
{
    /// <summary>Every indicator of the tree in display order.</summary>
    public IEnumerable<IndicatorDefinition> Indicators =>
        Pillars.SelectMany(p => p.Practices).SelectMany(p => p.Indicators);

    /// <summary>
    /// The same tree keeping only the indicators whose codes are given; practices and pillars left
    /// without indicators are dropped. Used to compare periods scored under different versions.
    /// </summary>
    public ScoringFramework RestrictTo(IReadOnlySet<string> indicatorCodes) =>
        this with
        {
            Pillars = Pillars
                .Select(pillar => pillar with
                {
                    Practices = pillar.Practices
                        .Select(practice => practice with
                        {
                            Indicators = practice.Indicators.Where(i => indicatorCodes.Contains(i.Code)).ToList(),
                        })
                        .Where(practice => practice.Indicators.Count > 0)
                        .ToList(),
                })
                .Where(pillar => pillar.Practices.Count > 0)
                .ToList(),
        };
}
