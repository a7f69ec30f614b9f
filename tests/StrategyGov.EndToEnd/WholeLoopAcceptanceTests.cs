using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using StrategyGov.Data;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Notifications;

namespace StrategyGov.EndToEnd;

/// <summary>
/// Issue 25's acceptance, in Chromium, through the pages as each role on a fresh instance with the demo data: the
/// Ministry of Health's empty 2026-Q4 draft is overdue, refused when submitted too early, answered (a few answers on
/// the form, the rest by the Excel answer import), given its evidence as one zip matched by indicator code, returned,
/// resubmitted, approved and locked; the period is closed and published; an objection is upheld; the official's
/// institution and national PDFs and the score page say how final the figures are and show the band; and a director
/// registering a clashing campaign is warned.
/// </summary>
public sealed partial class WholeLoopAcceptanceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Period = "2026-Q4";
    private const string Questioned = "P1.3.2";

    [Fact]
    public Task WholeLoop_EachRoleThroughThePages_EveryPointOfIssue25Holds() =>
        browser.RunAsync(nameof(WholeLoop_EachRoleThroughThePages_EveryPointOfIssue25Holds), LoopAsync);

    private async Task LoopAsync()
    {
        var (mohId, periodId, submissionId) = await MohSubmissionAsync();
        var form = $"/submissions/{submissionId}";

        // 1. Overdue: the hourly pass, run as on the day after the due date (2026-12-20), tells MOH's director at once.
        await OverduePassAsync(new DateTimeOffset(2026, 12, 21, 9, 0, 0, TimeSpan.FromHours(3)));
        var director = await browser.SignInAsync(DemoUsers.DirectorMoh);
        await browser.GotoAsync(director, "/notifications");
        var overdue = director.GetByTestId("notification").Filter(new() { HasText = "انقضى موعد تسليم" });
        await Assertions.Expect(overdue).ToHaveCountAsync(1);
        await Assertions.Expect(overdue).ToContainTextAsync(Period);

        // 2. A contributor is told where the submit button would be that only the director submits.
        var contributor = await browser.SignInAsync(DemoUsers.ContributorMoh);
        await browser.GotoAsync(contributor, form);
        await Assertions.Expect(contributor.GetByTestId("director-submits")).ToBeVisibleAsync();
        await Assertions.Expect(contributor.GetByTestId("submit")).ToHaveCountAsync(0);
        await contributor.Context.CloseAsync();

        // 3. Submitting the empty draft too early: a count, the gaps grouped by pillar, a link that scrolls to its indicator.
        await browser.GotoAsync(director, form);
        await director.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(director.GetByTestId("gap-count")).ToBeVisibleAsync();
        var unanswered = await director.Locator("[data-testid^='gaps-'] li").CountAsync();
        Assert.True(unanswered >= 40, $"the empty draft should be refused for every indicator, {unanswered} listed");
        await Assertions.Expect(director.GetByTestId("gap-count")).ToContainTextAsync(unanswered.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(director.Locator("[data-testid^='gaps-P']")).ToHaveCountAsync(await director.GetByTestId("pillar-nav").Locator("button").CountAsync());
        var link = director.GetByTestId("gaps-P5").Locator("a").First;
        var linked = (await link.GetAttributeAsync("data-testid"))!["gap-".Length..];
        await link.ClickAsync();
        await Assertions.Expect(director.GetByTestId("pillar-P5")).ToHaveAttributeAsync("aria-current", "step");
        await Assertions.Expect(director.GetByTestId($"answer-{linked}")).ToBeInViewportAsync();

        // 4. Every answer through the Excel answer import page; then on the form "No" (which claims nothing, so asks for
        //    no evidence) and N/A with its justification.
        await ImportEveryAnswerAsync(director);
        await browser.GotoAsync(director, form);
        var no = director.GetByTestId("answer-P1.1.1");
        await no.GetByTestId("no").CheckAsync();
        await Assertions.Expect(no.GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(no.Locator("input[type=file]")).ToHaveCountAsync(0);
        var notApplicable = director.GetByTestId("answer-P1.1.3");
        await notApplicable.GetByTestId("not-applicable").CheckAsync();
        await notApplicable.GetByTestId("justification").FillAsync("لا تنطبق طبيعة عمل الجهة على هذا المؤشر خلال الفترة");
        await Assertions.Expect(notApplicable.GetByTestId("saved")).ToBeVisibleAsync();

        // 5. Still refused, now only for evidence; one zip of files named by indicator code, previewed, then attached.
        await director.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(director.GetByTestId("gap-count")).ToBeVisibleAsync();
        var needed = await EvidenceGapsAsync(director);
        Assert.NotEmpty(needed);
        Assert.DoesNotContain("P1.1.1", needed.Keys);
        Assert.DoesNotContain("P1.1.3", needed.Keys);
        await AttachEvidenceZipAsync(director, needed);
        await director.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(director.Locator("[data-status=Submitted]").First).ToBeVisibleAsync();
        await Assertions.Expect(director.GetByTestId("read-only")).ToBeVisibleAsync();

        // 6. The reviewer rejects one answer and returns; the director fixes it and resubmits; the reviewer approves.
        var reviewer = await browser.SignInAsync(DemoUsers.Reviewer);
        await browser.GotoAsync(reviewer, $"/review/{submissionId}");
        var decision = reviewer.GetByTestId($"decision-{Questioned}");
        await decision.GetByTestId("review-comment").FillAsync("النسبة لا تطابق الشاهد المرفق");
        await decision.GetByTestId("reject").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId($"decision-{Questioned}")).ToHaveAttributeAsync("data-decision", "Rejected");
        await reviewer.GetByTestId("accept-remaining").ClickAsync();
        await reviewer.GetByTestId("return").ClickAsync();
        await reviewer.GetByTestId("return-message-input").FillAsync("راجعوا نسبة التغطية");
        await reviewer.GetByTestId("confirm-return").ClickAsync();
        await Assertions.Expect(reviewer.Locator("[data-status=Returned]").First).ToBeVisibleAsync();

        await browser.GotoAsync(director, form);
        await Assertions.Expect(director.GetByTestId("return-message")).ToContainTextAsync("راجعوا نسبة التغطية");
        var questioned = director.GetByTestId($"answer-{Questioned}");
        await Assertions.Expect(questioned).ToHaveAttributeAsync("data-questioned", "true");
        await questioned.GetByTestId("value").FillAsync("90");
        await Assertions.Expect(questioned.GetByTestId("saved")).ToBeVisibleAsync();
        await director.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(director.Locator("[data-status=Submitted]").First).ToBeVisibleAsync();

        await browser.GotoAsync(reviewer, $"/review/{submissionId}");
        await Assertions.Expect(reviewer.GetByTestId("resubmission-summary")).ToBeVisibleAsync();
        await reviewer.GetByTestId($"decision-{Questioned}").GetByTestId("accept").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId($"decision-{Questioned}")).ToHaveAttributeAsync("data-decision", "Accepted");
        await reviewer.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(reviewer.Locator("[data-status=Approved]").First).ToBeVisibleAsync();
        await browser.GotoAsync(director, form);
        await Assertions.Expect(director.GetByTestId("read-only")).ToBeVisibleAsync();
        await Assertions.Expect(director.GetByTestId("submit")).ToHaveCountAsync(0);

        // 7. The admin closes the period; publishing waits for the reviews still open, which the reviewer then decides.
        var admin = await browser.SignInAsync(DemoUsers.Admin);
        await browser.GotoAsync(admin, "/periods");
        await admin.GetByTestId($"close-{Period}").ClickAsync();
        await ConfirmAsync(admin);
        await Assertions.Expect(admin.GetByTestId($"publish-{Period}")).ToBeVisibleAsync();
        await ApproveRemainingAsync(reviewer);
        await browser.GotoAsync(admin, "/periods");
        await admin.GetByTestId($"publish-{Period}").ClickAsync();
        await ConfirmAsync(admin);
        await Assertions.Expect(admin.GetByTestId($"revisions-{Period}")).ToBeVisibleAsync();
        await admin.Context.CloseAsync();

        // 8. The score page: final since publication, revision 1, and MOH's band.
        var official = await browser.SignInAsync(DemoUsers.Official);
        var scorePage = $"/institutions/{mohId}/periods/{periodId}";
        await browser.GotoAsync(official, scorePage);
        var status = official.GetByTestId("figures-status");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-state", "Final");
        await Assertions.Expect(status).ToContainTextAsync("نهائية منذ");
        await Assertions.Expect(status).ToContainTextAsync("هـ");
        var band = official.Locator(".sg-band").First;
        await Assertions.Expect(band).ToBeVisibleAsync();
        var bandName = (await band.InnerTextAsync()).Trim();

        // 9. The director objects to the verified value; the reviewer upholds it: the scores become revision 2.
        await browser.GotoAsync(director, form);
        await Assertions.Expect(director.GetByTestId("objection-window")).ToBeVisibleAsync();
        var objections = director.GetByTestId($"objections-{Questioned}");
        await objections.GetByTestId("object").ClickAsync();
        await objections.GetByTestId("objection-reason").FillAsync("نسبة التغطية الصحيحة 95 وفق تقرير الربع");
        await objections.GetByTestId("objection-value").FillAsync("95");
        await objections.GetByTestId("objection-send").ClickAsync();
        await Assertions.Expect(objections.GetByTestId("objection")).ToHaveAttributeAsync("data-objection-status", "Open");

        await browser.GotoAsync(reviewer, "/objections");
        var objection = reviewer.GetByTestId($"objection-MOH-{Questioned}");
        await objection.GetByTestId("objection-note").FillAsync("التقرير المرفق يؤيد النسبة");
        await objection.GetByTestId("uphold").ClickAsync();
        await browser.GotoAsync(director, form);
        await Assertions.Expect(director.GetByTestId($"objections-{Questioned}").GetByTestId("objection")).ToHaveAttributeAsync("data-objection-status", "Upheld");

        // 10. The official: the score page and both PDFs say the figures were revised (revision 2) and show the band.
        await browser.GotoAsync(official, scorePage);
        await Assertions.Expect(status).ToHaveAttributeAsync("data-state", "Revised");
        await Assertions.Expect(official.Locator(".sg-band").First).ToBeVisibleAsync();
        bandName = (await official.Locator(".sg-band").First.InnerTextAsync()).Trim();
        var institution = await Journeys.PdfTextAsync(browser, official, () => official.GetByTestId($"pdf-ar-{mohId}").First.ClickAsync(), "loop-moh-ar.pdf");
        Assert.Contains("وزارة الصحة", institution, StringComparison.Ordinal);
        Assert.Contains("الحالة", institution, StringComparison.Ordinal);
        Assert.Contains("نهائية", institution, StringComparison.Ordinal);
        Assert.Matches(RevisionAr(), institution);
        Assert.Contains("P1.3.2", institution, StringComparison.Ordinal);
        Assert.Contains(bandName, institution, StringComparison.Ordinal);
        // A word with diacritics (damma, kasra and shadda) found whole by search in the extracted text (ADR 0114).
        Assert.Contains("عُدِّلت", institution, StringComparison.Ordinal);

        await browser.GotoAsync(official, "/downloads");
        var downloads = official.GetByTestId($"period-{Period}");
        await downloads.GetByTestId("national-start-en").ClickAsync();
        var ready = downloads.GetByTestId("national-download-en");
        await ready.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var national = await Journeys.PdfTextAsync(browser, official, () => ready.ClickAsync(), "loop-national-en.pdf");
        Assert.Contains("National compliance report", national, StringComparison.Ordinal);
        Assert.Matches(StatusLineEn(), national);
        Assert.Contains("Ministry of Health", national, StringComparison.Ordinal);
        await official.Context.CloseAsync();
        await reviewer.Context.CloseAsync();
        await director.Context.CloseAsync();

        // 11. A director registers a campaign on a day the national influenza campaign holds, and sees the clash.
        var (fluId, fluFirstDay) = await Journeys.FluCampaignAsync(browser.App);
        var east = await browser.SignInAsync(DemoUsers.DirectorEast);
        var entryId = await Journeys.RegisterCampaignAsync(browser, east, fluFirstDay.AddDays(1), "حملة التوعية المرورية في المنطقة الشرقية", "Eastern Province road safety campaign");
        await Assertions.Expect(east.GetByTestId($"entry-{entryId}").First).ToHaveAttributeAsync("data-clash", "true");
        await Assertions.Expect(east.GetByTestId($"clash-{entryId}-{fluId}")).ToBeVisibleAsync();
    }

    // "Status: final, revised on <date> (<Hijri>): Objection 1 upheld: P1.3.2 · revision 2", as the English national report
    // prints it (the line may wrap).
    [GeneratedRegex(@"Status:\s+final,\s+revised\s+on\s[\s\S]{1,120}?Objection\s+\d+\s+upheld:\s+P1\.3\.2\s*·\s+revision\s+2")]
    private static partial Regex StatusLineEn();

    // Its Arabic form in the institution report, matched word by word: pdftotext does not yet give that line in reading
    // order (its words with diacritics come out split, the part the lead's PDF text layer work will settle).
    [GeneratedRegex(@"المراجعة\s*2")]
    private static partial Regex RevisionAr();

    /// <summary>The overdue pass the app runs every hour, with its clock at <paramref name="now"/> (the due date has not passed in real time).</summary>
    private async Task OverduePassAsync(DateTimeOffset now)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var pass = ActivatorUtilities.CreateInstance<OverdueReminders>(scope.ServiceProvider, new FixedClock(now));
        Assert.True(await pass.RunOnceAsync(CancellationToken.None) > 0, "the overdue pass should notify the directors of the empty drafts");
    }

    /// <summary>Downloads the Arabic answer template from "Reports and data", fills every row and imports it there.</summary>
    private async Task ImportEveryAnswerAsync(IPage director)
    {
        await browser.GotoAsync(director, "/downloads");
        var period = director.GetByTestId($"period-{Period}");
        var download = await BrowserFixture.DownloadAsync(director, () => period.GetByTestId("template-ar").ClickAsync());
        var file = Path.Combine(browser.App.Folder, "loop-template-ar.xlsx");
        await download.SaveAsAsync(file);
        int rows;
        using (var workbook = new XLWorkbook(file))
        {
            rows = AnswerTemplates.FillEveryRow(workbook.Worksheet(1));
            workbook.Save();
        }

        await period.GetByTestId("import-file").SetInputFilesAsync(file);
        await Assertions.Expect(period.GetByTestId("import-result")).ToContainTextAsync($"تم استيراد {rows} إجابة", new() { Timeout = 60_000 });
    }

    /// <summary>The indicators the refusal lists for missing evidence, with how many files each still needs.</summary>
    private static async Task<Dictionary<string, int>> EvidenceGapsAsync(IPage director)
    {
        var needed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var gap in await director.Locator("[data-testid^='gaps-'] li").AllAsync())
        {
            var code = (await gap.Locator("a").GetAttributeAsync("data-testid"))!["gap-".Length..];
            var counts = HasOfNeeds().Match(await gap.InnerTextAsync());
            Assert.True(counts.Success, $"{code} is listed for something other than evidence: {await gap.InnerTextAsync()}");
            needed[code] = int.Parse(counts.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) - int.Parse(counts.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return needed;
    }

    // "الشواهد: 0 من 1 سارية مرفقة"
    [GeneratedRegex(@"الشواهد: (\d+) من (\d+)")]
    private static partial Regex HasOfNeeds();

    /// <summary>
    /// One zip holding a file per missing evidence item, named by its indicator's code, with a file named by no code and
    /// a copy of a file: the preview matches each to its indicator (or says why not) before anything is attached.
    /// </summary>
    private static async Task AttachEvidenceZipAsync(IPage director, IReadOnlyDictionary<string, int> needed)
    {
        var entries = needed.SelectMany(n => Enumerable.Range(1, n.Value).Select(i => ($"شواهد/{n.Key} شاهد {i}.pdf", Journeys.Pdf($"{n.Key}/{i}")))).ToList();
        var ready = entries.Count;
        entries.Add(("شواهد/محضر الاجتماع.pdf", Journeys.Pdf("minutes")));
        entries.Add(($"شواهد/{entries[0].Item1[6..^4]} نسخة.pdf", entries[0].Item2));

        var panel = director.GetByTestId("evidence-batch");
        await panel.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "شواهد الربع الرابع.zip",
            MimeType = "application/zip",
            Buffer = Journeys.Zip([.. entries]),
        });
        var rows = panel.GetByTestId("batch-row");
        await Assertions.Expect(rows).ToHaveCountAsync(ready + 2, new() { Timeout = 60_000 });
        await Assertions.Expect(panel.Locator("[data-status=Ready]")).ToHaveCountAsync(ready);
        await Assertions.Expect(panel.Locator("[data-status=NoIndicator]")).ToContainTextAsync("محضر الاجتماع.pdf");
        await Assertions.Expect(panel.Locator("[data-status=Duplicate]")).ToHaveCountAsync(1);
        var first = needed.Keys.First();
        await Assertions.Expect(panel.Locator("[data-status=Ready]").Filter(new() { HasText = $"{first} شاهد 1.pdf" }).GetByTestId("batch-indicator")).ToHaveTextAsync(first);

        await panel.GetByTestId("evidence-batch-attach").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(0, new() { Timeout = 60_000 });
    }

    /// <summary>The reviewer accepts and approves every submission still awaiting review (other institutions of the demo data).</summary>
    private async Task ApproveRemainingAsync(IPage reviewer)
    {
        for (var round = 0; round < 60; round++)
        {
            await browser.GotoAsync(reviewer, "/review");
            var open = reviewer.GetByTestId("review-queue").Locator("a[data-testid^='review-']");
            await Assertions.Expect(reviewer.GetByTestId("review-queue").Or(reviewer.GetByTestId("queue-empty"))).ToBeVisibleAsync();
            if (await open.CountAsync() == 0)
            {
                return;
            }

            await open.First.ClickAsync();
            await reviewer.WaitForURLAsync("**/review/*");
            await BrowserFixture.WaitInteractiveAsync(reviewer);
            await reviewer.GetByTestId("accept-remaining").ClickAsync();
            await reviewer.GetByTestId("approve").ClickAsync();
            await Assertions.Expect(reviewer.Locator("[data-status=Approved]").First).ToBeVisibleAsync();
        }

        Assert.Fail("the review queue did not empty");
    }

    private static Task ConfirmAsync(IPage page) =>
        page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "تأكيد" }).ClickAsync();

    private async Task<(int InstitutionId, int PeriodId, int SubmissionId)> MohSubmissionAsync()
    {
        await using var db = await browser.App.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        return await db.Submissions
            .Where(s => s.Institution.Code == "MOH" && s.Period.Code == Period)
            .Select(s => ValueTuple.Create(s.InstitutionId, s.PeriodId, s.Id))
            .SingleAsync();
    }

    /// <summary>A clock stopped at one moment, for the one pass that runs as if on another day.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
