using ClosedXML.Excel;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Shared;

/// <summary>
/// A one-sheet workbook of a table, as the exports of the registers use it: a bold frozen header row,
/// numbers and dates stored as such (not text), right to left in Arabic.
/// </summary>
public sealed class ExcelSheet(string name, params (string Header, double Width)[] columns)
{
    private readonly List<object?[]> _rows = [];

    public ExcelSheet Add(params object?[] values)
    {
        _rows.Add(values);
        return this;
    }

    public FileDownload ToFile(string fileName) => FileDownload.Xlsx(ToBytes(), fileName);

    private byte[] ToBytes()
    {
        using var workbook = new XLWorkbook();
        var sheet = ExcelSheets.Add(workbook, name, columns.Select(c => c.Header).ToList());
        ExcelSheets.Widths(sheet, columns.Select(c => c.Width).ToArray());

        for (var r = 0; r < _rows.Count; r++)
        {
            for (var c = 0; c < _rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (_rows[r][c])
                {
                    case null:
                        break;
                    case DateOnly date:
                        cell.Value = date.ToDateTime(TimeOnly.MinValue);
                        cell.Style.DateFormat.Format = "yyyy-mm-dd";
                        break;
                    case DateTime time:
                        cell.Value = time;
                        cell.Style.DateFormat.Format = "yyyy-mm-dd hh:mm";
                        break;
                    case string text:
                        // Stored as text even when it looks like a number (phone numbers, codes).
                        cell.SetValue(text);
                        cell.DataType = XLDataType.Text;
                        break;
                    case var value:
                        cell.Value = value;
                        break;
                }
            }
        }

        sheet.Range(1, 1, Math.Max(1, _rows.Count + 1), columns.Length).Style.Alignment.WrapText = true;
        return ExcelSheets.Save(workbook);
    }
}
