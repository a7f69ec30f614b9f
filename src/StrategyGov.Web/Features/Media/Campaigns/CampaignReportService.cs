using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Media.Campaigns;

/// <summary>The campaign, and when its report was generated (platform time).</summary>
public sealed record CampaignReportModel(CampaignView View, DateTime GeneratedAt);

/// <summary>
/// The one-page campaign report (plan and results) in Arabic or English: the campaign read through
/// <see cref="CampaignService"/> (which decides who may read it), rendered by a Razor component and printed
/// by the shared Chromium (ADR 0001).
/// </summary>
public sealed class CampaignReportService(
    CampaignService campaigns,
    ComponentHtmlRenderer htmlRenderer,
    PdfRenderer pdf,
    IStringLocalizer<SharedResource> localizer,
    IOptions<PlatformOptions> platform,
    TimeProvider clock)
{
    public async Task<FileDownload> PdfAsync(Actor actor, int campaignId, string? language, CancellationToken ct)
    {
        var (html, model, culture) = await HtmlAsync(actor, campaignId, language, ct);
        var arabic = Bilingual.IsArabic(culture);
        var title = arabic ? model.View.Row.TitleAr : model.View.Row.TitleEn;
        var setup = new PdfPageSetup(
            arabic,
            $"{localizer.WithCulture(culture, "CenterName")} · {title}",
            $"{localizer.WithCulture(culture, "Report_GeneratedAt")}: {ReportDates.Gregorian(model.GeneratedAt, culture)}",
            localizer.WithCulture(culture, "Page"),
            localizer.WithCulture(culture, "Of"));
        var content = await pdf.RenderAsync(html, setup, ct);
        return FileDownload.Pdf(content, $"StrategyGov-campaign-{campaignId}-{culture.TwoLetterISOLanguageName}.pdf");
    }

    /// <summary>The report as HTML (what Chromium prints), for tests and previews.</summary>
    public async Task<(string Html, CampaignReportModel Model, System.Globalization.CultureInfo Culture)> HtmlAsync(Actor actor, int campaignId, string? language, CancellationToken ct)
    {
        var culture = ReportService.CultureOf(language);
        var view = await campaigns.GetAsync(actor, campaignId, ct);
        var model = new CampaignReportModel(view, TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, platform.Value.TimeZoneInfo));
        var html = await htmlRenderer.RenderAsync<CampaignReport>(new Dictionary<string, object?> { [nameof(CampaignReport.Model)] = model }, culture);
        return (html, model, culture);
    }
}
