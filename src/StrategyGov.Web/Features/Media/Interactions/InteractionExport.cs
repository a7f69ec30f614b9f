using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Media.Interactions;

/// <summary>
/// The media log and its coverage as a workbook in the UI language (two sheets): what the actor may list, so
/// an institution user gets only their own institution's records and another institution's id is not found.
/// </summary>
public sealed class InteractionExport(InteractionService interactions, IStringLocalizer<SharedResource> L)
{
    public async Task<FileDownload> ExportAsync(Actor actor, DateOnly? from, DateOnly? to, int? institutionId, CancellationToken ct)
    {
        var filter = new InteractionFilter(from, to, institutionId);
        var rows = await interactions.ListAsync(actor, filter, ct);
        var coverage = await interactions.CoverageAsync(actor, filter, ct);
        using var workbook = new XLWorkbook();

        var log = ExcelSheets.Add(workbook, Sheet("Media_Interactions", "Interactions"),
        [
            L["Media_Date"], L["Calendar_HijriDate"], L["Institution"], L["Media_Kind"], L["Media_Topic"], L["Media_Participants"],
            L["Media_SeniorOfficial"], L["Calendar_Pillar"], L["Media_Campaign"], L["Media_Outcome"], L["Media_Coverage"],
        ]);
        var r = 2;
        foreach (var row in rows)
        {
            Date(log.Cell(r, 1), row.OccurredOn);
            ExcelSheets.Text(log.Cell(r, 2), ReportDates.Hijri(row.OccurredOn.ToDateTime(TimeOnly.MinValue)));
            ExcelSheets.Text(log.Cell(r, 3), Bilingual.Pick(row.Institution.NameAr, row.Institution.NameEn));
            ExcelSheets.Text(log.Cell(r, 4), L[MediaLabels.Key(row.Kind)]);
            ExcelSheets.Text(log.Cell(r, 5), row.Topic);
            ExcelSheets.Text(log.Cell(r, 6), string.Join(" | ", row.Participants.Select(p => p.JournalistId is null
                ? Bilingual.Pick(p.OutletAr, p.OutletEn)
                : $"{Bilingual.Pick(p.JournalistAr, p.JournalistEn)} ({Bilingual.Pick(p.OutletAr, p.OutletEn)})")));
            ExcelSheets.Text(log.Cell(r, 7), row.SeniorOfficial);
            ExcelSheets.Text(log.Cell(r, 8), row.Pillar is { } pillar ? $"{pillar.Code} {Bilingual.Pick(pillar.NameAr, pillar.NameEn)}" : null);
            ExcelSheets.Text(log.Cell(r, 9), row.Campaign is { } campaign ? Bilingual.Pick(campaign.TitleAr, campaign.TitleEn) : null);
            ExcelSheets.Text(log.Cell(r, 10), row.Outcome);
            log.Cell(r, 11).Value = row.Coverage.Count;
            r++;
        }

        ExcelSheets.Widths(log, 12, 22, 30, 18, 44, 48, 24, 26, 30, 44, 10);

        var items = ExcelSheets.Add(workbook, Sheet("Media_Coverage", "Coverage"),
            [L["Media_PublishedOn"], L["Institution"], L["Media_Outlet"], L["Media_Headline"], L["Media_Tone"], L["Media_Reach"], L["Media_Link"]]);
        r = 2;
        foreach (var item in coverage)
        {
            Date(items.Cell(r, 1), item.PublishedOn);
            ExcelSheets.Text(items.Cell(r, 2), Bilingual.Pick(item.Institution.NameAr, item.Institution.NameEn));
            ExcelSheets.Text(items.Cell(r, 3), Bilingual.Pick(item.Outlet.NameAr, item.Outlet.NameEn));
            ExcelSheets.Text(items.Cell(r, 4), item.Headline);
            ExcelSheets.Text(items.Cell(r, 5), L[MediaLabels.Key(item.Tone)]);
            ExcelSheets.Number(items.Cell(r, 6), item.Reach);
            ExcelSheets.Text(items.Cell(r, 7), item.Url);
            r++;
        }

        ExcelSheets.Widths(items, 12, 30, 28, 50, 12, 12, 40);
        var name = $"media-log{(from is { } f ? $"-{f:yyyy-MM-dd}" : "")}{(to is { } t ? $"-{t:yyyy-MM-dd}" : "")}.xlsx";
        return FileDownload.Xlsx(ExcelSheets.Save(workbook), name);
    }

    private static void Date(IXLCell cell, DateOnly day)
    {
        cell.Value = day.ToDateTime(TimeOnly.MinValue);
        cell.Style.DateFormat.Format = "yyyy-mm-dd";
    }

    private string Sheet(string key, string fallback) => L[key].Value is { Length: <= 31 } name ? name : fallback;
}
