using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StrategyGov.Data;
using StrategyGov.Data.Media;
using StrategyGov.Web.Features.Institutions;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Media.Journalists;

/// <summary>The outcome of a register import: nothing was written unless there is no error.</summary>
public sealed record RegisterImportResult(int Created, int Updated, IReadOnlyList<SheetError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// The register as a workbook of two sheets (Outlets, Journalists), and the bulk import of the same workbook.
/// A row with an Id changes that entry (if the actor may), a row without one adds an entry (proposed by an
/// institution, verified when the center imports). The whole file is checked first and every error is listed
/// with its sheet, row and column; only a file without any error is written, in one transaction. Digits may
/// be Arabic-Indic; enumerations may be written by name or by their label in either language.
/// </summary>
public sealed class JournalistWorkbook(IDbContextFactory<StrategyGovDbContext> dbFactory, JournalistService journalists, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    private TimeProvider Clock { get; } = clock;

    private IStringLocalizer<SharedResource> Localizer { get; } = localizer;

    public const string OutletSheet = "Outlets";
    public const string JournalistSheet = "Journalists";

    private static readonly string[] OutletColumns = ["Id", "NameAr", "NameEn", "Kind", "Website", "Status"];

    private static readonly string[] JournalistColumns =
    [
        "Id", "NameAr", "NameEn", "Outlet", "Role", "Position", "Beat", "Email", "Phone", "Handle", "PreferredChannel", "Languages",
        "AccreditationNumber", "AccreditedUntil", "Status", "ProposedBy",
    ];

    public async Task<FileDownload> ExportAsync(Actor actor, CancellationToken ct)
    {
        var outlets = await journalists.ListOutletsAsync(actor, null, ct);
        var rows = await journalists.ListAsync(actor, new JournalistFilter(), ct);
        using var workbook = new XLWorkbook();
        var outletSheet = ExcelSheets.Add(workbook, OutletSheet, OutletColumns);
        var r = 2;
        foreach (var o in outlets)
        {
            outletSheet.Cell(r, 1).Value = o.Id;
            ExcelSheets.Text(outletSheet.Cell(r, 2), o.NameAr);
            ExcelSheets.Text(outletSheet.Cell(r, 3), o.NameEn);
            ExcelSheets.Text(outletSheet.Cell(r, 4), o.Kind.ToString());
            ExcelSheets.Text(outletSheet.Cell(r, 5), o.Website);
            ExcelSheets.Text(outletSheet.Cell(r, 6), o.Status.ToString());
            r++;
        }

        ExcelSheets.Widths(outletSheet, 8, 34, 34, 14, 34, 12);
        var sheet = ExcelSheets.Add(workbook, JournalistSheet, JournalistColumns);
        r = 2;
        foreach (var j in rows)
        {
            sheet.Cell(r, 1).Value = j.Id;
            ExcelSheets.Text(sheet.Cell(r, 2), j.NameAr);
            ExcelSheets.Text(sheet.Cell(r, 3), j.NameEn);
            ExcelSheets.Text(sheet.Cell(r, 4), j.Outlet?.NameAr);
            ExcelSheets.Text(sheet.Cell(r, 5), j.Role.ToString());
            ExcelSheets.Text(sheet.Cell(r, 6), j.Position);
            ExcelSheets.Text(sheet.Cell(r, 7), j.Beat.ToString());

            // Contacts are personal data: officials get the register without them.
            ExcelSheets.Text(sheet.Cell(r, 8), j.Contacts?.Email);
            ExcelSheets.Text(sheet.Cell(r, 9), j.Contacts?.Phone);
            ExcelSheets.Text(sheet.Cell(r, 10), j.Contacts?.Handle);
            ExcelSheets.Text(sheet.Cell(r, 11), j.Contacts?.PreferredChannel?.ToString());
            ExcelSheets.Text(sheet.Cell(r, 12), string.Join(", ", j.Languages));
            ExcelSheets.Text(sheet.Cell(r, 13), j.AccreditationNumber);
            if (j.AccreditedUntil is { } until)
            {
                sheet.Cell(r, 14).Value = until.ToDateTime(TimeOnly.MinValue);
                sheet.Cell(r, 14).Style.DateFormat.Format = "yyyy-mm-dd";
            }

            ExcelSheets.Text(sheet.Cell(r, 15), j.Status.ToString());
            ExcelSheets.Text(sheet.Cell(r, 16), j.ProposedBy?.Code);
            r++;
        }

        ExcelSheets.Widths(sheet, 8, 30, 26, 28, 14, 24, 12, 30, 18, 16, 14, 18, 18, 14, 11, 12);
        return FileDownload.Xlsx(ExcelSheets.Save(workbook), "journalist-register.xlsx");
    }

    public async Task<RegisterImportResult> ImportAsync(Actor actor, Stream file, CancellationToken ct)
    {
        Actor.Ensure(actor.IsCenter || actor.IsInstitutionUser);
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(file);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever ClosedXML makes of a file that is not a workbook (a renamed PDF, a plain ZIP), nothing is read.
            return Failed(new SheetError(JournalistSheet, 0, string.Empty, "Media_Import_BadFile"));
        }

        using (workbook)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.AuditAs(actor);
            var import = new Import(this, actor, db);
            var result = await import.RunAsync(workbook, ct);
            return result;
        }
    }

    private static RegisterImportResult Failed(SheetError error) => new(0, 0, [error]);

    /// <summary>One import: reads both sheets, checks every row against the register as it would be, writes all or nothing.</summary>
    private sealed class Import(JournalistWorkbook owner, Actor actor, StrategyGovDbContext db)
    {
        private readonly List<SheetError> _errors = [];

        /// <summary>Whether a row changed its entry: a row that repeats the register (an export read back) is neither counted nor audited.</summary>
        private bool Changed(object entity)
        {
            var entry = db.Entry(entity);
            entry.DetectChanges();
            return entry.State == EntityState.Modified;
        }

        public async Task<RegisterImportResult> RunAsync(XLWorkbook workbook, CancellationToken ct)
        {
            var outletSheet = workbook.Worksheets.FirstOrDefault(w => string.Equals(w.Name, OutletSheet, StringComparison.OrdinalIgnoreCase));
            var journalistSheet = workbook.Worksheets.FirstOrDefault(w => string.Equals(w.Name, JournalistSheet, StringComparison.OrdinalIgnoreCase));
            if (journalistSheet is null && outletSheet is null)
            {
                return Failed(new SheetError(JournalistSheet, 0, string.Empty, "Media_Import_NoSheet", JournalistSheet));
            }

            var outlets = await db.MediaOutlets.Where(o => o.Status != RegisterStatus.Merged).ToListAsync(ct);
            var people = await db.Journalists.Where(j => j.Status != RegisterStatus.Merged).ToListAsync(ct);
            var now = owner.Clock.GetUtcNow().UtcDateTime;
            var created = 0;
            var updated = 0;

            // Outlets first: journalists below may name an outlet added in the same file.
            var outletRows = outletSheet is null ? [] : ReadOutlets(outletSheet);
            var byName = new Dictionary<string, MediaOutlet>(StringComparer.OrdinalIgnoreCase);
            foreach (var o in outlets)
            {
                byName.TryAdd(o.NameAr.Trim(), o);
                byName.TryAdd(o.NameEn.Trim(), o);
            }

            var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (row, id, form) in outletRows)
            {
                var target = Target(outlets, id, o => o.Id, o => (o.Status, o.ProposedByInstitutionId), OutletSheet, row);
                foreach (var problem in RegisterRules.Check(form))
                {
                    Error(OutletSheet, row, problem.Field.ToString(), problem.MessageKey, problem.Arguments);
                }

                var key = MediaNames.Key(form.NameAr);
                if (key.Length > 0 && !firstRowOf.TryAdd(key, row))
                {
                    Error(OutletSheet, row, "NameAr", "Media_Import_DuplicateRow", form.NameAr, firstRowOf[key]);
                }
                else if (outlets.FirstOrDefault(o => o.Id != id && (o.NameKey == key || string.Equals(o.NameEn, form.NameEn.Trim(), StringComparison.OrdinalIgnoreCase))) is { } existing)
                {
                    Error(OutletSheet, row, "NameAr", "Media_OutletDuplicate", existing.NameAr);
                }

                if (_errors.Count > 0)
                {
                    continue;
                }

                var outlet = target ?? new MediaOutlet
                {
                    NameAr = string.Empty, NameEn = string.Empty, NameKey = string.Empty,
                    Status = actor.IsCenter ? RegisterStatus.Verified : RegisterStatus.Proposed,
                    ProposedByInstitutionId = actor.IsCenter ? null : actor.InstitutionId,
                    CreatedAt = now,
                };
                JournalistService.Apply(outlet, form);
                if (target is null)
                {
                    outlet.UpdatedAt = now;
                    db.MediaOutlets.Add(outlet);
                    created++;
                }
                else if (Changed(target))
                {
                    target.UpdatedAt = now;
                    updated++;
                }

                byName[outlet.NameAr] = outlet;
                byName[outlet.NameEn] = outlet;
            }

            var journalistRows = journalistSheet is null ? [] : ReadJournalists(journalistSheet, byName);
            var firstJournalistRow = new Dictionary<(string, MediaOutlet?), int>();
            foreach (var (row, id, form, outlet) in journalistRows)
            {
                var target = Target(people, id, j => j.Id, j => (j.Status, j.ProposedByInstitutionId), JournalistSheet, row);
                foreach (var problem in RegisterRules.Check(form))
                {
                    Error(JournalistSheet, row, problem.Field.ToString(), problem.MessageKey, problem.Arguments);
                }

                var key = MediaNames.Key(form.NameAr);
                if (key.Length > 0 && !firstJournalistRow.TryAdd((key, outlet), row))
                {
                    Error(JournalistSheet, row, "NameAr", "Media_Import_DuplicateRow", form.NameAr, firstJournalistRow[(key, outlet)]);
                }
                else if (key.Length > 0 && outlet is not { Id: 0 } && people.FirstOrDefault(j => j.Id != id && j.NameKey == key && j.OutletId == outlet?.Id) is { } existing)
                {
                    Error(JournalistSheet, row, "NameAr", "Media_JournalistDuplicate", existing.NameAr);
                }

                if (_errors.Count > 0)
                {
                    continue;
                }

                var journalist = target ?? new Journalist
                {
                    NameAr = string.Empty, NameKey = string.Empty,
                    Status = actor.IsCenter ? RegisterStatus.Verified : RegisterStatus.Proposed,
                    ProposedByInstitutionId = actor.IsCenter ? null : actor.InstitutionId,
                    CreatedAt = now,
                    VerifiedAt = actor.IsCenter ? now : null,
                };
                JournalistService.Apply(journalist, form, curate: actor.IsCenter);
                if (outlet is { Id: 0 })
                {
                    journalist.Outlet = outlet; // added by this file: its key is known once saved
                }

                if (target is null)
                {
                    journalist.UpdatedAt = now;
                    db.Journalists.Add(journalist);
                    created++;
                }
                else if (Changed(target))
                {
                    target.UpdatedAt = now;
                    updated++;
                }
            }

            if (_errors.Count > 0)
            {
                return new RegisterImportResult(0, 0, _errors.OrderBy(e => e.Sheet == OutletSheet ? 0 : 1).ThenBy(e => e.Row).ToList());
            }

            if (outletRows.Count + journalistRows.Count == 0)
            {
                return Failed(new SheetError(JournalistSheet, 0, string.Empty, "Media_Import_Empty"));
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new RegisterImportResult(created, updated, []);
        }

        /// <summary>The entry a row with an Id changes: it must exist and be the actor's to change.</summary>
        private T? Target<T>(List<T> existing, int? id, Func<T, int> idOf, Func<T, (RegisterStatus Status, int? ProposedBy)> ownership, string sheet, int row)
            where T : class
        {
            if (id is null)
            {
                return null;
            }

            var entry = existing.FirstOrDefault(e => idOf(e) == id);
            if (entry is null)
            {
                Error(sheet, row, "Id", "Media_Import_UnknownId", id);
                return null;
            }

            var (status, proposedBy) = ownership(entry);
            if (!actor.IsCenter && !(status == RegisterStatus.Proposed && proposedBy is { } institution && actor.IsMemberOf(institution)))
            {
                Error(sheet, row, "Id", "Media_Import_NotYours", id);
                return null;
            }

            return entry;
        }

        private List<(int Row, int? Id, OutletForm Form)> ReadOutlets(IXLWorksheet sheet)
        {
            var columns = Columns(sheet, OutletColumns, ["NameAr", "NameEn", "Kind"]);
            var rows = new List<(int, int?, OutletForm)>();
            if (columns is null)
            {
                return rows;
            }

            foreach (var r in DataRows(sheet, columns))
            {
                string Text(string column) => Cell(sheet, r, columns, column);
                var kind = Enum<OutletKind>(sheet, r, "Kind", Text("Kind"), required: true);
                rows.Add((r, Id(sheet, r, columns), new OutletForm
                {
                    NameAr = Text("NameAr"),
                    NameEn = Text("NameEn"),
                    Kind = kind ?? OutletKind.Newspaper,
                    Website = Text("Website"),
                }));
            }

            return rows;
        }

        private List<(int Row, int? Id, JournalistForm Form, MediaOutlet? Outlet)> ReadJournalists(IXLWorksheet sheet, Dictionary<string, MediaOutlet> outlets)
        {
            var columns = Columns(sheet, JournalistColumns, ["NameAr", "Role", "Beat"]);
            var rows = new List<(int, int?, JournalistForm, MediaOutlet?)>();
            if (columns is null)
            {
                return rows;
            }

            foreach (var r in DataRows(sheet, columns))
            {
                string Text(string column) => Cell(sheet, r, columns, column);
                MediaOutlet? outlet = null;
                if (Text("Outlet") is { Length: > 0 } outletName && !outlets.TryGetValue(outletName, out outlet))
                {
                    Error(sheet.Name, r, "Outlet", "Media_Import_OutletUnknown", outletName);
                }

                var languages = MediaLabels.ParseList<MediaLanguage>(Text("Languages"), owner.Localizer);
                if (languages is null)
                {
                    Error(sheet.Name, r, "Languages", "Media_Import_BadValue", Text("Languages"));
                }

                rows.Add((r, Id(sheet, r, columns), new JournalistForm
                {
                    NameAr = Text("NameAr"),
                    NameEn = Text("NameEn"),
                    OutletId = outlet is { Id: > 0 } ? outlet.Id : null,
                    Role = Enum<JournalistRole>(sheet, r, "Role", Text("Role"), required: true) ?? JournalistRole.Reporter,
                    Position = Text("Position"),
                    Beat = Enum<MediaBeat>(sheet, r, "Beat", Text("Beat"), required: true) ?? MediaBeat.General,
                    Email = Text("Email"),
                    Phone = Text("Phone"),
                    Handle = Text("Handle"),
                    PreferredChannel = Enum<ContactChannel>(sheet, r, "PreferredChannel", Text("PreferredChannel"), required: false),
                    Languages = languages is { Count: > 0 } ? languages : languages is null ? [MediaLanguage.Arabic] : [],
                    AccreditationNumber = Text("AccreditationNumber"),
                    AccreditedUntil = Date(sheet, r, columns, "AccreditedUntil"),
                }, outlet));
            }

            return rows;
        }

        /// <summary>The column of each header (any order, any case); null and an error when a required one is missing.</summary>
        private Dictionary<string, int>? Columns(IXLWorksheet sheet, string[] known, string[] required)
        {
            var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var cell in sheet.Row(1).CellsUsed())
            {
                var header = cell.GetString().Trim();
                if (known.FirstOrDefault(k => string.Equals(k, header, StringComparison.OrdinalIgnoreCase)) is { } name)
                {
                    columns[name] = cell.Address.ColumnNumber;
                }
            }

            var missing = required.Where(c => !columns.ContainsKey(c)).ToList();
            foreach (var column in missing)
            {
                Error(sheet.Name, 1, column, "Media_Import_MissingColumn", column);
            }

            return missing.Count == 0 ? columns : null;
        }

        private static IEnumerable<int> DataRows(IXLWorksheet sheet, Dictionary<string, int> columns)
        {
            var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
            for (var r = 2; r <= last; r++)
            {
                if (columns.Values.All(c => sheet.Cell(r, c).IsEmpty() || sheet.Cell(r, c).GetString().Trim().Length == 0))
                {
                    continue;
                }

                yield return r;
            }
        }

        private static string Cell(IXLWorksheet sheet, int row, Dictionary<string, int> columns, string column) =>
            columns.TryGetValue(column, out var c) ? sheet.Cell(row, c).GetFormattedString().Trim() : string.Empty;

        private int? Id(IXLWorksheet sheet, int row, Dictionary<string, int> columns)
        {
            var text = MediaInput.Digits(Cell(sheet, row, columns, "Id"));
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                return id;
            }

            Error(sheet.Name, row, "Id", "Media_Import_NotWholeNumber", text);
            return null;
        }

        private DateOnly? Date(IXLWorksheet sheet, int row, Dictionary<string, int> columns, string column)
        {
            if (!columns.TryGetValue(column, out var c) || sheet.Cell(row, c).IsEmpty())
            {
                return null;
            }

            var cell = sheet.Cell(row, c);
            if (cell.DataType == XLDataType.DateTime)
            {
                return DateOnly.FromDateTime(cell.GetDateTime());
            }

            var text = cell.GetString();
            if (MediaInput.TryDate(text, out var date))
            {
                return date;
            }

            Error(sheet.Name, row, column, "Media_Import_NotDate", text.Trim());
            return null;
        }

        private T? Enum<T>(IXLWorksheet sheet, int row, string column, string text, bool required)
            where T : struct, Enum
        {
            if (text.Length == 0)
            {
                if (required)
                {
                    Error(sheet.Name, row, column, "Media_Import_Required");
                }

                return null;
            }

            var value = MediaLabels.Parse<T>(text, owner.Localizer);
            if (value is null)
            {
                Error(sheet.Name, row, column, "Media_Import_BadValue", text);
            }

            return value;
        }

        private void Error(string sheet, int row, string column, string key, params object[] arguments) =>
            _errors.Add(new SheetError(sheet, row, column, key, arguments));
    }
}
