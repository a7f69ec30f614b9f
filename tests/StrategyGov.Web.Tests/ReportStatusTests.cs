using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Reporting;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Tests.Support;
using Xunit.Abstractions;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Reports say what they are (ADR 0103): the status of their figures with the revision, in platform time
/// with the Hijri date beside it, and what a score hides (returned and not counted, everything N/A).
/// Read back out of the PDF with pdftotext.
/// </summary>
public sealed partial class ReportStatusTests(StrategyGovAppFactory app, ITestOutputHelper output) : IClassFixture<StrategyGovAppFactory>
{
    [Theory]
    [InlineData("ar", "الحالة: نهائية منذ {0} · المراجعة 1")]
    [InlineData("en", "Status: final since {0} · revision 1")]
    public async Task InstitutionReport_PublishedPeriod_SaysFinalSinceInPlatformTimeWithHijri(string language, string line)
    {
        var snapshot = (await MohScoresAsync(SeededData.PublishedPeriod)).Period.Snapshot!;
        var time = app.Service<PlatformTime>();
        var expected = string.Format(CultureInfo.InvariantCulture, line, Bidi.Strip(time.DateTimeWithHijri(snapshot.CapturedAt, Bilingual.CreateCulture(language))));

        var text = await PdfTextAsync("MOH", SeededData.PublishedPeriod, language);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain(snapshot.CapturedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstitutionReport_OpenPeriod_SaysDraft()
    {
        var text = await PdfTextAsync("MOH", SeededData.OpenPeriod, "en");

        Assert.Contains("Status: draft", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Status: final", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar", "أُعيدت للتعديل، لا تُحتسب")]
    [InlineData("en", "Returned for revision, not counted")]
    public async Task InstitutionReport_ReturnedSubmission_SaysNotCountedInsteadOfNothingAnswered(string language, string caveat)
    {
        var submissionId = await app.SubmittedAsync("AMN-EAST", DemoUsers.DirectorEast);
        await SetStatusAsync(submissionId, SubmissionStatus.Returned);

        var text = await PdfTextAsync("AMN-EAST", SeededData.OpenPeriod, language);

        Assert.Contains(caveat, text, StringComparison.Ordinal);
        Assert.DoesNotMatch(language == "en" ? @"(?<!\d)0 of \d+ applicable" : @"عن 0 من", text);
    }

    [Fact]
    public async Task NationalReport_InstitutionAllNotApplicable_IsShownNotScoredAndCountedInCompleteness()
    {
        var submissionId = await app.SubmittedAsync("MOH", DemoUsers.DirectorMoh);
        await using (var db = await app.DbAsync())
        {
            await db.Answers.Where(a => a.SubmissionId == submissionId)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.NotApplicable, true).SetProperty(x => x.Value, (decimal?)null).SetProperty(x => x.Justification, "N/A"));
        }

        var official = await app.ActorAsync(DemoUsers.Official);
        var reports = app.Service<ReportService>();
        var model = await reports.NationalModelAsync(official, await app.PeriodIdAsync(SeededData.OpenPeriod), CancellationToken.None);
        var html = await reports.NationalHtmlAsync(model, ReportService.CultureOf("en"));

        var moh = model.Rows.Single(r => r.Institution.Code == "MOH");
        Assert.Null(moh.Entry.Result.Verified);
        Assert.Equal(ScoreCaveat.AllNotApplicable, ScoreCaveats.Of(moh.Institution, moh.Entry));
        Assert.Contains("Not scored (all N/A)", html, StringComparison.Ordinal);
        Assert.Matches(@"Not scored \(all N/A\): [1-9]", html);
        Assert.Equal(model.Rows.Sum(r => r.Entry.Result.Completeness) / model.Rows.Count, model.CompletenessRate);
    }

    private async Task SetStatusAsync(int submissionId, SubmissionStatus status)
    {
        await using var db = await app.DbAsync();
        await db.Submissions.Where(s => s.Id == submissionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, status));
    }

    private async Task<InstitutionScores> MohScoresAsync(string periodCode) =>
        await app.Service<ScoreService>().GetInstitutionAsync(
            await app.ActorAsync(DemoUsers.Official), await app.InstitutionIdAsync("MOH"), await app.PeriodIdAsync(periodCode), CancellationToken.None);

    /// <summary>The institution report as an official downloads it, its text with bidi marks removed and runs of spaces joined.</summary>
    private async Task<string> PdfTextAsync(string institutionCode, string periodCode, string language)
    {
        var client = await app.SignedInClientAsync(DemoUsers.Official);
        var response = await client.GetAsync(
            $"/reports/institutions/{await app.InstitutionIdAsync(institutionCode)}/periods/{await app.PeriodIdAsync(periodCode)}/report.pdf?lang={language}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var text = Spaces().Replace(Bidi.Strip(await PdfTools.TextAsync(await response.Content.ReadAsByteArrayAsync())), " ");
        output.WriteLine(text);
        return text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
