using System.Globalization;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Scores of stored answers, end to end: the director answers, the reviewer decides, the score
/// service maps everything to the engine. Expected values are worked out by hand from the weights in
/// seed-data/strategy.json.
/// </summary>
public sealed class ScoreServiceTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GetInstitution_EveryIndicatorAtBestAndSubmitted_Is100Provisional()
    {
        var (mohId, periodId) = await SubmittedWithBestAnswersAsync();
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);

        var scores = await app.Service<ScoreService>().GetInstitutionAsync(director, mohId, periodId, None);

        var result = scores.Entry.Result;
        Assert.Equal(ParticipationStatus.Submitted, result.Status);
        Assert.Equal(100m, result.SelfReported);
        Assert.Equal(100m, result.Verified);
        Assert.True(result.Provisional);
        Assert.Equal(1m, result.Completeness);
        Assert.Equal(0m, result.Gap);
        Assert.Equal("Leading", scores.Entry.Band?.Code);
    }

    // Everything else scores 100, so the verified score loses exactly the indicator's share of the
    // overall score times the points it lost. Pillar weights add up to 100 (15+15+12+14+14+10+8+12).
    //
    // P1.1.1 (yes/no, weight 2 in P1.1 = 2+3+1 = 6; P1.1 weight 2 in P1 = 2+1+2 = 5; P1 weight 15):
    //   rejected → 0;  share = 15/100 × 2/5 × 2/6 = 0.02;  verified = 100 − 0.02 × 100 = 98
    //   (step by step: P1.1 = 400/6 = 66.67; P1 = (2 × 66.67 + 100 + 2 × 100) / 5 = 86.67;
    //    overall = (15 × 86.67 + 85 × 100) / 100 = 98)
    // P4.2.1 (lower-is-better target, weight 3 in P4.2 = 3+3+2 = 8; P4.2 weight 3 in P4 = 1+3+2 = 6; P4 weight 14):
    //   rejected → 0;  share = 14/100 × 3/6 × 3/8 = 0.02625;  verified = 100 − 2.625 = 97.375 (shown 97.4)
    // P1.1.2 (percentage, weight 3 of 6 in P1.1, P1.1 2 of 5 in P1, P1 15 of 100):
    //   adjusted 100 → 40 loses 60 points;  share = 15/100 × 2/5 × 3/6 = 0.03;  verified = 100 − 0.03 × 60 = 98.2
    [Theory]
    [InlineData("P1.1.1", ReviewDecision.Rejected, null, "98")]
    [InlineData("P4.2.1", ReviewDecision.Rejected, null, "97.375")]
    [InlineData("P1.1.2", ReviewDecision.Adjusted, "40", "98.2")]
    public async Task GetInstitution_OneIndicatorMarkedDownThenApproved_LosesItsWeightedShare(
        string code, ReviewDecision decision, string? verifiedValue, string expected)
    {
        var (mohId, periodId) = await SubmittedWithBestAnswersAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var review = app.Service<ReviewService>();
        var submissionId = await app.SubmissionIdAsync("MOH", SeededData.OpenPeriod);
        var indicator = (await review.GetAsync(reviewer, submissionId, None)).Items.Single(i => i.Code == code);
        var adjusted = verifiedValue is null ? (decimal?)null : decimal.Parse(verifiedValue, CultureInfo.InvariantCulture);
        await review.DecideAsync(reviewer, submissionId, new DecisionChange(indicator.IndicatorId, decision, adjusted, "الشواهد لا تكفي"), None);
        await review.AcceptRemainingAsync(reviewer, submissionId, None);
        await review.ApproveAsync(reviewer, submissionId, None);

        var scores = await app.Service<ScoreService>().GetInstitutionAsync(director, mohId, periodId, None);

        var result = scores.Entry.Result;
        var expectedScore = decimal.Parse(expected, CultureInfo.InvariantCulture);
        Assert.Equal(expectedScore, decimal.Round(result.Verified!.Value, 20));
        Assert.Equal(100m, result.SelfReported);
        Assert.Equal(100m - expectedScore, decimal.Round(result.Gap!.Value, 20));
        Assert.False(result.Provisional);
        var marked = result.Pillars.SelectMany(p => p.Practices).SelectMany(p => p.Indicators).Single(i => i.Code == code);
        Assert.Equal(decision, marked.Decision);
        Assert.Equal(decision == ReviewDecision.Rejected ? 0m : 40m, marked.Verified.Score);
        Assert.Equal(100m, marked.Self.Score);
    }

    [Fact]
    public async Task GetInstitution_AfterApproval_RanksMatchTheScoreboard()
    {
        var (mohId, periodId) = await SubmittedWithBestAnswersAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var review = app.Service<ReviewService>();
        var submissionId = await app.SubmissionIdAsync("MOH", SeededData.OpenPeriod);
        var yesNo = (await review.GetAsync(reviewer, submissionId, None)).Items.Single(i => i.Code == "P1.1.1");
        await review.DecideAsync(reviewer, submissionId, new DecisionChange(yesNo.IndicatorId, ReviewDecision.Rejected, null, "لا شواهد"), None);
        await review.AcceptRemainingAsync(reviewer, submissionId, None);
        await review.ApproveAsync(reviewer, submissionId, None);

        var own = await app.Service<ScoreService>().GetInstitutionAsync(director, mohId, periodId, None);
        var board = await app.Service<ScoreService>().GetPeriodAsync(reviewer, periodId, None);

        var onBoard = board.EntryOf(mohId);
        Assert.Equal(onBoard.NationalRank, own.Entry.NationalRank);
        Assert.Equal(onBoard.PeerRank, own.Entry.PeerRank);
        Assert.Equal(onBoard.Result.Verified, own.Entry.Result.Verified);

        // Competition ranking on the shown (rounded) score: one more than the institutions shown higher.
        var shown = ScoreDisplay.Round(own.Entry.Result.Verified!.Value);
        var higher = board.Board.Entries.Where(e => e.Result.Verified is { } v && ScoreDisplay.Round(v) > shown).ToList();
        Assert.Equal(1 + higher.Count, own.Entry.NationalRank);
        Assert.Equal(1 + higher.Count(e => e.Result.InstitutionType == "ministry"), own.Entry.PeerRank);
        Assert.Equal("ministry", own.Entry.Result.InstitutionType);
    }

    [Fact]
    public async Task GetInstitution_AnswerRaisedAfterAcceptance_IsProvisionalAgain()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var submissions = app.Service<SubmissionService>();
        var review = app.Service<ReviewService>();
        var yesNo = await submissions.ItemAsync(director, submissionId, "P1.1.1");
        await submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(yesNo, 0m), None);
        await Answering.AttachRequiredEvidenceAsync(app.Service<EvidenceService>(), director, submissionId, yesNo);
        await app.AnswerRemainingWithBestAsync(director, submissionId);
        await submissions.SubmitAsync(director, submissionId, None);
        await review.AcceptRemainingAsync(reviewer, submissionId, None);
        await review.ReturnAsync(reviewer, submissionId, "راجعوا المحور الثالث", None);
        yesNo = await submissions.ItemAsync(director, submissionId, "P1.1.1");
        await submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(yesNo, 1m), None);
        await submissions.SubmitAsync(director, submissionId, None);
        await app.ComputedAnswersAtBestAsync(submissionId);

        var scores = await app.Service<ScoreService>().GetInstitutionAsync(
            director, await app.InstitutionIdAsync("MOH"), await app.PeriodIdAsync(SeededData.OpenPeriod), None);

        // "no" was accepted; "yes" replaced it afterwards and nobody has verified it yet.
        var raised = scores.Entry.Result.Pillars.SelectMany(p => p.Practices).SelectMany(p => p.Indicators).Single(i => i.Code == "P1.1.1");
        Assert.Null(raised.Decision);
        Assert.True(raised.Provisional);
        Assert.True(scores.Entry.Result.Provisional);
        Assert.Equal(100m, scores.Entry.Result.Verified);
    }

    [Fact]
    public async Task GetInstitution_DraftNotSubmitted_IsNotSubmittedAndScoresZero()
    {
        await app.ResetToEmptyDraftAsync("MOH");
        var mohId = await app.InstitutionIdAsync("MOH");
        var periodId = await app.PeriodIdAsync(SeededData.OpenPeriod);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);

        var scores = await app.Service<ScoreService>().GetInstitutionAsync(director, mohId, periodId, None);

        Assert.Equal(ParticipationStatus.NotSubmitted, scores.Entry.Result.Status);
        Assert.Equal(0m, scores.Entry.Result.Verified);
        Assert.Equal(0m, scores.Entry.Result.Completeness);
    }

    private async Task<(int InstitutionId, int PeriodId)> SubmittedWithBestAnswersAsync()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var submissions = app.Service<SubmissionService>();
        await app.AnswerRemainingWithBestAsync(director, submissionId);
        await submissions.SubmitAsync(director, submissionId, None);
        await app.ComputedAnswersAtBestAsync(submissionId);
        return (await app.InstitutionIdAsync("MOH"), await app.PeriodIdAsync(SeededData.OpenPeriod));
    }
}
