using System.Net;
using System.Text.RegularExpressions;
using StrategyGov.Testing;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Tests.Support;
using Xunit.Abstractions;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Arabic words with shadda, tanween or harakat come out of a report's PDF whole and in order (issue 25, ADR 0114):
/// searching the extracted text for such a word finds it. Read back with pdftotext, as a user's search would.
/// </summary>
public sealed partial class PdfArabicTextTests(StrategyGovAppFactory app, ITestOutputHelper output) : IClassFixture<StrategyGovAppFactory>
{
    [Fact]
    public async Task InstitutionReport_Arabic_EveryWordWithMarksIsFoundInTheExtractedText()
    {
        var official = await app.ActorAsync(DemoUsers.Official);
        var institutionId = await app.InstitutionIdAsync("MOH");
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var (html, _, _) = await app.Service<ReportService>().InstitutionHtmlAsync(official, institutionId, periodId, "ar", CancellationToken.None);
        var client = await app.SignedInClientAsync(DemoUsers.Official);
        var response = await client.GetAsync($"/reports/institutions/{institutionId}/periods/{periodId}/report.pdf?lang=ar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var text = Bidi.Strip(await PdfTools.TextAsync(await response.Content.ReadAsByteArrayAsync()));
        var words = WordsWithMarks(html);
        var missing = words.Where(w => !text.Contains(w, StringComparison.Ordinal)).ToList();
        output.WriteLine($"{words.Count} words with marks; not found: {string.Join(" ", missing)}");

        Assert.True(words.Count >= 20, $"only {words.Count} words with marks in the report");
        Assert.Empty(missing);
    }

    // What a search would start from: the words of the report's own text that carry an Arabic mark.
    private static List<string> WordsWithMarks(string html)
    {
        var visible = WebUtility.HtmlDecode(Tags().Replace(Styles().Replace(html, " "), " "));
        return Words().Matches(Bidi.Strip(visible))
            .Select(m => m.Value)
            .Where(w => w.Any(c => c is >= '\u064B' and <= '\u065F' or '\u0670'))
            .Distinct()
            .ToList();
    }

    [Fact]
    public void MendContent_MarkCluster_TextInTheRunsOrderAndSpanStartsAtTheLetter()
    {
        // As Chromium writes "يّ" in a right-to-left run: the shadda first (over the letter), then the letter.
        const string content = "BT\n/ReversedChars BMC\n/Span<</ActualText <FEFF064A0651> >> BDC\n/F9 12 Tf\n" +
            "6.408 -.48 Td <0593> Tj\n-1.56 .48 Td <0240> Tj\nEMC\n4.32 0 Td <013D> Tj\nEMC\nET\n";

        var mended = PdfArabicText.MendContent(content);

        Assert.Contains("/Span<</ActualText <FEFF0651064A> >> BDC\n/F9 12 Tf\n4.848 0 Td 3 Tr <0240> Tj 0 Tr\n1.56 -0.48 Td <0593> Tj\n-1.56 0.48 Td <0240> Tj\nEMC\n", mended, StringComparison.Ordinal);
        Assert.EndsWith("4.32 0 Td <013D> Tj\nEMC\nET\n", mended, StringComparison.Ordinal);
    }

    [Fact]
    public void MendContent_LeftToRightRunOrNoMarks_LeftAsItIs()
    {
        const string leftToRight = "BT\n/Span<</ActualText <FEFF00650301> >> BDC\n1 0 Td <01> Tj\n-1 0 Td <02> Tj\nEMC\nET\n";
        const string ligature = "BT\n/ReversedChars BMC\n/Span<</ActualText <FEFF06440627> >> BDC\n1 0 Td <01> Tj\nEMC\nEMC\nET\n";

        Assert.Same(leftToRight, PdfArabicText.MendContent(leftToRight));
        Assert.Same(ligature, PdfArabicText.MendContent(ligature));
    }

    [GeneratedRegex(@"<style[^>]*>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Styles();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[\u0621-\u065F\u0670-\u06D3]+")]
    private static partial Regex Words();
}
