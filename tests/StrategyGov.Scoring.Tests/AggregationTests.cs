namespace StrategyGov.Scoring.Tests;

// docs/scoring.md §1 Weighted means (N/A re-normalised), §2 Applicability and §3 Missing answers and
// completeness.
public sealed class AggregationTests
{
    // P1 (w 2)
    //   P1.1 (w 1): I1 percentage (w 1), I2 percentage (w 3)
    //   P1.2 (w 3): I3 yes/no (w 1), I4 maturity L = 4 (w 1)
    // P2 (w 3)
    //   P2.1 (w 1): I5 target 0 → 200 (w 1)
    private static ScoringFramework ThreeLevelFramework() =>
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

    private static InstitutionInput ThreeLevelAnswers() =>
        new InstitutionBuilder()
            .Accepted("I1", 40m)
            .Accepted("I2", 80m)
            .Accepted("I3", 1m)
            .Accepted("I4", 1m)
            .Accepted("I5", 50m)
            .Build();

    [Fact]
    public void Score_AllIndicatorsMet_Returns100()
    {
        var framework = ThreeLevelFramework();
        var institution = new InstitutionBuilder()
            .Accepted("I1", 100m)
            .Accepted("I2", 100m)
            .Accepted("I3", 1m)
            .Accepted("I4", 4m)
            .Accepted("I5", 200m)
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        Assert.Equal(100m, result.SelfReported);
        Assert.Equal(100m, result.Verified);
        Assert.Equal(0m, result.Gap);
    }

    [Fact]
    public void Score_EqualWeightsThatDoNotDivideEvenly_AllMetStillReturnsExactly100()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice
            .Percentage("I1")
            .Percentage("I2")
            .Percentage("I3"));
        var institution = new InstitutionBuilder()
            .Accepted("I1", 100m)
            .Accepted("I2", 100m)
            .Accepted("I3", 100m)
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        // (1·100 + 1·100 + 1·100) / 3 = 100 — exact, although each share is 1/3.
        Assert.Equal(100m, result.Verified);
    }

    [Fact]
    public void Score_PracticeOfWeightedIndicators_ReturnsWeightedMean()
    {
        var framework = ThreeLevelFramework();

        var result = ScoringEngine.Score(framework, ThreeLevelAnswers());

        // P1.1 = (1·40 + 3·80) / (1 + 3) = 280 / 4 = 70
        Assert.Equal(70m, result.Practice("P1.1").Verified.Score);
        // P1.2 = (1·100 + 1·25) / 2 = 62.5 (I4: 100 × 1 / 4 = 25)
        Assert.Equal(62.5m, result.Practice("P1.2").Verified.Score);
        // P2.1 = 100 × 50 / 200 = 25
        Assert.Equal(25m, result.Practice("P2.1").Verified.Score);
    }

    [Fact]
    public void Score_PillarOfWeightedPractices_ReturnsWeightedMean()
    {
        var framework = ThreeLevelFramework();

        var result = ScoringEngine.Score(framework, ThreeLevelAnswers());

        // P1 = (1·70 + 3·62.5) / (1 + 3) = 257.5 / 4 = 64.375
        Assert.Equal(64.375m, result.Pillar("P1").Verified.Score);
        // P2 = (1·25) / 1 = 25
        Assert.Equal(25m, result.Pillar("P2").Verified.Score);
    }

    [Fact]
    public void Score_InstitutionOfWeightedPillars_ReturnsWeightedMean()
    {
        var framework = ThreeLevelFramework();

        var result = ScoringEngine.Score(framework, ThreeLevelAnswers());

        // overall = (2·64.375 + 3·25) / (2 + 3) = (128.75 + 75) / 5 = 203.75 / 5 = 40.75
        Assert.Equal(40.75m, result.Verified);
        Assert.Equal(40.75m, result.SelfReported);
    }

    [Fact]
    public void Score_NotApplicableIndicator_DropsOutOfTheDenominator()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice
            .Percentage("I1", weight: 1m)
            .Percentage("I2", weight: 3m)
            .Percentage("I3", weight: 1m));
        var institution = new InstitutionBuilder()
            .Accepted("I1", 40m)
            .NotApplicable("I2", ReviewDecision.Accepted)
            .Accepted("I3", 80m)
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        // (1·40 + 1·80) / (1 + 1) = 60, not (40 + 80) / 5 = 24 as if N/A scored 0.
        Assert.Equal(60m, result.Verified);
        Assert.Equal(60m, result.SelfReported);
        Assert.Null(result.Indicator("I2").Verified.Score);
        Assert.Equal(AnswerState.NotApplicable, result.Indicator("I2").State);
    }

    [Fact]
    public void Score_PracticeWithOnlyNotApplicableIndicators_IsNotApplicableAndDropsOutOfPillar()
    {
        var framework = new FrameworkBuilder()
            .Pillar("P1", 1m, pillar => pillar
                .Practice("P1.1", 1m, practice => practice.Percentage("I1").Percentage("I2"))
                .Practice("P1.2", 3m, practice => practice.Percentage("I3")))
            .Build();
        var institution = new InstitutionBuilder()
            .NotApplicable("I1", ReviewDecision.Accepted)
            .NotApplicable("I2", ReviewDecision.Accepted)
            .Accepted("I3", 50m)
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        Assert.Null(result.Practice("P1.1").Verified.Score);
        Assert.Null(result.Practice("P1.1").Self.Score);
        // P1 = (3·50) / 3 = 50, not (1·0 + 3·50) / 4 = 37.5
        Assert.Equal(50m, result.Pillar("P1").Verified.Score);
        Assert.Equal(50m, result.Verified);
    }

    [Fact]
    public void Score_PillarWithOnlyNotApplicablePractices_IsNotApplicableAndDropsOutOfOverall()
    {
        var framework = new FrameworkBuilder()
            .Pillar("P1", 4m, pillar => pillar.Practice("P1.1", 1m, practice => practice.Percentage("I1")))
            .Pillar("P2", 1m, pillar => pillar.Practice("P2.1", 1m, practice => practice.Percentage("I2")))
            .Build();
        var institution = new InstitutionBuilder()
            .NotApplicable("I1", ReviewDecision.Accepted)
            .Accepted("I2", 30m)
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        Assert.Null(result.Pillar("P1").Verified.Score);
        // overall = (1·30) / 1 = 30, not (4·0 + 1·30) / 5 = 6
        Assert.Equal(30m, result.Verified);
    }

    [Fact]
    public void Score_EveryIndicatorNotApplicable_HasNoOverallScore()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice.Percentage("I1").YesNo("I2"));
        var institution = new InstitutionBuilder()
            .NotApplicable("I1", ReviewDecision.Accepted)
            .NotApplicable("I2", ReviewDecision.Accepted)
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        Assert.Null(result.SelfReported);
        Assert.Null(result.Verified);
        Assert.Null(result.Gap);
        // Both N/A claims are answers: 2 / 2.
        Assert.Equal(1m, result.Completeness);
    }

    [Fact]
    public void Score_IndicatorNotForInstitutionType_IsLeftOutEntirely()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice
            .Percentage("I1", weight: 1m)
            .Percentage("I2", weight: 3m, appliesTo: [InstitutionBuilder.Municipality]));
        var ministry = new InstitutionBuilder(institutionType: InstitutionBuilder.Ministry)
            .Accepted("I1", 40m)
            .Build();

        var result = ScoringEngine.Score(framework, ministry);

        // Only I1 counts: (1·40) / 1 = 40. Scoring I2 as 0 would give 40 / 4 = 10.
        Assert.Equal(40m, result.Verified);
        Assert.DoesNotContain(result.AllIndicators(), i => i.Code == "I2");
        Assert.Equal(1, result.ApplicableCount);
        Assert.Equal(1, result.AnsweredCount);
        Assert.Equal(1m, result.Completeness);
    }

    [Fact]
    public void Score_AnswerToIndicatorNotForInstitutionType_IsIgnored()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice
            .Percentage("I1", weight: 1m)
            .Percentage("I2", weight: 3m, appliesTo: [InstitutionBuilder.Municipality]));
        var ministry = new InstitutionBuilder(institutionType: InstitutionBuilder.Ministry)
            .Accepted("I1", 40m)
            .Accepted("I2", 100m)
            .Build();

        var result = ScoringEngine.Score(framework, ministry);

        // Still (1·40) / 1 = 40: counting I2 would give (40 + 3·100) / 4 = 85.
        Assert.Equal(40m, result.Verified);
        Assert.Equal(1, result.ApplicableCount);
    }

    [Fact]
    public void Score_IndicatorForInstitutionType_Counts()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice
            .Percentage("I1", weight: 1m)
            .Percentage("I2", weight: 3m, appliesTo: [InstitutionBuilder.Municipality]));
        var municipality = new InstitutionBuilder(institutionType: InstitutionBuilder.Municipality)
            .Accepted("I1", 40m)
            .Accepted("I2", 100m)
            .Build();

        var result = ScoringEngine.Score(framework, municipality);

        // (1·40 + 3·100) / (1 + 3) = 340 / 4 = 85
        Assert.Equal(85m, result.Verified);
        Assert.Equal(2, result.ApplicableCount);
    }

    [Fact]
    public void Score_PracticeWhoseIndicatorsAllApplyToOtherTypes_IsNotApplicable()
    {
        var framework = new FrameworkBuilder()
            .Pillar("P1", 1m, pillar => pillar
                .Practice("P1.1", 5m, practice => practice.Percentage("I1", appliesTo: [InstitutionBuilder.Municipality]))
                .Practice("P1.2", 1m, practice => practice.Percentage("I2")))
            .Build();
        var ministry = new InstitutionBuilder(institutionType: InstitutionBuilder.Ministry)
            .Accepted("I2", 70m)
            .Build();

        var result = ScoringEngine.Score(framework, ministry);

        Assert.Null(result.Practice("P1.1").Verified.Score);
        // P1 = (1·70) / 1 = 70, not (5·0 + 70) / 6
        Assert.Equal(70m, result.Verified);
    }

    [Fact]
    public void Score_MissingAnswer_Scores0AndLowersCompleteness()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice.Percentage("I1").Percentage("I2"));
        var institution = new InstitutionBuilder()
            .Accepted("I1", 80m)
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        // (1·80 + 1·0) / 2 = 40
        Assert.Equal(40m, result.Verified);
        Assert.Equal(40m, result.SelfReported);
        Assert.Equal(AnswerState.Missing, result.Indicator("I2").State);
        Assert.Equal(0m, result.Indicator("I2").Verified.Score);
        // 1 answered / 2 applicable
        Assert.Equal(0.5m, result.Completeness);
    }

    [Fact]
    public void Score_AnswerWithNeitherValueNorNotApplicable_CountsAsMissing()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice.Percentage("I1").Percentage("I2"));
        var institution = new InstitutionBuilder()
            .Accepted("I1", 80m)
            .Answer("I2", new AnswerInput(null))
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        // (80 + 0) / 2 = 40; 1 answered / 2 applicable
        Assert.Equal(40m, result.Verified);
        Assert.Equal(0.5m, result.Completeness);
    }

    [Fact]
    public void Completeness_MixOfValuesNotApplicableMissingAndOtherTypes_CountsOnlyApplicableIndicators()
    {
        var framework = FrameworkBuilder.SinglePractice(practice => practice
            .Percentage("I1", weight: 1m)
            .Percentage("I2", weight: 1m)
            .Percentage("I3", weight: 2m)
            .Percentage("I4", weight: 5m, appliesTo: [InstitutionBuilder.Municipality])
            .Percentage("I5", weight: 1m));
        var ministry = new InstitutionBuilder(institutionType: InstitutionBuilder.Ministry)
            .Accepted("I1", 40m)
            .NotApplicable("I2", ReviewDecision.Accepted)
            .Accepted("I4", 100m)
            .Accepted("I5", 100m)
            .Build();

        var result = ScoringEngine.Score(framework, ministry);

        // applicable: I1, I2, I3, I5 = 4; answered (value or N/A): I1, I2, I5 = 3; 3 / 4 = 0.75
        Assert.Equal(4, result.ApplicableCount);
        Assert.Equal(3, result.AnsweredCount);
        Assert.Equal(0.75m, result.Completeness);
        // (1·40 + 2·0 + 1·100) / (1 + 2 + 1) = 140 / 4 = 35 (I2 N/A, I4 not for ministries)
        Assert.Equal(35m, result.Verified);
    }

    [Fact]
    public void Score_NoSubmission_IsNotSubmittedAndScores0WithCompleteness0()
    {
        var framework = ThreeLevelFramework();
        var institution = new InstitutionBuilder().WithoutSubmission().Build();

        var result = ScoringEngine.Score(framework, institution);

        Assert.Equal(ParticipationStatus.NotSubmitted, result.Status);
        Assert.Equal(0m, result.Verified);
        Assert.Equal(0m, result.SelfReported);
        Assert.Equal(0m, result.Completeness);
        Assert.Equal(0, result.AnsweredCount);
        Assert.False(result.Provisional);
    }

    [Fact]
    public void Score_DraftAnswersWithoutCountedSubmission_AreIgnored()
    {
        var framework = ThreeLevelFramework();
        var institution = new InstitutionBuilder()
            .Accepted("I1", 100m)
            .Accepted("I2", 100m)
            .WithoutSubmission()
            .Build();

        var result = ScoringEngine.Score(framework, institution);

        Assert.Equal(ParticipationStatus.NotSubmitted, result.Status);
        Assert.Equal(0m, result.Verified);
        Assert.Equal(0m, result.Completeness);
    }

    [Fact]
    public void Score_Submission_IsSubmittedAndKeepsKeyAndType()
    {
        var framework = ThreeLevelFramework();
        var institution = new InstitutionBuilder("MOI", InstitutionBuilder.Municipality).Build();

        var result = ScoringEngine.Score(framework, institution);

        Assert.Equal(ParticipationStatus.Submitted, result.Status);
        Assert.Equal("MOI", result.Key);
        Assert.Equal(InstitutionBuilder.Municipality, result.InstitutionType);
        // Submitted but nothing answered: every indicator is missing and scores 0.
        Assert.Equal(0m, result.Verified);
        Assert.Equal(0m, result.Completeness);
    }

    [Fact]
    public void Score_ExplanationTree_FollowsFrameworkOrder()
    {
        var framework = ThreeLevelFramework();

        var result = ScoringEngine.Score(framework, ThreeLevelAnswers());

        Assert.Equal(["P1", "P2"], result.Pillars.Select(p => p.Code));
        Assert.Equal(["P1.1", "P1.2"], result.Pillar("P1").Practices.Select(p => p.Code));
        Assert.Equal(["I1", "I2", "I3", "I4", "I5"], result.AllIndicators().Select(i => i.Code));
        Assert.Equal(3m, result.Indicator("I2").Weight);
        Assert.Equal(3m, result.Practice("P1.2").Weight);
        Assert.Equal(2m, result.Pillar("P1").Weight);
    }
}
