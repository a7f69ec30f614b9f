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

        var band = model.Scores.Framework.Band(leader.Band!.Code)!;
        var overall = $"style=\"background:{band.Color};color:{band.TextColor};font-weight:bold\">{ScoreFormat.Score(leader.Result.Verified)}</td>";
        Assert.Contains(overall, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NationalHtml_BandColoursTheCenterSet_AreTheOnesDrawn()
    {
        var model = await ModelAsync();
        string[] chosen = ["#5b2c6f", "#1a5276", "#f7dc6f", "#117864", "#7b241c"];
        var framework = model.Scores.Framework with
        {
            Bands = model.Scores.Framework.Bands.Select((b, i) => b with { Color = chosen[i] }).ToList(),
        };
        var recoloured = model with { Scores = model.Scores with { Framework = framework } };
        var leader = framework.Band(model.Rows[0].Entry.Band!.Code)!;

        var html = await app.Service<ReportService>().NationalHtmlAsync(recoloured, ReportService.CultureOf("en"));

        // The heat map's overall cell, the band chip, and one bar per band in the count-per-band chart.
        Assert.Contains($"style=\"background:{leader.Color};color:{leader.TextColor};font-weight:bold\">", html, StringComparison.Ordinal);
        Assert.Contains($"class=\"band\" style=\"background:{leader.Color};color:{leader.TextColor}\"", html, StringComparison.Ordinal);
        Assert.All(chosen, color => Assert.Contains($"fill=\"{color}\"", html, StringComparison.Ordinal));
        Assert.All(model.Scores.Framework.Bands, before =>
        {
            Assert.DoesNotContain($"fill=\"{before.Color}\"", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain($"background:{before.Color}", html, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal(BandColors.Dark, framework.Bands[2].TextColor);
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
