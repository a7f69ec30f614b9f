using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StrategyGov.Data;
using StrategyGov.Testing;

namespace StrategyGov.EndToEnd;

/// <summary>
/// Media relations and campaigns in Chromium (ADR 0099): the Ministry of Health's director logs a press
/// conference with two journalists and its coverage, writes a campaign plan with a SMART objective, links a
/// calendar entry to it, launches, completes and evaluates it; the calendar shows the campaign; the center
/// sees who deals with whom; and MOH's open submission shows P3.2.1 and P8.3.2 computed from these records.
/// </summary>
public sealed class MediaRelationsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Topic = "مؤتمر صحفي لإعلان نتائج المسح الصحي الوطني";
    private const string CampaignAr = "حملة التوعية بنتائج المسح الصحي";
    private const string CampaignEn = "National health survey awareness campaign";
    private const string StaffMeeting = "Monthly staff meeting with leadership";

    [Fact]
    public Task Media_DirectorLogsAndPlans_CenterSeesWhoDealsWithWhom_IndicatorsFollow() =>
        browser.RunAsync(nameof(Media_DirectorLogsAndPlans_CenterSeesWhoDealsWithWhom_IndicatorsFollow), ScenarioAsync);

    private async Task ScenarioAsync()
    {
        var (salim, maryam, staffMeeting, staffMeetingDay, submissionId) = await SeededAsync();
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);

        // 1. The director logs a press conference with two journalists from the register.
        var director = await browser.SignInAsync(DemoUsers.DirectorMoh);
        await director.GetByTestId("nav-media").ClickAsync();
        await director.GetByTestId("nav-interactions").ClickAsync();
        await director.WaitForURLAsync("**/media/interactions");
        await BrowserFixture.WaitInteractiveAsync(director);
        await director.GetByTestId("new-interaction").ClickAsync();
        var form = director.GetByTestId("interaction-form");
        await form.GetByTestId("interaction-topic").FillAsync(Topic);
        await form.GetByTestId("pick-journalist-filter").FillAsync("البوسعيدي");
        await form.GetByTestId($"pick-journalist-{salim}").CheckAsync();
        await form.GetByTestId("pick-journalist-filter").FillAsync("الشكيلية");
        await form.GetByTestId($"pick-journalist-{maryam}").CheckAsync();
        await Assertions.Expect(form.GetByTestId($"pick-journalist-chosen-{salim}")).ToBeVisibleAsync();
        await form.GetByTestId("interaction-official").FillAsync("وكيل الوزارة للصحة العامة");
        await director.GetByTestId("interaction-save").ClickAsync();
        await Assertions.Expect(director.GetByTestId("interaction-form")).ToHaveCountAsync(0);
        var card = director.Locator("[data-kind=PressConference]", new() { HasText = Topic });
        await Assertions.Expect(card.GetByTestId("participants")).ToContainTextAsync("سالم بن حمد البوسعيدي");
        await Assertions.Expect(card.GetByTestId("participants")).ToContainTextAsync("مريم بنت خلفان الشكيلية");

        // … and the coverage it produced (the outlet of the first journalist is offered; the reach in Arabic-Indic digits).
        await card.GetByTestId("add-coverage").ClickAsync();
        var coverage = director.GetByTestId("coverage-form");
        await coverage.GetByTestId("coverage-headline").FillAsync("الصحة تعلن نتائج المسح الوطني");
        await coverage.GetByTestId("coverage-url").FillAsync("https://watan.example/survey");
        await coverage.GetByTestId("tone-Positive").ClickAsync();
        await coverage.GetByTestId("coverage-reach").FillAsync("٩٠٠٠٠");
        await director.GetByTestId("coverage-save").ClickAsync();
        await Assertions.Expect(director.GetByTestId("coverage-form")).ToHaveCountAsync(0);
        await Assertions.Expect(card.Locator("[data-tone=Positive]")).ToContainTextAsync("الصحة تعلن نتائج المسح الوطني");
        await Assertions.Expect(card.Locator("[data-tone=Positive]")).ToContainTextAsync("90,000");
        await director.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "media-interactions-ar.png"), FullPage = true });

        // 2. A campaign plan with a named audience and one SMART objective.
        await browser.GotoAsync(director, "/media/campaigns");
        await director.GetByTestId("new-campaign").ClickAsync();
        var plan = director.GetByTestId("campaign-form");
        await plan.GetByTestId("campaign-title-ar").FillAsync(CampaignAr);
        await plan.GetByTestId("campaign-title-en").FillAsync(CampaignEn);
        await plan.GetByTestId("campaign-audience-general-public").CheckAsync();
        await plan.GetByTestId("campaign-channel-SocialMedia").CheckAsync();
        await plan.GetByTestId("campaign-strategy").FillAsync("رسائل قصيرة من أطباء الأسرة عن أبرز نتائج المسح");
        await plan.GetByTestId("campaign-budget-planned").FillAsync("٥٠٠٠٠");
        await director.GetByTestId("campaign-save").ClickAsync();
        await director.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/media/campaigns/\d+$"));
        await BrowserFixture.WaitInteractiveAsync(director);
        await Assertions.Expect(director.GetByTestId("campaign-title")).ToHaveTextAsync(CampaignAr);

        await director.GetByTestId("edit-objectives").ClickAsync();
        var objective = director.GetByTestId("objective-form-0");
        await objective.GetByTestId("objective-statement").FillAsync("رفع معرفة الجمهور بنتائج المسح");
        await objective.GetByTestId("objective-metric").FillAsync("نسبة المعرفة في الاستطلاع");
        await objective.GetByTestId("objective-baseline").FillAsync("20");
        await objective.GetByTestId("objective-target").FillAsync("٤٠");
        await director.GetByTestId("save-objectives").ClickAsync();
        await Assertions.Expect(director.GetByTestId("objective-1")).ToContainTextAsync("رفع معرفة الجمهور بنتائج المسح");
        await Assertions.Expect(director.GetByTestId("plan-chip")).ToHaveAttributeAsync("data-complete", "true");

        // 3. A calendar entry of the ministry implements the campaign.
        await director.GetByTestId("link-entry").ClickAsync();
        await director.GetByTestId($"link-entry-{staffMeeting}").ClickAsync();
        await Assertions.Expect(director.GetByTestId($"linked-entry-{staffMeeting}")).ToBeVisibleAsync();

        // 4. Launched, completed, results recorded, evaluated.
        await director.GetByTestId("launch").ClickAsync();
        await director.GetByTestId("campaign-date-ok").ClickAsync();
        await Assertions.Expect(director.GetByTestId("campaign-status")).ToHaveAttributeAsync("data-status", "Active");
        await director.GetByTestId("complete").ClickAsync();
        await director.GetByTestId("campaign-date-ok").ClickAsync();
        await Assertions.Expect(director.GetByTestId("campaign-status")).ToHaveAttributeAsync("data-status", "Completed");
        await director.GetByTestId("edit-objectives").ClickAsync();
        await director.GetByTestId("objective-form-0").GetByTestId("objective-result").FillAsync("46");
        await director.GetByTestId("save-objectives").ClickAsync();
        await Assertions.Expect(director.GetByTestId("objective-1")).ToHaveAttributeAsync("data-met", "true");
        await director.GetByTestId("edit-evaluation").ClickAsync();
        await director.GetByTestId("stage-Learning").GetByTestId("stage-text").FillAsync("الرسائل القصيرة من أطباء الأسرة أنجح من الإعلانات");
        await director.GetByTestId("save-evaluation").ClickAsync();
        await Assertions.Expect(director.GetByTestId("stage-Learning")).ToContainTextAsync("أنجح من الإعلانات");
        await director.GetByTestId("evaluate").ClickAsync();
        await director.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "اعتماد التقييم" }).ClickAsync();
        await Assertions.Expect(director.GetByTestId("campaign-status")).ToHaveAttributeAsync("data-status", "Evaluated");
        await director.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "media-campaign-ar.png"), FullPage = true });

        // The one-page PDF downloads from the campaign's page.
        var download = await BrowserFixture.DownloadAsync(director, () => director.GetByTestId("campaign-pdf-ar").ClickAsync());
        Assert.EndsWith("-ar.pdf", download.SuggestedFilename, StringComparison.Ordinal);

        // 5. The calendar entry shows the campaign it implements.
        await browser.GotoAsync(director, $"/calendar?date={staffMeetingDay:yyyy-MM-dd}");
        await director.GetByTestId($"entry-{staffMeeting}").First.ClickAsync();
        await Assertions.Expect(director.GetByTestId("entry-campaign-link")).ToHaveTextAsync(CampaignAr);

        // 6. The center sees who deals with whom: the ministry now deals with Salim Al Busaidi.
        var reviewer = await browser.SignInAsync(DemoUsers.Reviewer);
        await browser.GotoAsync(reviewer, "/media/relations");
        var row = reviewer.Locator("tr", new() { Has = reviewer.GetByTestId($"relation-journalist-{salim}") });
        await Assertions.Expect(row.GetByTestId("deals-MOH")).ToContainTextAsync("(4)");
        await browser.GotoAsync(reviewer, $"/media/journalists/{salim}");
        await Assertions.Expect(reviewer.GetByTestId("relation-MOH")).ToBeVisibleAsync();
        await reviewer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "media-journalist-center-ar.png"), FullPage = true });

        // 7. The ministry's open submission computes P3.2.1 and P8.3.2 from these records.
        await browser.GotoAsync(director, $"/submissions/{submissionId}?pillar=P3");
        var conferences = director.GetByTestId("computed-P3.2.1");
        await Assertions.Expect(conferences.GetByTestId("computed-records")).ToContainTextAsync(Topic);
        await Assertions.Expect(conferences.GetByTestId("computed-value")).ToContainTextAsync("3");
        await director.GetByTestId("pillar-P8").ClickAsync();
        var evaluated = director.GetByTestId("computed-P8.3.2");
        await Assertions.Expect(evaluated.GetByTestId("computed-records")).ToContainTextAsync(CampaignAr);
        await Assertions.Expect(evaluated.GetByTestId("computed-explain")).ToContainTextAsync("1");
    }

    private async Task<(int Salim, int Maryam, int StaffMeeting, DateOnly StaffMeetingDay, int SubmissionId)> SeededAsync()
    {
        await using var db = await browser.App.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        var riyadh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");
        var entry = await db.CalendarEntries.SingleAsync(e => e.TitleEn == StaffMeeting);
        return (
            await db.Journalists.Where(j => j.NameEn == "Salim Al Busaidi").Select(j => j.Id).SingleAsync(),
            await db.Journalists.Where(j => j.NameEn == "Maryam Al Shukaili").Select(j => j.Id).SingleAsync(),
            entry.Id,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(entry.StartsAt, riyadh)),
            await db.Submissions.Where(s => s.Institution.Code == "MOH" && s.Period.Code == "2026-Q4").Select(s => s.Id).SingleAsync());
    }
}
