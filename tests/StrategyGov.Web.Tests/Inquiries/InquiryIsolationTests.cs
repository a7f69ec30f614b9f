using System.Net;
using System.Net.Http.Headers;
using ClosedXML.Excel;
using StrategyGov.Data.Inquiries;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Inquiries;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;
using static StrategyGov.Web.Tests.Support.InquiryData;

namespace StrategyGov.Web.Tests.Inquiries;

/// <summary>
/// The inquiry log tried as the wrong user (ADR 0002, 0098): another institution's inquiry is not found
/// through the services, the pages, the exports and the attachment download; a role that may not act is
/// refused; the national views are the center's and officials'. AMN-EAST's director logs the inquiry; the
/// Ministry of Health's users try it.
/// </summary>
public sealed class InquiryIsolationTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private const string SecretTopic = "شكوى سرية من حي الشاطئ عن تسرب المياه";

    private static readonly CancellationToken None = CancellationToken.None;

    private InquiryService Inquiries => app.Service<InquiryService>();

    [Fact]
    public async Task Services_AnotherInstitutionsInquiry_IsNotFoundForEveryOperation()
    {
        var id = await EastInquiryAsync();
        var moh = await app.ActorAsync(DemoUsers.DirectorMoh);
        var eastId = await app.InstitutionIdAsync("AMN-EAST");
        var action = new InquiryAction(InquiryActionKind.FirstResponse, Local("2026-11-01 10:00"), null, 0);

        await Assert.ThrowsAsync<NotFoundException>(() => Inquiries.GetAsync(moh, id, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Inquiries.UpdateAsync(moh, id, Form("2026-11-01 09:00", "x"), 0, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Inquiries.ActAsync(moh, id, action, null, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Inquiries.DeleteAsync(moh, id, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Inquiries.OpenAttachmentAsync(moh, id, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Inquiries.ListAsync(moh, new InquiryFilter(InstitutionId: eastId), None));
        await Assert.ThrowsAsync<NotFoundException>(() => Inquiries.LookupsAsync(moh, eastId, None));
        await Assert.ThrowsAsync<NotFoundException>(() => app.Service<InquiryFiguresService>().FiguresAsync(moh, eastId, new InquiryWindow(new(2026, 10, 1), new(2026, 12, 31)), null, None));
        await Assert.ThrowsAsync<NotFoundException>(() => app.Service<InquiryWorkbook>().ExportAsync(moh, new InquiryFilter(InstitutionId: eastId), None));
        Assert.Equal(InquiryStatus.New, (await app.StoredInquiryAsync(id)).Status);
    }

    [Fact]
    public async Task Services_ReadOnlyRoles_ReadButMayNotAct()
    {
        var id = await EastInquiryAsync();
        var action = new InquiryAction(InquiryActionKind.FirstResponse, Local("2026-11-01 10:00"), null, 0);

        foreach (var email in new[] { DemoUsers.Official, DemoUsers.Reviewer, DemoUsers.Admin })
        {
            var actor = await app.ActorAsync(email);
            Assert.Equal(SecretTopic, (await Inquiries.GetAsync(actor, id, None)).Row.Topic);
            Assert.False((await Inquiries.GetAsync(actor, id, None)).CanAct);
            await Assert.ThrowsAsync<AccessDeniedException>(() => Inquiries.ActAsync(actor, id, action, null, None));
            await Assert.ThrowsAsync<AccessDeniedException>(() => Inquiries.UpdateAsync(actor, id, Form("2026-11-01 09:00", "x"), 0, None));
            await Assert.ThrowsAsync<AccessDeniedException>(() => Inquiries.CreateAsync(actor, Form("2026-11-01 09:00", "x"), None));
            await Assert.ThrowsAsync<AccessDeniedException>(() => app.Service<InquiryWorkbook>().ImportAsync(actor, new MemoryStream(), None));
        }
    }

    [Fact]
    public async Task Services_NationalViewsAndSettings_AreRefusedToInstitutions()
    {
        var moh = await app.ActorAsync(DemoUsers.DirectorMoh);
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var settings = app.Service<InquirySettingsService>();
        var window = new InquiryWindow(new(2026, 10, 1), new(2026, 12, 31));

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.Service<InquiryFiguresService>().LeagueAsync(moh, window, new LeagueFilter(), None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.Service<InquiryFiguresService>().FiguresAsync(moh, null, window, null, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => settings.SaveTargetsAsync(moh, [new TargetRow(InquiryKind.MediaInquiry, 60, 120)], None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => settings.SaveCalendarAsync(reviewer, new CalendarInput("Asia/Riyadh", [DayOfWeek.Sunday], new(8, 0), new(15, 0), 60, 420), None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => settings.SaveExceptionAsync(moh, null, new ExceptionInput(new(2026, 12, 20), new(2026, 12, 20), "إجازة", "Holiday", null, null), None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => settings.ImportIcsAsync(reviewer, new MemoryStream(), None));
        Assert.False((await settings.GetAsync(moh, None)).CanEdit);
    }

    [Fact]
    public async Task Page_AnotherInstitutionsInquiry_Is404WithoutItsData()
    {
        var id = await EastInquiryAsync();
        var client = await app.SignedInClientAsync(DemoUsers.DirectorMoh);

        var response = await client.GetAsync($"/inquiries/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(SecretTopic, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_OwnInquiry_ShowsItWithItsClocks()
    {
        var id = await EastInquiryAsync();
        var client = await app.SignedInClientAsync(DemoUsers.DirectorEast);

        var response = await client.GetAsync($"/inquiries/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(SecretTopic, body, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"clock-panel\"", body, StringComparison.Ordinal);
        Assert.Contains("<h1", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_AnotherInstitution_Is404_AndOwnExportHoldsOnlyOwnRows()
    {
        await EastInquiryAsync();
        var eastId = await app.InstitutionIdAsync("AMN-EAST");
        var moh = await app.SignedInClientAsync(DemoUsers.DirectorMoh);
        var east = await app.SignedInClientAsync(DemoUsers.DirectorEast);

        var refused = await moh.GetAsync($"/inquiries/export.xlsx?institutionId={eastId}");
        var own = await east.GetAsync("/inquiries/export.xlsx");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.NotEqual(FileDownload.XlsxContentType, refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var workbook = new XLWorkbook(await own.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(InquiryWorkbook.SheetName);
        var institutionColumn = sheet.Row(1).CellsUsed().Single(c => c.GetString() == "الجهة").Address.ColumnNumber;
        var codes = sheet.RowsUsed().Skip(1).Select(r => r.Cell(institutionColumn).GetString()).Distinct().ToList();
        Assert.Equal(["AMN-EAST"], codes);
        Assert.Contains(sheet.RowsUsed(), r => r.Cells().Any(c => c.GetString() == SecretTopic));
    }

    [Fact]
    public async Task Attachment_OnlyTheInstitutionAndTheCenterDownloadIt()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var id = await app.LogAsync(director, Form("2026-11-01 09:00", "رد بمستند مرفق"));
        var pdf = SampleFiles.Pdf(1500);
        await app.ActAsync(director, id, InquiryActionKind.Answer, "2026-11-01 11:00", attachment: new InquiryAttachment(new MemoryStream(pdf), "الرد الرسمي.pdf"));

        var other = await (await app.SignedInClientAsync(DemoUsers.DirectorMoh)).GetAsync($"/inquiries/{id}/attachment");
        var own = await (await app.SignedInClientAsync(DemoUsers.DirectorEast)).GetAsync($"/inquiries/{id}/attachment");
        var center = await (await app.SignedInClientAsync(DemoUsers.Reviewer)).GetAsync($"/inquiries/{id}/attachment");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(pdf, await own.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", own.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, center.StatusCode);
    }

    [Fact]
    public async Task Answer_AttachmentThatIsNotWhatItsNameSays_IsRefusedAndNothingChanges()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var id = await app.LogAsync(director, Form("2026-11-01 09:00", "مرفق مزيف"));

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            app.ActAsync(director, id, InquiryActionKind.Answer, "2026-11-01 11:00", "الرد", attachment: new InquiryAttachment(new MemoryStream(SampleFiles.Executable()), "الرد.pdf")));

        Assert.Equal("Evidence_TypeNotAllowed", refused.Message);
        Assert.Equal(InquiryStatus.New, (await app.StoredInquiryAsync(id)).Status);
    }

    [Theory]
    [InlineData(DemoUsers.DirectorMoh, "/inquiries/league.xlsx", HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.Official, "/inquiries/template.xlsx", HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.Official, "/inquiries/league.xlsx", HttpStatusCode.OK)]
    [InlineData(DemoUsers.DirectorMoh, "/inquiries/template.xlsx", HttpStatusCode.OK)]
    public async Task Downloads_ByRole(string email, string path, HttpStatusCode expected)
    {
        var client = await app.SignedInClientAsync(email);

        var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
            Assert.True(workbook.Worksheets.Count >= 1);
        }
    }

    [Fact]
    public async Task Downloads_Anonymous_AreNotServed()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/inquiries/export.xlsx");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(FileDownload.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task LeagueExport_Official_HoldsEveryActiveInstitutionAndTheNation()
    {
        var client = await app.SignedInClientAsync(DemoUsers.Official);

        var response = await client.GetAsync("/inquiries/league.xlsx?from=2026-10-01&to=2026-12-31");

        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var rows = workbook.Worksheet(1).RowsUsed().Skip(1).ToList();
        await using var db = await app.DbAsync();
        Assert.Equal(db.Institutions.Count(i => i.IsActive) + 1, rows.Count);
        Assert.Contains(rows, r => r.Cell(2).GetString() == "AMN-EAST");
        Assert.Equal("على المستوى الوطني", rows[^1].Cell(3).GetString());
    }

    private async Task<int> EastInquiryAsync()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        return await app.LogAsync(director, Form("2026-11-01 09:00", SecretTopic, InquiryKind.CitizenComplaint, InquiryChannel.SocialMedia));
    }
}
