namespace StrategyGov.Scoring.Tests;

// docs/scoring.md §8 Exactness, rounding, explanation: every score can be opened into the tree of
// numbers that made it.
// A node's share is its weight over the weights of the siblings that count in the same view, and
// Σ share × score of the children is the parent's score.
public sealed class ExplanationTests
{
    // The weights are chosen so that every share is a terminating decimal (quarters, eighths, fifths),
    // which makes "Σ share × score = parent" hold exactly; with shares like 1/3 decimal division can only
    // approximate them (see ScoringPropertyTests).
    private static ScoringFramework Framework() =>
        new FrameworkBuilder()
            .Pillar("P1", 2m, pillar => pillar
                .Practice("P1.1", 1m, practice => practice
                    .Percentage("I1", weight: 1m)
                    .Percentage("I2", weight: 3m))
                .Practice("P1.2", 3m, practice => practice
                    .YesNo("I3")
                    .Maturity("I4", levels: 4)))
            .Pillar("P2", 3m, pillar => pillar
                .Practice("P2.1", 1m, practice => practice
                    .TargetHigher("I5", baseline: 0m, target: 200m)))
            .Build();

    private static InstitutionInput Answers() =>
        new InstitutionBuilder()
            .Accepted("I1", 40m)
            .Accepted("I2", 80m)
            .Accepted("I3", 1m)
            .Accepted("I4", 1m)
            .Accepted("I5", 50m)
            .Build();

    [Fact]
    public void Shares_IndicatorsOfPractice_AreWeightOverCountedWeightsAndSumTo1()
    {
        var framework = Framework();

        var result = ScoringEngine.Score(framework, Answers());

        var practice = result.Practice("P1.1");
        Assert.Equal(0.25m, practice.Indicators[0].Verified.Share); // 1 / (1 + 3)
        Assert.Equal(0.75m, practice.Indicators[1].Verified.Share); // 3 / (1 + 3)
        Assert.Equal(1m, practice.Indicators.Sum(i => i.Verified.Share));
        Assert.Equal(1m, practice.Indicators.Sum(i => i.Self.Share));
    }

    [Fact]
    public void Contributions_IndicatorsOfPractice_SumExactlyToPracticeScore()
    {
        var framework = Framework();

        var result = ScoringEngine.Score(framework, Answers());

        var practice = result.Practice("P1.1");
        // 0.25 × 40 + 0.75 × 80 = 10 + 60 = 70
        Assert.Equal(10m, practice.Indicators[0].Verified.Contribution);
        Assert.Equal(60m, practice.Indicators[1].Verified.Contribution);
        Assert.Equal(70m, practice.Verified.Score);
        Assert.Equal(practice.Verified.Score, practice.Indicators.Sum(i => i.Verified.Contribution));
        // P1.2: 0.5 × 100 + 0.5 × 25 = 62.5
        var second = result.Practice("P1.2");
        Assert.Equal(62.5m, second.Verified.Score);
        Assert.Equal(second.Verified.Score, second.Indicators.Sum(i => i.Verified.Contribution));
    }

    [Fact]
    public void Contributions_PracticesOfPillar_SumExactlyToPillarScore()
    {
        var framework = Framework();

        var result = ScoringEngine.Score(framework, Answers());

        var pillar = result.Pillar("P1");
        Assert.Equal(0.25m, pillar.Practices[0].Verified.Share); // 1 / (1 + 3)
        Assert.Equal(0.75m, pillar.Practices[1].Verified.Share); // 3 / (1 + 3)
        // 0.25 × 70 + 0.75 × 62.5 = 17.5 + 46.875 = 64.375
        Assert.Equal(64.375m, pillar.Verified.Score);
        Assert.Equal(pillar.Verified.Score, pillar.Practices.Sum(p => p.Verified.Contribution));
        Assert.Equal(1m, pillar.Practices.Sum(p => p.Verified.Share));
    }

    [Fact]
    public void Contributions_Pillars_SumExactlyToOverallScore()
    {
        var framework = Framework();

        var result = ScoringEngine.Score(framework, Answers());

        Assert.Equal(0.4m, result.Pillar("P1").Verified.Share); // 2 / (2 + 3)
        Assert.Equal(0.6m, result.Pillar("P2").Verified.Share); // 3 / (2 + 3)
        // 0.4 × 64.375 + 0.6 × 25 = 25.75 + 15 = 40.75
        Assert.Equal(40.75m, result.Verified);
        Assert.Equal(result.Verified, result.Pillars.Sum(p => p.Verified.Contribution));
        Assert.Equal(result.SelfReported, result.Pillars.Sum(p => p.Self.Contribution));
        Assert.Equal(1m, result.Pillars.Sum(p => p.Verified.Share));
    }

    [Fact]
    public void Shares_NotApplicableChild_HasShare0AndOthersSumTo1()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice
            .Percentage("I1", weight: 1m)
            .Percentage("I2", weight: 3m)
            .Percentage("I3", weight: 4m));
        var institution = new InstitutionBuilder()
            .Accepted("I1", 40m)
            .NotApplicable("I2", ReviewDecision.Accepted)
            .Accepted("I3", 90m)
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        var indicators = result.Practice("P1.1").Indicators;
        Assert.Equal(0.2m, indicators[0].Verified.Share); // 1 / (1 + 4)
        Assert.Equal(0m, indicators[1].Verified.Share);   // N/A
        Assert.Equal(0m, indicators[1].Verified.Contribution);
        Assert.Equal(0.8m, indicators[2].Verified.Share); // 4 / (1 + 4)
        // 0.2 × 40 + 0.8 × 90 = 8 + 72 = 80
        Assert.Equal(80m, result.Verified);
        Assert.Equal(result.Verified, indicators.Sum(i => i.Verified.Contribution));
    }

    [Fact]
    public void Shares_RejectedNotApplicable_DifferBetweenSelfAndVerifiedViews()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice
            .Percentage("I1", weight: 1m)
            .Percentage("I2", weight: 1m)
            .Percentage("I3", weight: 2m)
            .Percentage("I4", weight: 4m));
        var institution = new InstitutionBuilder()
            .Accepted("I1", 80m)
            .Adjusted("I2", value: 90m, verifiedValue: 60m)
            .Rejected("I3", 70m)
            .NotApplicable("I4", ReviewDecision.Rejected)
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        var indicators = result.Practice("P1.1").Indicators;
        // self view counts I1..I3, weights 1 + 1 + 2 = 4
        Assert.Equal([0.25m, 0.25m, 0.5m, 0m], indicators.Select(i => i.Self.Share));
        // verified view also counts the rejected N/A, weights 1 + 1 + 2 + 4 = 8
        Assert.Equal([0.125m, 0.125m, 0.25m, 0.5m], indicators.Select(i => i.Verified.Share));
        // self: 0.25 × 80 + 0.25 × 90 + 0.5 × 70 = 20 + 22.5 + 35 = 77.5
        Assert.Equal(77.5m, result.SelfReported);
        Assert.Equal(result.SelfReported, indicators.Sum(i => i.Self.Contribution));
        // verified: 0.125 × 80 + 0.125 × 60 + 0.25 × 0 + 0.5 × 0 = 10 + 7.5 = 17.5
        Assert.Equal(17.5m, result.Verified);
        Assert.Equal(result.Verified, indicators.Sum(i => i.Verified.Contribution));
        // gap 77.5 − 17.5
        Assert.Equal(60m, result.Gap);
    }

    [Fact]
    public void Shares_RejectedNotApplicableMakesPracticeCount_DifferBetweenViewsAtPillarLevel()
    {
        var framework = new FrameworkBuilder()
            .Pillar("P1", 1m, pillar => pillar
                .Practice("P1.1", 1m, practice => practice.Percentage("I1"))
                .Practice("P1.2", 4m, practice => practice.Percentage("I2")))
            .Build();
        var institution = new InstitutionBuilder()
            .Accepted("I1", 50m)
            .NotApplicable("I2", ReviewDecision.Rejected)
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        var practices = result.Pillar("P1").Practices;
        // self: P1.2 is N/A, so P1.1 carries everything
        Assert.Equal([1m, 0m], practices.Select(p => p.Self.Share));
        // verified: P1.2 scores 0 and counts: 1 / 5 and 4 / 5
        Assert.Equal([0.2m, 0.8m], practices.Select(p => p.Verified.Share));
        // self 50; verified 0.2 × 50 + 0.8 × 0 = 10
        Assert.Equal(50m, result.SelfReported);
        Assert.Equal(10m, result.Verified);
    }

    [Fact]
    public void Shares_IndicatorNotForInstitutionType_IsNotInTheTree()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice
            .Percentage("I1", weight: 1m)
            .Percentage("I2", weight: 9m, appliesTo: [InstitutionBuilder.Municipality])
            .Percentage("I3", weight: 3m));
        var ministry = new InstitutionBuilder(institutionType: InstitutionBuilder.Ministry)
            .Accepted("I1", 20m)
            .Accepted("I3", 60m)
            .Build();

        var result = ScoringEngine.Score(framework, ministry);

        var indicators = result.Practice("P1.1").Indicators;
        Assert.Equal(["I1", "I3"], indicators.Select(i => i.Code));
        Assert.Equal([0.25m, 0.75m], indicators.Select(i => i.Verified.Share)); // 1 / 4 and 3 / 4
        // 0.25 × 20 + 0.75 × 60 = 5 + 45 = 50
        Assert.Equal(50m, result.Verified);
    }
}
