using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Tests.Support;
using Xunit.Abstractions;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The institution measurement report as an official downloads it, read back out of the PDF with
/// pdftotext: searchable Arabic and English text, the printed score, page numbers on every page.
/// </summary>
public sealed class PdfReportTests(StrategyGovAppFactory app, ITestOutputHelper output) : IClassFixture<StrategyGovAppFactory>
{
    [Fact]
    public async Task InstitutionReport_Arabic_HasNameVerifiedScoreAndPageFooter()
    {
        var printedScore = await MohVerifiedScoreAsync();

        var pdf = await DownloadMohReportAsync("ar");

        var text = Bidi.Strip(await PdfTools.TextAsync(pdf));
        var pages = await PdfTools.PageCountAsync(pdf);
        output.WriteLine(text);
        Assert.Contains("وزارة الصحة", text, StringComparison.Ordinal);
        Assert.Matches(PdfTools.StandaloneNumber(printedScore), text);
        Assert.True(pages >= 2, $"The report has {pages} page(s).");
        // pdftotext places the numbers of the right-to-left footer by position: "صفحة  1من 9".
        Assert.Matches(new Regex($@"صفحة\s*1\s*من\s*{pages}(?!\d)"), text);
        Assert.Matches(new Regex($@"صفحة\s*{pages}\s*من\s*{pages}(?!\d)"), text);
    }

    [Fact]
    public async Task InstitutionReport_English_HasNameVerifiedScoreAndPageFooter()
    {
        var printedScore = await MohVerifiedScoreAsync();

        var pdf = await DownloadMohReportAsync("en");

        var text = Bidi.Strip(await PdfTools.TextAsync(pdf));
        var pages = await PdfTools.PageCountAsync(pdf);
        output.WriteLine(text);
        Assert.Contains("Ministry of Health", text, StringComparison.Ordinal);
        Assert.DoesNotContain("وزارة الصحة", text, StringComparison.Ordinal);
        Assert.Matches(PdfTools.StandaloneNumber(printedScore), text);
        Assert.True(pages >= 2, $"The report has {pages} page(s).");
        Assert.Matches(new Regex($@"Page\s+1\s+of\s+{pages}(?!\d)"), text);
        Assert.Matches(new Regex($@"Page\s+{pages}\s+of\s+{pages}(?!\d)"), text);
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task InstitutionReport_IsTaggedInItsLanguage(string lang)
    {
        var pdf = await DownloadMohReportAsync(lang);

        Assert.True(await PdfTools.IsTaggedAsync(pdf), "pdfinfo does not report the PDF as tagged.");
        Assert.Equal(lang, PdfTools.Language(pdf));
    }

    [Fact]
    public async Task InstitutionReport_EnglishIsAboutAsLongAsArabic()
    {
        // The English labels are longer: the layout keeps its indicator table as compact as the Arabic one.
        var arabic = await PdfTools.PageCountAsync(await DownloadMohReportAsync("ar"));
        var english = await PdfTools.PageCountAsync(await DownloadMohReportAsync("en"));

        output.WriteLine($"Arabic {arabic} page(s), English {english} page(s)");
        Assert.InRange(english, arabic - 1, arabic + 1);
    }

    [Fact]
    public async Task PdfRenderer_BrowserCrashed_RendersAgain()
    {
        var renderer = app.Services.GetRequiredService<PdfRenderer>();
        var setup = new PdfPageSetup(RightToLeft: true, "StrategyGov", "اختبار", "صفحة", "من");

        var before = await renderer.RenderAsync("<html dir=\"rtl\"><body><p>قبل التعطل</p></body></html>", setup, CancellationToken.None);
        await renderer.CrashBrowserForTestAsync();
        var after = await renderer.RenderAsync("<html dir=\"rtl\"><body><p>بعد التعطل</p></body></html>", setup, CancellationToken.None);

        Assert.Contains("قبل التعطل", Bidi.Strip(await PdfTools.TextAsync(before)), StringComparison.Ordinal);
        Assert.Contains("بعد التعطل", Bidi.Strip(await PdfTools.TextAsync(after)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PdfRenderer_ManyPrintsAtOnce_EachHasOnlyItsOwnDocument()
    {
        // Pages are reused between prints: nothing of one report may show in the next.
        var renderer = app.Services.GetRequiredService<PdfRenderer>();
        var setup = new PdfPageSetup(RightToLeft: false, "StrategyGov", "test", "Page", "of");

        var pdfs = await Task.WhenAll(Enumerable.Range(1, 12).Select(n =>
            renderer.RenderAsync($"<html><body><p>Document number {n:D2}</p>{(n % 2 == 0 ? "<p>even</p>" : "")}</body></html>", setup, CancellationToken.None)));

        for (var n = 1; n <= pdfs.Length; n++)
        {
            var text = await PdfTools.TextAsync(pdfs[n - 1]);
            Assert.Equal([$"{n:D2}"], Regex.Matches(text, @"Document number (\d+)").Select(m => m.Groups[1].Value));
            Assert.Equal(n % 2 == 0, text.Contains("even", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task InstitutionReport_AfterBrowserCrash_IsStillServed()
    {
        await DownloadMohReportAsync("en");
        await app.Services.GetRequiredService<PdfRenderer>().CrashBrowserForTestAsync();

        var pdf = await DownloadMohReportAsync("en");

        Assert.Contains("Ministry of Health", await PdfTools.TextAsync(pdf), StringComparison.Ordinal);
    }

    private async Task<byte[]> DownloadMohReportAsync(string lang)
    {
        var mohId = await app.InstitutionIdAsync("MOH");
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var client = await app.SignedInClientAsync(DemoUsers.Official);

        var response = await client.GetAsync($"/reports/institutions/{mohId}/periods/{periodId}/report.pdf?lang={lang}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    // The overall verified score as the report prints it (one decimal, half away from zero).
    private async Task<string> MohVerifiedScoreAsync()
    {
        var official = await app.ActorAsync(DemoUsers.Official);
        var scores = await app.Service<ScoreService>().GetInstitutionAsync(
            official, await app.InstitutionIdAsync("MOH"), await app.PeriodIdAsync(SeededData.PublishedPeriod), CancellationToken.None);
        return ScoreFormat.Score(scores.Entry.Result.Verified);
    }
}
