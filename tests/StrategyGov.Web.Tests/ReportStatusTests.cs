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
    // pdftotext sets the spaces of a right-to-left line by position ("21:08(27", "الحالة :نهائية"), so the
    // pieces of the line are compared with every space removed.
    [Theory]
    [InlineData("ar", "الحالة:نهائيةمنذ", "المراجعة1")]
    [InlineData("en", "Status:finalsince", "revision1")]
    public async Task InstitutionReport_PublishedPeriod_SaysFinalSinceInPlatformTimeWithHijri(string language, string status, string revision)
    {
        var snapshot = (await MohScoresAsync(SeededData.PublishedPeriod)).Period.Snapshot!;
        var time = app.Service<PlatformTime>();
        var culture = Bilingual.CreateCulture(language);

        var text = NoSpaces(await PdfTextAsync("MOH", SeededData.PublishedPeriod, language));

        Assert.Contains(status, text, StringComparison.Ordinal);
        Assert.Contains(revision, text, StringComparison.Ordinal);
        Assert.Contains(NoSpaces(Bidi.Strip(time.DateTimeText(snapshot.CapturedAt))), text, StringComparison.Ordinal);
        Assert.Contains(NoSpaces(time.Hijri(snapshot.CapturedAt, culture)).TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), text, StringComparison.Ordinal);
        Assert.DoesNotContain(NoSpaces(snapshot.CapturedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)), text, StringComparison.Ordinal);
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

        Assert.Contains(NoSpaces(caveat), NoSpaces(text), StringComparison.Ordinal);
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

    // Without spaces and without Arabic short vowels (the PDF's text layer may keep or drop a damma).
    private static string NoSpaces(string text) => Spaces().Replace(text, "");

    [GeneratedRegex(@"[\s\u064B-\u0652]+")]
    private static partial Regex Spaces();
}
