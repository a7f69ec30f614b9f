using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StrategyGov.Testing;

namespace StrategyGov.EndToEnd;

/// <summary>
/// Issue 19 in Chromium: the director of AMN-EAST logs a media inquiry received at 09:00 on a recent Monday,
/// records the first response at 10:00 and the answer at 12:30; the clocks show 1 and 3.5 working hours. The
/// center's league table counts it, and the open submission shows P3.1.1 and P3.1.2 computed with that
/// inquiry among their records.
/// </summary>
public sealed class InquiryJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Topic = "موعد افتتاح جسر الكورنيش الجديد";

    [Fact]
    public Task Journey_DirectorLogsAndAnswers_ClockLeagueAndComputedIndicatorsShowIt() =>
        browser.RunAsync(nameof(Journey_DirectorLogsAndAnswers_ClockLeagueAndComputedIndicatorsShowIt), ScenarioAsync);

    private async Task ScenarioAsync()
    {
        var day = RecentMonday();
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // The director logs the inquiry from the log page.
        var director = await browser.SignInAsync(DemoUsers.DirectorEast);
        await director.GetByTestId("nav-inquiries").ClickAsync();
        await director.WaitForURLAsync("**/inquiries");
        await BrowserFixture.WaitInteractiveAsync(director);
        await Assertions.Expect(director.Locator("h1")).ToHaveTextAsync("الاستفسارات الإعلامية والشكاوى");
        await director.GetByTestId("new-inquiry").ClickAsync();
        var form = director;   // the dialog's fields, on the page
        await form.GetByTestId("topic").FillAsync(Topic);
        await form.GetByTestId("outlet").FillAsync("صحيفة اليوم");
        await form.GetByTestId("requester").FillAsync("فهد الشمري");
        await form.GetByTestId("received-at").FillAsync($"{date}T09:00");
        await form.GetByTestId("inquiry-save").ClickAsync();
        await director.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/inquiries/\d+$"));
        await BrowserFixture.WaitInteractiveAsync(director);
        await Assertions.Expect(director.GetByTestId("inquiry-topic")).ToHaveTextAsync(Topic);

        // The first response, then the answer, each recorded at the time it was sent.
        await RecordAsync(director, "FirstResponse", $"{date}T10:00", "أُبلغ الصحفي بأن الرد قيد الإعداد");
        await Assertions.Expect(director.GetByTestId("inquiry-status")).ToHaveAttributeAsync("data-status", "InProgress");
        await RecordAsync(director, "Answer", $"{date}T12:30", "يُفتتح الجسر في الربع الأول من العام القادم");
        await Assertions.Expect(director.GetByTestId("inquiry-status")).ToHaveAttributeAsync("data-status", "Answered");
        await Assertions.Expect(director.GetByTestId("clock-first-used")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\W*1\W*$"));
        await Assertions.Expect(director.GetByTestId("clock-answer-used")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\W*3\.5\W*$"));
        await Assertions.Expect(director.GetByTestId("clock-answer")).ToHaveAttributeAsync("data-state", "Met");
        await Assertions.Expect(director.GetByTestId("response-text")).ToHaveTextAsync("يُفتتح الجسر في الربع الأول من العام القادم");

        // The center's league table for that day counts it.
        var expected = await EastInquiriesReceivedOnAsync(day);
        var reviewer = await browser.SignInAsync(DemoUsers.Reviewer);
        await reviewer.GetByTestId("nav-inquiry-league").ClickAsync();
        await reviewer.WaitForURLAsync("**/inquiries/league");
        await BrowserFixture.WaitInteractiveAsync(reviewer);
        await reviewer.GetByTestId("league-from").FillAsync(date);
        await reviewer.GetByTestId("league-to").FillAsync(date);
        await reviewer.GetByTestId("league-to").BlurAsync();
        var row = reviewer.GetByTestId("league").Locator("tr", new() { Has = reviewer.GetByTestId("league-AMN-EAST") });
        await Assertions.Expect(row.GetByTestId("volume")).ToHaveTextAsync(expected.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(row.GetByTestId("rank-AMN-EAST")).Not.ToHaveTextAsync("—");

        // The open submission computes P3.1.1 and P3.1.2 from the log, this inquiry among the records.
        var submissionId = await EastOpenSubmissionAsync();
        await browser.GotoAsync(director, $"/submissions/{submissionId}?pillar=P3");
        foreach (var code in new[] { "P3.1.1", "P3.1.2" })
        {
            var computed = director.GetByTestId($"computed-{code}");
            await computed.GetByTestId("computed-records-toggle").ClickAsync();
            await Assertions.Expect(computed.GetByTestId("computed-records")).ToContainTextAsync(Topic);
        }

        await Assertions.Expect(director.GetByTestId("computed-P3.1.1").GetByTestId("computed-records")).ToContainTextAsync("3.5");
    }

    private static async Task RecordAsync(IPage page, string action, string at, string text)
    {
        await page.GetByTestId($"action-{action}").ClickAsync();
        var form = page;
        await form.GetByTestId("action-at").FillAsync(at);
        await form.GetByTestId("action-text").FillAsync(text);
        await form.GetByTestId("action-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-form")).ToHaveCountAsync(0);
    }

    /// <summary>A Monday before today (Riyadh) inside the open period 2026-Q4 of the demo data.</summary>
    private static DateOnly RecentMonday()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh")));
        var day = today.AddDays(-1) < new DateOnly(2026, 12, 31) ? today.AddDays(-1) : new DateOnly(2026, 12, 31);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    private async Task<int> EastInquiriesReceivedOnAsync(DateOnly day)
    {
        var from = DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue).AddHours(-3), DateTimeKind.Utc);
        await using var db = await browser.App.Service<IDbContextFactory<Data.StrategyGovDbContext>>().CreateDbContextAsync();
        return await db.Inquiries.CountAsync(i => i.Institution.Code == "AMN-EAST" && i.ReceivedAt >= from && i.ReceivedAt < from.AddDays(1));
    }

    private async Task<int> EastOpenSubmissionAsync()
    {
        await using var db = await browser.App.Service<IDbContextFactory<Data.StrategyGovDbContext>>().CreateDbContextAsync();
        return await db.Submissions.Where(s => s.Institution.Code == "AMN-EAST" && s.Period.Code == "2026-Q4").Select(s => s.Id).SingleAsync();
    }
}
