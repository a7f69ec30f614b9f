namespace StrategyGov.Scoring.Tests;

// docs/scoring.md §6 Ranking and the national index and §7 Trend, and docs/product.md §Methodology
// versions: the trend of the national index (and of each peer group and pillar mean) between two
// periods, across versions only on unchanged indicators.
public sealed class IndexTrendTests
{
    private const string Ministry = InstitutionBuilder.Ministry;
    private const string Municipality = InstitutionBuilder.Municipality;

    // P1 → P1.1: I1 percentage, I2 maturity; P2 → P2.1: I3 target 0 → 100 (+ I4 yes/no in version 2).
    private static ScoringFramework Version(int maturityLevels, bool addI4) =>
        new FrameworkBuilder()
            .Pillar("P1", 1m, pillar => pillar
                .Practice("P1.1", 1m, practice => practice.Percentage("I1").Maturity("I2", levels: maturityLevels)))
            .Pillar("P2", 1m, pillar => pillar
                .Practice("P2.1", 1m, practice =>
                {
                    practice.TargetHigher("I3", baseline: 0m, target: 100m);
                    if (addI4)
                    {
                        practice.YesNo("I4");
                    }
                }))
            .Build();

    // A: P1 (40 + 20) / 2 = 30, P2 20 → 25. B did not submit → 0. National (25 + 0) / 2 = 12.5.
    private static InstitutionInput[] Previous() =>
    [
        new InstitutionBuilder("A", Ministry).Accepted("I1", 40m).Accepted("I2", 1m).Accepted("I3", 20m).Build(),
        new InstitutionBuilder("B", Municipality).WithoutSubmission().Build(),
    ];

    private static InstitutionInput[] Current() =>
    [
        new InstitutionBuilder("A", Ministry).Accepted("I1", 60m).Accepted("I2", 3m).Accepted("I3", 35m).Accepted("I4", 1m).Build(),
        new InstitutionBuilder("B", Municipality).Accepted("I1", 80m).Accepted("I2", 4m).Accepted("I3", 50m).Accepted("I4", 0m).Build(),
    ];

    [Fact]
    public void CompareIndex_SameFramework_IsPlainDifferenceOfIndexes()
    {
        var framework = Version(maturityLevels: 5, addI4: false);

        var trend = Trends.CompareIndex(framework, Previous(), framework, Current());

        // Current: A P1 (60 + 60) / 2 = 60, P2 35 → 47.5; B P1 (80 + 80) / 2 = 80, P2 50 → 65.
        // National (47.5 + 65) / 2 = 56.25 − 12.5 = 43.75.
        Assert.Equal(43.75m, trend.National);
        Assert.False(trend.Restricted);
        Assert.Equal(22.5m, trend.Peers[Ministry]);      // 47.5 − 25
        Assert.Equal(65m, trend.Peers[Municipality]);    // 65 − 0
        Assert.Equal(55m, trend.Pillars["P1"]);          // (60 + 80) / 2 − (30 + 0) / 2
        Assert.Equal(32.5m, trend.Pillars["P2"]);        // (35 + 50) / 2 − (20 + 0) / 2
    }

    [Fact]
    public void CompareIndex_AcrossVersions_ComparesOnlyUnchangedIndicators()
    {
        var version1 = Version(maturityLevels: 5, addI4: false);
        var version2 = Version(maturityLevels: 4, addI4: true);

        var trend = Trends.CompareIndex(version1, Previous(), version2, Current());

        // I2 changed its levels and I4 is new: both periods are re-scored on I1 and I3 only.
        // Previous: A (40 + 20) / 2 = 30, B 0 → 15. Current: A (60 + 35) / 2 = 47.5, B (80 + 50) / 2 = 65 → 56.25.
        Assert.True(trend.Restricted);
        Assert.Equal(new HashSet<string> { "I1", "I3" }, trend.ComparedIndicators);
        Assert.Equal(41.25m, trend.National);
        Assert.Equal(50m, trend.Pillars["P1"]);          // (60 + 80) / 2 − (40 + 0) / 2
        Assert.Equal(32.5m, trend.Pillars["P2"]);
        Assert.Equal(17.5m, trend.Peers[Ministry]);      // 47.5 − 30
    }

    [Fact]
    public void CompareIndex_PeerGroupOnlyInOnePeriod_HasNoPeerTrend()
    {
        var framework = Version(maturityLevels: 5, addI4: false);
        var current = new[] { new InstitutionBuilder("A", Ministry).Accepted("I1", 40m).Accepted("I2", 1m).Accepted("I3", 20m).Build() };

        var trend = Trends.CompareIndex(framework, Previous(), framework, current);

        Assert.Equal(12.5m, trend.National);             // 25 − 12.5: B was expected before, not now
        Assert.False(trend.Peers.ContainsKey(Municipality));
        Assert.Equal(0m, trend.Peers[Ministry]);
    }
}
