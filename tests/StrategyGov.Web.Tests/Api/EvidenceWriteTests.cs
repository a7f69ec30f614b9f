using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Api;

/// <summary>
/// Evidence through /api/v1 (ADR 0110): files and links on the institution's open draft with the answer page's
/// rules (size, type by content, duplicates by SHA-256), read back byte for byte, audited under the token;
/// another institution's submission 404, a read-only token 403, a submitted one 409 in the caller's language;
/// an Idempotency-Key replays a repeated upload whatever its multipart boundary.
/// </summary>
public sealed class EvidenceWriteTests(SmallEvidenceLimitApp app) : IClassFixture<SmallEvidenceLimitApp>
{
    private const string Indicator = "P1.1.1";

    [Fact]
    public async Task Upload_ArabicNamedPdf_Is201_ReadBackByteForByte_AuditedUnderTheToken()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var token = await app.TokenAsync(ApiScopes.EvidenceWrite, "MOH");
        var client = app.Bearer(token.Token);
        var content = SampleFiles.Pdf(1234);

        var response = await client.PostAsync(Url(submissionId), Form(Indicator.ToLowerInvariant(), "خطة الاتصال ٢٠٢٦.pdf", content, "٢٠٢٧-١٢-٣١"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = await response.BodyAsync();
        var evidence = body.RootElement.GetProperty("evidence");
        var id = evidence.GetProperty("id").GetString()!;
        Assert.True(body.RootElement.GetProperty("added").GetBoolean());
        Assert.Equal(Indicator, body.RootElement.GetProperty("indicator").GetString());
        Assert.Equal($"/api/v1/evidence/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(("خطة الاتصال ٢٠٢٦.pdf", "application/pdf", "2027-12-31", token.Row.Name), (
            evidence.GetProperty("fileName").GetString(), evidence.GetProperty("contentType").GetString(),
            evidence.GetProperty("validUntil").GetString(), evidence.GetProperty("uploadedBy").GetString()));

        var file = await client.GetAsync($"/api/v1/evidence/{id}/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(content, await file.Content.ReadAsByteArrayAsync());
        using var read = await (await client.GetAsync(response.Headers.Location)).BodyAsync();
        Assert.Equal(token.Row.Name, read.RootElement.GetProperty("uploadedBy").GetString());
        using var list = await (await client.GetAsync($"/api/v1/submissions/{submissionId}/evidence")).BodyAsync();
        Assert.Contains(list.RootElement.EnumerateArray(), e => e.GetProperty("id").GetString() == id);

        await using var db = await app.DbAsync();
        var stored = await db.Evidence.AsNoTracking().SingleAsync(e => e.Id == Guid.Parse(id));
        Assert.Equal((null, token.Row.Id), (stored.UploadedById, stored.UploadedByApiTokenId));
        var audit = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityType == nameof(Data.Reporting.Evidence) && e.EntityKey == id);
        Assert.Equal((Actor.ApiTokenUserId(token.Row.Id), token.Row.Name), (audit.ActorUserId, audit.ActorName));
    }

    [Fact]
    public async Task Upload_OtherInstitutionsSubmission_Is404_ReadOnlyToken_Is403_NothingStored()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var before = await EvidenceCountAsync(submissionId);

        var other = await app.Bearer((await app.TokenAsync(ApiScopes.EvidenceWrite, "AMN-EAST")).Token).PostAsync(Url(submissionId), Form(Indicator, "x.pdf", SampleFiles.Pdf(700)));
        var readOnly = await app.Bearer((await app.TokenAsync(ApiScopes.EvidenceRead, "MOH")).Token).PostAsync(Url(submissionId), Form(Indicator, "x.pdf", SampleFiles.Pdf(701)));
        var otherLink = await app.Bearer((await app.TokenAsync(ApiScopes.EvidenceWrite, "AMN-EAST")).Token).PostAsync(Url(submissionId) + "/links", Link("https://example.gov/plan"));
        var answersOnly = await app.Bearer((await app.TokenAsync(ApiScopes.AnswersWrite, "MOH")).Token).PostAsync(Url(submissionId), Form(Indicator, "x.pdf", SampleFiles.Pdf(702)));

        Assert.Equal(
            (HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.Forbidden),
            (other.StatusCode, readOnly.StatusCode, otherLink.StatusCode, answersOnly.StatusCode));
        Assert.Equal(before, await EvidenceCountAsync(submissionId));
    }

    [Fact]
    public async Task Delete_OtherInstitutionsEvidence_Is404_ReadOnly_Is403_TheOwnersDeleteIs204()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var owner = app.Bearer((await app.TokenAsync(ApiScopes.EvidenceWrite, "MOH")).Token);
        var created = await owner.PostAsync(Url(submissionId) + "/links", Link("https://moh.gov.sa/plan"));
        var location = created.Headers.Location!;

        var other = await app.Bearer((await app.TokenAsync(ApiScopes.EvidenceWrite, "AMN-EAST")).Token).DeleteAsync(location);
        var readOnly = await app.Bearer((await app.TokenAsync(ApiScopes.EvidenceRead, "MOH")).Token).DeleteAsync(location);
        var deleted = await owner.DeleteAsync(location);
        var after = await owner.GetAsync(location);

        Assert.Equal(
            (HttpStatusCode.Created, HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.NoContent, HttpStatusCode.NotFound),
            (created.StatusCode, other.StatusCode, readOnly.StatusCode, deleted.StatusCode, after.StatusCode));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task Writes_OnASubmittedSubmission_Are409InTheCallersLanguage_NothingChanged(string language)
    {
        var submissionId = await app.SubmittedAsync("MOH", DemoUsers.DirectorMoh);
        var client = app.Bearer((await app.TokenAsync(ApiScopes.EvidenceWrite, "MOH")).Token, language);
        var existing = await FirstEvidenceAsync(submissionId);
        var before = await EvidenceCountAsync(submissionId);

        var upload = await client.PostAsync(Url(submissionId), Form(Indicator, "late.pdf", SampleFiles.Pdf(703)));
        var link = await client.PostAsync(Url(submissionId) + "/links", Link("https://moh.gov.sa/late"));
        var delete = await client.DeleteAsync($"/api/v1/evidence/{existing}");

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict), (upload.StatusCode, link.StatusCode, delete.StatusCode));
        foreach (var response in new[] { upload, link, delete })
        {
            using var body = await response.BodyAsync();
            var message = body.RootElement.GetProperty("message").GetString()!;
            Assert.Equal(language == "ar" ? "لم يعد بالإمكان تعديل هذا التقييم." : "This self-report can no longer be changed.", message);
        }

        Assert.Equal(before, await EvidenceCountAsync(submissionId));
    }

    [Theory]
    [InlineData("zip", "en", "This file type is not accepted as evidence.")]
    [InlineData("html", "en", "This file type is not accepted as evidence.")]
    [InlineData("docx", "en", "The file's name ends in .pdf but its content is a .docx file.")]
    [InlineData("html", "ar", "نوع هذا الملف غير مقبول شاهدًا.")]
    public async Task Upload_PdfThatIsNotAPdf_Is422WithWhy_NothingStored(string really, string language, string expected)
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var client = app.Bearer((await app.TokenAsync(ApiScopes.EvidenceWrite, "MOH")).Token, language);
        var content = really switch
        {
            "zip" => SampleFiles.PlainZip(),
            "docx" => SampleFiles.Docx(),
            _ => "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"u8.ToArray(),
        };
        var storeBefore = SampleFiles.StoreFiles(app.EvidencePath);

        var response = await client.PostAsync(Url(submissionId), Form(Indicator, "الخطة المعتمدة.pdf", content));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var body = await response.BodyAsync();
        Assert.StartsWith(expected, body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await EvidenceCountAsync(submissionId));
        Assert.Equal(storeBefore, SampleFiles.StoreFiles(app.EvidencePath));
    }

    [Fact]
    public async Task Upload_TooBig_Is413WithTheLimit_UnknownIndicator_Is422NamingIt()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var client = app.Bearer((await app.TokenAsync(ApiScopes.EvidenceWrite, "MOH")).Token, "en");

        var tooBig = await client.PostAsync(Url(submissionId), Form(Indicator, "big.pdf", SampleFiles.Pdf((int)SmallEvidenceLimitApp.MaxBytes + 1)));
        var unknown = await client.PostAsync(Url(submissionId), Form("P9.9.9", "plan.pdf", SampleFiles.Pdf(704)));
        var noFile = await client.PostAsync(Url(submissionId), new MultipartFormDataContent { { new StringContent(Indicator), "indicator" } });
        var badDate = await client.PostAsync(Url(submissionId), Form(Indicator, "plan.pdf", SampleFiles.Pdf(705), "31/12/2027"));

        Assert.Equal(
            (HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity),
            (tooBig.StatusCode, unknown.StatusCode, noFile.StatusCode, badDate.StatusCode));
        Assert.StartsWith("The file is larger than the", await MessageAsync(tooBig), StringComparison.Ordinal);
        Assert.Contains("P9.9.9", await MessageAsync(unknown), StringComparison.Ordinal);
        Assert.Contains("\"file\"", await MessageAsync(noFile), StringComparison.Ordinal);
        Assert.Contains("31/12/2027", await MessageAsync(badDate), StringComparison.Ordinal);
        Assert.Equal(0, await EvidenceCountAsync(submissionId));
    }

    [Fact]
    public async Task Upload_SameFileTwiceOnOneAnswer_SecondIsNotAdded_AndSaysUnderWhichName()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var client = app.Bearer((await app.TokenAsync(ApiScopes.EvidenceWrite, "MOH")).Token, "ar");
        var content = SampleFiles.Pdf(1500);

        var first = await client.PostAsync(Url(submissionId), Form(Indicator, "خطة الأزمات.pdf", content));
        var second = await client.PostAsync(Url(submissionId), Form(Indicator, "نسخة أخرى.pdf", content));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Null(second.Headers.Location);
        using var body = await second.BodyAsync();
        Assert.False(body.RootElement.GetProperty("added").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("evidence").ValueKind);
        Assert.Equal("خطة الأزمات.pdf", body.RootElement.GetProperty("alreadyAttachedAs").GetString());
        Assert.Equal("هذا الملف مرفق بهذه الإجابة من قبل (باسم خطة الأزمات.pdf)، فلم يُضف مرة أخرى.", body.RootElement.GetProperty("message").GetString());
        Assert.Equal(1, await EvidenceCountAsync(submissionId));
    }

    [Fact]
    public async Task Upload_SameIdempotencyKey_AnotherBoundary_ReplaysTheFirstAnswer_AnotherFileIs422()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var client = app.Bearer((await app.TokenAsync(ApiScopes.EvidenceWrite, "MOH")).Token);
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var content = SampleFiles.Pdf(1600);

        var first = await client.PostAsync(Url(submissionId), Form(Indicator, "خطة.pdf", content));
        var replay = await client.PostAsync(Url(submissionId), Form(Indicator, "خطة.pdf", content));
        var another = await client.PostAsync(Url(submissionId), Form(Indicator, "خطة.pdf", SampleFiles.Pdf(1601)));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity), (first.StatusCode, replay.StatusCode, another.StatusCode));
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(1, await EvidenceCountAsync(submissionId));
    }

    [Fact]
    public async Task Link_WithTitle_Is201AndReadBack_NotHttp_Is422()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var client = app.Bearer((await app.TokenAsync(ApiScopes.EvidenceWrite, "MOH")).Token);

        var created = await client.PostAsync(Url(submissionId) + "/links", Link("https://moh.gov.sa/ar/plan", "خطة الاتصال المعتمدة"));
        var refused = await client.PostAsync(Url(submissionId) + "/links", Link("javascript:alert(1)"));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity), (created.StatusCode, refused.StatusCode));
        using var read = await (await client.GetAsync(created.Headers.Location)).BodyAsync();
        Assert.Equal(("Link", "https://moh.gov.sa/ar/plan", "خطة الاتصال المعتمدة", "2027-06-30"), (
            read.RootElement.GetProperty("kind").GetString(), read.RootElement.GetProperty("url").GetString(),
            read.RootElement.GetProperty("title").GetString(), read.RootElement.GetProperty("validUntil").GetString()));
        Assert.Equal(1, await EvidenceCountAsync(submissionId));
    }

    private static string Url(int submissionId) => $"/api/v1/submissions/{submissionId}/evidence";

    private static MultipartFormDataContent Form(string indicator, string fileName, byte[] content, string? validUntil = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(indicator), "indicator" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        if (validUntil is not null)
        {
            form.Add(new StringContent(validUntil), "validUntil");
        }

        return form;
    }

    private static StringContent Link(string url, string? title = null) =>
        new(JsonSerializer.Serialize(new { indicator = Indicator, url, title, validUntil = "2027-06-30" }), Encoding.UTF8, "application/json");

    private static async Task<string> MessageAsync(HttpResponseMessage response)
    {
        using var body = await response.BodyAsync();
        return body.RootElement.GetProperty("message").GetString()!;
    }

    private async Task<int> EvidenceCountAsync(int submissionId)
    {
        await using var db = await app.DbAsync();
        return await db.Evidence.CountAsync(e => e.SubmissionId == submissionId);
    }

    private async Task<Guid> FirstEvidenceAsync(int submissionId)
    {
        await using var db = await app.DbAsync();
        return await db.Evidence.Where(e => e.SubmissionId == submissionId).Select(e => e.Id).FirstAsync();
    }
}
