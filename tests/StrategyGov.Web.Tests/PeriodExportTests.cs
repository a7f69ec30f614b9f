using ClosedXML.Excel;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Excel;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>Issue 25: the period workbook says what an analyst needs — the national index, the weights, the strategy version.</summary>
public sealed class PeriodExportTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Export_Center_SummaryHasTheNationalIndexAndTheVersion()
    {
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var board = await app.Service<ScoreService>().GetPeriodAsync(reviewer, periodId, None);

        using var workbook = await ExportAsync(DemoUsers.Reviewer, periodId, "en");

        Assert.Equal("Summary", workbook.Worksheet(1).Name);
        var summary = Rows(workbook.Worksheet("Summary"));
        Assert.Equal(SeededData.PublishedPeriod, summary["Period"].GetString());
        Assert.Equal((double)ScoreDisplay.Round(board.Board.National.Verified!.Value), summary["National index (verified)"].GetDouble(), 6);
        Assert.Equal((double)ScoreDisplay.Round(board.Board.National.SelfReported!.Value), summary["National index (self-reported)"].GetDouble(), 6);
        Assert.Contains(board.Framework.Code, summary["Strategy version"].GetString());
        Assert.StartsWith("Status: final since", summary["Scores"].GetString());
        Assert.EndsWith("revision 1", summary["Scores"].GetString());
        Assert.Contains("Asia/Riyadh", summary["Produced at"].GetString());
    }

    [Fact]
    public async Task Export_WeightsSheet_SharesOfTheOverallAddUpToOneAndFollowTheWeights()
    {
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);

        using var workbook = await ExportAsync(DemoUsers.Official, periodId, "ar");

        var sheet = workbook.Worksheet("الأوزان");
        Assert.True(sheet.RightToLeft);
        var rows = sheet.RowsUsed().Skip(1).ToList();
        var indicators = rows.Where(r => r.Cell(2).GetString() == "المؤشر" || r.Cell(1).GetString().Count(c => c == '.') == 2).ToList();
        var pillars = rows.Where(r => !r.Cell(1).GetString().Contains('.')).ToList();
        Assert.Equal(1.0, indicators.Sum(r => r.Cell(6).GetDouble()), 9);
        Assert.Equal(1.0, pillars.Sum(r => r.Cell(6).GetDouble()), 9);
        // P1 weighs 15 of the pillars' 100 (seed-data/strategy.json); P1.1.1 is 2/6 of P1.1, which is 2/5 of P1.
        Assert.Equal(0.15, pillars.Single(r => r.Cell(1).GetString() == "P1").Cell(6).GetDouble(), 9);
        Assert.Equal(0.02, rows.Single(r => r.Cell(1).GetString() == "P1.1.1").Cell(6).GetDouble(), 9);
    }

    [Fact]
    public async Task Export_InstitutionUser_SummaryShowsItsOwnScoreAndNotTheNationalIndex()
    {
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);

        using var workbook = await ExportAsync(DemoUsers.DirectorEast, periodId, "en");

        var summary = Rows(workbook.Worksheet("Summary"));
        Assert.False(summary.ContainsKey("National index (verified)"));
        Assert.Equal("Eastern Province Municipality", summary["Institution"].GetString());
        Assert.True(summary.ContainsKey("Verified score"));
    }

    private async Task<XLWorkbook> ExportAsync(string email, int periodId, string language)
    {
        var file = await app.Service<PeriodExportService>().ExportAsync(await app.ActorAsync(email), periodId, language, None);
        return new XLWorkbook(new MemoryStream(file.Content));
    }

    private static Dictionary<string, IXLCell> Rows(IXLWorksheet sheet) =>
        sheet.RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2));
}
