namespace StrategyGov.Scoring.Tests;

// docs/scoring.md §4 Verification: self-reported vs verified score, provisional scores and the
// self-assessment gap.
public sealed class VerificationTests
{
    private static ScoringFramework FourPercentages() =>
        FrameworkBuilder.SinglePractice(practice => practice
            .Percentage("I1")
            .Percentage("I2")
            .Percentage("I3")
            .Percentage("I4"));

    [Fact]
    public void Score_AcceptedValue_VerifiesTheSelfReportedValue()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice.Percentage("I1"));
        var institution = new InstitutionBuilder().Accepted("I1", 72.5m).Build();

        var result = ScoringEngine.Score(framework, institution);

        var indicator = result.Indicator("I1");
        Assert.Equal(72.5m, indicator.Self.Score);
        Assert.Equal(72.5m, indicator.Verified.Score);
        Assert.Equal(72.5m, indicator.VerifiedValue);
        Assert.Equal(0m, indicator.Gap);
        Assert.False(indicator.Provisional);
    }

    [Fact]
    public void Score_AdjustedValue_VerifiesTheReviewersValue()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice.Maturity("I1", levels: 4));
        var institution = new InstitutionBuilder().Adjusted("I1", value: 4m, verifiedValue: 1m).Build();

        var result = ScoringEngine.Score(framework, institution);

        var indicator = result.Indicator("I1");
        Assert.Equal(4m, indicator.Value);
        Assert.Equal(1m, indicator.VerifiedValue);
        // self: 100 × 4 / 4 = 100; verified: 100 × 1 / 4 = 25; gap 100 − 25 = 75
        Assert.Equal(100m, indicator.Self.Score);
        Assert.Equal(25m, indicator.Verified.Score);
        Assert.Equal(75m, indicator.Gap);
        Assert.Equal(ReviewDecision.Adjusted, indicator.Decision);
    }

    [Fact]
    public void Score_RejectedValue_Verifies0()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice.YesNo("I1"));
        var institution = new InstitutionBuilder().Rejected("I1", 1m).Build();

        var result = ScoringEngine.Score(framework, institution);

        var indicator = result.Indicator("I1");
        Assert.Equal(100m, indicator.Self.Score);
        Assert.Equal(0m, indicator.Verified.Score);
        Assert.Null(indicator.VerifiedValue);
        // gap 100 − 0
        Assert.Equal(100m, indicator.Gap);
    }

    [Fact]
    public void Score_AcceptedNotApplicable_IsNotApplicableInBothViews()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice.Percentage("I1").Percentage("I2"));
        var institution = new InstitutionBuilder()
            .Accepted("I1", 60m)
            .NotApplicable("I2", ReviewDecision.Accepted)
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        Assert.Null(result.Indicator("I2").Self.Score);
        Assert.Null(result.Indicator("I2").Verified.Score);
        // both views: (1·60) / 1 = 60
        Assert.Equal(60m, result.SelfReported);
        Assert.Equal(60m, result.Verified);
    }

    [Fact]
    public void Score_RejectedNotApplicable_CountsAsApplicableWith0InVerifiedView()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice
            .Percentage("I1", weight: 1m)
            .Percentage("I2", weight: 3m));
        var institution = new InstitutionBuilder()
            .Accepted("I1", 60m)
            .NotApplicable("I2", ReviewDecision.Rejected)
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        var indicator = result.Indicator("I2");
        Assert.Equal(AnswerState.NotApplicable, indicator.State);
        Assert.Null(indicator.Self.Score);
        Assert.Equal(0m, indicator.Verified.Score);
        // self: (1·60) / 1 = 60; verified: the denominator grows by 3: (1·60 + 3·0) / 4 = 15
        Assert.Equal(60m, result.SelfReported);
        Assert.Equal(15m, result.Verified);
        // gap 60 − 15 = 45
        Assert.Equal(45m, result.Gap);
        // An indicator gap needs both scores; the N/A claim has no self score.
        Assert.Null(indicator.Gap);
    }

    [Fact]
    public void Score_MixOfDecisions_ComputesBothViewsAndTheGap()
    {
        var framework = FourPercentages();
        var institution = new InstitutionBuilder()
            .Accepted("I1", 80m)
            .Adjusted("I2", value: 90m, verifiedValue: 60m)
            .Rejected("I3", 70m)
            .NotApplicable("I4", ReviewDecision.Rejected)
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        // self: (80 + 90 + 70) / 3 = 240 / 3 = 80 (I4 claimed N/A)
        Assert.Equal(80m, result.SelfReported);
        // verified: (80 + 60 + 0 + 0) / 4 = 140 / 4 = 35 (rejected N/A counts with 0)
        Assert.Equal(35m, result.Verified);
        // gap 80 − 35 = 45
        Assert.Equal(45m, result.Gap);
        Assert.Equal(0m, result.Indicator("I1").Gap);
        Assert.Equal(30m, result.Indicator("I2").Gap);  // 90 − 60
        Assert.Equal(70m, result.Indicator("I3").Gap);  // 70 − 0
        Assert.False(result.Provisional);
    }

    [Fact]
    public void Score_UndecidedAnswer_UsesSelfReportedValueAndIsProvisional()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice.Percentage("I1").Percentage("I2"));
        var institution = new InstitutionBuilder()
            .Value("I1", 80m)
            .Accepted("I2", 50m)
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        Assert.True(result.Indicator("I1").Provisional);
        Assert.Null(result.Indicator("I1").Decision);
        Assert.Equal(80m, result.Indicator("I1").Verified.Score);
        Assert.False(result.Indicator("I2").Provisional);
        // both views: (80 + 50) / 2 = 65
        Assert.Equal(65m, result.Verified);
        Assert.Equal(65m, result.SelfReported);
        Assert.Equal(0m, result.Gap);
        Assert.True(result.Provisional);
    }

    [Fact]
    public void Score_UndecidedNotApplicableClaim_IsNotApplicableAndProvisional()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice.Percentage("I1").Percentage("I2"));
        var institution = new InstitutionBuilder()
            .Accepted("I1", 50m)
            .NotApplicable("I2")
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        Assert.Null(result.Indicator("I2").Verified.Score);
        Assert.True(result.Indicator("I2").Provisional);
        // (1·50) / 1 = 50
        Assert.Equal(50m, result.Verified);
        Assert.True(result.Provisional);
    }

    [Fact]
    public void Score_EveryAnswerDecided_IsNotProvisional()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice.Percentage("I1").Percentage("I2"));
        var institution = new InstitutionBuilder()
            .Accepted("I1", 50m)
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        // A missing answer has nothing to decide, so it does not make the score provisional.
        Assert.False(result.Indicator("I2").Provisional);
        Assert.False(result.Provisional);
    }

    [Fact]
    public void Score_UndecidedAnswerToIndicatorNotForInstitutionType_IsNotProvisional()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice
            .Percentage("I1")
            .Percentage("I2", appliesTo: [InstitutionBuilder.Municipality]));
        var ministry = new InstitutionBuilder(institutionType: InstitutionBuilder.Ministry)
            .Accepted("I1", 50m)
            .Value("I2", 90m)
            .Build();

        var result = ScoringEngine.Score(framework, ministry);

        Assert.False(result.Provisional);
    }

    [Fact]
    public void Score_VerificationAcrossLevels_GapIsSelfMinusVerifiedAtEveryLevel()
    {
        var framework = new FrameworkBuilder()
            .Pillar("P1", 1m, pillar => pillar
                .Practice("P1.1", 1m, practice => practice.Percentage("I1").Percentage("I2")))
            .Pillar("P2", 3m, pillar => pillar
                .Practice("P2.1", 1m, practice => practice.YesNo("I3")))
            .Build();
        var institution = new InstitutionBuilder()
            .Accepted("I1", 100m)
            .Adjusted("I2", value: 60m, verifiedValue: 20m)
            .Rejected("I3", 1m)
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        // P1 self (100 + 60) / 2 = 80, verified (100 + 20) / 2 = 60
        Assert.Equal(80m, result.Pillar("P1").Self.Score);
        Assert.Equal(60m, result.Pillar("P1").Verified.Score);
        // P2 self 100, verified 0
        Assert.Equal(100m, result.Pillar("P2").Self.Score);
        Assert.Equal(0m, result.Pillar("P2").Verified.Score);
        // overall self (1·80 + 3·100) / 4 = 95, verified (1·60 + 3·0) / 4 = 15, gap 80
        Assert.Equal(95m, result.SelfReported);
        Assert.Equal(15m, result.Verified);
        Assert.Equal(80m, result.Gap);
    }
}
