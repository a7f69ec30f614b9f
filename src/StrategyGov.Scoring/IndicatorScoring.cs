namespace StrategyGov.Scoring;

/// <summary>
/// Turns one reported value into an indicator score in [0, 100] (docs/scoring.md §Indicator scores, the
/// type table).
/// </summary>
public static class IndicatorScoring
{
    private const decimal Full = 100m;

    /// <summary>The score of <paramref name="value"/> under the indicator's measurement type.</summary>
    public static decimal Score(IndicatorDefinition indicator, decimal value) => indicator.Type switch
    {
        MeasurementType.YesNo => value > 0m ? Full : 0m,
        MeasurementType.Percentage => Clamp(value),
        MeasurementType.Maturity => indicator.MaturityLevels <= 0 ? 0m
            : Maturity.TryGet(indicator.MaturityLevels, value, out var score) ? score
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

    /// <summary>
    /// The scores of whole levels 0..L for L up to 10, divided once: the same expression on the same
    /// numbers, so the same decimals bit for bit as dividing each time.
    /// </summary>
    private static class Maturity
    {
        private const int MaxLevels = 10;

        private static readonly decimal[][] Scores = Enumerable.Range(0, MaxLevels + 1)
            .Select(levels => levels == 0 ? [] : Enumerable.Range(0, levels + 1).Select(level => Clamp(Full * level / levels)).ToArray())
            .ToArray();

        public static bool TryGet(int levels, decimal value, out decimal score)
        {
            if (levels <= MaxLevels && value.Scale == 0 && value >= 0m && value <= levels)
            {
                score = Scores[levels][(int)value];
                return true;
            }

            score = 0m;
            return false;
        }
    }
}
