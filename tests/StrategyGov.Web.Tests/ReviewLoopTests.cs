using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Periods;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The review loop beyond the walking skeleton, on MOH's 2026-Q4 submission: what a returned
/// institution sees questioned, what the reviewer sees changed on re-submission, the queue's filters,
/// and the center's status board (with its Excel export).
/// </summary>
public sealed class ReviewLoopTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private const string YesNo = "P1.1.1";
    private const string Percentage = "P1.3.2";
    private const string Maturity = "P2.1.3";
    private static readonly CancellationToken None = CancellationToken.None;

    private SubmissionService Submissions => app.Service<SubmissionService>();

    private ReviewService Review => app.Service<ReviewService>();

    [Fact]
    public async Task Return_TheInstitutionSeesExactlyTheQuestionedAnswers()
    {
        var submissionId = await SubmittedAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var ids = await IdsAsync(submissionId);
        await Review.DecideAsync(reviewer, submissionId, new DecisionChange(ids[Percentage], ReviewDecision.Adjusted, 60m, "الشواهد تثبت 60٪"), None);
        await Review.DecideAsync(reviewer, submissionId, new DecisionChange(ids[Maturity], ReviewDecision.Rejected, null, "لا شواهد"), None);
        await app.AssertPackedAsync(submissionId);
        await Review.AcceptRemainingAsync(reviewer, submissionId, None);
        await app.AssertPackedAsync(submissionId);

        await Review.ReturnAsync(reviewer, submissionId, "راجعوا الملاحظات", None);

        var tree = await Submissions.GetAsync(director, submissionId, None);
        Assert.Equal(new[] { Percentage, Maturity }.Order(), tree.Items.Where(i => i.IsQuestioned).Select(i => i.Code).Order());
        Assert.Equal("لا شواهد", tree.Items.Single(i => i.Code == Maturity).ReviewComment);
    }

    [Fact]
    public async Task Resubmit_TheReviewerSeesWhatChangedSinceThePreviousSubmission()
    {
        var submissionId = await SubmittedAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var first = await Review.ChangesSincePreviousAsync(reviewer, submissionId, None);
        await Review.ReturnAsync(reviewer, submissionId, "صحّحوا النسبة", None);
        var item = await Submissions.ItemAsync(director, submissionId, Percentage);
        await Submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(item, 75m) with { Comment = "بعد التدقيق" }, None);

        await Submissions.SubmitAsync(director, submissionId, None);

        var changes = await Review.ChangesSincePreviousAsync(reviewer, submissionId, None);
        Assert.Empty(first);
        var change = Assert.Single(changes).Value;
        Assert.Equal(item.IndicatorId, change.IndicatorId);
        Assert.Equal(100m, change.ValueBefore);
        Assert.Equal(75m, change.ValueNow);
        Assert.Null(change.CommentBefore);
        Assert.Equal("بعد التدقيق", change.CommentNow);
        await using var db = await app.DbAsync();
        var rounds = await db.AnswerSnapshots.Where(s => s.SubmissionId == submissionId).GroupBy(s => s.Round).Select(g => g.Key).ToListAsync();
        Assert.Equal([1, 2], rounds.Order());
    }

    [Fact]
    public async Task Queue_Filters_ByStatusPeriodTypeAndInstitution()
    {
        var submissionId = await SubmittedAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var openPeriod = await app.PeriodIdAsync(SeededData.OpenPeriod);
        var ministry = (await Review.InstitutionTypesAsync(reviewer, None)).Single(t => t.NameEn == "Ministry").Id;

        var submitted = await Review.QueueAsync(reviewer, new ReviewQueueFilter(PeriodId: openPeriod, InstitutionTypeId: ministry, Institution: "MOH"), None);
        await Review.ReturnAsync(reviewer, submissionId, "أكملوا", None);
        var stillSubmitted = await Review.QueueAsync(reviewer, new ReviewQueueFilter(Institution: "وزارة الصحة"), None);
        var returned = await Review.QueueAsync(reviewer, new ReviewQueueFilter(SubmissionStatus.Returned, openPeriod), None);
        var all = await Review.QueueAsync(reviewer, None);

        Assert.Equal(submissionId, Assert.Single(submitted).SubmissionId);
        Assert.Empty(stillSubmitted);
        Assert.Contains(returned, r => r.SubmissionId == submissionId);
        Assert.All(returned, r => Assert.Equal(SubmissionStatus.Returned, r.Status));
        Assert.Equal(all.OrderBy(r => r.SubmittedAt).Select(r => r.SubmissionId), all.Select(r => r.SubmissionId));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Review.QueueAsync(await app.ActorAsync(DemoUsers.DirectorMoh), new ReviewQueueFilter(), None));
    }

    [Fact]
    public async Task Approved_EveryChangeThroughTheServicesIsRefused()
    {
        var submissionId = await SubmittedAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        await Review.AcceptRemainingAsync(reviewer, submissionId, None);
        await Review.ApproveAsync(reviewer, submissionId, None);
        var item = await Submissions.ItemAsync(director, submissionId, Percentage);

        var save = await Assert.ThrowsAsync<RuleViolationException>(() => Submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(item, 10m), None));
        var decide = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Review.DecideAsync(reviewer, submissionId, new DecisionChange(item.IndicatorId, ReviewDecision.Rejected, null, "لا"), None));

        Assert.Equal("Submission_Locked", save.Message);
        Assert.Equal("Submission_Locked", decide.Message);
        Assert.Equal(100m, (await Submissions.ItemAsync(director, submissionId, Percentage)).Value);
    }

    [Fact]
    public async Task StatusBoard_FollowsTheSubmissionFromNotStartedToSubmitted()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var board = app.Service<StatusBoardService>();
        var periodId = await app.PeriodIdAsync(SeededData.OpenPeriod);

        var empty = Row(await board.GetAsync(reviewer, periodId, None));
        var item = await Submissions.ItemAsync(director, submissionId, YesNo);
        await Submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(item, 1m), None);
        await Answering.AttachRequiredEvidenceAsync(app.Service<EvidenceService>(), director, submissionId, item);
        var draft = Row(await board.GetAsync(reviewer, periodId, None));
        await app.AnswerRemainingWithBestAsync(director, submissionId);
        await Submissions.SubmitAsync(director, submissionId, None);
        var submitted = Row(await board.GetAsync(reviewer, periodId, None));

        Assert.Equal((BoardStatus.NotStarted, 0, false), (empty.Status, empty.Answered, empty.Late));
        Assert.Null(empty.LastActivityAt);
        Assert.Equal((BoardStatus.Draft, 1), (draft.Status, draft.Answered));
        Assert.Equal(1m / draft.Applicable, draft.Completeness);
        Assert.NotNull(draft.LastActivityAt);
        Assert.Equal((BoardStatus.Submitted, 1m, false), (submitted.Status, submitted.Completeness, submitted.Late));
    }

    [Fact]
    public async Task StatusBoard_PastDue_FlagsLateSubmissionsAndNonSubmitters()
    {
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        await using var db = await app.DbAsync();
        var due = await db.Periods.Where(p => p.Id == periodId).Select(p => p.DueOn).SingleAsync();
        var firstSubmitted = await db.Submissions.Where(s => s.PeriodId == periodId)
            .Select(s => new { s.Institution.Code, s.FirstSubmittedAt })
            .ToDictionaryAsync(s => s.Code, s => s.FirstSubmittedAt);

        var board = await app.Service<StatusBoardService>().GetAsync(reviewer, periodId, None);

        Assert.Contains(board.Rows, r => r.Late);
        Assert.Contains(board.Rows, r => !r.Late);
        // Due dates are Riyadh dates (UTC+3 all year).
        Assert.All(board.Rows, r =>
            Assert.Equal(firstSubmitted[r.InstitutionCode] is not { } at || DateOnly.FromDateTime(at.AddHours(3)) > due, r.Late));
    }

    [Theory]
    [InlineData(DemoUsers.DirectorMoh)]
    [InlineData(DemoUsers.ContributorMoh)]
    public async Task StatusBoard_InstitutionUser_IsRefusedInTheServiceAndOverHttp(string email)
    {
        var periodId = await app.PeriodIdAsync(SeededData.OpenPeriod);
        var client = await app.SignedInClientAsync(email);

        await Assert.ThrowsAsync<AccessDeniedException>(async () => await app.Service<StatusBoardService>().GetAsync(await app.ActorAsync(email), periodId, None));
        var export = await client.GetAsync($"/periods/{periodId}/status.xlsx");
        var page = await client.GetAsync("/status");

        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task StatusBoardExport_Arabic_IsARightToLeftSheetWithNumbersAsNumbers()
    {
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var client = await app.SignedInClientAsync(DemoUsers.Official);
        var expected = await app.Service<StatusBoardService>().GetAsync(await app.ActorAsync(DemoUsers.Official), periodId, None);

        var response = await client.GetAsync($"/periods/{periodId}/status.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        Assert.True(sheet.RightToLeft);
        Assert.Equal("الرمز", sheet.Cell(1, 1).GetString());
        Assert.Equal(expected.Rows.Count + 1, sheet.LastRowUsed().RowNumber());
        var moh = expected.Rows.Single(r => r.InstitutionCode == "MOH");
        var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "MOH");
        Assert.Equal("وزارة الصحة", row.Cell(2).GetString());
        Assert.Equal("معتمد", row.Cell(4).GetString());
        Assert.Equal((double)moh.Completeness, row.Cell(5).GetDouble(), 6);
        Assert.Equal(moh.Applicable, row.Cell(7).GetValue<int>());
    }

    private static StatusBoardRow Row(StatusBoard board) => board.Rows.Single(r => r.InstitutionCode == "MOH");

    private async Task<int> SubmittedAsync()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        await app.AnswerRemainingWithBestAsync(director, submissionId);
        await Submissions.SubmitAsync(director, submissionId, None);
        return submissionId;
    }

    private async Task<Dictionary<string, int>> IdsAsync(int submissionId)
    {
        var tree = await Review.GetAsync(await app.ActorAsync(DemoUsers.Reviewer), submissionId, None);
        return tree.Items.ToDictionary(i => i.Code, i => i.IndicatorId);
    }
}
