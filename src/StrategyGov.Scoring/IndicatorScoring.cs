namespace StrategyGov.Scoring;

/// <summary>Turns one reported value into an indicator score in [0, 100] (DESIGN.md "Scoring", the type table).</summary>
public static class IndicatorScoring
{
    private const decimal Full = 100m;

    /// <summary>The score of <paramref name="value"/> under the indicator's measurement type.</summary>
    public static decimal Score(IndicatorDefinition indicator, decimal value) => indicator.Type switch
    {
        MeasurementType.YesNo => value > 0m ? Full : 0m,
        MeasurementType.Percentage => Clamp(value),
        MeasurementType.Maturity => indicator.MaturityLevels <= 0
            ? 0m
            : Clamp(Full * value / indicator.MaturityLevels),
        MeasurementType.TargetHigherIsBetter => Towards(value - indicator.Baseline, indicator.Target - indicator.Baseline),
        MeasurementType.TargetLowerIsBetter => Towards(indicator.Baseline - value, indicator.Baseline - indicator.Target),
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator.Type, "Unknown measurement type."),
    };

    // Progress from baseline to target. A malformed definition (target equal to, or on the wrong side
    // of, the baseline) is refused when the strategy is published; here it degrades to met / not met.
    private static decimal Towards(decimal progress, decimal span) =>
        span > 0m ? Clamp(Full * progress / span) : progress >= 0m && span == 0m ? Full : 0m;

    private static decimal Clamp(decimal score) => score < 0m ? 0m : score > Full ? Full : score;
}
