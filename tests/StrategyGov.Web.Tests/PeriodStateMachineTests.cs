using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Periods;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The period state machine (Planned → Open → Closed → Published) and the submission state machine
/// (Draft → Submitted → Returned → Submitted → Approved) through the services: every allowed
/// transition, every refused one, by each role. Each test works on a period of its own.
/// </summary>
public sealed class PeriodStateMachineTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static int _nextYear = 2030;

    private PeriodService Periods => app.Service<PeriodService>();

    private static string NewCode() => $"{Interlocked.Increment(ref _nextYear)}-Q1";

    [Fact]
    public async Task Create_AdminWithValidInput_IsPlannedWithTheConfiguredObjectionWindow()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var code = NewCode();

        var id = await Periods.CreateAsync(admin, await NewPeriodAsync(code.ToLowerInvariant()), None);

        await using var db = await app.DbAsync();
        var period = await db.Periods.SingleAsync(p => p.Id == id);
        Assert.Equal(code, period.Code);
        Assert.Equal(PeriodStatus.Planned, period.Status);
        Assert.Equal(14, period.ObjectionWindowDays);
        Assert.False(await db.Submissions.AnyAsync(s => s.PeriodId == id));
    }

    [Theory]
    [InlineData("2026Q1")]
    [InlineData("Q1-2026")]
    [InlineData("2026-Q5")]
    [InlineData("2026-Q1; DROP")]
    [InlineData("")]
    public async Task Create_MalformedCode_IsRefused(string code)
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(async () => await Periods.CreateAsync(admin, await NewPeriodAsync(code), None));

        Assert.Equal("Period_CodeInvalid", refused.Message);
    }

    [Fact]
    public async Task Create_ExistingCode_IsRefused()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(async () => await Periods.CreateAsync(admin, await NewPeriodAsync(SeededData.OpenPeriod), None));

        Assert.Equal("Period_CodeTaken", refused.Message);
    }

    [Fact]
    public async Task Create_DueAfterClose_IsRefused()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var input = await NewPeriodAsync(NewCode()) with { DueOn = new DateOnly(2031, 5, 1), ClosesOn = new DateOnly(2031, 4, 1) };

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Periods.CreateAsync(admin, input, None));

        Assert.Equal("Period_DatesOrder", refused.Message);
    }

    [Fact]
    public async Task Create_DraftStrategyVersion_IsRefused()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        int draftId;
        await using (var db = await app.DbAsync())
        {
            var draft = new StrategyVersion { Code = "GCS", Version = 99, Status = StrategyStatus.Draft, NameAr = "مسودة", NameEn = "Draft" };
            db.StrategyVersions.Add(draft);
            await db.SaveChangesAsync();
            draftId = draft.Id;
        }

        var input = await NewPeriodAsync(NewCode()) with { StrategyVersionId = draftId };
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Periods.CreateAsync(admin, input, None));

        Assert.Equal("Period_StrategyNotPublished", refused.Message);
    }

    [Theory]
    [InlineData(DemoUsers.Reviewer)]
    [InlineData(DemoUsers.DirectorMoh)]
    [InlineData(DemoUsers.ContributorMoh)]
    [InlineData(DemoUsers.Official)]
    public async Task EveryTransition_NotAnAdmin_IsAccessDeniedAndChangesNothing(string email)
    {
        var user = await app.ActorAsync(email);
        var planned = await PlannedPeriodAsync();
        var open = await OpenPeriodAsync();
        var closed = await ClosedPeriodAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Periods.CreateAsync(user, await NewPeriodAsync(NewCode()), None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Periods.OpenAsync(user, planned, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Periods.CloseAsync(user, open, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Periods.PublishAsync(user, closed, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Periods.ListAllAsync(user, None));

        Assert.Equal(PeriodStatus.Planned, await StatusAsync(planned));
        Assert.Equal(PeriodStatus.Open, await StatusAsync(open));
        Assert.Equal(PeriodStatus.Closed, await StatusAsync(closed));
    }

    [Fact]
    public async Task Open_Planned_CreatesOneDraftForEveryActiveInstitution()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var periodId = await PlannedPeriodAsync();

        var created = await Periods.OpenAsync(admin, periodId, None);

        await using var db = await app.DbAsync();
        var active = await db.Institutions.Where(i => i.IsActive).Select(i => i.Id).OrderBy(i => i).ToListAsync();
        var submissions = await db.Submissions.Where(s => s.PeriodId == periodId).ToListAsync();
        Assert.Equal(PeriodStatus.Open, await StatusAsync(periodId));
        Assert.Equal(active.Count, created);
        Assert.Equal(active, submissions.Select(s => s.InstitutionId).Order());
        Assert.All(submissions, s => Assert.Equal(SubmissionStatus.Draft, s.Status));
    }

    [Fact]
    public async Task Open_AlreadyOpen_CreatesNoDuplicatesOnlyDraftsForNewlyActiveInstitutions()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var periodId = await OpenPeriodAsync();
        await using (var db = await app.DbAsync())
        {
            var moh = await db.Institutions.FirstAsync(i => i.Code == "MOH");
            db.Submissions.RemoveRange(db.Submissions.Where(s => s.PeriodId == periodId && s.InstitutionId == moh.Id));
            await db.SaveChangesAsync();
        }

        var again = await Periods.OpenAsync(admin, periodId, None);
        var third = await Periods.OpenAsync(admin, periodId, None);

        Assert.Equal(1, again);
        Assert.Equal(0, third);
        await using var check = await app.DbAsync();
        var perInstitution = await check.Submissions.Where(s => s.PeriodId == periodId).GroupBy(s => s.InstitutionId).Select(g => g.Count()).ToListAsync();
        Assert.All(perInstitution, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task OpenClosePublish_InOrder_EachMovesOneStep()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var periodId = await PlannedPeriodAsync();

        await Periods.OpenAsync(admin, periodId, None);
        await Periods.CloseAsync(admin, periodId, None);
        await Periods.PublishAsync(admin, periodId, None);

        await using var db = await app.DbAsync();
        var period = await db.Periods.SingleAsync(p => p.Id == periodId);
        Assert.Equal(PeriodStatus.Published, period.Status);
        Assert.NotNull(period.PublishedAt);
    }

    [Fact]
    public async Task RefusedPeriodTransitions_ByAnAdmin_NameTheRuleAndChangeNothing()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var planned = await PlannedPeriodAsync();
        var closed = await ClosedPeriodAsync();
        var published = await PublishedPeriodAsync();

        await AssertRefusedAsync("Period_CannotClose", () => Periods.CloseAsync(admin, planned, None));
        await AssertRefusedAsync("Period_CannotPublish", () => Periods.PublishAsync(admin, planned, None));
        await AssertRefusedAsync("Period_CannotOpen", () => Periods.OpenAsync(admin, closed, None));
        await AssertRefusedAsync("Period_CannotClose", () => Periods.CloseAsync(admin, closed, None));
        await AssertRefusedAsync("Period_CannotOpen", () => Periods.OpenAsync(admin, published, None));
        await AssertRefusedAsync("Period_CannotClose", () => Periods.CloseAsync(admin, published, None));
        await AssertRefusedAsync("Period_CannotPublish", () => Periods.PublishAsync(admin, published, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Periods.OpenAsync(admin, int.MaxValue, None));

        Assert.Equal(PeriodStatus.Planned, await StatusAsync(planned));
        Assert.Equal(PeriodStatus.Closed, await StatusAsync(closed));
        Assert.Equal(PeriodStatus.Published, await StatusAsync(published));
    }

    [Fact]
    public async Task Publish_WithASubmissionAwaitingReview_IsRefusedListingIt()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var periodId = await OpenPeriodAsync();
        var submissionId = await SubmittedAsync(periodId, "MOH");
        await Periods.CloseAsync(admin, periodId, None);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Periods.PublishAsync(admin, periodId, None));

        Assert.Equal("Period_PendingReview", refused.Message);
        Assert.Equal("MOH", Assert.Single(refused.Arguments));
        Assert.Equal(PeriodStatus.Closed, await StatusAsync(periodId));
        Assert.Equal(SubmissionStatus.Submitted, (await app.StoredSubmissionAsync(submissionId)).Status);
    }

    [Fact]
    public async Task SubmissionTransitions_InOrder_DraftSubmittedReturnedSubmittedApproved()
    {
        var periodId = await OpenPeriodAsync();
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var submissionId = await SubmittedAsync(periodId, "MOH");
        var statuses = new List<SubmissionStatus> { (await app.StoredSubmissionAsync(submissionId)).Status };

        await app.Service<ReviewService>().ReturnAsync(reviewer, submissionId, "أكملوا الشواهد", None);
        statuses.Add((await app.StoredSubmissionAsync(submissionId)).Status);
        await app.Service<SubmissionService>().SubmitAsync(director, submissionId, None);
        statuses.Add((await app.StoredSubmissionAsync(submissionId)).Status);
        await app.Service<ReviewService>().AcceptRemainingAsync(reviewer, submissionId, None);
        await app.Service<ReviewService>().ApproveAsync(reviewer, submissionId, None);
        statuses.Add((await app.StoredSubmissionAsync(submissionId)).Status);

        Assert.Equal([SubmissionStatus.Submitted, SubmissionStatus.Returned, SubmissionStatus.Submitted, SubmissionStatus.Approved], statuses);
        Assert.Equal(2, (await app.StoredSubmissionAsync(submissionId)).Round);
    }

    [Theory]
    [InlineData(DemoUsers.ContributorMoh)]
    [InlineData(DemoUsers.Reviewer)]
    [InlineData(DemoUsers.Admin)]
    [InlineData(DemoUsers.Official)]
    public async Task Submit_NotTheInstitutionsDirector_IsAccessDenied(string email)
    {
        var periodId = await OpenPeriodAsync();
        var submissionId = await app.SubmissionIdAsync("MOH", await CodeAsync(periodId));
        await app.AnswerRemainingWithBestAsync(await app.ActorAsync(DemoUsers.DirectorMoh), submissionId);

        await Assert.ThrowsAsync<AccessDeniedException>(async () => await app.Service<SubmissionService>().SubmitAsync(await app.ActorAsync(email), submissionId, None));

        Assert.Equal(SubmissionStatus.Draft, (await app.StoredSubmissionAsync(submissionId)).Status);
    }

    [Theory]
    [InlineData(DemoUsers.DirectorMoh)]
    [InlineData(DemoUsers.ContributorMoh)]
    [InlineData(DemoUsers.Official)]
    public async Task ReturnAndApprove_NotAReviewer_AreAccessDenied(string email)
    {
        var periodId = await OpenPeriodAsync();
        var submissionId = await SubmittedAsync(periodId, "MOH");
        var user = await app.ActorAsync(email);
        var review = app.Service<ReviewService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => review.ReturnAsync(user, submissionId, "رسالة", None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => review.ApproveAsync(user, submissionId, None));

        Assert.Equal(SubmissionStatus.Submitted, (await app.StoredSubmissionAsync(submissionId)).Status);
    }

    [Fact]
    public async Task RefusedSubmissionTransitions_NameTheRule()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var review = app.Service<ReviewService>();
        var periodId = await OpenPeriodAsync();
        var draftId = await app.SubmissionIdAsync("AMN-EAST", await CodeAsync(periodId));
        var submittedId = await SubmittedAsync(periodId, "MOH");

        await AssertRefusedAsync("Review_NotSubmitted", () => review.ReturnAsync(reviewer, draftId, "رسالة", None));
        await AssertRefusedAsync("Review_NotSubmitted", () => review.ApproveAsync(reviewer, draftId, None));
        await AssertRefusedAsync("Submission_Locked", () => app.Service<SubmissionService>().SubmitAsync(director, submittedId, None));
        await review.ReturnAsync(reviewer, submittedId, "أكملوا", None);
        await AssertRefusedAsync("Review_NotSubmitted", () => review.ApproveAsync(reviewer, submittedId, None));
        await AssertRefusedAsync("Review_NotSubmitted", () => review.ReturnAsync(reviewer, submittedId, "مرة أخرى", None));

        // Once the period is closed the institution can no longer submit.
        await Periods.CloseAsync(admin, periodId, None);
        await AssertRefusedAsync("Period_NotOpen", () => app.Service<SubmissionService>().SubmitAsync(director, submittedId, None));
        Assert.Equal(SubmissionStatus.Returned, (await app.StoredSubmissionAsync(submittedId)).Status);
    }

    [Fact]
    public async Task Decide_AfterThePeriodIsPublished_IsRefused()
    {
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var periodId = await OpenPeriodAsync();
        var submissionId = await SubmittedAsync(periodId, "MOH");
        await using (var db = await app.DbAsync())
        {
            await db.Periods.Where(p => p.Id == periodId).ExecuteUpdateAsync(p => p.SetProperty(x => x.Status, PeriodStatus.Published));
        }

        var item = (await app.Service<ReviewService>().GetAsync(reviewer, submissionId, None)).Items.First();
        await AssertRefusedAsync("Period_Published_NoChange", () =>
            app.Service<ReviewService>().DecideAsync(reviewer, submissionId, new DecisionChange(item.IndicatorId, ReviewDecision.Accepted, null, null), None));

        Assert.All(await app.StoredAnswersAsync(submissionId), a => Assert.Null(a.Decision));
    }

    private async Task<NewPeriod> NewPeriodAsync(string code)
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var strategy = (await Periods.PublishedStrategiesAsync(admin, None)).First();
        return new NewPeriod(code, strategy.Id, new DateOnly(2031, 1, 1), new DateOnly(2031, 3, 20), new DateOnly(2031, 3, 31));
    }

    private async Task<int> PlannedPeriodAsync() =>
        await Periods.CreateAsync(await app.ActorAsync(DemoUsers.Admin), await NewPeriodAsync(NewCode()), None);

    private async Task<int> OpenPeriodAsync()
    {
        var id = await PlannedPeriodAsync();
        await Periods.OpenAsync(await app.ActorAsync(DemoUsers.Admin), id, None);
        return id;
    }

    private async Task<int> ClosedPeriodAsync()
    {
        var id = await OpenPeriodAsync();
        await Periods.CloseAsync(await app.ActorAsync(DemoUsers.Admin), id, None);
        return id;
    }

    private async Task<int> PublishedPeriodAsync()
    {
        var id = await ClosedPeriodAsync();
        await Periods.PublishAsync(await app.ActorAsync(DemoUsers.Admin), id, None);
        return id;
    }

    private async Task<int> SubmittedAsync(int periodId, string institutionCode)
    {
        var submissionId = await app.SubmissionIdAsync(institutionCode, await CodeAsync(periodId));
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        await app.AnswerRemainingWithBestAsync(director, submissionId);
        await app.Service<SubmissionService>().SubmitAsync(director, submissionId, None);
        return submissionId;
    }

    private async Task<string> CodeAsync(int periodId)
    {
        await using var db = await app.DbAsync();
        return await db.Periods.Where(p => p.Id == periodId).Select(p => p.Code).SingleAsync();
    }

    private async Task<PeriodStatus> StatusAsync(int periodId)
    {
        await using var db = await app.DbAsync();
        return await db.Periods.Where(p => p.Id == periodId).Select(p => p.Status).SingleAsync();
    }

    private static async Task AssertRefusedAsync(string key, Func<Task> action)
    {
        var refused = await Assert.ThrowsAsync<RuleViolationException>(action);
        Assert.Equal(key, refused.Message);
    }
}
