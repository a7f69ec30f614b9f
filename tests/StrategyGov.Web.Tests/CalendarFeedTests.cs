using System.Net;
using System.Text;
using ClosedXML.Excel;
using Ical.Net;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Calendar;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The private iCalendar feed read as a calendar client does (anonymous HTTP, parsed back with Ical.Net),
/// its refusal of revoked and guessed tokens, and the Excel export reopened.
/// </summary>
public sealed class CalendarFeedTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private CalendarFeedService Feeds => app.Service<CalendarFeedService>();

    [Fact]
    public async Task Feed_ParsedBack_HoldsWhatTheUserSeesWithArabicAllDayAndUtcTimes()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var token = await Feeds.RegenerateAsync(director, None);
        var calendar = app.Service<CalendarService>();
        var expected = await calendar.RangeAsync(director, calendar.Today.AddDays(-90), calendar.Today.AddDays(400), None);

        var response = await app.CreateClient().GetAsync($"/calendar/feed/{token}.ics");
        var text = await response.Content.ReadAsStringAsync();
        var parsed = Ical.Net.Calendar.Load(text)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected.Count, parsed.Events.Count);
        Assert.DoesNotContain(parsed.Events, e => e.Summary!.Contains("لقاء الموظفين الشهري", StringComparison.Ordinal));

        var flu = parsed.Events.Single(e => e.Uid == $"calendar-entry-{expected.Single(r => r.TitleEn == CalendarData.FluCampaign).Id}@strategygov");
        var fluRow = expected.Single(r => r.TitleEn == CalendarData.FluCampaign);
        Assert.StartsWith("الحملة الوطنية للتطعيم ضد الإنفلونزا الموسمية — وزارة الصحة", flu.Summary, StringComparison.Ordinal);
        Assert.False(flu.DtStart!.HasTime);
        Assert.Equal(fluRow.FirstDay, flu.DtStart.Date);
        Assert.Equal(fluRow.LastDay.AddDays(1), flu.DtEnd!.Date);
        Assert.Equal("CONFIRMED", flu.Status);

        var forumRow = expected.Single(r => r.TitleEn == "Sixth municipal media forum");
        var forum = parsed.Events.Single(e => e.Uid == $"calendar-entry-{forumRow.Id}@strategygov");
        Assert.True(forum.DtStart!.HasTime);
        Assert.True(forum.DtStart.IsUtc);
        Assert.Equal(forumRow.StartsUtc, forum.DtStart.Value);
        Assert.Equal(new TimeOnly(9, 30), TimeOnly.FromDateTime(forumRow.StartsLocal));
        Assert.Equal("الدمام — مركز المعارض", forum.Location);
    }

    [Fact]
    public async Task Feed_RevokedRegeneratedOrGuessedToken_IsNotFound()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var client = app.CreateClient();
        var first = await Feeds.RegenerateAsync(director, None);
        var second = await Feeds.RegenerateAsync(director, None);

        var replaced = await client.GetAsync($"/calendar/feed/{first}.ics");
        var live = await client.GetAsync($"/calendar/feed/{second}.ics");
        await Feeds.RevokeAsync(director, None);
        var revoked = await client.GetAsync($"/calendar/feed/{second}.ics");
        var guessed = await client.GetAsync($"/calendar/feed/{new string('A', 43)}.ics");
        var malformed = await client.GetAsync("/calendar/feed/not-a-token.ics");

        Assert.Equal(HttpStatusCode.NotFound, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Null(await Feeds.TokenCreatedAtAsync(director, None));
    }

    [Fact]
    public async Task Feed_TokenIsStoredOnlyHashed()
    {
        var director = await app.ActorAsync(DemoUsers.ContributorMoh);
        var token = await Feeds.RegenerateAsync(director, None);

        await using var db = await app.DbAsync();
        var stored = db.CalendarFeedTokens.Single(t => t.UserId == director.UserId);

        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(CalendarFeedService.Hash(token), stored.TokenHash);
    }

    [Fact]
    public void Writer_LongArabicAndSpecialCharacters_FoldsAt75OctetsAndParsesBack()
    {
        var summary = string.Concat(Enumerable.Repeat("حملة التوعية الوطنية؛ سلامة, الغذاء\\ ", 6)) + "😀 نهاية";
        var description = "السطر الأول\nالسطر الثاني; مع فاصلة, وشرطة";
        var day = new DateOnly(2026, 12, 24);
        var written = ICalendarWriter.Write("تقويم", "Asia/Riyadh", [new ICalendarEvent("x-1@strategygov", summary, description, null,
            new DateTime(2026, 12, 24, 6, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 24, 9, 0, 0, DateTimeKind.Utc), false, day, day, "CONFIRMED", ["حملة"], new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc))],
            new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc));

        var lines = written.Split("\r\n");
        var parsed = Ical.Net.Calendar.Load(written)!.Events.Single();

        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(lines, line => line.StartsWith(' '));
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(written)));
        Assert.Equal(summary, parsed.Summary);
        Assert.Equal(description, parsed.Description);
        Assert.NotNull(parsed.DtStamp);
    }

    [Fact]
    public async Task ExcelExport_Institution_RightToLeftWithoutOtherInstitutionsDrafts()
    {
        var client = await app.SignedInClientAsync(DemoUsers.DirectorEast);
        var calendar = app.Service<CalendarService>();
        var from = calendar.Today.AddDays(-10);
        var to = calendar.Today.AddDays(120);
        var expected = await calendar.RangeAsync(await app.ActorAsync(DemoUsers.DirectorEast), from, to, None);

        var response = await client.GetAsync($"/calendar/export.xlsx?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheets.First();
        var titles = Enumerable.Range(2, sheet.LastRowUsed().RowNumber() - 1).Select(r => sheet.Cell(r, 2).GetString()).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(sheet.RightToLeft);
        Assert.Equal(expected.Count, titles.Count);
        Assert.Contains("الحملة الوطنية للتطعيم ضد الإنفلونزا الموسمية", titles);
        Assert.DoesNotContain("لقاء الموظفين الشهري مع القيادة", titles);
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 6).DataType);
    }

    [Fact]
    public async Task ExcelExport_Anonymous_IsRefused()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/calendar/export.xlsx?from=2026-01-01&to=2026-12-31");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
