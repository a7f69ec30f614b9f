namespace StrategyGov.Web.Features.Excel;

/// <summary>
/// One input cell of an answer row, whatever carried it: a workbook cell, a CSV field or a JSON value.
/// <see cref="Text"/> is what the sender wrote (for a number cell, as the workbook shows it).
/// </summary>
public sealed record AnswerCell(string Text, double? Number = null, bool? Boolean = null, bool Percent = false, bool Formula = false, string? ErrorValue = null)
{
    public static readonly AnswerCell Empty = new("");

    public bool IsEmpty => Text.Length == 0 && Number is null && Boolean is null && !Formula;
}

/// <summary>One row of answers: its number as the sender counts it, and its cells by <see cref="AnswerWorkbook"/> column (1-based).</summary>
public sealed record AnswerRow(int Number, IReadOnlyList<AnswerCell> Cells)
{
    public AnswerCell this[int column] => column - 1 < Cells.Count ? Cells[column - 1] : AnswerCell.Empty;

    /// <summary>A row from the four input fields and the indicator's code.</summary>
    public static AnswerRow Of(int number, AnswerCell code, AnswerCell value, AnswerCell notApplicable, AnswerCell justification, AnswerCell comment) =>
        new(number, [code, AnswerCell.Empty, AnswerCell.Empty, value, notApplicable, justification, comment]);
}

/// <summary>Rows to import and how their errors name the place: <see cref="Source"/> (sheet, file) and a label per column.</summary>
public sealed record AnswerRows(string Source, IReadOnlyList<AnswerRow> Rows, Func<int, string> ColumnLabel);

/// <summary>One answer as it is and as an import would leave it.</summary>
public sealed record AnswerDiff(string Indicator, AnswerState Before, AnswerState After);

public sealed record AnswerState(decimal? Value, bool NotApplicable, string? Justification, string? Comment);

/// <summary>
/// The outcome of writing answers through the API: the changes (made, or that would be made on a dry
/// run), every row error (then nothing is written) and the submission's version tag after it.
/// </summary>
public sealed record AnswerWriteResult(bool DryRun, IReadOnlyList<AnswerDiff> Changes, IReadOnlyList<ImportError> Errors, string ETag)
{
    public bool Succeeded => Errors.Count == 0;
}
