using ClosedXML.Excel;
using StrategyGov.Web.Features.Excel;

namespace StrategyGov.Testing;

/// <summary>Filling the answer template (Excel) as a media director would.</summary>
public static class AnswerTemplates
{
    /// <summary>
    /// A valid value in every row of the Arabic template, by the type its "expected" column states
    /// (yes/no, a level, a number or a percentage), except rows of computed indicators, whose value cell
    /// the template locks; returns the number of rows filled.
    /// </summary>
    public static int FillEveryRow(IXLWorksheet sheet)
    {
        var last = sheet.LastRowUsed()!.RowNumber();
        var filled = 0;
        for (var row = 2; row <= last; row++)
        {
            var expected = sheet.Cell(row, AnswerWorkbook.Expected).GetString();
            var value = sheet.Cell(row, AnswerWorkbook.Value);
            if (value.Style.Protection.Locked)
            {
                continue;
            }

            filled++;
            if (expected.Contains("نعم", StringComparison.Ordinal))
            {
                value.Value = "نعم";
            }
            else
            {
                value.Value = expected.StartsWith("0–", StringComparison.Ordinal) && !expected.Contains('%') ? 2 : 37.5;
            }
        }

        return filled;
    }
}
