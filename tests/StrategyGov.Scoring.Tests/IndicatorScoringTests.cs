namespace StrategyGov.Scoring.Tests;

// docs/scoring.md §Indicator scores, the type table: every indicator score is a number in [0, 100].
public sealed class IndicatorScoringTests
{
    public static TheoryData<decimal, decimal> YesNoCases => new()
    {
        { 1m, 100m }, // yes → 100
        { 0m, 0m },   // no → 0
    };

    public static TheoryData<decimal, decimal> PercentageCases => new()
    {
        { 0m, 0m },
        { 37.5m, 37.5m },  // the value itself
        { 100m, 100m },
        { -5m, 0m },       // clamped up to 0
        { 120m, 100m },    // clamped down to 100
    };

    public static TheoryData<int, decimal, decimal> MaturityCases => new()
    {
        { 5, 0m, 0m },      // 100 × 0 / 5
        { 5, 1m, 20m },     // 100 × 1 / 5
        { 5, 3m, 60m },     // 100 × 3 / 5
        { 5, 5m, 100m },    // 100 × 5 / 5
        { 4, 1m, 25m },     // 100 × 1 / 4
        { 4, 3m, 75m },     // 100 × 3 / 4
        { 4, 4m, 100m },    // 100 × 4 / 4
    };

    // Baseline B = 10, target T = 50: 100 × (v − 10) / 40.
    public static TheoryData<decimal, decimal> TargetHigherIsBetterCases => new()
    {
        { 10m, 0m },    // at the baseline: 100 × 0 / 40
        { 20m, 25m },   // 100 × 10 / 40
        { 40m, 75m },   // 100 × 30 / 40
        { 50m, 100m },  // at the target: 100 × 40 / 40
        { 70m, 100m },  // beyond the target: 100 × 60 / 40 = 150, clamped to 100
        { 5m, 0m },     // below the baseline: 100 × −5 / 40 = −12.5, clamped to 0
    };

    // Hours to answer a media inquiry: baseline B = 48, target T = 24: 100 × (48 − v) / 24.
    public static TheoryData<decimal, decimal> TargetLowerIsBetterCases => new()
    {
        { 48m, 0m },    // at the baseline: 100 × 0 / 24
        { 42m, 25m },   // 100 × 6 / 24
        { 36m, 50m },   // 100 × 12 / 24
        { 24m, 100m },  // at the target: 100 × 24 / 24
        { 12m, 100m },  // better than the target: 100 × 36 / 24 = 150, clamped to 100
        { 60m, 0m },    // worse than the baseline: 100 × −12 / 24 = −50, clamped to 0
    };

    [Theory]
    [MemberData(nameof(YesNoCases))]
    public void Score_YesNo_ReturnsAllOrNothing(decimal value, decimal expected)
    {
        var indicator = Indicators.YesNo();

        var score = IndicatorScoring.Score(indicator, value);

        Assert.Equal(expected, score);
    }

    [Theory]
    [MemberData(nameof(PercentageCases))]
    public void Score_Percentage_ReturnsValueClampedTo0To100(decimal value, decimal expected)
    {
        var indicator = Indicators.Percentage();

        var score = IndicatorScoring.Score(indicator, value);

        Assert.Equal(expected, score);
    }

    [Theory]
    [MemberData(nameof(MaturityCases))]
    public void Score_MaturityLevel_Returns100TimesLevelOverHighestLevel(int levels, decimal level, decimal expected)
    {
        var indicator = Indicators.Maturity(levels: levels);

        var score = IndicatorScoring.Score(indicator, level);

        Assert.Equal(expected, score);
    }

    [Theory]
    [MemberData(nameof(TargetHigherIsBetterCases))]
    public void Score_TargetHigherIsBetter_ReturnsProgressFromBaselineClamped(decimal value, decimal expected)
    {
        var indicator = Indicators.TargetHigher("I", baseline: 10m, target: 50m);

        var score = IndicatorScoring.Score(indicator, value);

        Assert.Equal(expected, score);
    }

    [Theory]
    [MemberData(nameof(TargetLowerIsBetterCases))]
    public void Score_TargetLowerIsBetter_ReturnsProgressFromBaselineClamped(decimal value, decimal expected)
    {
        var indicator = Indicators.TargetLower("I", baseline: 48m, target: 24m);

        var score = IndicatorScoring.Score(indicator, value);

        Assert.Equal(expected, score);
    }

    [Fact]
    public void Score_MaturityLevelOfThree_KeepsFullDecimalPrecision()
    {
        var indicator = Indicators.Maturity(levels: 3);

        var score = IndicatorScoring.Score(indicator, 1m);

        // 100 × 1 / 3 in decimal, not rounded for display.
        Assert.Equal(33.333333333333333333333333333m, score);
    }
}
