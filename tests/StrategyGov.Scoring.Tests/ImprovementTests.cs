namespace StrategyGov.Scoring.Tests;

// The institution dashboard and report show, for the weakest practices, the indicators that would raise
// the overall verified score most: overall share (product of the shares on the path) × missing points.
public sealed class ImprovementTests
{
    // P1 (w 3) → P1.1 (w 1): A yes/no (w 1), B percentage (w 3)
    // P2 (w 1) → P2.1 (w 1): C maturity L = 4 (w 1), D yes/no (w 1, N/A)
    //          → P2.2 (w 1): E percentage
    private static ScoringFramework Framework() =>
        new FrameworkBuilder()
            .Pillar("P1", 3m, pillar => pillar
                .Practice("P1.1", 1m, practice => practice.YesNo("A").Percentage("B", weight: 3m)))
            .Pillar("P2", 1m, pillar => pillar
                .Practice("P2.1", 1m, practice => practice.Maturity("C", levels: 4).YesNo("D"))
                .Practice("P2.2", 1m, practice => practice.Percentage("E")))
            .Build();

    private static InstitutionInput Institution() =>
        new InstitutionBuilder()
            .Accepted("A", 0m)
            .Adjusted("B", value: 80m, verifiedValue: 60m)
            .Accepted("C", 1m)
            .NotApplicable("D", ReviewDecision.Accepted)
            .Rejected("E", 90m)
            .Build();

    // Shares overall: P1 3/4, P2 1/4; P1.1 1 of P1; P2.1 and P2.2 1/2 of P2;
    //   A 1/4 of P1.1 → 3/4 × 1/4 = 0.1875, missing 100        → 18.75
    //   B 3/4 of P1.1 → 3/4 × 3/4 = 0.5625, missing 100 − 60   → 22.5
    //   C all of P2.1 (D is N/A) → 1/4 × 1/2 = 0.125, 100 − 25 → 9.375
    //   E all of P2.2 → 1/4 × 1/2 = 0.125, rejected → 100      → 12.5
    public static TheoryData<string, decimal, decimal, decimal> Expected => new()
    {
        { "B", 0.5625m, 40m, 22.5m },
        { "A", 0.1875m, 100m, 18.75m },
        { "E", 0.125m, 100m, 12.5m },
        { "C", 0.125m, 75m, 9.375m },
    };

    [Fact]
    public void Potentials_MixedInstitution_AreOrderedLargestFirstWithoutNotApplicable()
    {
        var result = ScoringEngine.Score(Framework(), Institution());

        var potentials = Improvement.Potentials(result);

        Assert.Equal(["B", "A", "E", "C"], potentials.Select(p => p.IndicatorCode));
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void Potentials_MixedInstitution_AreOverallShareTimesMissingPoints(string code, decimal share, decimal missing, decimal potential)
    {
        var result = ScoringEngine.Score(Framework(), Institution());

        var found = Improvement.Potentials(result).Single(p => p.IndicatorCode == code);

        Assert.Equal(share, found.OverallShare);
        Assert.Equal(missing, found.MissingPoints);
        Assert.Equal(potential, found.Potential);
    }

    [Fact]
    public void Potentials_RaisingTheTopIndicatorTo100_RaisesTheOverallScoreByExactlyItsPotential()
    {
        var before = ScoringEngine.Score(Framework(), Institution());
        var top = Improvement.Potentials(before)[0];
        var improved = new InstitutionBuilder()
            .Accepted("A", 0m)
            .Accepted("B", 100m)
            .Accepted("C", 1m)
            .NotApplicable("D", ReviewDecision.Accepted)
            .Rejected("E", 90m)
            .Build();

        var after = ScoringEngine.Score(Framework(), improved);

        // before: P1 = (0 + 3 × 60) / 4 = 45, P2 = (25 + 0) / 2 = 12.5, overall (3 × 45 + 12.5) / 4 = 36.875
        Assert.Equal(36.875m, before.Verified);
        Assert.Equal(before.Verified + top.Potential, after.Verified);
    }

    [Fact]
    public void Potentials_EverythingAt100_AreAllZero()
    {
        var framework = Framework();
        var perfect = new InstitutionBuilder()
            .Accepted("A", 1m).Accepted("B", 100m).Accepted("C", 4m).Accepted("D", 1m).Accepted("E", 100m)
            .Build();

        var potentials = Improvement.Potentials(ScoringEngine.Score(framework, perfect));

        Assert.All(potentials, p => Assert.Equal(0m, p.Potential));
        Assert.Equal(["A", "B", "C", "D", "E"], potentials.Select(p => p.IndicatorCode));
    }

    [Fact]
    public void Potentials_IndicatorNotForInstitutionType_IsNotListed()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice
            .Percentage("I1")
            .Percentage("I2", appliesTo: [InstitutionBuilder.Municipality]));
        var ministry = new InstitutionBuilder(institutionType: InstitutionBuilder.Ministry).Accepted("I1", 50m).Build();

        var potentials = Improvement.Potentials(ScoringEngine.Score(framework, ministry));

        var only = Assert.Single(potentials);
        Assert.Equal("I1", only.IndicatorCode);
        Assert.Equal(1m, only.OverallShare);
        Assert.Equal(50m, only.Potential);
    }
}
