using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StrategyGov.Data;
using StrategyGov.Data.Institutions;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Institutions;

/// <summary>
/// The registry as an Excel sheet, and the bulk import of the same sheet: a row whose code exists updates
/// that institution, any other row creates one. The whole file is checked first and every error is
/// listed (sheet, row, column, reason); only a file without any error is written, in one transaction.
/// The export's sheet and headers are in the requested language, like the other exports; an import reads
/// headers in either language or the plain field names (<c>Code</c>, <c>NameAr</c>, …).
/// </summary>
public sealed class InstitutionWorkbook(
    IDbContextFactory<StrategyGovDbContext> dbFactory, InstitutionService institutions, IStringLocalizer<SharedResource> localizer)
{
    public const string SheetName = "Institutions";

    /// <summary>The columns, by header text; the order of the export, any order in an import.</summary>
    public static readonly IReadOnlyList<(string Header, InstitutionField Field)> Columns =
    [
        ("Code", InstitutionField.Code),
        ("NameAr", InstitutionField.NameAr),
        ("NameEn", InstitutionField.NameEn),
        ("Type", InstitutionField.Type),
        ("Parent", InstitutionField.Parent),
        ("Active", InstitutionField.Active),
    ];

    public async Task<FileDownload> ExportAsync(Actor actor, CancellationToken ct)
    {
        var rows = await institutions.ListAsync(actor, new InstitutionFilter(), ct);
        using var workbook = new XLWorkbook();
        var sheet = ExcelSheets.Add(workbook, localizer["Inst_Xlsx_Sheet"], Columns.Select(c => localizer[HeaderKey(c.Field)].Value).ToList());
        var r = 2;
        foreach (var row in rows)
        {
            sheet.Cell(r, 1).Value = row.Code;
            sheet.Cell(r, 2).Value = row.NameAr;
            sheet.Cell(r, 3).Value = row.NameEn;
            sheet.Cell(r, 4).Value = row.TypeCode;
            sheet.Cell(r, 5).Value = row.ParentCode ?? string.Empty;
            sheet.Cell(r, 6).Value = row.IsActive;
            r++;
        }

        sheet.Column(1).Width = 14;
        sheet.Columns(2, 3).Width = 50;
        sheet.Columns(4, 6).Width = 14;
        return FileDownload.Xlsx(ExcelSheets.Save(workbook), "institutions.xlsx");
    }

    public async Task<InstitutionImportResult> ImportAsync(Actor actor, Stream file, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        List<(int Row, InstitutionForm Form)> rows;
        var errors = new List<SheetError>();
        try
        {
            using var workbook = new XLWorkbook(file);
            rows = Read(workbook, HeadersInEveryLanguage(), errors);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException or InvalidOperationException or FormatException
            or System.Xml.XmlException or NotSupportedException)
        {
            return Failed(new SheetError(SheetName, 0, string.Empty, "Inst_Import_BadFile"));
        }

        if (errors.Any(e => e.Row == 1))
        {
            return new InstitutionImportResult(0, 0, errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var existing = await db.Institutions.ToListAsync(ct);
        var types = await db.InstitutionTypes.ToListAsync(ct);
        var typeCodes = types.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);

        // The registry as it would be after the import, for parents and loops.
        var parents = existing.ToDictionary(i => i.Code, i => i.Parent?.Code, StringComparer.OrdinalIgnoreCase);
        var firstRowOfCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, form) in rows.Where(r => r.Form.Code.Trim().Length > 0))
        {
            if (!firstRowOfCode.TryAdd(form.Code.Trim(), row))
            {
                errors.Add(new SheetError(SheetName, row, "Code", "Inst_Import_DuplicateCode", form.Code.Trim(), firstRowOfCode[form.Code.Trim()]));
            }

            parents[form.Code.Trim()] = string.IsNullOrWhiteSpace(form.ParentCode) ? null : form.ParentCode.Trim();
        }

        foreach (var (row, form) in rows)
        {
            errors.AddRange(InstitutionRules.Check(form, typeCodes, parents)
                .Select(p => new SheetError(SheetName, row, Columns.Single(c => c.Field == p.Field).Header, p.MessageKey, p.Arguments)));
        }

        if (errors.Count > 0)
        {
            return new InstitutionImportResult(0, 0, errors.OrderBy(e => e.Row).ToList());
        }

        var byCode = existing.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var created = 0;
        foreach (var (_, form) in rows.Where(r => !byCode.ContainsKey(r.Form.Code.Trim())))
        {
            var institution = new Institution { Code = form.Code.Trim(), NameAr = string.Empty, NameEn = string.Empty };
            byCode[institution.Code] = institution;
            db.Institutions.Add(institution);
            created++;
        }

        foreach (var (_, form) in rows)
        {
            InstitutionService.Apply(byCode[form.Code.Trim()], form, types, byCode);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new InstitutionImportResult(created, rows.Count - created, []);
    }

    private static InstitutionImportResult Failed(SheetError error) => new(0, 0, [error]);

    private static string HeaderKey(InstitutionField field) => $"Inst_Xlsx_{field}";

    /// <summary>Header text → field: the plain field names and the headers of every language's export.</summary>
    private Dictionary<string, InstitutionField> HeadersInEveryLanguage()
    {
        var headers = new Dictionary<string, InstitutionField>(StringComparer.OrdinalIgnoreCase);
        foreach (var (header, field) in Columns)
        {
            headers[header] = field;
            foreach (var culture in Bilingual.Cultures.Select(Bilingual.CreateCulture))
            {
                headers[localizer.WithCulture(culture, HeaderKey(field))] = field;
            }
        }

        return headers;
    }

    private static List<(int Row, InstitutionForm Form)> Read(XLWorkbook workbook, Dictionary<string, InstitutionField> headers, List<SheetError> errors)
    {
        var sheet = workbook.Worksheets.First();
        var headerRow = sheet.Row(1);
        var columnOf = new Dictionary<InstitutionField, int>();
        foreach (var cell in headerRow.CellsUsed())
        {
            if (headers.TryGetValue(cell.GetString().Trim(), out var field))
            {
                columnOf[field] = cell.Address.ColumnNumber;
            }
        }

        foreach (var missing in Columns.Where(c => c.Field != InstitutionField.Parent && c.Field != InstitutionField.Active && !columnOf.ContainsKey(c.Field)))
        {
            errors.Add(new SheetError(sheet.Name, 1, missing.Header, "Inst_Import_MissingColumn", missing.Header));
        }

        var rows = new List<(int, InstitutionForm)>();
        if (errors.Count > 0)
        {
            return rows;
        }

        // Row errors found while reading (a bad Active value) are listed with the rule errors found later.

        var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
        for (var r = 2; r <= last; r++)
        {
            string Text(InstitutionField field) => columnOf.TryGetValue(field, out var c) ? sheet.Cell(r, c).GetString().Trim() : string.Empty;
            if (Columns.All(c => Text(c.Field).Length == 0))
            {
                continue;
            }

            var active = ParseActive(Text(InstitutionField.Active));
            if (active is null)
            {
                errors.Add(new SheetError(sheet.Name, r, "Active", "Inst_Import_BadActive", Text(InstitutionField.Active)));
            }

            rows.Add((r, new InstitutionForm
            {
                Code = Text(InstitutionField.Code),
                NameAr = Text(InstitutionField.NameAr),
                NameEn = Text(InstitutionField.NameEn),
                TypeCode = Text(InstitutionField.Type),
                ParentCode = Text(InstitutionField.Parent) is { Length: > 0 } parent ? parent : null,
                IsActive = active ?? true,
            }));
        }

        return rows;
    }

    // Empty means active; otherwise the words a person types in either language, or what the export writes.
    private static bool? ParseActive(string text) => text.ToLowerInvariant() switch
    {
        "" or "true" or "yes" or "1" or "نعم" or "فعالة" => true,
        "false" or "no" or "0" or "لا" or "موقوفة" => false,
        _ => null,
    };
}
