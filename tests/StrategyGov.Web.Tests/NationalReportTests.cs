using System.Net;
using System.Text.RegularExpressions;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Tests.Support;
using Xunit.Abstractions;

namespace StrategyGov.Web.Tests;

/// <summary>The national report as an official downloads it, read back out of the PDF with pdftotext.</summary>
public sealed class NationalReportTests(StrategyGovAppFactory app, ITestOutputHelper output) : IClassFixture<StrategyGovAppFactory>
{
    [Fact]
    public async Task NationalReport_Arabic_HasIndexInstitutionsAndPageFooter()
    {
        var model = await ModelAsync();

        var pdf = await DownloadAsync("ar");

        var text = Bidi.Strip(await PdfTools.TextAsync(pdf));
        var pages = await PdfTools.PageCountAsync(pdf);
        output.WriteLine(text);
        Assert.Contains("التقرير الوطني لقياس الالتزام", text, StringComparison.Ordinal);
        Assert.Contains("وزارة الصحة", text, StringComparison.Ordinal);
        Assert.Contains("ترتيب الجهات", text, StringComparison.Ordinal);
        Assert.Matches(PdfTools.StandaloneNumber(ScoreFormat.Score(model.Scores.Board.National.Verified)), text);
        Assert.InRange(pages, 3, 12);
        Assert.Matches(new Regex($@"صفحة\s*{pages}\s*من\s*{pages}(?!\d)"), text);
    }

    [Fact]
    public async Task NationalReport_English_HasIndexInstitutionsTrendAndPageFooter()
    {
        var model = await ModelAsync();
        var leader = model.Rows[0];

        var pdf = await DownloadAsync("en");

        var text = Bidi.Strip(await PdfTools.TextAsync(pdf));
        var pages = await PdfTools.PageCountAsync(pdf);
        output.WriteLine(text);
        Assert.Contains("National compliance report", text, StringComparison.Ordinal);
        Assert.Contains(leader.Institution.NameEn, text, StringComparison.Ordinal);
        Assert.Contains(ScoreFormat.Score(leader.Entry.Result.Verified), text, StringComparison.Ordinal);
        Assert.DoesNotContain("وزارة الصحة", text, StringComparison.Ordinal);
        Assert.Matches(PdfTools.StandaloneNumber(ScoreFormat.Score(model.Scores.Board.National.Verified)), text);
        Assert.Matches(PdfTools.StandaloneNumber(Bidi.Strip(ScoreFormat.Signed(model.IndexTrend))), text);
        Assert.InRange(pages, 3, 12);
        Assert.Matches(new Regex($@"Page\s+1\s+of\s+{pages}(?!\d)"), text);
    }

    [Fact]
    public async Task NationalModel_OpenPeriod_RanksEveryInstitutionAndComparesWithPrevious()
    {
        var model = await ModelAsync();

        Assert.True(model.Comparable);
        Assert.Equal(SeededData.PublishedPeriod, model.Previous!.Period.Code);
        Assert.Equal(model.Scores.Board.Entries.Count, model.Rows.Count);
        Assert.Equal(model.Scores.Board.Entries.Count(e => e.Band is not null), model.BandCounts.Values.Sum());
        Assert.Equal(1, model.Rows[0].Entry.NationalRank);
        Assert.Equal(model.Scores.Board.National.Verified - model.Previous.Board.National.Verified, model.IndexTrend);
    }

    [Fact]
    public async Task NationalHtml_HeatMapCells_AreColouredByTheirBand()
    {
        var model = await ModelAsync();
        var leader = model.Rows[0].Entry;

        var html = await app.Service<ReportService>().NationalHtmlAsync(model, ReportService.CultureOf("en"));

        var overall = $"style=\"background:{ScoreFormat.BandColor(leader.Band!.Code)};color:#ffffff;font-weight:bold\">{ScoreFormat.Score(leader.Result.Verified)}</td>";
        Assert.Contains(overall, html, StringComparison.Ordinal);
    }

    private async Task<NationalReportModel> ModelAsync() =>
        await app.Service<ReportService>().NationalModelAsync(
            await app.ActorAsync(DemoUsers.Official), await app.PeriodIdAsync(SeededData.OpenPeriod), CancellationToken.None);

    private async Task<byte[]> DownloadAsync(string lang)
    {
        var periodId = await app.PeriodIdAsync(SeededData.OpenPeriod);
        var client = await app.SignedInClientAsync(DemoUsers.Official);

        var response = await client.GetAsync($"/reports/periods/{periodId}/national.pdf?lang={lang}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
