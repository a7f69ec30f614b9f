using System.Globalization;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Self-reporting and review through the feature services, on MOH's 2026-Q4 submission: every test
/// starts from an empty Draft (tests of one class run one after another on the shared app).
/// </summary>
public sealed class SubmissionWorkflowTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    // Indicators that apply to a ministry, one of each measurement type (seed-data/strategy.json).
    private const string YesNo = "P1.1.1";
    private const string Percentage = "P1.3.2";
    private const string Maturity = "P2.1.3";
    private const string TargetHigher = "P4.3.2";
    private const string TargetLower = "P3.1.4";

    private static readonly CancellationToken None = CancellationToken.None;

    private SubmissionService Submissions => app.Service<SubmissionService>();

    private ReviewService Review => app.Service<ReviewService>();

    [Theory]
    [InlineData(YesNo, "1")]
    [InlineData(YesNo, "0")]
    [InlineData(Percentage, "37.5")]
    [InlineData(Maturity, "3")]
    [InlineData(TargetHigher, "2.5")]
    [InlineData(TargetLower, "12")]
    public async Task SaveAnswer_DirectorValueOfEachType_IsStored(string code, string value)
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var item = await Submissions.ItemAsync(director, submissionId, code);
        var expected = decimal.Parse(value, CultureInfo.InvariantCulture);

        var version = await Submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(item, expected), None);

        var saved = await Submissions.ItemAsync(director, submissionId, code);
        Assert.Equal(expected, saved.Value);
        Assert.False(saved.NotApplicable);
        Assert.Equal(1, version);
        await app.AssertPackedAsync(submissionId);
        Assert.Equal(version, saved.Version);
    }

    [Fact]
    public async Task SaveAnswer_NotApplicableWithJustification_IsStored()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var item = await Submissions.ItemAsync(director, submissionId, Percentage);
        var change = new AnswerChange(item.IndicatorId, 40m, NotApplicable: true, "  لا تنطبق خلال الفترة  ", null, item.Version);

        await Submissions.SaveAnswerAsync(director, submissionId, change, None);

        var saved = await Submissions.ItemAsync(director, submissionId, Percentage);
        Assert.True(saved.NotApplicable);
        Assert.Null(saved.Value);
        Assert.Equal("لا تنطبق خلال الفترة", saved.Justification);
    }

    [Fact]
    public async Task Submit_DirectorWithEveryIndicatorAnswered_BecomesSubmitted()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        await app.AnswerRemainingWithBestAsync(director, submissionId);

        await Submissions.SubmitAsync(director, submissionId, None);

        var stored = await app.StoredSubmissionAsync(submissionId);
        Assert.Equal(SubmissionStatus.Submitted, stored.Status);
        Assert.NotNull(stored.SubmittedAt);
        Assert.Equal(stored.SubmittedAt, stored.FirstSubmittedAt);
    }

    [Fact]
    public async Task Submit_WithUnansweredIndicators_IsRefusedListingTheirCodes()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        await app.AnswerRemainingWithBestAsync(director, submissionId, skip: [Maturity, TargetLower]);

        var refused = await Assert.ThrowsAsync<SubmissionIncompleteException>(() => Submissions.SubmitAsync(director, submissionId, None));

        Assert.Equal("Submit_Unanswered", refused.Message);
        var listed = Assert.IsType<string>(Assert.Single(refused.Arguments));
        Assert.Equal(new[] { Maturity, TargetLower }, listed.Split('،').Select(c => c.Trim()).Order(StringComparer.Ordinal));
        Assert.Equal(SubmissionStatus.Draft, (await app.StoredSubmissionAsync(submissionId)).Status);
    }

    [Fact]
    public async Task Submit_GapsComeByPillar_AndANoNeedsNoEvidence()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        await app.AnswerRemainingWithBestAsync(director, submissionId, skip: [YesNo, Maturity]);
        var yesNo = (await Submissions.GetAsync(director, submissionId, None)).Items.Single(i => i.Code == YesNo);

        // "Yes" on an indicator that needs two evidence items, none attached; the maturity not answered.
        var version = await Submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(yesNo, 1m), None);
        var refused = await Assert.ThrowsAsync<SubmissionIncompleteException>(() => Submissions.SubmitAsync(director, submissionId, None));

        Assert.Equal("Submit_Incomplete", refused.Message);
        Assert.Equal(
            [("P1", YesNo, false, 0, 2), ("P2", Maturity, true, 0, 0)],
            refused.Gaps.Select(g => (g.PillarCode, g.Code, g.Unanswered, g.Has, g.Needs)));

        // "No" claims nothing, so it needs no evidence; with the maturity answered the draft goes in.
        await Submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(yesNo, 0m) with { ExpectedVersion = version }, None);
        await app.AnswerRemainingWithBestAsync(director, submissionId);
        await Submissions.SubmitAsync(director, submissionId, None);

        Assert.Equal(SubmissionStatus.Submitted, (await app.StoredSubmissionAsync(submissionId)).Status);
    }

    [Fact]
    public async Task SaveAnswer_Contributor_IsStored()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);
        var item = await Submissions.ItemAsync(contributor, submissionId, YesNo);

        await Submissions.SaveAnswerAsync(contributor, submissionId, Answering.ValueChange(item, 1m), None);

        var stored = Assert.Single(await app.StoredAnswersAsync(submissionId));
        Assert.Equal(1m, stored.Value);
        Assert.Equal(contributor.UserId, stored.UpdatedById);
    }

    [Fact]
    public async Task Submit_Contributor_IsAccessDenied()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);
        await app.AnswerRemainingWithBestAsync(contributor, submissionId);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Submissions.SubmitAsync(contributor, submissionId, None));

        Assert.Equal(SubmissionStatus.Draft, (await app.StoredSubmissionAsync(submissionId)).Status);
    }

    [Theory]
    [InlineData(YesNo, "2", "Validation_YesNo")]
    [InlineData(YesNo, "0.5", "Validation_YesNo")]
    [InlineData(Percentage, "120", "Validation_Percentage")]
    [InlineData(Percentage, "-1", "Validation_Percentage")]
    [InlineData(Maturity, "7", "Validation_Maturity")]
    [InlineData(Maturity, "2.5", "Validation_Maturity")]
    [InlineData(TargetHigher, "-1", "Validation_NonNegative")]
    [InlineData(TargetLower, "-0.5", "Validation_NonNegative")]
    [InlineData(TargetHigher, "1000000000000", "Validation_NotStorable")]
    [InlineData(Percentage, "50.1234567", "Validation_NotStorable")]
    public async Task SaveAnswer_InvalidValue_IsRefusedAndNothingStored(string code, string value, string expectedKey)
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var item = await Submissions.ItemAsync(director, submissionId, code);
        var change = Answering.ValueChange(item, decimal.Parse(value, CultureInfo.InvariantCulture));

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Submissions.SaveAnswerAsync(director, submissionId, change, None));

        Assert.Equal(expectedKey, refused.Message);
        Assert.Empty(await app.StoredAnswersAsync(submissionId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SaveAnswer_CommentOrJustificationLongerThanTheLimit_IsRefusedAndNothingStored(bool justification)
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var item = await Submissions.ItemAsync(director, submissionId, Percentage);
        var text = new string('ت', Features.Shared.TextLimits.Note + 1);
        var change = justification
            ? new AnswerChange(item.IndicatorId, null, NotApplicable: true, text, null, item.Version)
            : new AnswerChange(item.IndicatorId, 40m, NotApplicable: false, null, text, item.Version);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Submissions.SaveAnswerAsync(director, submissionId, change, None));

        Assert.Equal("Validation_TooLong", refused.Message);
        Assert.Empty(await app.StoredAnswersAsync(submissionId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task SaveAnswer_NotApplicableWithoutJustification_IsRefusedAndNothingStored(string? justification)
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var item = await Submissions.ItemAsync(director, submissionId, Percentage);
        var change = new AnswerChange(item.IndicatorId, null, NotApplicable: true, justification, null, item.Version);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Submissions.SaveAnswerAsync(director, submissionId, change, None));

        Assert.Equal("Validation_JustificationRequired", refused.Message);
        Assert.Empty(await app.StoredAnswersAsync(submissionId));
    }

    [Fact]
    public async Task Decide_AcceptAdjustReject_AreRecordedWithTheReviewer()
    {
        var submissionId = await SubmittedWithBestAnswersAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var ids = await IndicatorIdsAsync(submissionId, YesNo, Percentage, Maturity);

        await Review.DecideAsync(reviewer, submissionId, new DecisionChange(ids[YesNo], ReviewDecision.Accepted, null, null), None);
        await Review.DecideAsync(reviewer, submissionId, new DecisionChange(ids[Percentage], ReviewDecision.Adjusted, 60m, "الشواهد تثبت 60٪ فقط"), None);
        await Review.DecideAsync(reviewer, submissionId, new DecisionChange(ids[Maturity], ReviewDecision.Rejected, null, "لا شواهد"), None);

        var answers = (await app.StoredAnswersAsync(submissionId)).ToDictionary(a => a.Indicator.Code);
        Assert.Equal(ReviewDecision.Accepted, answers[YesNo].Decision);
        Assert.Equal(ReviewDecision.Adjusted, answers[Percentage].Decision);
        Assert.Equal(60m, answers[Percentage].VerifiedValue);
        Assert.Equal(100m, answers[Percentage].Value);
        Assert.Equal(ReviewDecision.Rejected, answers[Maturity].Decision);
        Assert.Equal("لا شواهد", answers[Maturity].ReviewComment);
        Assert.All(new[] { answers[YesNo], answers[Percentage], answers[Maturity] }, a => Assert.Equal(reviewer.UserId, a.ReviewedById));
        Assert.Equal(3, answers.Values.Count(a => a.Decision is not null));
    }

    [Fact]
    public async Task Decide_RejectWithoutComment_IsRefused()
    {
        var submissionId = await SubmittedWithBestAnswersAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var ids = await IndicatorIdsAsync(submissionId, YesNo);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Review.DecideAsync(reviewer, submissionId, new DecisionChange(ids[YesNo], ReviewDecision.Rejected, null, " "), None));

        Assert.Equal("Review_CommentRequired", refused.Message);
        Assert.All(await app.StoredAnswersAsync(submissionId), a => Assert.Null(a.Decision));
    }

    [Fact]
    public async Task Decide_AdjustWithoutValue_IsRefused()
    {
        var submissionId = await SubmittedWithBestAnswersAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var ids = await IndicatorIdsAsync(submissionId, Percentage);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Review.DecideAsync(reviewer, submissionId, new DecisionChange(ids[Percentage], ReviewDecision.Adjusted, null, "تعديل"), None));

        Assert.Equal("Review_AdjustNeedsValue", refused.Message);
        Assert.All(await app.StoredAnswersAsync(submissionId), a => Assert.Null(a.Decision));
    }

    [Fact]
    public async Task Decide_AdjustToInvalidValue_IsRefused()
    {
        var submissionId = await SubmittedWithBestAnswersAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var ids = await IndicatorIdsAsync(submissionId, Maturity);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Review.DecideAsync(reviewer, submissionId, new DecisionChange(ids[Maturity], ReviewDecision.Adjusted, 7m, "تعديل"), None));

        Assert.Equal("Validation_Maturity", refused.Message);
        Assert.All(await app.StoredAnswersAsync(submissionId), a => Assert.Null(a.Decision));
    }

    [Fact]
    public async Task Approve_WithUndecidedAnswers_IsRefusedListingThem()
    {
        var submissionId = await SubmittedWithBestAnswersAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var tree = await Review.GetAsync(reviewer, submissionId, None);
        foreach (var item in tree.Items.Where(i => i.Code is not (YesNo or TargetLower)))
        {
            await Review.DecideAsync(reviewer, submissionId, new DecisionChange(item.IndicatorId, ReviewDecision.Accepted, null, null), None);
        }

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Review.ApproveAsync(reviewer, submissionId, None));

        Assert.Equal("Approve_Undecided", refused.Message);
        Assert.Equal($"{YesNo}، {TargetLower}", Assert.Single(refused.Arguments));
        Assert.Equal(SubmissionStatus.Submitted, (await app.StoredSubmissionAsync(submissionId)).Status);
    }

    [Fact]
    public async Task Approve_EveryAnswerDecided_LocksTheSubmissionForEveryone()
    {
        var submissionId = await SubmittedWithBestAnswersAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);
        await Review.AcceptRemainingAsync(reviewer, submissionId, None);
        var item = await Submissions.ItemAsync(director, submissionId, Percentage);
        var before = await app.StoredAnswersAsync(submissionId);

        await Review.ApproveAsync(reviewer, submissionId, None);

        var approved = await app.StoredSubmissionAsync(submissionId);
        Assert.Equal(SubmissionStatus.Approved, approved.Status);
        Assert.Equal(reviewer.UserId, approved.ApprovedById);
        await AssertLockedAsync(() => Submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(item, 50m), None));
        await AssertLockedAsync(() => Submissions.SaveAnswerAsync(contributor, submissionId, Answering.ValueChange(item, 50m), None));
        await AssertLockedAsync(() => Submissions.SubmitAsync(director, submissionId, None));
        await AssertLockedAsync(() => Review.DecideAsync(reviewer, submissionId, new DecisionChange(item.IndicatorId, ReviewDecision.Rejected, null, "متأخر"), None));
        await AssertLockedAsync(() => Review.AcceptRemainingAsync(reviewer, submissionId, None));
        await AssertLockedAsync(() => Review.ReturnAsync(reviewer, submissionId, "أعيدوا النظر", None));
        await AssertLockedAsync(() => Review.ApproveAsync(reviewer, submissionId, None));
        var after = await app.StoredAnswersAsync(submissionId);
        Assert.Equal(
            before.Select(a => (a.IndicatorId, a.Value, a.Decision, a.Version)).Order(),
            after.Select(a => (a.IndicatorId, a.Value, a.Decision, a.Version)).Order());
        Assert.Equal(SubmissionStatus.Approved, (await app.StoredSubmissionAsync(submissionId)).Status);
    }

    [Fact]
    public async Task Return_WithMessage_IsReturnedAndTheDirectorSeesTheMessage()
    {
        var submissionId = await SubmittedWithBestAnswersAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);

        await Review.ReturnAsync(reviewer, submissionId, "  أرفقوا شواهد نسبة التغطية  ", None);

        var returned = await app.StoredSubmissionAsync(submissionId);
        Assert.Equal(SubmissionStatus.Returned, returned.Status);
        Assert.Equal("أرفقوا شواهد نسبة التغطية", returned.ReturnMessage);
        Assert.Equal("أرفقوا شواهد نسبة التغطية", (await Submissions.GetAsync(director, submissionId, None)).Header.ReturnMessage);
    }

    [Fact]
    public async Task Resubmit_ReturnedAndEditedByTheDirector_IsSubmittedAgain()
    {
        var submissionId = await SubmittedWithBestAnswersAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var firstSubmittedAt = (await app.StoredSubmissionAsync(submissionId)).FirstSubmittedAt;
        await Review.ReturnAsync(reviewer, submissionId, "أرفقوا شواهد نسبة التغطية", None);
        var item = await Submissions.ItemAsync(director, submissionId, Percentage);

        await Submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(item, 80m), None);
        await Submissions.SubmitAsync(director, submissionId, None);

        var resubmitted = await app.StoredSubmissionAsync(submissionId);
        Assert.Equal(SubmissionStatus.Submitted, resubmitted.Status);
        Assert.Equal(firstSubmittedAt, resubmitted.FirstSubmittedAt);
        Assert.True(resubmitted.SubmittedAt >= firstSubmittedAt);
        Assert.Equal(80m, (await Submissions.ItemAsync(director, submissionId, Percentage)).Value);
    }

    [Fact]
    public async Task Resubmit_AnswerChangedAfterItsDecision_NeedsANewDecisionBeforeApproval()
    {
        var submissionId = await SubmittedWithBestAnswersAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        await Review.AcceptRemainingAsync(reviewer, submissionId, None);
        await Review.ReturnAsync(reviewer, submissionId, "راجعوا مؤشر الرسائل", None);
        var accepted = await Submissions.ItemAsync(director, submissionId, Percentage);
        await Submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(accepted, 80m), None);
        await Submissions.SubmitAsync(director, submissionId, None);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Review.ApproveAsync(reviewer, submissionId, None));

        Assert.Equal("Approve_Undecided", refused.Message);
        Assert.Equal(Percentage, Assert.Single(refused.Arguments));
        var changed = (await app.StoredAnswersAsync(submissionId)).Single(a => a.Indicator.Code == Percentage);
        Assert.Null(changed.Decision);
        Assert.Null(changed.ReviewedById);
    }

    [Fact]
    public async Task Resubmit_OnlyTheCommentChanged_KeepsTheDecision()
    {
        var submissionId = await SubmittedWithBestAnswersAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        await Review.AcceptRemainingAsync(reviewer, submissionId, None);
        await Review.ReturnAsync(reviewer, submissionId, "أضيفوا ملاحظة", None);
        var accepted = await Submissions.ItemAsync(director, submissionId, Percentage);
        await Submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(accepted, 100m) with { Comment = "مرفق التقرير" }, None);
        await Submissions.SubmitAsync(director, submissionId, None);

        await Review.ApproveAsync(reviewer, submissionId, None);

        Assert.Equal(SubmissionStatus.Approved, (await app.StoredSubmissionAsync(submissionId)).Status);
        var kept = (await app.StoredAnswersAsync(submissionId)).Single(a => a.Indicator.Code == Percentage);
        Assert.Equal(ReviewDecision.Accepted, kept.Decision);
        Assert.Equal("مرفق التقرير", kept.Comment);
    }

    [Fact]
    public async Task Return_WithoutMessage_IsRefused()
    {
        var submissionId = await SubmittedWithBestAnswersAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Review.ReturnAsync(reviewer, submissionId, "  ", None));

        Assert.Equal("Return_MessageRequired", refused.Message);
        Assert.Equal(SubmissionStatus.Submitted, (await app.StoredSubmissionAsync(submissionId)).Status);
    }

    [Fact]
    public async Task SaveAnswer_Submitted_IsRefusedUntilReturned()
    {
        var submissionId = await SubmittedWithBestAnswersAsync();
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var item = await Submissions.ItemAsync(director, submissionId, Percentage);

        await AssertLockedAsync(() => Submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(item, 10m), None));

        Assert.Equal(100m, (await Submissions.ItemAsync(director, submissionId, Percentage)).Value);
    }

    [Fact]
    public async Task Review_DirectorOfTheInstitution_IsAccessDenied()
    {
        var submissionId = await SubmittedWithBestAnswersAsync();
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var ids = await IndicatorIdsAsync(submissionId, YesNo);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Review.DecideAsync(director, submissionId, new DecisionChange(ids[YesNo], ReviewDecision.Accepted, null, null), None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Review.AcceptRemainingAsync(director, submissionId, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Review.ApproveAsync(director, submissionId, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Review.ReturnAsync(director, submissionId, "رسالة", None));

        Assert.All(await app.StoredAnswersAsync(submissionId), a => Assert.Null(a.Decision));
        Assert.Equal(SubmissionStatus.Submitted, (await app.StoredSubmissionAsync(submissionId)).Status);
    }

    [Theory]
    [InlineData(DemoUsers.Official)]
    [InlineData(DemoUsers.Reviewer)]
    [InlineData(DemoUsers.Admin)]
    public async Task SaveAnswer_UserOutsideTheInstitution_IsAccessDenied(string email)
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var user = await app.ActorAsync(email);
        var item = await Submissions.ItemAsync(user, submissionId, YesNo);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Submissions.SaveAnswerAsync(user, submissionId, Answering.ValueChange(item, 1m), None));

        Assert.Empty(await app.StoredAnswersAsync(submissionId));
    }

    [Fact]
    public async Task SaveAnswer_TwoSavesFromTheSameVersion_SecondConflictsWithTheFirstValue()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);
        var seen = await Submissions.ItemAsync(director, submissionId, Percentage);
        await Submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(seen, 70m) with { Comment = "الأولى" }, None);

        var conflict = await Assert.ThrowsAsync<AnswerConflictException>(() =>
            Submissions.SaveAnswerAsync(contributor, submissionId, Answering.ValueChange(seen, 30m), None));

        Assert.Equal(70m, conflict.Current.Value);
        Assert.Equal("الأولى", conflict.Current.Comment);
        Assert.Equal(1, conflict.Current.Version);
        var stored = Assert.Single(await app.StoredAnswersAsync(submissionId));
        Assert.Equal(70m, stored.Value);
        Assert.Equal(director.UserId, stored.UpdatedById);
    }

    [Fact]
    public async Task SaveAnswer_FromTheCurrentVersion_Succeeds()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var first = await Submissions.ItemAsync(director, submissionId, Percentage);
        await Submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(first, 70m), None);
        var second = await Submissions.ItemAsync(director, submissionId, Percentage);

        var version = await Submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(second, 75m), None);

        Assert.Equal(2, version);
        Assert.Equal(75m, Assert.Single(await app.StoredAnswersAsync(submissionId)).Value);
    }

    private async Task<int> SubmittedWithBestAnswersAsync()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        await app.AnswerRemainingWithBestAsync(director, submissionId);
        await Submissions.SubmitAsync(director, submissionId, None);
        return submissionId;
    }

    private async Task<Dictionary<string, int>> IndicatorIdsAsync(int submissionId, params string[] codes)
    {
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var tree = await Review.GetAsync(reviewer, submissionId, None);
        return tree.Items.Where(i => codes.Contains(i.Code)).ToDictionary(i => i.Code, i => i.IndicatorId);
    }

    private static async Task AssertLockedAsync(Func<Task> change)
    {
        var refused = await Assert.ThrowsAsync<RuleViolationException>(change);
        Assert.Equal("Submission_Locked", refused.Message);
    }
}
