namespace StrategyGov.Scoring.Tests;

// docs/scoring.md §5 Maturity bands and §6 Ranking and the national index, and docs/product.md §Peer
// groups: national and peer-group ranks by verified overall score, the national index with
// non-submitters counting 0, bands.
public sealed class ScoreboardTests
{
    private const string Ministry = InstitutionBuilder.Ministry;
    private const string Municipality = InstitutionBuilder.Municipality;

    // One percentage indicator: each institution's overall score is its (verified) value.
    private static ScoringFramework OnePercentage() =>
        FrameworkBuilder.SinglePractice(practice => practice.Percentage("I1"));

    private static InstitutionInput[] FiveInstitutions() =>
    [
        new InstitutionBuilder("A", Ministry).Accepted("I1", 90m).Build(),
        new InstitutionBuilder("B", Ministry).Accepted("I1", 60m).Build(),
        new InstitutionBuilder("C", Municipality).Adjusted("I1", value: 60m, verifiedValue: 45m).Build(),
        new InstitutionBuilder("D", Municipality).WithoutSubmission().Build(),
        new InstitutionBuilder("E", Ministry).Accepted("I1", 90m).Build(),
    ];

    [Fact]
    public void Build_FiveInstitutions_NationalIndexIsMeanOfVerifiedWithNonSubmitterAs0()
    {
        var framework = OnePercentage();

        var board = Scoreboard.Build(framework, FiveInstitutions());

        // verified: (90 + 60 + 45 + 0 + 90) / 5 = 285 / 5 = 57
        Assert.Equal(57m, board.National.Verified);
        // self-reported: (90 + 60 + 60 + 0 + 90) / 5 = 300 / 5 = 60
        Assert.Equal(60m, board.National.SelfReported);
        Assert.Equal(5, board.National.Institutions);
    }

    [Fact]
    public void Build_FiveInstitutions_RanksNationallyByVerifiedScoreWithTies()
    {
        var framework = OnePercentage();

        var board = Scoreboard.Build(framework, FiveInstitutions());

        // 90 (A), 90 (E), 60 (B), 45 (C — its self-reported 60 does not count), 0 (D)
        Assert.Equal(["A", "B", "C", "D", "E"], board.Entries.Select(e => e.Result.Key));
        Assert.Equal([1, 3, 4, 5, 1], board.Entries.Select(e => e.NationalRank));
    }

    [Fact]
    public void Build_FiveInstitutions_RanksWithinInstitutionType()
    {
        var framework = OnePercentage();

        var board = Scoreboard.Build(framework, FiveInstitutions());

        // ministries: A 90, B 60, E 90 → 1, 3, 1; municipalities: C 45, D 0 → 1, 2
        Assert.Equal([1, 3, 1, 2, 1], board.Entries.Select(e => e.PeerRank));
    }

    [Fact]
    public void Build_FiveInstitutions_IndexesEachPeerGroup()
    {
        var framework = OnePercentage();

        var board = Scoreboard.Build(framework, FiveInstitutions());

        Assert.Equal(2, board.Peers.Count);
        // ministries: (90 + 60 + 90) / 3 = 240 / 3 = 80
        Assert.Equal(new GroupIndex(80m, 80m, 3), board.Peers[Ministry]);
        // municipalities: verified (45 + 0) / 2 = 22.5, self (60 + 0) / 2 = 30
        Assert.Equal(new GroupIndex(22.5m, 30m, 2), board.Peers[Municipality]);
    }

    [Fact]
    public void Build_FiveInstitutions_BandsEachEntryOnVerifiedScore()
    {
        var framework = OnePercentage();

        var board = Scoreboard.Build(framework, FiveInstitutions());

        // 90 Leading, 60 Managed, 45 Defined (self-reported 60 would be Managed), 0 Initial, 90 Leading
        Assert.Equal(
            ["Leading", "Managed", "Defined", "Initial", "Leading"],
            board.Entries.Select(e => e.Band?.Code));
    }

    [Fact]
    public void Build_CustomBands_BandsEntriesWithFrameworkBands()
    {
        var framework = new FrameworkBuilder()
            .Pillar("P1", 1m, pillar => pillar.Practice("P1.1", 1m, practice => practice.Percentage("I1")))
            .WithBands(new MaturityBands([new("Low", 0m), new("High", 50m)]))
            .Build();
        InstitutionInput[] institutions =
        [
            new InstitutionBuilder("A").Accepted("I1", 49.95m).Build(),
            new InstitutionBuilder("B").Accepted("I1", 49.94m).Build(),
        ];

        var board = Scoreboard.Build(framework, institutions);

        // 49.95 shows as 50.0 → High; 49.94 shows as 49.9 → Low
        Assert.Equal(["High", "Low"], board.Entries.Select(e => e.Band?.Code));
    }

    [Fact]
    public void Build_ScoresShownAlike_ShareNationalAndPeerRank()
    {
        var framework = OnePercentage();
        InstitutionInput[] institutions =
        [
            new InstitutionBuilder("A", Ministry).Accepted("I1", 75.26m).Build(),
            new InstitutionBuilder("B", Ministry).Accepted("I1", 75.31m).Build(),
            new InstitutionBuilder("C", Ministry).Accepted("I1", 75.24m).Build(),
        ];

        var board = Scoreboard.Build(framework, institutions);

        // 75.3, 75.3, 75.2
        Assert.Equal([1, 1, 3], board.Entries.Select(e => e.NationalRank));
        Assert.Equal([1, 1, 3], board.Entries.Select(e => e.PeerRank));
        // the index itself stays exact: (75.26 + 75.31 + 75.24) / 3 = 225.81 / 3 = 75.27
        Assert.Equal(75.27m, board.National.Verified);
    }

    [Fact]
    public void Build_MultiLevelFramework_NationalIndexAveragesOverallScores()
    {
        var framework = new FrameworkBuilder()
            .Pillar("P1", 1m, pillar => pillar.Practice("P1.1", 1m, practice => practice.YesNo("I1")))
            .Pillar("P2", 3m, pillar => pillar.Practice("P2.1", 1m, practice => practice.Maturity("I2", levels: 4)))
            .Build();
        InstitutionInput[] institutions =
        [
            // (1·100 + 3·75) / 4 = 325 / 4 = 81.25
            new InstitutionBuilder("A").Accepted("I1", 1m).Accepted("I2", 3m).Build(),
            // (1·0 + 3·50) / 4 = 150 / 4 = 37.5
            new InstitutionBuilder("B").Accepted("I1", 0m).Adjusted("I2", value: 4m, verifiedValue: 2m).Build(),
        ];

        var board = Scoreboard.Build(framework, institutions);

        Assert.Equal(81.25m, board.Entries[0].Result.Verified);
        Assert.Equal(37.5m, board.Entries[1].Result.Verified);
        // (81.25 + 37.5) / 2 = 118.75 / 2 = 59.375
        Assert.Equal(59.375m, board.National.Verified);
        // self: A 81.25, B (0 + 3·100) / 4 = 75 → (81.25 + 75) / 2 = 78.125
        Assert.Equal(78.125m, board.National.SelfReported);
    }

    [Fact]
    public void Build_InstitutionWithEveryIndicatorNotApplicable_IsNeitherRankedNorCounted()
    {
        var framework = OnePercentage();
        InstitutionInput[] institutions =
        [
            new InstitutionBuilder("A").Accepted("I1", 40m).Build(),
            new InstitutionBuilder("B").NotApplicable("I1", ReviewDecision.Accepted).Build(),
            new InstitutionBuilder("C").Accepted("I1", 80m).Build(),
        ];

        var board = Scoreboard.Build(framework, institutions);

        Assert.Equal([2, null, 1], board.Entries.Select(e => e.NationalRank));
        Assert.Null(board.Entries[1].Band);
        Assert.Null(board.Entries[1].PeerRank);
        // (40 + 80) / 2 = 60
        Assert.Equal(new GroupIndex(60m, 60m, 2), board.National);
    }

    [Fact]
    public void Build_NoInstitutions_HasNoIndex()
    {
        var framework = OnePercentage();

        var board = Scoreboard.Build(framework, []);

        Assert.Empty(board.Entries);
        Assert.Equal(new GroupIndex(null, null, 0), board.National);
        Assert.Empty(board.Peers);
    }

    [Fact]
    public void Build_IndicatorsByType_PeerGroupsUseTheirOwnDenominators()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice
            .Percentage("I1")
            .Percentage("I2", weight: 3m, appliesTo: [Municipality]));
        InstitutionInput[] institutions =
        [
            // ministry: only I1 applies → 40
            new InstitutionBuilder("A", Ministry).Accepted("I1", 40m).Build(),
            // municipality: (1·40 + 3·80) / 4 = 280 / 4 = 70
            new InstitutionBuilder("B", Municipality).Accepted("I1", 40m).Accepted("I2", 80m).Build(),
        ];

        var board = Scoreboard.Build(framework, institutions);

        Assert.Equal([40m, 70m], board.Entries.Select(e => e.Result.Verified));
        Assert.Equal([2, 1], board.Entries.Select(e => e.NationalRank));
        Assert.Equal([1, 1], board.Entries.Select(e => e.PeerRank));
        // (40 + 70) / 2 = 55
        Assert.Equal(55m, board.National.Verified);
    }

    // Band edges exactly on the bounds, on the scoreboard as on a single score.
    [Theory]
    [InlineData(19.9, "Initial")]
    [InlineData(20, "Developing")]
    [InlineData(40, "Defined")]
    [InlineData(60, "Managed")]
    [InlineData(80, "Leading")]
    [InlineData(100, "Leading")]
    public void Build_ScoreExactlyOnBandEdge_IsInTheUpperBand(double value, string expected)
    {
        var institution = new InstitutionBuilder("A").Accepted("I1", (decimal)value).Build();

        var board = Scoreboard.Build(OnePercentage(), [institution]);

        Assert.Equal(expected, board.Entries[0].Band?.Code);
    }

    [Fact]
    public void BandDistribution_FiveInstitutions_CountsEachBandInOrderIncludingEmptyOnes()
    {
        var framework = OnePercentage();
        var board = Scoreboard.Build(framework, FiveInstitutions());

        var distribution = board.BandDistribution(framework.Bands);

        // verified 90, 60, 45, 0, 90 → Initial 1, Developing 0, Defined 1, Managed 1, Leading 2.
        Assert.Equal(["Initial", "Developing", "Defined", "Managed", "Leading"], distribution.Select(d => d.Band.Code));
        Assert.Equal([1, 0, 1, 1, 2], distribution.Select(d => d.Institutions));
    }

    [Fact]
    public void BandDistribution_InstitutionWithoutOverallScore_IsInNoBand()
    {
        var framework = OnePercentage();
        var allNotApplicable = new InstitutionBuilder("A").NotApplicable("I1", ReviewDecision.Accepted).Build();
        var board = Scoreboard.Build(framework, [allNotApplicable]);

        var distribution = board.BandDistribution(framework.Bands);

        Assert.All(distribution, d => Assert.Equal(0, d.Institutions));
    }

    [Fact]
    public void PillarMeans_TwoPillars_AverageEachPillarOverInstitutionsWhereItCounts()
    {
        // P1: I1 percentage; P2: I2 percentage for ministries only.
        var framework = new FrameworkBuilder()
            .Pillar("P1", 1m, pillar => pillar.Practice("P1.1", 1m, practice => practice.Percentage("I1")))
            .Pillar("P2", 1m, pillar => pillar.Practice("P2.1", 1m, practice => practice.Percentage("I2", appliesTo: [Ministry])))
            .Build();
        InstitutionInput[] institutions =
        [
            new InstitutionBuilder("A", Ministry).Accepted("I1", 80m).Accepted("I2", 30m).Build(),
            new InstitutionBuilder("B", Ministry).WithoutSubmission().Build(),
            new InstitutionBuilder("C", Municipality).Accepted("I1", 40m).Build(),
        ];
        var board = Scoreboard.Build(framework, institutions);

        var national = board.PillarMeans();
        var municipalities = board.PillarMeans(Municipality);

        Assert.Equal(["P1", "P2"], national.Keys);
        Assert.Equal(40m, national["P1"]);          // (80 + 0 + 40) / 3
        Assert.Equal(15m, national["P2"]);          // (30 + 0) / 2: N/A for the municipality
        Assert.Equal(40m, municipalities["P1"]);
        Assert.Null(municipalities["P2"]);
    }
}
