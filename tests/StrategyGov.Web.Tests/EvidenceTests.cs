using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Reporting;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>The app with a small evidence limit (64 KB), so oversized uploads stay small in tests.</summary>
public sealed class SmallEvidenceLimitApp : StrategyGovAppFactory
{
    public const long MaxBytes = 64 * 1024;

    public SmallEvidenceLimitApp() => With("Evidence:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// Evidence files and links through the service and the download endpoint: what is accepted, how it
/// is stored, what is refused (and that a refused file leaves nothing in the store), who may download.
/// </summary>
public sealed class EvidenceTests(SmallEvidenceLimitApp app) : IClassFixture<SmallEvidenceLimitApp>
{
    private const string Indicator = "P1.1.1";
    private const string OtherIndicator = "P1.1.3";
    private static readonly CancellationToken None = CancellationToken.None;

    private EvidenceService Evidence => app.Service<EvidenceService>();

    [Fact]
    public async Task Upload_Pdf_IsStoredUnderItsSha256WithItsNameAndDetectedType()
    {
        var (submissionId, indicatorId) = await DraftAsync();
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var content = SampleFiles.Pdf();

        var item = await UploadAsync(director, submissionId, indicatorId, "خطة الاتصال.pdf", content);

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = Path.Combine(app.EvidencePath, hash[..2], hash[2..4], hash);
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
        await using var db = await app.DbAsync();
        var stored = await db.Evidence.SingleAsync(e => e.Id == item.Id);
        Assert.Equal("خطة الاتصال.pdf", stored.FileName);
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.Equal(content.Length, stored.SizeBytes);
        Assert.Equal(hash, stored.Sha256);
        Assert.Equal(director.UserId, stored.UploadedById);
    }

    [Fact]
    public async Task Upload_DocxByAContributor_IsAcceptedAsAWordDocument()
    {
        var (submissionId, indicatorId) = await DraftAsync();
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);

        var item = await UploadAsync(contributor, submissionId, indicatorId, "report.docx", SampleFiles.Docx());

        Assert.Equal(FileSignature.Docx.ContentType, item.ContentType);
    }

    [Fact]
    public async Task Upload_SameContentOnTwoIndicators_IsStoredOnceAndSaysWhereElseItIs()
    {
        var (submissionId, indicatorId) = await DraftAsync();
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var other = await app.Service<SubmissionService>().ItemAsync(director, submissionId, OtherIndicator);
        var content = SampleFiles.Pdf(900);

        var first = await UploadResultAsync(director, submissionId, indicatorId, "a.pdf", content);
        var before = StoreFiles();
        var second = await UploadResultAsync(director, submissionId, other.IndicatorId, "b.pdf", content);

        Assert.Empty(first.AlsoOn);
        Assert.Equal(before, StoreFiles());
        Assert.NotNull(second.Added);
        Assert.Equal(new[] { Indicator }, second.AlsoOn);
        var listed = await Evidence.ListAsync(director, submissionId, None);
        Assert.Single(listed[indicatorId]);
        Assert.Equal("b.pdf", Assert.Single(listed[other.IndicatorId]).FileName);
    }

    [Fact]
    public async Task Upload_SameContentTwiceOnOneAnswer_IsNotAddedAgainAndNamesTheItemThere()
    {
        var (submissionId, indicatorId) = await DraftAsync();
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);
        var content = SampleFiles.Pdf(901);
        await UploadAsync(director, submissionId, indicatorId, "خطة الأزمات.pdf", content);
        await using var db = await app.DbAsync();
        var lastEvent = await db.AuditEvents.MaxAsync(e => e.Sequence);

        var again = await UploadResultAsync(contributor, submissionId, indicatorId, "نسخة أخرى.pdf", content);

        Assert.Null(again.Added);
        Assert.Equal("خطة الأزمات.pdf", again.AlreadyAttachedAs);
        Assert.Empty(again.AlsoOn);
        Assert.Single((await Evidence.ListAsync(director, submissionId, None))[indicatorId]);
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Sequence > lastEvent && e.EntityType == nameof(Data.Reporting.Evidence)));
    }

    [Theory]
    [InlineData("../../x.pdf", "x.pdf")]
    [InlineData("..\\..\\windows\\x.pdf", "x.pdf")]
    [InlineData("/etc/passwd.pdf", "passwd.pdf")]
    [InlineData("..pdf", "pdf.pdf")]
    [InlineData("تقرير\u202Efdp.exe.pdf", "تقرير_fdp.exe.pdf")]
    [InlineData("", "evidence.pdf")]
    [InlineData("بلا امتداد", "بلا امتداد.pdf")]
    public async Task Upload_PathLikeOrOddName_KeepsOnlyASafeFileName(string name, string expected)
    {
        var (submissionId, indicatorId) = await DraftAsync();
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);

        var item = await UploadAsync(director, submissionId, indicatorId, name, SampleFiles.Pdf(700 + name.Length));

        Assert.Equal(expected, item.FileName);
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(app.EvidencePath, "..", "..", "x.pdf"))));
        Assert.All(StoreFiles(), f => Assert.Matches("^[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}$", f));
    }

    [Theory]
    [InlineData("oversized.pdf", "Evidence_TooLarge")]
    [InlineData("empty.pdf", "Evidence_Empty")]
    [InlineData("setup.pdf", "Evidence_TypeNotAllowed")]
    [InlineData("archive.docx", "Evidence_TypeNotAllowed")]
    [InlineData("image.pdf", "Evidence_ExtensionMismatch")]
    public async Task Upload_RefusedFile_NamesTheProblemAndWritesNothing(string name, string expectedKey)
    {
        var (submissionId, indicatorId) = await DraftAsync();
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        byte[] content = name switch
        {
            "oversized.pdf" => SampleFiles.Pdf((int)SmallEvidenceLimitApp.MaxBytes + 1),
            "empty.pdf" => [],
            "setup.pdf" => SampleFiles.Executable(),
            "archive.docx" => SampleFiles.PlainZip(),
            _ => SampleFiles.Png(),
        };
        var before = StoreFiles();

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => UploadAsync(director, submissionId, indicatorId, name, content));

        Assert.Equal(expectedKey, refused.Message);
        Assert.Equal(before, StoreFiles());
        Assert.Empty(await Evidence.ListAsync(director, submissionId, None));
    }

    [Fact]
    public async Task Upload_ExactlyTheLimit_IsAccepted()
    {
        var (submissionId, indicatorId) = await DraftAsync();
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);

        var item = await UploadAsync(director, submissionId, indicatorId, "limit.pdf", SampleFiles.Pdf((int)SmallEvidenceLimitApp.MaxBytes));

        Assert.Equal(SmallEvidenceLimitApp.MaxBytes, item.SizeBytes);
    }

    [Theory]
    [InlineData(DemoUsers.DirectorEast, typeof(NotFoundException))]
    [InlineData(DemoUsers.Reviewer, typeof(AccessDeniedException))]
    [InlineData(DemoUsers.Official, typeof(AccessDeniedException))]
    public async Task Upload_SomeoneOutsideTheInstitution_IsRefusedAndWritesNothing(string email, Type expected)
    {
        var (submissionId, indicatorId) = await DraftAsync();
        var user = await app.ActorAsync(email);
        var before = StoreFiles();

        await Assert.ThrowsAsync(expected, () => UploadAsync(user, submissionId, indicatorId, "x.pdf", SampleFiles.Pdf(1234)));
        await Assert.ThrowsAsync(expected, () => Evidence.AddLinkAsync(user, submissionId, indicatorId, "https://example.gov/x", null, None));

        Assert.Equal(before, StoreFiles());
        await using var db = await app.DbAsync();
        Assert.False(await db.Evidence.AnyAsync(e => e.SubmissionId == submissionId));
    }

    [Fact]
    public async Task UploadAndRemove_SubmittedOrApproved_AreLocked()
    {
        var (submissionId, indicatorId) = await DraftAsync();
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        await app.AnswerRemainingWithBestAsync(director, submissionId);
        await app.Service<SubmissionService>().SubmitAsync(director, submissionId, None);
        await app.Service<ReviewService>().AcceptRemainingAsync(await app.ActorAsync(DemoUsers.Reviewer), submissionId, None);
        await app.Service<ReviewService>().ApproveAsync(await app.ActorAsync(DemoUsers.Reviewer), submissionId, None);
        var existing = (await Evidence.ListAsync(director, submissionId, None))[indicatorId][0];
        var before = StoreFiles();

        var upload = await Assert.ThrowsAsync<RuleViolationException>(() => UploadAsync(director, submissionId, indicatorId, "late.pdf", SampleFiles.Pdf(2222)));
        var link = await Assert.ThrowsAsync<RuleViolationException>(() => Evidence.AddLinkAsync(director, submissionId, indicatorId, "https://example.gov/late", null, None));
        var remove = await Assert.ThrowsAsync<RuleViolationException>(() => Evidence.RemoveAsync(director, existing.Id, None));

        Assert.All(new[] { upload, link, remove }, e => Assert.Equal("Submission_Locked", e.Message));
        Assert.Equal(before, StoreFiles());
        Assert.Contains(existing.Id, (await Evidence.ListAsync(director, submissionId, None))[indicatorId].Select(e => e.Id));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.gov/x")]
    [InlineData("example.gov/report")]
    [InlineData("")]
    public async Task AddLink_NotHttp_IsRefused(string url)
    {
        var (submissionId, indicatorId) = await DraftAsync();
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Evidence.AddLinkAsync(director, submissionId, indicatorId, url, null, None));

        Assert.Equal("Evidence_LinkInvalid", refused.Message);
    }

    [Fact]
    public async Task Remove_WhileDraft_TakesTheItemOffTheAnswer()
    {
        var (submissionId, indicatorId) = await DraftAsync();
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var link = await Evidence.AddLinkAsync(director, submissionId, indicatorId, "https://example.gov/plan", null, None);

        await Evidence.RemoveAsync(director, link.Id, None);

        Assert.Empty(await Evidence.ListAsync(director, submissionId, None));
    }

    [Fact]
    public async Task Submit_WithExpiredOrTooFewEvidence_IsRefusedListingWhatIsMissing()
    {
        var (submissionId, indicatorId) = await DraftAsync();
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        await app.AnswerRemainingWithBestAsync(director, submissionId);
        await using (var db = await app.DbAsync())
        {
            // P1.1.1 needs two items: one expires yesterday, the other is removed.
            var items = await db.Evidence.Where(e => e.SubmissionId == submissionId && e.IndicatorId == indicatorId).ToListAsync();
            items[0].ValidUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
            db.Evidence.Remove(items[1]);
            await db.SaveChangesAsync();
        }

        var refused = await Assert.ThrowsAsync<SubmissionIncompleteException>(() => app.Service<SubmissionService>().SubmitAsync(director, submissionId, None));

        Assert.Equal("Submit_MissingEvidence", refused.Message);
        Assert.Equal($"{Indicator} (0/2)", Assert.Single(refused.Arguments));
        Assert.True((await Evidence.ListAsync(director, submissionId, None))[indicatorId].Single().IsExpired);
        Assert.Equal(SubmissionStatus.Draft, (await app.StoredSubmissionAsync(submissionId)).Status);
    }

    [Fact]
    public async Task Download_OwnInstitution_IsTheFileAsAnAttachmentNeverSniffed()
    {
        var (submissionId, indicatorId) = await DraftAsync();
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var content = SampleFiles.Pdf(3333);
        var item = await UploadAsync(director, submissionId, indicatorId, "خطة الأزمات 2026.pdf", content);
        var client = await app.SignedInClientAsync(DemoUsers.DirectorMoh);

        var response = await client.GetAsync($"/evidence/{item.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("خطة الأزمات 2026.pdf", disposition.FileNameStar);
    }

    [Theory]
    [InlineData(DemoUsers.Reviewer)]
    [InlineData(DemoUsers.Official)]
    [InlineData(DemoUsers.ContributorMoh)]
    public async Task Download_UsersWhoMayReadTheInstitution_Is200(string email)
    {
        var (submissionId, indicatorId) = await DraftAsync();
        var item = await UploadAsync(await app.ActorAsync(DemoUsers.DirectorMoh), submissionId, indicatorId, "x.pdf", SampleFiles.Pdf(4444));
        var client = await app.SignedInClientAsync(email);

        var response = await client.GetAsync($"/evidence/{item.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Download_OtherInstitution_IsNotFoundOverHttpAndInTheService()
    {
        var (submissionId, indicatorId) = await DraftAsync();
        var item = await UploadAsync(await app.ActorAsync(DemoUsers.DirectorMoh), submissionId, indicatorId, "سري.pdf", SampleFiles.Pdf(5555));
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var client = await app.SignedInClientAsync(DemoUsers.DirectorEast);

        var other = await client.GetAsync($"/evidence/{item.Id}");
        var missing = await client.GetAsync($"/evidence/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Null(other.Content.Headers.ContentDisposition);
        await Assert.ThrowsAsync<NotFoundException>(() => Evidence.OpenAsync(east, item.Id, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Evidence.ListAsync(east, submissionId, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Evidence.RemoveAsync(east, item.Id, None));
    }

    [Fact]
    public async Task Download_Anonymous_IsSentToSignIn()
    {
        var (submissionId, indicatorId) = await DraftAsync();
        var item = await UploadAsync(await app.ActorAsync(DemoUsers.DirectorMoh), submissionId, indicatorId, "x.pdf", SampleFiles.Pdf(6666));
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/evidence/{item.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("login", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<(int SubmissionId, int IndicatorId)> DraftAsync()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var item = await app.Service<SubmissionService>().ItemAsync(await app.ActorAsync(DemoUsers.DirectorMoh), submissionId, Indicator);
        return (submissionId, item.IndicatorId);
    }

    private async Task<EvidenceItem> UploadAsync(Actor actor, int submissionId, int indicatorId, string name, byte[] content) =>
        (await UploadResultAsync(actor, submissionId, indicatorId, name, content)).Added!;

    private async Task<EvidenceUpload> UploadResultAsync(Actor actor, int submissionId, int indicatorId, string name, byte[] content)
    {
        using var stream = new MemoryStream(content);
        return await Evidence.UploadAsync(actor, submissionId, indicatorId, name, stream, null, None);
    }

    private List<string> StoreFiles() => SampleFiles.StoreFiles(app.EvidencePath);
}
