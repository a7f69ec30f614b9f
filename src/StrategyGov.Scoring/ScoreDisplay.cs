namespace StrategyGov.Scoring;

/// <summary>Display rounding: scores are computed exactly and rounded only when shown.</summary>
public static class ScoreDisplay
{
    /// <summary>One decimal, half away from zero (74.25 → 74.3, 79.95 → 80.0).</summary>
    public static decimal Round(decimal score) => Math.Round(score, 1, MidpointRounding.AwayFromZero);

    /// <summary>Rounds a score that may be not applicable.</summary>
    public static decimal? Round(decimal? score) => score is { } value ? Round(value) : null;
}
