using System.Globalization;
using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Framework;

/// <summary>
/// The framework as one Excel tree sheet (pillar, practice and indicator rows in display order) with
/// every parameter and each indicator's effective share, in the chosen language (Arabic: right to left).
/// Names and guidance are given in both languages so one file serves both readers.
/// </summary>
public sealed class FrameworkWorkbook(FrameworkService frameworks, IStringLocalizer<SharedResource> localizer)
{

    public async Task<FileDownload> ExportAsync(Actor actor, int versionId, string language, CancellationToken ct)
    {
        var tree = await frameworks.GetTreeAsync(actor, versionId, ct);
        var culture = Bilingual.CreateCulture(Bilingual.Cultures.Contains(language) ? language : Bilingual.Arabic);
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        using var workbook = Build(tree);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return FileDownload.Xlsx(stream.ToArray(), $"{tree.Version.Code}-v{tree.Version.Version}-{culture.TwoLetterISOLanguageName}.xlsx");
    }

    private XLWorkbook Build(FrameworkTree tree)
    {
        var shares = (WeightShares.Compute(tree, null) ?? []).ToDictionary(s => s.IndicatorId, s => s.Share);
        var workbook = new XLWorkbook();
        string[] headers =
        [
            "Fw_Col_Level", "Col_Code", "Fw_Col_NameAr", "Fw_Col_NameEn", "Col_Weight", "Fw_Col_Share", "Fw_Col_Type", "Fw_Col_Baseline",
            "Fw_Col_Target", "Fw_Col_MaturityLevels", "EvidenceRequired", "Fw_Col_MinEvidence", "Fw_Col_AppliesTo", "Fw_Col_Frequency",
            "Fw_Col_ComputedFrom", "Fw_Col_GuidanceAr", "Fw_Col_GuidanceEn",
        ];
        var sheet = ExcelSheets.Add(workbook, localizer["Fw_SheetName"].Value, headers.Select(h => localizer[h].Value).ToList());

        var row = 2;
        foreach (var pillar in tree.Pillars)
        {
            WriteNode(sheet, row++, localizer["Fw_Pillar"], pillar.Form.Code, pillar.Form.NameAr, pillar.Form.NameEn, pillar.Form.Weight, bold: true);
            foreach (var practice in pillar.Practices)
            {
                WriteNode(sheet, row++, localizer["Fw_Practice"], practice.Form.Code, practice.Form.NameAr, practice.Form.NameEn, practice.Form.Weight, bold: false);
                foreach (var indicator in practice.Indicators)
                {
                    WriteIndicator(sheet, row++, indicator, shares.TryGetValue(indicator.Id, out var share) ? share : null);
                }
            }
        }

        sheet.Column(6).Style.NumberFormat.Format = "0.00%";
        sheet.Columns(1, 2).Width = 12;
        sheet.Columns(3, 4).Width = 50;
        sheet.Columns(5, 14).Width = 14;
        sheet.Column(15).Width = 36;
        sheet.Columns(16, 17).Width = 70;
        return workbook;
    }

    private static void WriteNode(IXLWorksheet sheet, int row, string level, string code, string nameAr, string nameEn, decimal weight, bool bold)
    {
        sheet.Cell(row, 1).Value = level;
        sheet.Cell(row, 2).Value = code;
        sheet.Cell(row, 3).Value = nameAr;
        sheet.Cell(row, 4).Value = nameEn;
        sheet.Cell(row, 5).Value = weight;
        sheet.Row(row).Style.Font.Bold = bold;
    }

    private void WriteIndicator(IXLWorksheet sheet, int row, IndicatorNode indicator, decimal? share)
    {
        var form = indicator.Form;
        WriteNode(sheet, row, localizer["Fw_Indicator"], form.Code, form.TextAr, form.TextEn, form.Weight, bold: false);
        if (share is { } value)
        {
            sheet.Cell(row, 6).Value = value;
        }

        sheet.Cell(row, 7).Value = localizer[$"MeasurementType_{form.Type}"].Value;
        if (form.IsTarget)
        {
            sheet.Cell(row, 8).Value = form.Baseline;
            sheet.Cell(row, 9).Value = form.Target;
        }

        if (form.Type == Scoring.MeasurementType.Maturity)
        {
            sheet.Cell(row, 10).Value = form.MaturityLevels;
        }

        sheet.Cell(row, 11).Value = form.EvidenceRequired ? localizer["Yes"].Value : localizer["No"].Value;
        sheet.Cell(row, 12).Value = form.MinEvidenceItems;
        sheet.Cell(row, 13).Value = form.ApplicableTypes.Count == 0 ? localizer["Fw_AllTypes"].Value : string.Join(", ", form.ApplicableTypes);
        sheet.Cell(row, 14).Value = localizer[$"Frequency_{form.Frequency}"].Value;
        sheet.Cell(row, 15).Value = form.ComputedFrom is { } source ? localizer[$"Computed_{source}"].Value : null;
        sheet.Cell(row, 16).Value = form.GuidanceAr;
        sheet.Cell(row, 17).Value = form.GuidanceEn;
    }
}
