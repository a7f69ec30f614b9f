using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Reports;

public sealed record ReportFile(byte[] Content, string FileName);

/// <summary>Builds measurement reports; authorisation comes from the score service it reads through.</summary>
public sealed class ReportService(
    ScoreService scores,
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    ComponentHtmlRenderer htmlRenderer,
    PdfRenderer pdf,
    IStringLocalizer<SharedResource> localizer,
    IOptions<PlatformOptions> platform,
    TimeProvider clock)
{
    public async Task<ReportFile> InstitutionPdfAsync(Actor actor, int institutionId, int periodId, string language, CancellationToken ct)
    {
        var (html, model, culture) = await InstitutionHtmlAsync(actor, institutionId, periodId, language, ct);
        CultureInfo.CurrentUICulture = culture;
        var setup = new PdfPageSetup(
            Bilingual.IsArabic(culture),
            $"{localizer["CenterName"]} · {Bilingual.Pick(model.Scores.Institution.NameAr, model.Scores.Institution.NameEn)} · {Bidi.Ltr(model.Scores.Period.Period.Code)}",
            $"{localizer["Report_GeneratedAt"]}: {ReportDates.Gregorian(model.GeneratedAt, culture)}",
            localizer["Page"],
            localizer["Of"]);
        var content = await pdf.RenderAsync(html, setup, ct);
        return new ReportFile(content, $"StrategyGov-{model.Scores.Institution.Code}-{model.Scores.Period.Period.Code}-{culture.TwoLetterISOLanguageName}.pdf");
    }

    /// <summary>The report as HTML (what Chromium prints), for previews, tests and benchmarks.</summary>
    public async Task<(string Html, InstitutionReportModel Model, CultureInfo Culture)> InstitutionHtmlAsync(
        Actor actor, int institutionId, int periodId, string language, CancellationToken ct)
    {
        var culture = Bilingual.CreateCulture(Bilingual.Cultures.Contains(language) ? language : Bilingual.Arabic);
        var institution = await scores.GetInstitutionAsync(actor, institutionId, periodId, ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var comments = await db.Answers.AsNoTracking()
            .Where(a => a.SubmissionId == institution.Institution.SubmissionId && a.ReviewComment != null)
            .Select(a => new { a.Indicator.Code, a.ReviewComment })
            .ToDictionaryAsync(a => a.Code, a => a.ReviewComment!, ct);

        var generated = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, platform.Value.TimeZoneInfo);
        var model = new InstitutionReportModel(institution, comments, generated);
        var html = await htmlRenderer.RenderAsync<InstitutionReport>(new Dictionary<string, object?> { [nameof(InstitutionReport.Model)] = model }, culture);
        return (html, model, culture);
    }
}
