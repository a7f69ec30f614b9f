using Microsoft.Extensions.Localization;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Council;

/// <summary>A meeting's minutes as a PDF in Arabic or English, for those who may see the meeting (ADRs 0001, 0097).</summary>
public sealed class CouncilMinutesReport(
    CouncilMeetingService meetings,
    ComponentHtmlRenderer htmlRenderer,
    PdfRenderer pdf,
    CouncilTime time,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<FileDownload> PdfAsync(Actor actor, int meetingId, string? language, CancellationToken ct)
    {
        var (html, meeting, culture) = await HtmlAsync(actor, meetingId, language, ct);
        var setup = new PdfPageSetup(
            Bilingual.IsArabic(culture),
            $"{localizer.WithCulture(culture, "CenterName")} · {localizer.WithCulture(culture, "Council_MinutesTitle")}",
            $"{localizer.WithCulture(culture, "Report_GeneratedAt")}: {ReportDates.Gregorian(time.ToLocal(time.UtcNow), culture)}",
            localizer.WithCulture(culture, "Page"),
            localizer.WithCulture(culture, "Of"));
        var content = await pdf.RenderAsync(html, setup, ct);
        var name = meeting.Number is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"id{meeting.Id}";
        return FileDownload.Pdf(content, $"council-minutes-{name}-{culture.TwoLetterISOLanguageName}.pdf");
    }

    /// <summary>The minutes as HTML (what Chromium prints), for tests and previews.</summary>
    public async Task<(string Html, MeetingView Meeting, System.Globalization.CultureInfo Culture)> HtmlAsync(
        Actor actor, int meetingId, string? language, CancellationToken ct)
    {
        var meeting = await meetings.GetAsync(actor, meetingId, ct);
        var culture = ReportService.CultureOf(language);
        var html = await htmlRenderer.RenderAsync<CouncilMinutesDocument>(
            new Dictionary<string, object?>
            {
                [nameof(CouncilMinutesDocument.Meeting)] = meeting,
                [nameof(CouncilMinutesDocument.GeneratedAt)] = time.ToLocal(time.UtcNow),
                [nameof(CouncilMinutesDocument.TimeZone)] = time.Zone.Id,
            },
            culture);
        return (html, meeting, culture);
    }
}
