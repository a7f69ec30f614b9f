using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StrategyGov.Data;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// A period's scoreboard is computed once per change (ADR 0106): pages read it from the cache until
/// something that can move a score is recorded in the audit log, by this instance or any other.
/// </summary>
public sealed class ScoreboardCacheTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GetPeriod_NothingChanged_ReadsTheSameScoreboard()
    {
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var periodId = await app.PeriodIdAsync(SeededData.OpenPeriod);
        var scores = app.Service<ScoreService>();

        var first = await scores.GetPeriodAsync(reviewer, periodId, None);
        var second = await scores.GetPeriodAsync(reviewer, periodId, None);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task GetPeriod_DraftAnswerSaved_KeepsTheScoreboard()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var periodId = await app.PeriodIdAsync(SeededData.OpenPeriod);
        var scores = app.Service<ScoreService>();
        var before = await scores.GetPeriodAsync(reviewer, periodId, None);

        var submissions = app.Service<SubmissionService>();
        var yesNo = await submissions.ItemAsync(director, submissionId, "P1.1.1");
        await submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(yesNo, 1m), None);

        // A draft is not scored, so its answers cannot move the scoreboard.
        Assert.Same(before, await scores.GetPeriodAsync(reviewer, periodId, None));
    }

    [Fact]
    public async Task GetPeriod_ReviewDecisionOnASubmittedReport_IsSeenAtOnceByEveryInstance()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var mohId = await app.InstitutionIdAsync("MOH");
        var periodId = await app.PeriodIdAsync(SeededData.OpenPeriod);
        await app.AnswerRemainingWithBestAsync(director, submissionId);
        await app.Service<SubmissionService>().SubmitAsync(director, submissionId, None);
        await app.ComputedAnswersAtBestAsync(submissionId);

        // Two instances: each has its own cache over the one database.
        using var scopeA = app.Services.CreateScope();
        using var scopeB = app.Services.CreateScope();
        var instanceA = ActivatorUtilities.CreateInstance<ScoreService>(scopeA.ServiceProvider, new ScoreboardCache(app.Service<IDbContextFactory<StrategyGovDbContext>>()));
        var instanceB = ActivatorUtilities.CreateInstance<ScoreService>(scopeB.ServiceProvider, new ScoreboardCache(app.Service<IDbContextFactory<StrategyGovDbContext>>()));
        var beforeA = await instanceA.GetPeriodAsync(reviewer, periodId, None);
        var beforeB = await instanceB.GetPeriodAsync(reviewer, periodId, None);
        Assert.Equal(100m, beforeA.EntryOf(mohId).Result.Verified);
        Assert.Equal(100m, beforeB.EntryOf(mohId).Result.Verified);

        // The decision goes through the services of the application (a third "instance").
        var review = app.Service<ReviewService>();
        var indicator = (await review.GetAsync(reviewer, submissionId, None)).Items.Single(i => i.Code == "P1.1.1");
        await review.DecideAsync(reviewer, submissionId, new DecisionChange(indicator.IndicatorId, ReviewDecision.Rejected, null, "لا شواهد"), None);

        var afterA = await instanceA.GetPeriodAsync(reviewer, periodId, None);
        var afterB = await instanceB.GetPeriodAsync(reviewer, periodId, None);
        Assert.NotSame(beforeA, afterA);
        Assert.Equal(98m, afterA.EntryOf(mohId).Result.Verified);
        Assert.Equal(98m, afterB.EntryOf(mohId).Result.Verified);
        Assert.Same(afterA, await instanceA.GetPeriodAsync(reviewer, periodId, None));
    }

    [Fact]
    public async Task GetPeriod_SubmissionReturned_LeavesTheScoreboard()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var mohId = await app.InstitutionIdAsync("MOH");
        var periodId = await app.PeriodIdAsync(SeededData.OpenPeriod);
        await app.AnswerRemainingWithBestAsync(director, submissionId);
        await app.Service<SubmissionService>().SubmitAsync(director, submissionId, None);
        await app.ComputedAnswersAtBestAsync(submissionId);
        var scores = app.Service<ScoreService>();
        Assert.Equal(ParticipationStatus.Submitted, (await scores.GetPeriodAsync(reviewer, periodId, None)).EntryOf(mohId).Result.Status);

        await app.Service<ReviewService>().ReturnAsync(reviewer, submissionId, "راجعوا المحور الثالث", None);

        Assert.Equal(ParticipationStatus.NotSubmitted, (await scores.GetPeriodAsync(reviewer, periodId, None)).EntryOf(mohId).Result.Status);
    }

    [Fact]
    public async Task NationalTrend_ComparedOncePerPairOfScoreboards_AndAgainAfterAChange()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var periodId = await app.PeriodIdAsync(SeededData.OpenPeriod);
        var scores = app.Service<ScoreService>();

        var current = await scores.GetPeriodAsync(reviewer, periodId, None);
        var first = await scores.GetNationalTrendAsync(reviewer, current, None);
        var again = await scores.GetNationalTrendAsync(reviewer, await scores.GetPeriodAsync(reviewer, periodId, None), None);
        Assert.NotNull(first);
        Assert.Same(first.Trend, again!.Trend);

        // Submitting moves the national index: the next read compares the new scoreboard.
        await app.AnswerRemainingWithBestAsync(director, submissionId);
        await app.Service<SubmissionService>().SubmitAsync(director, submissionId, None);
        var moved = await scores.GetPeriodAsync(reviewer, periodId, None);
        var after = await scores.GetNationalTrendAsync(reviewer, moved, None);
        Assert.NotSame(current, moved);
        Assert.NotSame(first.Trend, after!.Trend);
        var previous = await scores.GetPeriodAsync(reviewer, first.Previous.Id, None);
        var expected = Trends.CompareIndex(previous.Framework.Scoring, previous.Inputs, moved.Framework.Scoring, moved.Inputs);
        Assert.Equal(expected.National, after.Trend.National);
        Assert.Equal(expected.Pillars, after.Trend.Pillars);
    }
}
