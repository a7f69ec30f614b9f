using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Identity;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Users;

/// <summary>
/// Users as Excel: the export of the list (a director's only of their own institution, through the same
/// service), the import template, and the bulk import of new accounts by a center administrator. The whole
/// file is checked first and every error is listed by row and column; only a file without any error is
/// written, in one transaction, and each new account is invited.
/// </summary>
public sealed class UserWorkbook(
    IServiceScopeFactory scopes,
    UserService users,
    AccountLinkService links,
    TimeProvider clock,
    IOptions<PlatformOptions> platform,
    IStringLocalizer<SharedResource> localizer)
{
    public const string SheetName = "Users";
    public const int MaxRows = 2000;

    /// <summary>The import's columns by header text (any order); Institution and Phone may be left out.</summary>
    public static readonly IReadOnlyList<(string Header, UserField Field, bool Required)> Columns =
    [
        ("Email", UserField.Email, true),
        ("FullName", UserField.FullName, true),
        ("Roles", UserField.Roles, true),
        ("Institution", UserField.Institution, false),
        ("Phone", UserField.Phone, false),
    ];

    public async Task<FileDownload> ExportAsync(Actor actor, CancellationToken ct)
    {
        var rows = await users.ListAsync(actor, new UserFilter(), ct);
        var zone = platform.Value.TimeZoneInfo;
        DateTime? Local(DateTime? utc) => utc is { } u ? TimeZoneInfo.ConvertTimeFromUtc(u, zone) : null;
        var sheet = new ExcelSheet(
            SheetName,
            ("Email", 34), ("FullName", 30), ("Roles", 34), ("Institution", 14), ("Phone", 16),
            (localizer["Status"].Value, 16), ("Entra ID", 10), (localizer["Users_LastSignIn"].Value, 18), (localizer["Users_Created"].Value, 18));
        foreach (var row in rows)
        {
            sheet.Add(row.Email, row.FullName, string.Join(", ", row.Roles), row.InstitutionCode, row.Phone,
                localizer[$"UserState_{row.State}"].Value, localizer[row.IsExternal ? "Yes" : "No"].Value, Local(row.LastSignInAt), Local(row.CreatedAt));
        }

        var suffix = actor.IsCenterAdmin ? string.Empty : "-" + (rows.FirstOrDefault()?.InstitutionCode ?? "team");
        return sheet.ToFile($"users{suffix}.xlsx");
    }

    /// <summary>The sheet to fill for an import, with the roles and institution codes it accepts on a second sheet.</summary>
    public async Task<FileDownload> TemplateAsync(Actor actor, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        var institutions = await users.InstitutionChoicesAsync(actor, ct);
        using var workbook = new XLWorkbook();
        var sheet = ExcelSheets.Add(workbook, SheetName, Columns.Select(c => c.Header).ToList());
        ExcelSheets.Widths(sheet, 34, 30, 34, 14, 16);
        sheet.Columns(1, 5).Style.NumberFormat.Format = "@";

        var help = ExcelSheets.Add(workbook, localizer["Users_Import_HelpSheet"].Value, [localizer["Users_Import_Value"].Value, localizer["Users_Import_Meaning"].Value]);
        ExcelSheets.Widths(help, 24, 70);
        var r = 2;
        foreach (var role in AppRoles.All)
        {
            ExcelSheets.Text(help.Cell(r, 1), role);
            ExcelSheets.Text(help.Cell(r++, 2), $"{localizer[$"Role_{role}"]} — {localizer[UserRules.CenterRoles.Contains(role) ? "Users_Import_NoInstitution" : "Users_Import_NeedsInstitution"]}");
        }

        r++;
        foreach (var institution in institutions)
        {
            ExcelSheets.Text(help.Cell(r, 1), institution.Code);
            ExcelSheets.Text(help.Cell(r++, 2), Bilingual.Pick(institution.NameAr, institution.NameEn));
        }

        return FileDownload.Xlsx(ExcelSheets.Save(workbook), "users-import-template.xlsx");
    }

    public async Task<UserImportResult> ImportAsync(Actor actor, Stream file, Uri? requestBase, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        var errors = new List<UserImportError>();
        List<(int Row, UserForm Form)> rows;
        await using var operation = IdentityOperation.Begin(scopes);
        var institutions = await operation.Db.Institutions.AsNoTracking()
            .Select(i => new { i.Id, i.Code, i.IsActive })
            .ToDictionaryAsync(i => i.Code, StringComparer.OrdinalIgnoreCase, ct);
        try
        {
            using var workbook = new XLWorkbook(file);
            rows = Read(workbook, errors, code => institutions.TryGetValue(code, out var i) && i.IsActive ? i.Id : null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever the upload is (a CSV renamed .xlsx, a broken zip, an empty file), the packaging and XML
            // readers fail in their own ways; the user is told the one thing that matters.
            return Failed(new UserImportError(0, string.Empty, "Users_Import_BadFile"));
        }

        if (errors.Any(e => e.Row <= 1))
        {
            return Failed([.. errors]);
        }

        var existing = (await operation.Db.Users.AsNoTracking().Select(u => u.NormalizedEmail).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, form) in rows)
        {
            errors.AddRange(UserRules.Check(form, institutionKnown: true)
                .Select(p => new UserImportError(row, HeaderOf(p.Field), p.MessageKey, p.Arguments)));
            if (form.Email.Length == 0)
            {
                continue;
            }

            var normalized = operation.Users.NormalizeEmail(form.Email);
            if (!firstRowOf.TryAdd(normalized, row))
            {
                errors.Add(new UserImportError(row, "Email", "Users_Import_DuplicateEmail", form.Email, firstRowOf[normalized]));
            }
            else if (existing.Contains(normalized))
            {
                errors.Add(new UserImportError(row, "Email", "Users_Import_EmailExists", form.Email));
            }
        }

        if (errors.Count > 0)
        {
            // One reason per cell: the first found (a cell that is not text, an unknown institution) says the most.
            return Failed([.. errors.DistinctBy(e => (e.Row, e.Column)).OrderBy(e => e.Row).ThenBy(e => ColumnOrder(e.Column))]);
        }

        operation.Db.AuditAs(actor, reason: "Excel import");
        var now = clock.GetUtcNow().UtcDateTime;
        var created = new List<(ApplicationUser User, AccountToken Entity, string Token)>();
        await using (var transaction = await operation.Db.Database.BeginTransactionAsync(ct))
        {
            foreach (var (_, form) in rows)
            {
                var user = UserService.NewUser(form, actor.UserId, now);
                var (entity, token) = await links.AddAsync(operation.Db, user, AccountTokenPurpose.Invitation, actor.UserId, ct);
                await UserService.SaveNewAsync(operation, user, form.Roles);
                created.Add((user, entity, token));
            }

            await transaction.CommitAsync(ct);
        }

        // Mailed (or handed back to be shown once) only after the accounts are committed.
        return new UserImportResult(created.Select(c => links.Deliver(c.User, c.Entity, c.Token, requestBase)).ToList(), []);
    }

    private static UserImportResult Failed(params UserImportError[] errors) => new([], errors);

    private static string HeaderOf(UserField field) => Columns.Single(c => c.Field == field).Header;

    private static int ColumnOrder(string header) => Columns.Select(c => c.Header).ToList().IndexOf(header);

    private List<(int Row, UserForm Form)> Read(XLWorkbook workbook, List<UserImportError> errors, Func<string, int?> institutionId)
    {
        var sheet = workbook.Worksheets.FirstOrDefault(w => w.Name == SheetName) ?? workbook.Worksheets.First();
        var columnOf = new Dictionary<UserField, int>();
        foreach (var cell in sheet.Row(1).CellsUsed())
        {
            var column = Columns.FirstOrDefault(c => string.Equals(c.Header, cell.GetString().Trim(), StringComparison.OrdinalIgnoreCase));
            if (column.Header is not null)
            {
                columnOf[column.Field] = cell.Address.ColumnNumber;
            }
        }

        foreach (var missing in Columns.Where(c => c.Required && !columnOf.ContainsKey(c.Field)))
        {
            errors.Add(new UserImportError(1, missing.Header, "Users_Import_MissingColumn", missing.Header));
        }

        var rows = new List<(int, UserForm)>();
        var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
        if (errors.Count > 0 || last - 1 > MaxRows)
        {
            if (errors.Count == 0)
            {
                errors.Add(new UserImportError(1, string.Empty, "Users_Import_TooManyRows", MaxRows));
            }

            return rows;
        }

        var roleNames = RoleNames();
        for (var r = 2; r <= last; r++)
        {
            var row = r;
            IXLCell? Cell(UserField field) => columnOf.TryGetValue(field, out var c) ? sheet.Cell(row, c) : null;
            if (Columns.All(c => Cell(c.Field) is not { } cell || cell.GetString().Trim().Length == 0))
            {
                continue;
            }

            // A date or number where text belongs is a mistake in the sheet, not something to guess at; a phone
            // typed as a number is taken as its digits.
            string Text(UserField field)
            {
                if (Cell(field) is not { } cell || cell.IsEmpty())
                {
                    return string.Empty;
                }

                if (field == UserField.Phone && cell.DataType == XLDataType.Number)
                {
                    return cell.GetDouble().ToString("0", CultureInfo.InvariantCulture);
                }

                if (cell.DataType is XLDataType.DateTime or XLDataType.Number or XLDataType.Boolean or XLDataType.TimeSpan)
                {
                    errors.Add(new UserImportError(row, HeaderOf(field), "Users_Import_NotText", cell.GetFormattedString()));
                    return string.Empty;
                }

                return cell.GetString().Trim();
            }

            var form = new UserForm
            {
                Email = Text(UserField.Email),
                FullName = Text(UserField.FullName),
                Phone = Text(UserField.Phone),
            };

            foreach (var name in Text(UserField.Roles).Split([',', '،', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                form.Roles.Add(roleNames.TryGetValue(name, out var role) ? role : name);
            }

            var code = UserRules.AsciiDigits(Text(UserField.Institution));
            if (code.Length > 0)
            {
                if (institutionId(code) is { } id)
                {
                    form.InstitutionId = id;
                }
                else
                {
                    errors.Add(new UserImportError(row, "Institution", "Users_Import_InstitutionUnknown", code));
                }
            }

            rows.Add((row, UserRules.Normalize(form)));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new UserImportError(1, string.Empty, "Users_Import_Empty"));
        }

        return rows;
    }

    /// <summary>A role as a person may type it: its name (CenterAdmin) or its title in Arabic or English.</summary>
    private Dictionary<string, string> RoleNames()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in AppRoles.All)
        {
            names[role] = role;
            foreach (var culture in Bilingual.Cultures)
            {
                var previous = CultureInfo.CurrentUICulture;
                CultureInfo.CurrentUICulture = Bilingual.CreateCulture(culture);
                try
                {
                    names[localizer[$"Role_{role}"].Value] = role;
                }
                finally
                {
                    CultureInfo.CurrentUICulture = previous;
                }
            }
        }

        return names;
    }
}
