namespace StrategyGov.Scoring.Tests;

// docs/scoring.md §8 Exactness, rounding, explanation: round only for display, one decimal, half away
// from zero.
public sealed class ScoreDisplayTests
{
    public static TheoryData<decimal, decimal> RoundingCases => new()
    {
        { 74.25m, 74.3m },   // midpoint goes away from zero (banker's rounding would give 74.2)
        { 74.24m, 74.2m },
        { 74.35m, 74.4m },
        { 79.95m, 80.0m },   // rounds up into the next ten
        { 0.05m, 0.1m },
        { 0.04m, 0.0m },
        { 100m, 100.0m },
        { 33.333333333333333333333333333m, 33.3m }, // 100 / 3
        { 66.666666666666666666666666667m, 66.7m }, // 200 / 3
    };

    [Theory]
    [MemberData(nameof(RoundingCases))]
    public void Round_Score_RoundsToOneDecimalHalfAwayFromZero(decimal score, decimal expected)
    {
        var shown = ScoreDisplay.Round(score);

        Assert.Equal(expected, shown);
    }

    [Fact]
    public void Round_NotApplicable_StaysNull()
    {
        decimal? score = null;

        var shown = ScoreDisplay.Round(score);

        Assert.Null(shown);
    }

    [Fact]
    public void Round_NullableWithValue_RoundsTheValue()
    {
        decimal? score = 74.25m;

        var shown = ScoreDisplay.Round(score);

        Assert.Equal(74.3m, shown);
    }
}
