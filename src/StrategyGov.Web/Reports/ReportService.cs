using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Reports;


/// <summary>Where a report being produced stands (shown to the reader while a long report is made).</summary>
public enum ReportStage
{
    Queued,
    Collecting,
    Rendering,
    Printing,
    Ready,
    Failed,
}

/// <summary>
/// Builds measurement reports. Every score is read through <see cref="ScoreService"/>, which also
/// authorises (an institution user only its own institution; the national report only center staff
/// and officials), so moving scores to stored snapshots changes this class only.
/// </summary>
public sealed class ReportService(
    ScoreService scores,
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    ComponentHtmlRenderer htmlRenderer,
    PdfRenderer pdf,
    IGovernanceGapSource gaps,
    IStringLocalizer<SharedResource> localizer,
    IOptions<PlatformOptions> platform,
    TimeProvider clock)
{
    public async Task<FileDownload> InstitutionPdfAsync(Actor actor, int institutionId, int periodId, string language, CancellationToken ct)
    {
        var (html, model, culture) = await InstitutionHtmlAsync(actor, institutionId, periodId, language, ct);
        var institution = model.Scores.Institution;
        var name = Bilingual.IsArabic(culture) ? institution.NameAr : institution.NameEn;
        var content = await PrintAsync(html, culture, name, model.Scores.Period, model.GeneratedAt, ct);
        return FileDownload.Pdf(content, $"StrategyGov-{institution.Code}-{model.Scores.Period.Period.Code}-{culture.TwoLetterISOLanguageName}.pdf");
    }

    /// <summary>The report as HTML (what Chromium prints), for previews, tests and benchmarks.</summary>
    public async Task<(string Html, InstitutionReportModel Model, CultureInfo Culture)> InstitutionHtmlAsync(
        Actor actor, int institutionId, int periodId, string language, CancellationToken ct)
    {
        var culture = CultureOf(language);
        var institution = await scores.GetInstitutionAsync(actor, institutionId, periodId, ct);
        var trend = await InstitutionTrendAsync(actor, institution, ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var comments = await db.Answers.AsNoTracking()
            .Where(a => a.SubmissionId == institution.Institution.SubmissionId && a.ReviewComment != null)
            .Select(a => new { a.Indicator.Code, a.ReviewComment })
            .ToDictionaryAsync(a => a.Code, a => a.ReviewComment!, ct);

        var model = new InstitutionReportModel(institution, comments, Now(), trend, await gaps.GetAsync(actor, institutionId, ct));
        var html = await htmlRenderer.RenderAsync<InstitutionReport>(new Dictionary<string, object?> { [nameof(InstitutionReport.Model)] = model }, culture);
        return (html, model, culture);
    }

    /// <summary>The national report: center staff and officials only.</summary>
    public async Task<FileDownload> NationalPdfAsync(Actor actor, int periodId, string language, IProgress<ReportStage>? progress, CancellationToken ct)
    {
        progress?.Report(ReportStage.Collecting);
        var model = await NationalModelAsync(actor, periodId, ct);
        progress?.Report(ReportStage.Rendering);
        var culture = CultureOf(language);
        var html = await NationalHtmlAsync(model, culture);
        progress?.Report(ReportStage.Printing);
        var content = await PrintAsync(html, culture, localizer.WithCulture(culture, "National_Title"), model.Scores, model.GeneratedAt, ct);
        progress?.Report(ReportStage.Ready);
        return FileDownload.Pdf(content, $"StrategyGov-National-{model.Scores.Period.Code}-{culture.TwoLetterISOLanguageName}.pdf");
    }

    public async Task<NationalReportModel> NationalModelAsync(Actor actor, int periodId, CancellationToken ct)
    {
        var current = await scores.GetPeriodAsync(actor, periodId, ct);
        var previousId = await PreviousPeriodIdAsync(periodId, ct);
        var previous = previousId is { } id ? await scores.GetPeriodAsync(actor, id, ct) : null;
        return NationalReportModel.Build(current, previous, platform.Value.TimeZoneInfo, Now());
    }

    public Task<string> NationalHtmlAsync(NationalReportModel model, CultureInfo culture) =>
        htmlRenderer.RenderAsync<NationalReport>(new Dictionary<string, object?> { [nameof(NationalReport.Model)] = model }, culture);

    public static CultureInfo CultureOf(string? language) =>
        Bilingual.CreateCulture(language is not null && Bilingual.Cultures.Contains(language) ? language : Bilingual.Arabic);

    private async Task<byte[]> PrintAsync(string html, CultureInfo culture, string subject, PeriodScores period, DateTime generatedAt, CancellationToken ct)
    {
        var setup = new PdfPageSetup(
            Bilingual.IsArabic(culture),
            $"{localizer.WithCulture(culture, "CenterName")} · {subject} · {Bidi.Ltr(period.Period.Code)}",
            $"{localizer.WithCulture(culture, "Report_GeneratedAt")}: {ReportDates.Gregorian(generatedAt, culture)}",
            localizer.WithCulture(culture, "Page"),
            localizer.WithCulture(culture, "Of"));
        return await pdf.RenderAsync(html, setup, ct);
    }

    private async Task<InstitutionTrend?> InstitutionTrendAsync(Actor actor, InstitutionScores current, CancellationToken ct)
    {
        if (await PreviousPeriodIdAsync(current.Period.Period.Id, ct) is not { } previousId)
        {
            return null;
        }

        InstitutionScores previous;
        try
        {
            previous = await scores.GetInstitutionAsync(actor, current.Institution.Id, previousId, ct);
        }
        catch (NotFoundException)
        {
            return null; // The institution was not expected to report in the previous period.
        }

        if (previous.Period.Framework.VersionId != current.Period.Framework.VersionId)
        {
            return null;
        }

        var before = previous.Entry.Result.Pillars.ToDictionary(p => p.Code, p => p.Verified.Score, StringComparer.Ordinal);
        return new InstitutionTrend(
            previous.Period.Period.Code,
            previous.Entry.Result.Verified,
            current.Entry.Result.Verified - previous.Entry.Result.Verified,
            current.Entry.Result.Pillars.ToDictionary(p => p.Code, p => p.Verified.Score - before.GetValueOrDefault(p.Code), StringComparer.Ordinal));
    }

    /// <summary>The started period that opened last before this one.</summary>
    private async Task<int?> PreviousPeriodIdAsync(int periodId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var periods = await db.Periods.AsNoTracking()
            .Where(p => p.Status != PeriodStatus.Planned || p.Id == periodId)
            .Select(p => new { p.Id, p.OpensOn })
            .ToListAsync(ct);
        var current = periods.SingleOrDefault(p => p.Id == periodId) ?? throw new NotFoundException();
        return periods.Where(p => p.OpensOn < current.OpensOn).OrderByDescending(p => p.OpensOn).Select(p => (int?)p.Id).FirstOrDefault();
    }

    private DateTime Now() => TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, platform.Value.TimeZoneInfo);
}
