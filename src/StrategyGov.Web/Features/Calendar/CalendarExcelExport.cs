using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Calendar;

/// <summary>The calendar of a date range as an Excel sheet, in the current UI language (Arabic sheets right to left).</summary>
public sealed class CalendarExcelExport(CalendarService calendar, IStringLocalizer<SharedResource> L)
{
    /// <summary>Longest range one export may cover.</summary>
    public const int MaxDays = 800;

    public async Task<FileDownload> ExportAsync(Actor actor, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from || to.DayNumber - from.DayNumber > MaxDays)
        {
            throw new RuleViolationException("Calendar_ExportRangeInvalid", MaxDays);
        }

        var rows = await calendar.RangeAsync(actor, from, to, ct);
        using var workbook = new XLWorkbook();
        string[] headers =
        [
            L["Institution"], L["Calendar_EntryTitle"], L["Calendar_Kind"], L["Calendar_Pillar"], L["Calendar_Audience"],
            L["Calendar_Starts"], L["Calendar_Ends"], L["Calendar_HijriDate"], L["Calendar_AllDay"], L["Calendar_Location"],
            L["Calendar_Channels"], L["Calendar_HighProfile"], L["Status"], L["Calendar_Clashes"],
        ];
        var sheet = ExcelSheets.Add(workbook, L["Calendar_Title"].Value.Length > 31 ? "Calendar" : L["Calendar_Title"].Value, headers);
        var r = 2;
        foreach (var row in rows)
        {
            sheet.Cell(r, 1).Value = Bilingual.Pick(row.Institution.NameAr, row.Institution.NameEn);
            sheet.Cell(r, 2).Value = Bilingual.Pick(row.TitleAr, row.TitleEn);
            sheet.Cell(r, 3).Value = L[$"Calendar_Kind_{row.Kind}"].Value;
            sheet.Cell(r, 4).Value = $"{row.Pillar.Code} {Bilingual.Pick(row.Pillar.NameAr, row.Pillar.NameEn)}";
            sheet.Cell(r, 5).Value = CalendarDates.Names(row.Audiences);
            sheet.Cell(r, 6).Value = row.IsAllDay ? row.FirstDay.ToDateTime(TimeOnly.MinValue) : row.StartsLocal;
            sheet.Cell(r, 7).Value = row.IsAllDay ? row.LastDay.ToDateTime(TimeOnly.MinValue) : row.EndsLocal;
            sheet.Cell(r, 6).Style.DateFormat.Format = row.IsAllDay ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm";
            sheet.Cell(r, 7).Style.DateFormat.Format = row.IsAllDay ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm";
            sheet.Cell(r, 8).Value = ReportDates.Hijri(row.StartsLocal);
            sheet.Cell(r, 9).Value = row.IsAllDay ? L["Yes"].Value : L["No"].Value;
            sheet.Cell(r, 10).Value = row.Location ?? string.Empty;
            sheet.Cell(r, 11).Value = CalendarDates.Join(row.Channels.Select(ch => L[$"Calendar_Channel_{ch}"].Value));
            sheet.Cell(r, 12).Value = row.IsHighProfile ? L["Yes"].Value : L["No"].Value;
            sheet.Cell(r, 13).Value = L[$"Calendar_Status_{row.Status}"].Value;
            sheet.Cell(r, 14).Value = string.Join(" | ", row.Clashes.Select(c => $"{Bilingual.Pick(c.OtherTitleAr, c.OtherTitleEn)} — {Bilingual.Pick(c.OtherInstitutionAr, c.OtherInstitutionEn)}"));
            r++;
        }

        // Widths by hand: AdjustToContents needs libgdiplus (RECIPES.md).
        ExcelSheets.Widths(sheet, 34, 44, 16, 30, 28, 18, 18, 22, 9, 24, 28, 10, 12, 44);
        return FileDownload.Xlsx(ExcelSheets.Save(workbook), $"calendar-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.xlsx");
    }
}
