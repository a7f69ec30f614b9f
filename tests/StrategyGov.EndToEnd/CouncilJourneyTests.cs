using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StrategyGov.Data;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Council;

namespace StrategyGov.EndToEnd;

/// <summary>
/// Issue 18 in Chromium: the center schedules a council meeting with an agenda item, invites the Ministry
/// of Health and assigns it a decision, holds the meeting, records attendance and closes it; the ministry's
/// director finds the decision, reports it done with a note; the center accepts it; and the ministry's open
/// submission shows P1.2.2 computed from the council's records, with that decision among them.
/// </summary>
public sealed class CouncilJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string TitleAr = "الاجتماع الدوري الثاني عشر لمديري الإعلام";
    private const string DecisionAr = "نشر الرسائل الموحدة لحملة الشتاء عبر الحسابات الرسمية خلال أسبوع من الاجتماع";

    [Fact]
    public Task Council_CenterHoldsMeeting_MohReportsDone_CenterAccepts_P122Counts() =>
        browser.RunAsync(nameof(Council_CenterHoldsMeeting_MohReportsDone_CenterAccepts_P122Counts), ScenarioAsync);

    private async Task ScenarioAsync()
    {
        var today = browser.App.Service<CouncilTime>().Today;
        var due = today.AddDays(3) <= new DateOnly(2026, 12, 31) ? today.AddDays(3) : today;

        // 1. The center schedules the meeting (the series fills in its number and place).
        var admin = await browser.SignInAsync(DemoUsers.Admin);
        await admin.GetByTestId("nav-council").ClickAsync();
        await admin.WaitForURLAsync("**/council");
        await BrowserFixture.WaitInteractiveAsync(admin);
        await admin.GetByTestId("new-meeting").ClickAsync();
        await admin.GetByTestId("title-ar").FillAsync(TitleAr);
        await admin.GetByTestId("title-en").FillAsync("Twelfth periodic meeting of media directors");
        await admin.GetByTestId("date").FillAsync(Iso(today));
        await admin.GetByTestId("time").FillAsync("09:00");
        await admin.GetByTestId("meeting-save").ClickAsync();
        await admin.WaitForURLAsync("**/council/meetings/*");
        await BrowserFixture.WaitInteractiveAsync(admin);
        await Assertions.Expect(admin.GetByTestId("meeting-title")).ToHaveTextAsync(TitleAr);

        // An agenda item, the Ministry of Health invited, a decision assigned to it.
        await admin.GetByTestId("add-item").ClickAsync();
        await admin.GetByTestId("item-title-ar").FillAsync("حملة الشتاء الموحدة");
        await admin.GetByTestId("item-title-en").FillAsync("The unified winter campaign");
        await admin.GetByTestId("item-presenter").FillAsync("وزارة الصحة");
        await admin.GetByTestId("item-duration").FillAsync("٢٠");
        await admin.GetByTestId("save-item").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("item-1")).ToContainTextAsync("حملة الشتاء الموحدة");

        await admin.GetByTestId("invite").ClickAsync();
        await admin.GetByTestId("invite-MOH").CheckAsync();
        await admin.GetByTestId("send-invitations").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("invitation-MOH")).ToBeVisibleAsync();

        await admin.GetByTestId("add-decision").ClickAsync();
        await admin.GetByTestId("decision-text-ar").FillAsync(DecisionAr);
        await admin.GetByTestId("decision-text-en").FillAsync("Publish the winter campaign's unified messages on the official accounts within a week");
        await admin.GetByTestId("decision-due").FillAsync(Iso(due));
        await admin.GetByTestId("decision-owner-MOH").CheckAsync();
        await admin.GetByTestId("save-decision").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("decision-1")).ToContainTextAsync(DecisionAr);

        // 2. The meeting is held: attendance recorded, then closed.
        await admin.GetByTestId("start-meeting").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("meeting-status")).ToHaveAttributeAsync("data-status", "InProgress");
        await admin.GetByTestId("invitation-MOH").GetByTestId("record-attendance").ClickAsync();
        await admin.GetByTestId("save-attendance").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("invitation-MOH")).ToHaveAttributeAsync("data-attendance", "Present");
        await admin.GetByTestId("close-meeting").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("meeting-status")).ToHaveAttributeAsync("data-status", "Closed");
        await Assertions.Expect(admin.GetByTestId("locked-note")).ToBeVisibleAsync();

        // 3. The ministry's director finds the decision among its own and reports it done.
        var ownerId = await OwnerIdAsync();
        var director = await browser.SignInAsync(DemoUsers.DirectorMoh);
        await director.GetByTestId("nav-council-decisions").ClickAsync();
        await director.WaitForURLAsync("**/council/decisions");
        await BrowserFixture.WaitInteractiveAsync(director);
        var row = director.GetByTestId($"assignment-{ownerId}");
        await Assertions.Expect(row).ToContainTextAsync(DecisionAr);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await director.WaitForURLAsync($"**/council/assignments/{ownerId}");
        await BrowserFixture.WaitInteractiveAsync(director);
        await director.GetByTestId("status-Done").CheckAsync();
        await director.GetByTestId("note-text").FillAsync("نُشرت الرسائل على الحسابات الخمسة للوزارة");
        await director.GetByTestId("submit-report").ClickAsync();
        await Assertions.Expect(director.GetByTestId("owner-status")).ToHaveAttributeAsync("data-status", "Done");
        await Assertions.Expect(director.GetByTestId("owner-status")).ToHaveAttributeAsync("data-accepted", "false");

        // 4. The center accepts it.
        var reviewer = await browser.SignInAsync(DemoUsers.Reviewer);
        await browser.GotoAsync(reviewer, $"/council/assignments/{ownerId}");
        await Assertions.Expect(reviewer.GetByTestId("note").First).ToContainTextAsync("نُشرت الرسائل");
        await reviewer.GetByTestId("accept").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("owner-status")).ToHaveAttributeAsync("data-accepted", "true");

        // 5. The ministry's open submission shows P1.2.2 computed, with that decision counted among its records.
        await browser.GotoAsync(director, $"/submissions/{await SubmissionIdAsync()}?pillar=P1");
        var computed = director.GetByTestId("computed-P1.2.2");
        await Assertions.Expect(computed).ToBeVisibleAsync();
        await computed.GetByTestId("computed-records-toggle").ClickAsync();
        var record = computed.GetByTestId("computed-records").Locator("li", new() { HasText = DecisionAr });
        await Assertions.Expect(record).ToHaveAttributeAsync("data-counts", "true");
        await Assertions.Expect(record.Locator($"a[href='/council/assignments/{ownerId}']")).ToBeVisibleAsync();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<int> OwnerIdAsync()
    {
        await using var db = await browser.App.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        return await db.CouncilDecisionOwners.Where(o => o.Decision.TextAr == DecisionAr && o.Institution.Code == "MOH").Select(o => o.Id).SingleAsync();
    }

    private async Task<int> SubmissionIdAsync()
    {
        await using var db = await browser.App.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        return await db.Submissions.Where(s => s.Institution.Code == "MOH" && s.Period.Code == "2026-Q4").Select(s => s.Id).SingleAsync();
    }
}
