using ClosedXML.Excel;
using StrategyGov.Scoring;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Shared;

/// <summary>How every StrategyGov workbook is laid out: a bold header row, right-to-left in Arabic, numbers as numbers.</summary>
public static class ExcelSheets
{
    /// <summary>A sheet right to left in Arabic (the current UI culture), with the header row written.</summary>
    public static IXLWorksheet Add(XLWorkbook workbook, string name, IReadOnlyList<string> headers) =>
        Add(workbook, name, Bilingual.IsArabic(), headers);

    public static IXLWorksheet Add(XLWorkbook workbook, string name, bool rightToLeft, IReadOnlyList<string> headers)
    {
        var sheet = workbook.Worksheets.Add(name);
        sheet.RightToLeft = rightToLeft;
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
        }

        var header = sheet.Range(1, 1, 1, headers.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E8EEF2");
        sheet.SheetView.FreezeRows(1);
        return sheet;
    }

    /// <summary>A score rounded as it is displayed (one decimal, half away from zero), stored as a number.</summary>
    public static void Score(IXLCell cell, decimal? score)
    {
        if (score is { } value)
        {
            cell.SetValue(ScoreDisplay.Round(value));
            cell.Style.NumberFormat.Format = "0.0";
        }
    }

    /// <summary>A raw value (reported, verified, a rank), stored as a number; empty when null.</summary>
    public static void Number(IXLCell cell, decimal? value)
    {
        if (value is { } v)
        {
            cell.SetValue(v);
        }
    }

    public static void Text(IXLCell cell, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            cell.SetValue(text);
            cell.DataType = XLDataType.Text;
        }
    }

    /// <summary>Column widths set by hand: AdjustToContents needs libgdiplus, which the server does not have.</summary>
    public static void Widths(IXLWorksheet sheet, params double[] widths)
    {
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }
    }

    public static byte[] Save(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
