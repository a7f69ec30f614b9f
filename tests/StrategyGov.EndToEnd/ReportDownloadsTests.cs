using System.Text.RegularExpressions;
using Microsoft.Playwright;
using StrategyGov.Testing;

namespace StrategyGov.EndToEnd;

/// <summary>
/// An official opens "Reports and data", starts the national report, watches it being produced and
/// downloads it, then downloads an institution's report; both PDFs are read back.
/// </summary>
public sealed class ReportDownloadsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Official_DownloadsNationalAndInstitutionReports() =>
        browser.RunAsync(nameof(Official_DownloadsNationalAndInstitutionReports), async () =>
        {
            var official = await browser.SignInAsync(DemoUsers.Official);
            await official.GetByTestId("nav").GetByText("التقارير والبيانات").ClickAsync();
            var period = official.GetByTestId("period-2026-Q3");
            await period.WaitForAsync();

            await period.GetByTestId("national-start-en").ClickAsync();
            var ready = period.GetByTestId("national-download-en");
            await ready.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            var national = await Journeys.PdfTextAsync(browser, official, () => ready.ClickAsync(), "national-en.pdf");

            var institution = await Journeys.PdfTextAsync(browser, official, () => period.Locator("[data-testid^=pdf-ar-]").ClickAsync(), "institution-ar.pdf");

            Assert.Contains("National compliance report", national, StringComparison.Ordinal);
            Assert.Contains("Ranking of institutions", national, StringComparison.Ordinal);
            Assert.Matches(new Regex(@"Page\s+1\s+of\s+\d+"), national);
            Assert.Contains("تقرير قياس الالتزام", institution, StringComparison.Ordinal);
            Assert.Contains("2026-Q3", institution, StringComparison.Ordinal);
        });
}
