using System.Globalization;
using System.Net;
using ClosedXML.Excel;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Council;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Tests.Support;
using Xunit.Abstractions;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The council's pages and downloads over HTTP as real users: the minutes PDF read back with pdftotext in
/// both languages, the invite parsed as a calendar client would, the decisions workbook reopened, files
/// served as attachments; and each of them refused to another institution (404, without its data) and to
/// a role that may not (403).
/// </summary>
public sealed class CouncilHttpTests(StrategyGovAppFactory app, ITestOutputHelper output) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<(int MeetingId, Guid AttachmentId, Guid EvidenceId, int OwnerId)> MohOnlyMeetingAsync()
    {
        var center = await app.ActorAsync(DemoUsers.Reviewer);
        var (meetingId, itemId) = await app.ScheduleAsync(center, $"Ministry of Health only {Guid.NewGuid():N}", "MOH");
        var decisionId = await app.DecideAsync(center, meetingId, itemId, 4, "MOH");
        var attachment = await app.Service<CouncilFileService>().AttachAsync(center, meetingId, new IncomingFile("العرض التقديمي.pdf", new MemoryStream(SampleFiles.Pdf())), None);
        await app.HoldAndCloseAsync(center, meetingId);
        var ownerId = await app.OwnerIdAsync(decisionId, "MOH");
        var decisions = app.Service<CouncilDecisionService>();
        await decisions.ReportAsync(await app.ActorAsync(DemoUsers.DirectorMoh), ownerId, new ProgressForm { Text = "شاهد" }, [new IncomingFile("شاهد.png", new MemoryStream(SampleFiles.Png()))], None);
        var evidenceId = (await decisions.GetAsync(center, ownerId, None)).Notes.Single().Files.Single().Id;
        return (meetingId, attachment.Id, evidenceId, ownerId);
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task MinutesPdf_InvitedDirector_ReadsAgendaAttendanceAndDecisionsWithOwnersAndDueDates(string language)
    {
        var tenth = await app.MeetingIdAsync(CouncilData.TenthTitleEn);
        var meeting = await app.Service<CouncilMeetingService>().GetAsync(await app.ActorAsync(DemoUsers.Reviewer), tenth, None);
        var client = await app.SignedInClientAsync(DemoUsers.DirectorMoh);

        var response = await client.GetAsync($"/council/meetings/{tenth}/minutes.pdf?lang={language}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FileDownload.PdfContentType, response.Content.Headers.ContentType?.MediaType);
        var text = Bidi.Strip(await PdfTools.TextAsync(await response.Content.ReadAsByteArrayAsync()));
        output.WriteLine(text);
        var arabic = language == "ar";
        Assert.Contains(arabic ? "محضر الاجتماع" : "Meeting minutes", text, StringComparison.Ordinal);
        Assert.Contains(arabic ? CouncilData.TenthTitleAr : CouncilData.TenthTitleEn, text, StringComparison.Ordinal);
        Assert.Contains(arabic ? "تقارير الرصد الإعلامي الشهرية" : "Monthly media monitoring reports", text, StringComparison.Ordinal);
        Assert.Contains(arabic ? "أمانة المنطقة الشرقية" : "Eastern Province Municipality", text, StringComparison.Ordinal);
        Assert.Contains(arabic ? "غائب" : "Absent", text, StringComparison.Ordinal);
        Assert.Contains(arabic ? "رفع تقرير رصد إعلامي شهري" : "Send a monthly media monitoring report", text, StringComparison.Ordinal);
        Assert.Contains("10/1", text, StringComparison.Ordinal);
        Assert.Contains(meeting.Decisions[0].DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains(arabic ? "هـ" : "AH", text, StringComparison.Ordinal);
        if (arabic)
        {
            Assert.DoesNotContain("Monthly media monitoring reports", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Downloads_AnotherInstitutionsDirector_Are404WithoutTheirData()
    {
        var (meetingId, attachmentId, evidenceId, ownerId) = await MohOnlyMeetingAsync();
        var east = await app.SignedInClientAsync(DemoUsers.DirectorEast);

        foreach (var path in new[]
        {
            $"/council/meetings/{meetingId}/minutes.pdf?lang=ar",
            $"/council/meetings/{meetingId}/invite.ics",
            $"/council/files/{attachmentId}",
            $"/council/files/{evidenceId}",
            $"/council/meetings/{meetingId}",
            $"/council/assignments/{ownerId}",
        })
        {
            var response = await east.GetAsync(path);

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Ministry of Health only", body, StringComparison.Ordinal);
            Assert.DoesNotContain("تسجيل حملات الربع القادم", body, StringComparison.Ordinal);
        }

        var xlsx = await east.GetAsync($"/council/decisions.xlsx?meeting={meetingId}");
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Single(workbook.Worksheets.Single().RowsUsed());
    }

    [Fact]
    public async Task Files_TheirReaders_GetThemAsAttachmentsThatAreNeverRun()
    {
        var (meetingId, attachmentId, evidenceId, _) = await MohOnlyMeetingAsync();
        var contributor = await app.SignedInClientAsync(DemoUsers.ContributorMoh);
        var official = await app.SignedInClientAsync(DemoUsers.Official);

        var attachment = await contributor.GetAsync($"/council/files/{attachmentId}");
        var evidence = await official.GetAsync($"/council/files/{evidenceId}");

        Assert.Equal(HttpStatusCode.OK, attachment.StatusCode);
        Assert.Equal("application/pdf", attachment.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", attachment.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("العرض التقديمي.pdf", attachment.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", attachment.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox", attachment.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.OK, evidence.StatusCode);
        Assert.Equal("image/png", evidence.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await contributor.GetAsync($"/council/files/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync($"/council/meetings/{meetingId}")).StatusCode);
    }

    [Fact]
    public async Task Invite_ParsedBack_IsTheMeetingInUtcWithTheCalendarFeedsUid()
    {
        var eleventh = await app.MeetingIdAsync("Eleventh periodic meeting of media directors");
        var meeting = await app.Service<CouncilMeetingService>().GetAsync(await app.ActorAsync(DemoUsers.Reviewer), eleventh, None);
        var client = await app.SignedInClientAsync(DemoUsers.DirectorEast);

        var arabic = await client.GetAsync($"/council/meetings/{eleventh}/invite.ics");
        var english = await client.GetAsync($"/council/meetings/{eleventh}/invite.ics?lang=en");

        Assert.Equal(HttpStatusCode.OK, arabic.StatusCode);
        Assert.Equal("text/calendar", arabic.Content.Headers.ContentType?.MediaType);
        var parsed = Ical.Net.Calendar.Load(await arabic.Content.ReadAsStringAsync())!.Events.Single();
        Assert.Equal($"council-meetings-{eleventh}@strategygov", parsed.Uid);
        Assert.Equal("الاجتماع الدوري الحادي عشر لمديري الإعلام", parsed.Summary);
        Assert.True(parsed.DtStart!.IsUtc);
        Assert.Equal(meeting.StartsUtc, parsed.DtStart.Value);
        Assert.Equal(meeting.StartsUtc.AddMinutes(150), parsed.DtEnd!.Value);
        Assert.Contains("متابعة قرارات الاجتماعين التاسع والعاشر", parsed.Description, StringComparison.Ordinal);
        Assert.Equal("CONFIRMED", parsed.Status);
        var parsedEnglish = Ical.Net.Calendar.Load(await english.Content.ReadAsStringAsync())!.Events.Single();
        Assert.Equal("Eleventh periodic meeting of media directors", parsedEnglish.Summary);
    }

    [Fact]
    public async Task DecisionsWorkbook_Official_ReopensWithEveryInstitutionsRows_InEnglishLeftToRight()
    {
        var client = await app.SignedInClientAsync(DemoUsers.Official);
        await client.GetAsync("/culture/en?returnUrl=/");

        var response = await client.GetAsync("/council/decisions.xlsx?overdue=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FileDownload.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheets.Single();
        Assert.False(sheet.RightToLeft);
        Assert.Equal("Ref.", sheet.Cell(1, 1).GetString());
        var rows = sheet.RowsUsed().Skip(1).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Yes", r.Cell(12).GetString()));
        Assert.Contains(rows, r => r.Cell(6).GetString() == "AMN-EAST");
        Assert.Equal(XLDataType.DateTime, rows[0].Cell(8).DataType);
    }

    [Theory]
    [InlineData("/council")]
    [InlineData("/council/decisions")]
    public async Task Pages_Director_Are200WithALevelOneHeadingAndOwnDataOnly(string path)
    {
        var client = await app.SignedInClientAsync(DemoUsers.DirectorEast);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1", body, StringComparison.Ordinal);
        Assert.Contains("مجلس", body, StringComparison.Ordinal);
    }
}
