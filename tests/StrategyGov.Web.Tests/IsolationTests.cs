using System.Net;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// An institution-scoped user never sees, downloads or changes another institution's data
/// (docs/product.md §Users and roles): every way in is tried as the wrong user, through the services
/// and over HTTP. Nothing here changes data when the rules hold, so the tests share one app.
/// </summary>
public sealed class IsolationTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private const string MohNameAr = "وزارة الصحة";
    private const string MohNameEn = "Ministry of Health";
    private const string NotFoundMessage = "الصفحة أو السجل غير موجود.";

    private static readonly CancellationToken None = CancellationToken.None;

    private SubmissionService Submissions => app.Service<SubmissionService>();

    [Fact]
    public async Task GetSubmission_OtherInstitution_IsNotFound()
    {
        var submissionId = await app.SubmissionIdAsync("MOH", SeededData.OpenPeriod);
        var east = await app.ActorAsync(DemoUsers.DirectorEast);

        await Assert.ThrowsAsync<NotFoundException>(() => Submissions.GetAsync(east, submissionId, None));
    }

    [Fact]
    public async Task SaveAnswer_OtherInstitution_IsNotFoundAndNothingStored()
    {
        var submissionId = await app.SubmissionIdAsync("MOH", SeededData.OpenPeriod);
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var item = await Submissions.ItemAsync(await app.ActorAsync(DemoUsers.DirectorMoh), submissionId, "P1.1.1");
        var before = await app.StoredAnswersAsync(submissionId);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            Submissions.SaveAnswerAsync(east, submissionId, Answering.ValueChange(item, 1m), None));

        Assert.Equal(before.Count, (await app.StoredAnswersAsync(submissionId)).Count);
    }

    [Fact]
    public async Task SubmitAsync_OtherInstitution_IsNotFoundAndStaysDraft()
    {
        var submissionId = await app.SubmissionIdAsync("MOH", SeededData.OpenPeriod);
        var east = await app.ActorAsync(DemoUsers.DirectorEast);

        await Assert.ThrowsAsync<NotFoundException>(() => Submissions.SubmitAsync(east, submissionId, None));

        Assert.Equal(SubmissionStatus.Draft, (await app.StoredSubmissionAsync(submissionId)).Status);
    }

    [Fact]
    public async Task ListOwn_Director_ListsOnlyOwnInstitution()
    {
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var eastId = await app.InstitutionIdAsync("AMN-EAST");

        var rows = await Submissions.ListOwnAsync(east, None);

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(eastId, r.InstitutionId));
    }

    [Theory]
    [InlineData(DemoUsers.DirectorEast, SeededData.OpenPeriod)]
    [InlineData(DemoUsers.DirectorEast, SeededData.PublishedPeriod)]
    [InlineData(DemoUsers.ContributorMoh, SeededData.PublishedPeriod)]
    public async Task GetInstitutionScores_OtherInstitution_IsNotFound(string email, string periodCode)
    {
        var other = email == DemoUsers.DirectorEast ? "MOH" : "AMN-EAST";
        var institutionId = await app.InstitutionIdAsync(other);
        var periodId = await app.PeriodIdAsync(periodCode);
        var user = await app.ActorAsync(email);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            app.Service<ScoreService>().GetInstitutionAsync(user, institutionId, periodId, None));
    }

    [Theory]
    [InlineData(DemoUsers.DirectorEast)]
    [InlineData(DemoUsers.DirectorMoh)]
    [InlineData(DemoUsers.ContributorMoh)]
    public async Task GetPeriodScores_InstitutionUser_IsAccessDenied(string email)
    {
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var user = await app.ActorAsync(email);

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.Service<ScoreService>().GetPeriodAsync(user, periodId, None));
    }

    [Theory]
    [InlineData(DemoUsers.Official)]
    [InlineData(DemoUsers.Reviewer)]
    public async Task GetPeriodScores_CenterOrOfficial_SeesEveryInstitution(string email)
    {
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var user = await app.ActorAsync(email);

        var scores = await app.Service<ScoreService>().GetPeriodAsync(user, periodId, None);

        Assert.Equal(32, scores.Board.Entries.Count); // the 33 seeded institutions less the inactive one
    }

    [Theory]
    [InlineData(DemoUsers.DirectorEast)]
    [InlineData(DemoUsers.DirectorMoh)]
    [InlineData(DemoUsers.ContributorMoh)]
    [InlineData(DemoUsers.Official)]
    public async Task Review_NonCenterUser_IsAccessDeniedEverywhere(string email)
    {
        var submission = await AnySubmittedAsync();
        var user = await app.ActorAsync(email);
        var review = app.Service<ReviewService>();
        var decision = new DecisionChange(submission.IndicatorId, ReviewDecision.Accepted, null, null);

        await Assert.ThrowsAsync<AccessDeniedException>(() => review.QueueAsync(user, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => review.GetAsync(user, submission.Id, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => review.DecideAsync(user, submission.Id, decision, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => review.AcceptRemainingAsync(user, submission.Id, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => review.ApproveAsync(user, submission.Id, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => review.ReturnAsync(user, submission.Id, "رسالة", None));

        var stored = await app.StoredSubmissionAsync(submission.Id);
        Assert.Equal(SubmissionStatus.Submitted, stored.Status);
        Assert.All(await app.StoredAnswersAsync(submission.Id), a => Assert.Null(a.Decision));
    }

    [Fact]
    public async Task SubmissionPage_OtherInstitution_Is404WithoutItsData()
    {
        var submissionId = await app.SubmissionIdAsync("MOH", SeededData.OpenPeriod);
        var client = await app.SignedInClientAsync(DemoUsers.DirectorEast);

        var response = await client.GetAsync($"/submissions/{submissionId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(MohNameAr, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmissionPage_OtherInstitution_LooksLikeAMissingOne()
    {
        var submissionId = await app.SubmissionIdAsync("MOH", SeededData.OpenPeriod);
        var client = await app.SignedInClientAsync(DemoUsers.DirectorEast);

        var other = await client.GetAsync($"/submissions/{submissionId}");
        var missing = await client.GetAsync($"/submissions/{int.MaxValue}");

        // Nothing tells "someone else's" from "absent": same status, same not-found message.
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(missing.StatusCode, other.StatusCode);
        Assert.Contains(NotFoundMessage, await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(NotFoundMessage, await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_Director_ShowsOwnInstitutionOnly()
    {
        var client = await app.SignedInClientAsync(DemoUsers.DirectorEast);

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("أمانة المنطقة الشرقية", body, StringComparison.Ordinal);
        Assert.DoesNotContain(MohNameAr, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmissionPage_OwnInstitution_Is200()
    {
        var submissionId = await app.SubmissionIdAsync("MOH", SeededData.OpenPeriod);
        var client = await app.SignedInClientAsync(DemoUsers.DirectorMoh);

        var response = await client.GetAsync($"/submissions/{submissionId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(MohNameAr, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SeededData.OpenPeriod)]
    [InlineData(SeededData.PublishedPeriod)]
    public async Task ScorePage_OtherInstitution_Is404WithoutItsData(string periodCode)
    {
        var mohId = await app.InstitutionIdAsync("MOH");
        var periodId = await app.PeriodIdAsync(periodCode);
        var client = await app.SignedInClientAsync(DemoUsers.DirectorEast);

        var response = await client.GetAsync($"/institutions/{mohId}/periods/{periodId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(MohNameAr, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task ReportPdf_OtherInstitution_Is404(string lang)
    {
        var url = await MohReportUrlAsync(lang);
        var client = await app.SignedInClientAsync(DemoUsers.DirectorEast);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(MohNameAr, body, StringComparison.Ordinal);
        Assert.DoesNotContain(MohNameEn, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoUsers.DirectorMoh)]
    [InlineData(DemoUsers.ContributorMoh)]
    [InlineData(DemoUsers.Official)]
    [InlineData(DemoUsers.Reviewer)]
    public async Task ReportPdf_OwnInstitutionOrReadAll_IsPdf(string email)
    {
        var url = await MohReportUrlAsync("ar");
        var client = await app.SignedInClientAsync(email);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync(), 0, 5), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPdf_Anonymous_RedirectsToSignIn()
    {
        var url = await MohReportUrlAsync("ar");
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData(DemoUsers.DirectorMoh)]
    [InlineData(DemoUsers.DirectorEast)]
    [InlineData(DemoUsers.Official)]
    public async Task ReviewQueuePage_NonReviewer_RedirectsToAccessDenied(string email)
    {
        var client = await app.SignedInClientAsync(email);

        var response = await client.GetAsync("/review");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location?.AbsolutePath);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("review-queue", body, StringComparison.Ordinal);
        Assert.DoesNotContain(MohNameAr, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewPage_Director_RedirectsToAccessDeniedWithoutTheSubmission()
    {
        var submissionId = await app.SubmissionIdAsync("MOH", SeededData.OpenPeriod);
        var client = await app.SignedInClientAsync(DemoUsers.DirectorMoh);

        var response = await client.GetAsync($"/review/{submissionId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location?.AbsolutePath);
        Assert.DoesNotContain(MohNameAr, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewQueuePage_Reviewer_ShowsTheQueue()
    {
        var client = await app.SignedInClientAsync(DemoUsers.Reviewer);

        var response = await client.GetAsync("/review");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("review-queue", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> MohReportUrlAsync(string lang)
    {
        var mohId = await app.InstitutionIdAsync("MOH");
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        return $"/reports/institutions/{mohId}/periods/{periodId}/report.pdf?lang={lang}";
    }

    // A submitted (not yet reviewed) 2026-Q4 submission of the seeded demo mix: if a check were missing,
    // every review call on it would succeed.
    private async Task<(int Id, int IndicatorId)> AnySubmittedAsync()
    {
        await using var db = await app.DbAsync();
        var submitted = db.Submissions
            .Where(s => s.Period.Code == SeededData.OpenPeriod && s.Status == SubmissionStatus.Submitted && s.Answers.Any())
            .OrderBy(s => s.Institution.Code)
            .Select(s => new { s.Id, IndicatorId = s.Answers.Select(a => a.IndicatorId).First() })
            .First();
        return (submitted.Id, submitted.IndicatorId);
    }
}
