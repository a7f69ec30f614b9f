namespace StrategyGov.Scoring.Tests;

// docs/scoring.md §7 Trend (trend = this period's score minus the previous period's, per institution
// and pillar) and docs/product.md §Methodology versions (across versions, compare only indicators
// whose code and scoring are unchanged, and say so).
public sealed class TrendsTests
{
    // Version 1:
    // P1 (w 1) → P1.1 (w 1): I1 percentage, I2 maturity L = 5
    // P2 (w 1) → P2.1 (w 1): I3 target 0 → 100
    private static ScoringFramework Version1() => Framework(maturityLevels: 5, target: 100m, addI4: false);

    private static ScoringFramework Framework(int maturityLevels, decimal target, bool addI4) =>
        new FrameworkBuilder()
            .Pillar("P1", 1m, pillar => pillar
                .Practice("P1.1", 1m, practice => practice
                    .Percentage("I1")
                    .Maturity("I2", levels: maturityLevels)))
            .Pillar("P2", 1m, pillar => pillar
                .Practice("P2.1", 1m, practice =>
                {
                    practice.TargetHigher("I3", baseline: 0m, target: target);
                    if (addI4)
                    {
                        practice.YesNo("I4");
                    }
                }))
            .Build();

    // Scored on version 1: I1 40, I2 100 × 1 / 5 = 20, I3 20 → P1 (40 + 20) / 2 = 30, P2 20,
    // overall (30 + 20) / 2 = 25.
    private static InstitutionInput Previous() =>
        new InstitutionBuilder("A")
            .Accepted("I1", 40m)
            .Accepted("I2", 1m)
            .Accepted("I3", 20m)
            .Build();

    // Scored on version 1: I1 60, I2 100 × 4 / 5 = 80, I3 35 → P1 (60 + 80) / 2 = 70, P2 35,
    // overall (70 + 35) / 2 = 52.5.
    private static InstitutionInput Current() =>
        new InstitutionBuilder("A")
            .Accepted("I1", 60m)
            .Accepted("I2", 4m)
            .Accepted("I3", 35m)
            .Accepted("I4", 1m)
            .Build();

    [Fact]
    public void Compare_SameFramework_ReturnsPlainDifference()
    {
        var framework = Version1();

        var trend = Trends.Compare(framework, Previous(), framework, Current());

        // overall 52.5 − 25; P1 70 − 30; P2 35 − 20
        Assert.Equal(27.5m, trend.Overall);
        Assert.Equal(40m, trend.Pillars["P1"]);
        Assert.Equal(15m, trend.Pillars["P2"]);
        Assert.False(trend.Restricted);
        Assert.Equal(new HashSet<string> { "I1", "I2", "I3" }, trend.ComparedIndicators);
    }

    [Fact]
    public void Compare_EqualFrameworksBuiltSeparately_IsNotRestricted()
    {
        var previousFramework = Version1();
        var currentFramework = Version1();

        var trend = Trends.Compare(previousFramework, Previous(), currentFramework, Current());

        Assert.False(trend.Restricted);
        Assert.Equal(27.5m, trend.Overall);
    }

    [Fact]
    public void Compare_MaturityLevelsChanged_ComparesOnlyUnchangedIndicators()
    {
        var previousFramework = Version1();
        var currentFramework = Framework(maturityLevels: 4, target: 100m, addI4: false);

        var trend = Trends.Compare(previousFramework, Previous(), currentFramework, Current());

        Assert.True(trend.Restricted);
        Assert.Equal(new HashSet<string> { "I1", "I3" }, trend.ComparedIndicators);
        // without I2: before P1 = 40, P2 = 20, overall (40 + 20) / 2 = 30;
        //             after  P1 = 60, P2 = 35, overall (60 + 35) / 2 = 47.5.
        // 47.5 − 30 = 17.5 (unrestricted, with I2 = 100 × 4 / 4 = 100 now, it would be 57.5 − 25 = 32.5)
        Assert.Equal(17.5m, trend.Overall);
        Assert.Equal(20m, trend.Pillars["P1"]); // 60 − 40
        Assert.Equal(15m, trend.Pillars["P2"]); // 35 − 20
    }

    [Fact]
    public void Compare_TargetChanged_DropsPillarLeftWithoutComparableIndicators()
    {
        var previousFramework = Version1();
        var currentFramework = Framework(maturityLevels: 5, target: 200m, addI4: false);

        var trend = Trends.Compare(previousFramework, Previous(), currentFramework, Current());

        Assert.True(trend.Restricted);
        Assert.Equal(new HashSet<string> { "I1", "I2" }, trend.ComparedIndicators);
        // only P1 remains: before (40 + 20) / 2 = 30, after (60 + 80) / 2 = 70; 70 − 30 = 40
        Assert.Equal(40m, trend.Overall);
        Assert.Equal(40m, trend.Pillars["P1"]);
        Assert.False(trend.Pillars.ContainsKey("P2"));
    }

    [Fact]
    public void Compare_IndicatorAdded_LeavesNewIndicatorOut()
    {
        var previousFramework = Version1();
        var currentFramework = Framework(maturityLevels: 5, target: 100m, addI4: true);

        var trend = Trends.Compare(previousFramework, Previous(), currentFramework, Current());

        Assert.True(trend.Restricted);
        Assert.Equal(new HashSet<string> { "I1", "I2", "I3" }, trend.ComparedIndicators);
        // without I4: after P2 = 35, overall (70 + 35) / 2 = 52.5; 52.5 − 25 = 27.5
        // (with I4 = 100: P2 (35 + 100) / 2 = 67.5, overall 68.75, trend 43.75)
        Assert.Equal(27.5m, trend.Overall);
        Assert.Equal(40m, trend.Pillars["P1"]); // 70 − 30
        Assert.Equal(15m, trend.Pillars["P2"]); // 35 − 20
    }

    [Fact]
    public void Compare_IndicatorAddedAndParametersChanged_ComparesOnlyUnchangedIndicators()
    {
        var previousFramework = Version1();
        var currentFramework = Framework(maturityLevels: 4, target: 100m, addI4: true);

        var trend = Trends.Compare(previousFramework, Previous(), currentFramework, Current());

        Assert.True(trend.Restricted);
        Assert.Equal(new HashSet<string> { "I1", "I3" }, trend.ComparedIndicators);
        // before: P1 = I1 = 40, P2 = 20, overall 30; after: P1 = I1 = 60, P2 = I3 = 35, overall 47.5
        Assert.Equal(17.5m, trend.Overall);
        Assert.Equal(20m, trend.Pillars["P1"]);
        Assert.Equal(15m, trend.Pillars["P2"]);
    }

    [Fact]
    public void Compare_IndicatorRemoved_ComparesOnlyIndicatorsInBoth()
    {
        var previousFramework = Version1();
        var currentFramework = new FrameworkBuilder()
            .Pillar("P1", 1m, pillar => pillar.Practice("P1.1", 1m, practice => practice.Percentage("I1")))
            .Pillar("P2", 1m, pillar => pillar.Practice("P2.1", 1m, practice => practice.TargetHigher("I3", 0m, 100m)))
            .Build();

        var trend = Trends.Compare(previousFramework, Previous(), currentFramework, Current());

        Assert.True(trend.Restricted);
        Assert.Equal(new HashSet<string> { "I1", "I3" }, trend.ComparedIndicators);
        // before without I2: (40 + 20) / 2 = 30 (not 25); after: (60 + 35) / 2 = 47.5
        Assert.Equal(17.5m, trend.Overall);
    }

    [Fact]
    public void Compare_UsesVerifiedScores()
    {
        var framework = Version1();
        var current = new InstitutionBuilder("A")
            .Accepted("I1", 60m)
            .Adjusted("I2", value: 4m, verifiedValue: 3m)
            .Rejected("I3", 35m)
            .Build();

        var trend = Trends.Compare(framework, Previous(), framework, current);

        // after: P1 (60 + 100 × 3 / 5) / 2 = (60 + 60) / 2 = 60, P2 0, overall 30; before 25
        Assert.Equal(5m, trend.Overall);
        Assert.Equal(30m, trend.Pillars["P1"]);  // 60 − 30
        Assert.Equal(-20m, trend.Pillars["P2"]); // 0 − 20
    }

    [Fact]
    public void Compare_PreviouslyNotSubmitted_ComparesWith0()
    {
        var framework = Version1();
        var previous = new InstitutionBuilder("A").WithoutSubmission().Build();

        var trend = Trends.Compare(framework, previous, framework, Current());

        // 52.5 − 0
        Assert.Equal(52.5m, trend.Overall);
        Assert.Equal(70m, trend.Pillars["P1"]);
    }

    [Fact]
    public void Compare_PillarNotApplicableInOnePeriod_HasNoPillarTrend()
    {
        var framework = Version1();
        var current = new InstitutionBuilder("A")
            .Accepted("I1", 60m)
            .Accepted("I2", 4m)
            .NotApplicable("I3", ReviewDecision.Accepted)
            .Build();

        var trend = Trends.Compare(framework, Previous(), framework, current);

        Assert.Null(trend.Pillars["P2"]);
        // overall now P1 only: 70; 70 − 25 = 45
        Assert.Equal(45m, trend.Overall);
    }
}
