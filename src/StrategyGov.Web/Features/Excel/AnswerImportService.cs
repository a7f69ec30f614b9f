using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Excel;

/// <summary>One problem in an uploaded workbook; <see cref="Row"/> is the Excel row number (0 for the whole file).</summary>
public sealed record ImportError(string Sheet, int Row, string Column, string Reason);

/// <summary>What an import did: every answer written and every new evidence link added, or nothing and every error.</summary>
public sealed record ImportResult(int Imported, IReadOnlyList<ImportError> Errors, int LinksAdded = 0)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// The offline way to self-report: a template per institution and period with its applicable indicators
/// (input cells validated by type, other columns protected), and an all-or-nothing upload into the
/// institution's draft. Values pass the same <see cref="AnswerRules"/> as the on-screen editor.
/// Only the institution's own directors and contributors, and the center, may use it.
/// </summary>
public sealed class AnswerImportService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    IStringLocalizer<SharedResource> localizer,
    TimeProvider clock)
{
    /// <summary>Uploads larger than this are refused before they are opened.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public async Task<FileDownload> TemplateAsync(Actor actor, int institutionId, int periodId, string language, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tree = await LoadAuthorisedAsync(db, actor, institutionId, periodId, ct);
        var culture = ReportService.CultureOf(language);
        var arabic = Bilingual.IsArabic(culture);
        string T(string key) => localizer.WithCulture(culture, key);

        var links = await LinksAsync(db, tree.Header.Id, ct);

        using var workbook = new XLWorkbook();
        var sheet = ExcelSheets.Add(workbook, AnswerWorkbook.SheetName(localizer, culture), arabic, AnswerWorkbook.Headers(localizer, culture));
        var yesNo = $"\"{T("Yes")},{T("No")}\"";
        var row = 2;
        foreach (var item in tree.Items)
        {
            ExcelSheets.Text(sheet.Cell(row, AnswerWorkbook.Code), item.Code);
            ExcelSheets.Text(sheet.Cell(row, AnswerWorkbook.Indicator), arabic ? item.TextAr : item.TextEn);
            ExcelSheets.Text(sheet.Cell(row, AnswerWorkbook.Expected), Expected(item, culture, T));
            var value = sheet.Cell(row, AnswerWorkbook.Value);
            if (item.Type == MeasurementType.YesNo)
            {
                ExcelSheets.Text(value, item.Value is { } v ? T(v > 0 ? "Yes" : "No") : null);
            }
            else
            {
                ExcelSheets.Number(value, item.Value);
            }

            ExcelSheets.Text(sheet.Cell(row, AnswerWorkbook.NotApplicable), item.NotApplicable ? T("Yes") : null);
            ExcelSheets.Text(sheet.Cell(row, AnswerWorkbook.Justification), item.Justification);
            ExcelSheets.Text(sheet.Cell(row, AnswerWorkbook.Comment), item.Comment);
            ExcelSheets.Text(sheet.Cell(row, AnswerWorkbook.EvidenceLinks), links.TryGetValue(item.IndicatorId, out var urls) ? string.Join('\n', urls) : null);
            row++;
        }

        foreach (var column in AnswerWorkbook.InputColumns.Where(_ => row > 2))
        {
            var inputs = sheet.Range(2, column, row - 1, column).Style;
            inputs.Protection.SetLocked(false);
            inputs.Fill.BackgroundColor = XLColor.FromHtml("#FFFBEA");
        }

        // A computed answer comes from the records (docs/decisions/0096): only its comment is an input.
        var r = 2;
        foreach (var item in tree.Items)
        {
            if (item.IsComputed)
            {
                var computed = sheet.Range(r, AnswerWorkbook.Value, r, AnswerWorkbook.Justification).Style;
                computed.Protection.SetLocked(true);
                computed.Fill.BackgroundColor = XLColor.FromHtml("#E8EEF2");
            }

            r++;
        }

        Validate(sheet, tree.Items.ToList(), yesNo);
        sheet.Column(AnswerWorkbook.Indicator).Style.Alignment.WrapText = true;
        sheet.Column(AnswerWorkbook.EvidenceLinks).Style.Alignment.WrapText = true;
        ExcelSheets.Widths(sheet, 10, 70, 26, 14, 12, 36, 36, 44);
        sheet.Protect();

        var meta = workbook.Worksheets.Add(AnswerWorkbook.MetaSheet);
        meta.Cell(1, 1).Value = tree.Header.InstitutionCode;
        meta.Cell(1, 2).Value = tree.Header.PeriodCode;
        meta.Visibility = XLWorksheetVisibility.VeryHidden;

        return FileDownload.Xlsx(
            ExcelSheets.Save(workbook),
            $"StrategyGov-{tree.Header.InstitutionCode}-{tree.Header.PeriodCode}-template-{culture.TwoLetterISOLanguageName}.xlsx");
    }

    // One data validation per run of rows of the same kind, not one per cell: Excel and ClosedXML slow
    // down with thousands of validations.
    private static void Validate(IXLWorksheet sheet, IReadOnlyList<AnswerItem> items, string yesNo)
    {
        var last = items.Count + 1;
        if (items.Count == 0)
        {
            return;
        }

        sheet.Range(2, AnswerWorkbook.NotApplicable, last, AnswerWorkbook.NotApplicable).SetDataValidation().List(yesNo, true);
        var start = 0;
        for (var i = 1; i <= items.Count; i++)
        {
            if (i < items.Count && Kind(items[i]) == Kind(items[start]))
            {
                continue;
            }

            var validation = sheet.Range(start + 2, AnswerWorkbook.Value, i + 1, AnswerWorkbook.Value).SetDataValidation();
            var item = items[start];
            switch (item.Type)
            {
                case MeasurementType.YesNo:
                    validation.List(yesNo, true);
                    break;
                case MeasurementType.Maturity:
                    validation.List($"\"{string.Join(',', Enumerable.Range(0, item.MaturityLevels + 1))}\"", true);
                    break;
                case MeasurementType.Percentage:
                    validation.Decimal.Between(0, 100);
                    break;
                default:
                    validation.Decimal.EqualOrGreaterThan(0);
                    break;
            }

            start = i;
        }

        static (MeasurementType, int) Kind(AnswerItem item) =>
            (item.Type is MeasurementType.TargetLowerIsBetter ? MeasurementType.TargetHigherIsBetter : item.Type, item.Type == MeasurementType.Maturity ? item.MaturityLevels : 0);
    }

    /// <summary>
    /// Validates every row of the uploaded workbook; with any error nothing is written and every error is
    /// returned (sheet, row, column, reason in the reader's language). Otherwise all answers are written
    /// in one transaction. Locked submissions and closed periods are refused.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Actor actor, int institutionId, int periodId, Stream upload, CancellationToken ct)
    {
        await using var db = (await dbFactory.CreateDbContextAsync(ct)).AuditAs(actor);
        var tree = await LoadAuthorisedAsync(db, actor, institutionId, periodId, ct);
        var submission = await EnsureEditableAsync(db, tree, periodId, ct);

        var (rows, fileErrors) = await ReadAsync(upload, tree, ct);
        if (fileErrors.Count > 0)
        {
            return new ImportResult(0, fileErrors);
        }

        var known = new KnownLinks(await LinksAsync(db, submission.Id, ct), actor.IsMemberOf(institutionId));
        var (changes, links, errors) = Validate(rows!, tree, known);
        if (errors.Count > 0)
        {
            return new ImportResult(0, errors);
        }

        await ApplyAsync(db, actor, submission, changes, links, expectedTag: null, ct);
        return new ImportResult(changes.Count, [], links.Count);
    }

    /// <summary>
    /// Answers sent by an institution's system (JSON or CSV rows): the same rules and messages as the
    /// workbook, all or nothing. Only answers that differ from what is stored are written; a dry run
    /// writes nothing and returns exactly the changes and errors a real run would. With
    /// <paramref name="ifMatch"/>, a submission changed since that tag is refused
    /// (<see cref="ConcurrencyConflictException"/>).
    /// </summary>
    public async Task<AnswerWriteResult> WriteAsync(
        Actor actor, int institutionId, int periodId, AnswerRows rows, bool dryRun, string? ifMatch, CancellationToken ct)
    {
        await using var db = (await dbFactory.CreateDbContextAsync(ct)).AuditAs(actor);
        var tree = await LoadAuthorisedAsync(db, actor, institutionId, periodId, ct);
        var submission = await EnsureEditableAsync(db, tree, periodId, ct);
        var tag = await TagAsync(db, submission.Id, ct);
        if (ifMatch is not null && ifMatch != "*" && ifMatch != tag)
        {
            throw new ConcurrencyConflictException();
        }

        // The API's rows carry no evidence links (AnswerRow.Of): links go through the evidence endpoints.
        var (changes, _, errors) = Validate(rows, tree, KnownLinks.None);
        var items = tree.Items.ToDictionary(i => i.IndicatorId);
        var diffs = changes
            .Select(c => (Change: c, Diff: new AnswerDiff(items[c.IndicatorId].Code, State(items[c.IndicatorId]), new AnswerState(c.Value, c.NotApplicable, Blank(c.Justification), Blank(c.Comment)))))
            .Where(d => d.Diff.Before != d.Diff.After)
            .ToList();
        if (errors.Count > 0)
        {
            return new AnswerWriteResult(dryRun, [], errors, tag);
        }

        if (dryRun || diffs.Count == 0)
        {
            return new AnswerWriteResult(dryRun, diffs.Select(d => d.Diff).ToList(), [], tag);
        }

        await ApplyAsync(db, actor, submission, diffs.Select(d => d.Change).ToList(), [], ifMatch is null or "*" ? null : tag, ct);
        return new AnswerWriteResult(false, diffs.Select(d => d.Diff).ToList(), [], await TagAsync(db, submission.Id, ct));
    }

    /// <summary>
    /// The version tag of a submission's answers (an HTTP ETag): it changes with every change of the
    /// submission's state and of any of its answers, as each one's version only grows.
    /// </summary>
    /// <summary>The ETag of a submission's answers: whoever may read the institution may read it (a read, not a write).</summary>
    public async Task<string> TagAsync(Actor actor, int institutionId, int periodId, CancellationToken ct)
    {
        actor.EnsureCanRead(institutionId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submissionId = await db.Submissions.Where(s => s.InstitutionId == institutionId && s.PeriodId == periodId)
            .Select(s => (int?)s.Id).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        return await TagAsync(db, submissionId, ct);
    }

    private static async Task<string> TagAsync(StrategyGovDbContext db, int submissionId, CancellationToken ct)
    {
        var version = await db.Submissions.Where(s => s.Id == submissionId).Select(s => s.Version).SingleAsync(ct);
        var answers = await db.Answers.Where(a => a.SubmissionId == submissionId)
            .GroupBy(a => 1).Select(g => new { Count = g.Count(), Versions = g.Sum(a => a.Version) }).SingleOrDefaultAsync(ct);
        return string.Create(CultureInfo.InvariantCulture, $"\"{version}.{answers?.Count ?? 0}.{answers?.Versions ?? 0}\"");
    }

    private static AnswerState State(AnswerItem item) => new(item.Value, item.NotApplicable, Blank(item.Justification), Blank(item.Comment));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static async Task<Submission> EnsureEditableAsync(StrategyGovDbContext db, SubmissionTree tree, int periodId, CancellationToken ct)
    {
        var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == tree.Header.Id, ct);
        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == periodId, ct);
        SubmissionWorkflow.EnsureEditable(submission, period);
        return submission;
    }

    /// <summary>Writes validated answers in one transaction; with <paramref name="expectedTag"/>, only if the submission has not changed meanwhile.</summary>
    private async Task ApplyAsync(
        StrategyGovDbContext db, Actor actor, Submission submission, IReadOnlyList<ImportedAnswer> changes, IReadOnlyList<ImportedLink> links, string? expectedTag, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var stillEditable = await db.Submissions
            .Where(s => s.Id == submission.Id && (s.Status == SubmissionStatus.Draft || s.Status == SubmissionStatus.Returned))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastActivityAt, now), ct);
        if (stillEditable == 0)
        {
            throw new RuleViolationException("Submission_Locked");
        }

        // Checked again inside the transaction, after the submission row is locked by the update above.
        if (expectedTag is not null && await TagAsync(db, submission.Id, ct) != expectedTag)
        {
            throw new ConcurrencyConflictException();
        }

        // Answers already there are changed through the change tracker; new ones, up to every indicator
        // of the framework, are inserted in bulk. Both are audited, in this transaction.
        var stored = await db.Answers.Where(a => a.SubmissionId == submission.Id).ToDictionaryAsync(a => a.IndicatorId, ct);
        var added = new List<Answer>();
        foreach (var change in changes)
        {
            if (!stored.TryGetValue(change.IndicatorId, out var answer))
            {
                answer = new Answer { SubmissionId = submission.Id, IndicatorId = change.IndicatorId };
                added.Add(answer);
            }

            AnswerUpdate.Apply(answer, change.Value, change.NotApplicable, change.Justification, change.Comment, now, actor.AccountId);
            answer.Version++;
        }

        // New links become link evidence of their answers, as if added one by one on the page (EvidenceService.AddLinkAsync).
        foreach (var link in links)
        {
            db.Evidence.Add(new Data.Reporting.Evidence
            {
                Id = Guid.NewGuid(),
                SubmissionId = submission.Id,
                IndicatorId = link.IndicatorId,
                Kind = EvidenceKind.Link,
                Url = link.Url,
                UploadedById = actor.UserId,
                UploadedAt = now,
            });
        }

        await db.SaveChangesAsync(ct);
        await BulkInsert.InsertAsync(db, added, ct);
        await AnswerPacking.RefreshAsync(db, [submission.Id], ct);
        await transaction.CommitAsync(ct);
    }

    private (List<ImportedAnswer> Changes, List<ImportedLink> Links, List<ImportError> Errors) Validate(AnswerRows rows, SubmissionTree tree, KnownLinks known)
    {
        var errors = new List<ImportError>();
        var changes = new List<ImportedAnswer>();
        var reader = new RowReader(rows, tree, known, this, localizer, errors);
        foreach (var row in rows.Rows)
        {
            if (reader.Read(row) is { } change)
            {
                changes.Add(change);
            }
        }

        return (changes, reader.NewLinks, errors);
    }

    private sealed record ImportedAnswer(int IndicatorId, decimal? Value, bool NotApplicable, string? Justification, string? Comment);

    private sealed record ImportedLink(int IndicatorId, string Url);

    /// <summary>The links already on each answer (so none is added twice) and whether the importer may add evidence at all.</summary>
    private sealed record KnownLinks(IReadOnlyDictionary<int, List<string>> ByIndicator, bool MayAdd)
    {
        public static readonly KnownLinks None = new(new Dictionary<int, List<string>>(), false);
    }

    /// <summary>The link evidence of a submission per indicator, oldest first, as stored (EvidenceLink's absolute form).</summary>
    private static async Task<Dictionary<int, List<string>>> LinksAsync(StrategyGovDbContext db, int submissionId, CancellationToken ct) =>
        (await db.Evidence.AsNoTracking()
            .Where(e => e.SubmissionId == submissionId && e.Kind == EvidenceKind.Link && e.Url != null)
            .Select(e => new { e.IndicatorId, e.Url, e.UploadedAt })
            .ToListAsync(ct))
        .OrderBy(e => e.UploadedAt)
        .GroupBy(e => e.IndicatorId)
        .ToDictionary(g => g.Key, g => g.Select(e => e.Url!).ToList());

    private async Task<SubmissionTree> LoadAuthorisedAsync(StrategyGovDbContext db, Actor actor, int institutionId, int periodId, CancellationToken ct)
    {
        actor.EnsureCanRead(institutionId);
        Actor.Ensure(actor.IsMemberOf(institutionId) || actor.IsCenter);

        var submissionId = await db.Submissions.Where(s => s.InstitutionId == institutionId && s.PeriodId == periodId)
            .Select(s => (int?)s.Id).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        return await SubmissionTree.LoadAsync(db, submissionId, ct) ?? throw new NotFoundException();
    }

    private async Task<(AnswerRows? Rows, List<ImportError> Errors)> ReadAsync(Stream upload, SubmissionTree tree, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        if (buffer.Length == 0)
        {
            return (null, [FileError("Import_Empty")]);
        }

        if (buffer.Length > MaxFileBytes)
        {
            return (null, [FileError("Import_TooLarge")]);
        }

        buffer.Position = 0;
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(buffer);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // ClosedXML throws a variety of exceptions for files that are not workbooks (zip, XML, format).
            return (null, [FileError("Import_NotExcel")]);
        }

        using (workbook)
        {
            var sheet = AnswerWorkbook.Cultures
                .Select(c => workbook.Worksheets.FirstOrDefault(w => w.Name == AnswerWorkbook.SheetName(localizer, c)))
                .FirstOrDefault(w => w is not null);
            if (sheet is null)
            {
                return (null, [FileError("Import_WrongSheet", AnswerWorkbook.SheetName(localizer, CultureInfo.CurrentUICulture))]);
            }

            // The template's hidden sheet says whose draft it is; without it the file is not one of ours.
            if (workbook.Worksheets.FirstOrDefault(w => w.Name == AnswerWorkbook.MetaSheet) is not { } meta)
            {
                return (null, [FileError("Import_NotTemplate")]);
            }

            if (meta.Cell(1, 1).GetString() != tree.Header.InstitutionCode || meta.Cell(1, 2).GetString() != tree.Header.PeriodCode)
            {
                return (null, [FileError("Import_OtherSubmission", meta.Cell(1, 1).GetString(), meta.Cell(1, 2).GetString())]);
            }

            // A template made before the evidence links column (seven columns) is still accepted.
            var headers = Enumerable.Range(1, AnswerWorkbook.HeaderKeys.Length).Select(c => sheet.Cell(1, c).GetString().Trim()).ToArray();
            var withoutLinks = headers[^1].Length == 0;
            if (!AnswerWorkbook.Cultures.Any(c => withoutLinks
                    ? AnswerWorkbook.Headers(localizer, c).Take(AnswerWorkbook.EvidenceLinks - 1).SequenceEqual(headers.Take(AnswerWorkbook.EvidenceLinks - 1))
                    : AnswerWorkbook.Headers(localizer, c).SequenceEqual(headers)))
            {
                return (null, [new ImportError(sheet.Name, 1, "", Text("Import_WrongColumns", string.Join(" | ", AnswerWorkbook.Headers(localizer, CultureInfo.CurrentUICulture))))]);
            }

            var errorCells = ExcelErrorCells.Find(buffer, sheet.Name);
            var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
            var rows = new List<AnswerRow>();
            for (var row = 2; row <= last; row++)
            {
                rows.Add(new AnswerRow(row, Enumerable.Range(1, AnswerWorkbook.HeaderKeys.Length)
                    .Select(c => Cell(sheet.Cell(row, c), errorCells.GetValueOrDefault((row, c)))).ToArray()));
            }

            var name = sheet.Name;
            var labels = headers;
            return (new AnswerRows(name, rows, column => $"{AnswerWorkbook.ColumnName(column)} ({labels[column - 1]})"), []);
        }
    }

    /// <summary>A workbook cell as the rules read it: a percentage-formatted number (0.5 shown "50%") is 50.</summary>
    private static AnswerCell Cell(IXLCell cell, string? errorValue) => new(
        cell.GetString(),
        cell.DataType == XLDataType.Number ? cell.GetDouble() : null,
        cell.DataType == XLDataType.Boolean ? cell.GetBoolean() : null,
        cell.DataType == XLDataType.Number && (cell.Style.NumberFormat.NumberFormatId is 9 or 10 || cell.Style.NumberFormat.Format.Contains('%', StringComparison.Ordinal)),
        cell.HasFormula,
        errorValue);

    private ImportError FileError(string key, params object[] arguments) => new("", 0, "", Text(key, arguments));

    private string Text(string key, params object[] arguments) => localizer[key, arguments];

    /// <summary>Reads and validates one row at a time, collecting every error rather than stopping at the first.</summary>
    private sealed class RowReader(AnswerRows rows, SubmissionTree tree, KnownLinks known, AnswerImportService service, IStringLocalizer localizer, List<ImportError> errors)
    {
        private readonly Dictionary<int, HashSet<string>> _links = known.ByIndicator.ToDictionary(k => k.Key, k => k.Value.Select(Canonical).ToHashSet(StringComparer.Ordinal));

        /// <summary>Links in the rows read so far that are not yet on their answers, each once.</summary>
        public List<ImportedLink> NewLinks { get; } = [];

        private readonly Dictionary<string, AnswerItem> _items = tree.Items.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _seen = new(StringComparer.OrdinalIgnoreCase);
        private readonly string[] _yes = AnswerWorkbook.Cultures.Select(c => localizer.WithCulture(c, "Yes")).ToArray();
        private readonly string[] _no = AnswerWorkbook.Cultures.Select(c => localizer.WithCulture(c, "No")).ToArray();

        public ImportedAnswer? Read(AnswerRow cells)
        {
            var row = cells.Number;
            if (cells.Cells.All(c => c.IsEmpty))
            {
                return null;
            }

            var before = errors.Count;
            foreach (var column in AnswerWorkbook.InputColumns.Where(c => cells[c].Formula))
            {
                Error(row, column, "Import_Formula");
            }

            // An error value (#DIV/0!) reads as empty: refused, so it never passes for "no answer".
            foreach (var column in AnswerWorkbook.InputColumns.Where(c => cells[c].ErrorValue is not null))
            {
                Error(row, column, "Import_ErrorCell", cells[column].ErrorValue!);
            }

            var code = cells[AnswerWorkbook.Code].Text.Trim();
            if (!_items.TryGetValue(code, out var item))
            {
                Error(row, AnswerWorkbook.Code, "Import_UnknownIndicator", code);
                return null;
            }

            if (_seen.TryGetValue(code, out var firstRow))
            {
                Error(row, AnswerWorkbook.Code, "Import_DuplicateIndicator", code, firstRow);
                return null;
            }

            _seen[code] = row;
            ReadLinks(cells[AnswerWorkbook.EvidenceLinks], row, item);
            if (errors.Count > before)
            {
                return null;
            }

            var notApplicable = YesNo(cells[AnswerWorkbook.NotApplicable], row, AnswerWorkbook.NotApplicable) ?? false;
            var justification = cells[AnswerWorkbook.Justification].Text;
            var comment = cells[AnswerWorkbook.Comment].Text;
            var valueCell = cells[AnswerWorkbook.Value];
            if (item.IsComputed)
            {
                return Computed(item, row, valueCell, notApplicable, comment, before);
            }

            decimal? value = null;
            if (!valueCell.IsEmpty && !notApplicable)
            {
                value = item.Type == MeasurementType.YesNo ? YesNo(valueCell, row, AnswerWorkbook.Value) is { } yes ? (yes ? 1m : 0m) : null : Number(valueCell, row);
                if (value is { } v && AnswerRules.ValidateValue(item.Type, item.MaturityLevels, v) is { } problem)
                {
                    Error(row, AnswerWorkbook.Value, problem);
                }
            }

            if (notApplicable && string.IsNullOrWhiteSpace(justification))
            {
                Error(row, AnswerWorkbook.Justification, "Validation_JustificationRequired");
            }

            TooLong(row, AnswerWorkbook.Justification, justification);
            TooLong(row, AnswerWorkbook.Comment, comment);

            // A row with nothing to report leaves the indicator as it is.
            if (errors.Count > before || (value is null && !notApplicable && string.IsNullOrWhiteSpace(comment)))
            {
                return null;
            }

            return new ImportedAnswer(item.IndicatorId, value, notApplicable, justification, comment);
        }

        /// <summary>
        /// A computed answer's row may carry a comment; its value and N/A come from the records, so a row
        /// that changes them is an error (leaving them as the template wrote them, or empty, is not).
        /// </summary>
        private ImportedAnswer? Computed(AnswerItem item, int row, AnswerCell valueCell, bool notApplicable, string comment, int before)
        {
            decimal? value = valueCell.IsEmpty || notApplicable ? null
                : item.Type == MeasurementType.YesNo ? YesNo(valueCell, row, AnswerWorkbook.Value) is { } yes ? (yes ? 1m : 0m) : null
                : Number(valueCell, row);
            if (errors.Count > before)
            {
                return null;
            }

            if ((value is not null && value != item.Value) || (notApplicable && !item.NotApplicable))
            {
                Error(row, AnswerWorkbook.Value, "Answer_ComputedReadOnly");
                return null;
            }

            return item.AnswerId is null || (comment.Trim() == (item.Comment ?? string.Empty))
                ? null
                : new ImportedAnswer(item.IndicatorId, item.Value, item.NotApplicable, item.Justification, comment);
        }

        /// <summary>
        /// The evidence links cell: one link per line, each checked as a link added on the page is
        /// (<see cref="EvidenceLink"/>); a link already on the answer, or given twice, is added once.
        /// </summary>
        private void ReadLinks(AnswerCell cell, int row, AnswerItem item)
        {
            var lines = cell.Text.Split(['\r', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in lines)
            {
                string url;
                try
                {
                    url = EvidenceLink.Validate(line);
                }
                catch (RuleViolationException)
                {
                    Error(row, AnswerWorkbook.EvidenceLinks, "Import_BadLink", Bidi.Ltr(line.Length > 80 ? line[..80] + "…" : line));
                    continue;
                }

                if (!_links.TryGetValue(item.IndicatorId, out var onAnswer))
                {
                    _links[item.IndicatorId] = onAnswer = new HashSet<string>(StringComparer.Ordinal);
                }

                if (!onAnswer.Add(url))
                {
                    continue;
                }

                if (!known.MayAdd)
                {
                    Error(row, AnswerWorkbook.EvidenceLinks, "Import_LinksMembersOnly");
                    return;
                }

                NewLinks.Add(new ImportedLink(item.IndicatorId, url));
            }
        }

        // Links stored before EvidenceLink normalised them compare in the same absolute form.
        private static string Canonical(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : url;

        private bool? YesNo(AnswerCell cell, int row, int column)
        {
            if (cell.IsEmpty)
            {
                return null;
            }

            if (cell.Boolean is { } boolean)
            {
                return boolean;
            }

            if (cell.Number is 0 or 1)
            {
                return cell.Number == 1;
            }

            var text = cell.Text.Trim();
            if (_yes.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }

            if (_no.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }

            Error(row, column, "Import_NotYesNo", text);
            return null;
        }

        /// <summary>
        /// A number as the sender shows it: a cell formatted as a percentage ("50%", stored 0.5) is 50; text is
        /// read as people type numbers (NumberText: Arabic-Indic digits, ٫, no decimal comma); anything too
        /// large or too precise to be stored exactly is a row error, never rounded or wrapped.
        /// </summary>
        private decimal? Number(AnswerCell cell, int row)
        {
            if (cell.Number is { } number)
            {
                var shown = cell.Percent ? number * 100 : number;
                if (double.IsNaN(shown) || Math.Abs(shown) > (double)NumberText.Max)
                {
                    Error(row, AnswerWorkbook.Value, "Number_TooLarge", cell.Text);
                    return null;
                }

                var value = Math.Round((decimal)shown, 10);
                if (NumberText.CheckStorable(value) is { } problem)
                {
                    Error(row, AnswerWorkbook.Value, problem, NumberText.Format(Math.Round(value, NumberText.MaxDecimals + 2)));
                    return null;
                }

                return value;
            }

            var text = cell.Text.Trim();
            if (NumberText.TryParse(text, out var parsed, out var key))
            {
                return parsed;
            }

            Error(row, AnswerWorkbook.Value, key!, text);
            return null;
        }

        private void TooLong(int row, int column, string? text)
        {
            if (text is not null && text.Trim().Length > TextLimits.Note)
            {
                Error(row, column, "Validation_TooLong", TextLimits.Note);
            }
        }

        private void Error(int row, int column, string key, params object[] arguments) =>
            errors.Add(new ImportError(rows.Source, row, rows.ColumnLabel(column), service.Text(key, arguments)));
    }

    private static string Expected(AnswerItem item, CultureInfo culture, Func<string, string> text) => item.IsComputed ? text("Import_ComputedExpected") : item.Type switch
    {
        MeasurementType.YesNo => $"{text("Yes")} / {text("No")}",
        MeasurementType.Percentage => "0–100 %",
        MeasurementType.Maturity => $"0–{item.MaturityLevels}",
        _ => $"≥ 0 {(Bilingual.IsArabic(culture) ? item.UnitAr : item.UnitEn)}".Trim(),
    };
}
