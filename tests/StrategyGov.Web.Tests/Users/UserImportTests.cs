using ClosedXML.Excel;
using StrategyGov.Data.Identity;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Users;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Users;

/// <summary>
/// The bulk import of accounts from Excel: all or nothing, every error named by row and column, Arabic role
/// titles and Arabic-Indic digits understood, a file that is not a workbook refused; each new account invited.
/// </summary>
public sealed class UserImportTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly string[] Headers = ["Email", "FullName", "Roles", "Institution", "Phone"];

    private UserWorkbook Workbook => app.Service<UserWorkbook>();

    [Fact]
    public async Task Import_ValidSheet_CreatesAndInvitesEveryone()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var file = Sheet(
            Headers,
            ["amal.import@moh.gov.sa", "أمل السبيعي", "مساهم من الجهة", "MOH", "٠٥٠١٢٣٤٥٦٧"],
            ["fahad.import@east.gov.sa", "فهد الدوسري", "InstitutionDirector", "amn-east", ""],
            ["lama.import@center.gov.sa", "لمى الزهراني", "Center reviewer، Official", "", "+966 55 000 1111"]);

        var result = await Workbook.ImportAsync(admin, file, null, None);

        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Created.Count);
        Assert.All(result.Created, c => Assert.StartsWith("/account/link?token=sgl_", c.Link, StringComparison.Ordinal));
        var amal = await app.StoredUserAsync("amal.import@moh.gov.sa");
        var lama = await app.StoredUserAsync("lama.import@center.gov.sa");
        Assert.Equal(("0501234567", "InstitutionContributor", await app.InstitutionIdAsync("MOH")), (amal.PhoneNumber, amal.RoleNames, amal.InstitutionId));
        Assert.Equal(("+966550001111", "CenterReviewer,Official", null), (lama.PhoneNumber, lama.RoleNames, lama.InstitutionId));
        Assert.Equal("/account/login?notice=password-set", (await app.AcceptAsync(result.Created[1].Link!)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Import_SheetWithErrors_ImportsNothingAndNamesEveryRowAndColumn()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var before = (await app.Service<UserService>().ListAsync(admin, new UserFilter(), None)).Count;
        using var workbook = new XLWorkbook();
        var sheet = Fill(workbook, Headers,
            ["ok.row@moh.gov.sa", "صف سليم", "InstitutionContributor", "MOH", ""],
            ["ok.row@MOH.gov.sa", "مكرر", "InstitutionContributor", "MOH", ""],
            [DemoUsers.Reviewer, "موجود", "CenterReviewer", "", ""],
            ["role.unknown@moh.gov.sa", "دور", "Minister", "MOH", ""],
            ["inst.unknown@moh.gov.sa", "جهة", "InstitutionContributor", "NOWHERE", ""],
            ["center.with.inst@center.gov.sa", "مركز", "Official", "MOH", ""],
            ["phone.range@moh.gov.sa", "هاتف", "InstitutionContributor", "MOH", "١٢٣"],
            ["date.name@moh.gov.sa", "", "InstitutionContributor", "MOH", ""],
            ["", "بلا بريد", "InstitutionContributor", "MOH", ""]);
        sheet.Cell(9, 2).Value = new DateTime(2026, 12, 7);

        var result = await Workbook.ImportAsync(admin, Save(workbook), null, None);

        Assert.Empty(result.Created);
        Assert.Equal(
            [
                (3, "Email", "Users_Import_DuplicateEmail"),
                (4, "Email", "Users_Import_EmailExists"),
                (5, "Roles", "Users_RoleUnknown"),
                (6, "Institution", "Users_Import_InstitutionUnknown"),
                (7, "Institution", "Users_InstitutionForbidden"),
                (8, "Phone", "Users_PhoneInvalid"),
                (9, "FullName", "Users_Import_NotText"),
                (10, "Email", "Users_EmailRequired"),
            ],
            result.Errors.Select(e => (e.Row, e.Column, e.MessageKey)));
        Assert.Equal(before, (await app.Service<UserService>().ListAsync(admin, new UserFilter(), None)).Count);
    }

    [Fact]
    public async Task Import_MissingColumn_NamesTheColumn()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var result = await Workbook.ImportAsync(admin, Sheet(["Email", "Roles"], ["x@moh.gov.sa", "Official"]), null, None);

        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "FullName", "Users_Import_MissingColumn"), (error.Row, error.Column, error.MessageKey));
    }

    [Theory]
    [InlineData("Email,FullName,Roles\nx@moh.gov.sa,اسم,Official")]
    [InlineData("PK\u0003\u0004 not really a zip")]
    [InlineData("")]
    public async Task Import_FileThatIsNotAWorkbook_IsRefusedAsABadFile(string content)
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var result = await Workbook.ImportAsync(admin, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), null, None);

        Assert.Equal("Users_Import_BadFile", Assert.Single(result.Errors).MessageKey);
    }

    [Fact]
    public async Task Import_EmptySheet_SaysSo()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var result = await Workbook.ImportAsync(admin, Sheet(Headers), null, None);

        Assert.Equal("Users_Import_Empty", Assert.Single(result.Errors).MessageKey);
    }

    [Fact]
    public async Task Import_Director_IsRefused()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Workbook.ImportAsync(director, Sheet(Headers, ["d.import@moh.gov.sa", "اسم", "InstitutionContributor", "MOH", ""]), null, None));
    }

    [Fact]
    public async Task Template_HasTheColumnsAndExplainsRolesAndInstitutions()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var template = await Workbook.TemplateAsync(admin, None);

        using var workbook = new XLWorkbook(new MemoryStream(template.Content));
        var sheet = workbook.Worksheet(UserWorkbook.SheetName);
        Assert.Equal(Headers, Enumerable.Range(1, 5).Select(c => sheet.Cell(1, c).GetString()));
        var help = workbook.Worksheets.Skip(1).Single();
        var values = help.CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains(AppRoles.InstitutionContributor, values);
        Assert.Contains("MOH", values);
    }

    private static MemoryStream Sheet(string[] headers, params string[][] rows)
    {
        using var workbook = new XLWorkbook();
        Fill(workbook, headers, rows);
        return Save(workbook);
    }

    private static IXLWorksheet Fill(XLWorkbook workbook, string[] headers, params string[][] rows)
    {
        var sheet = workbook.Worksheets.Add(UserWorkbook.SheetName);
        foreach (var (row, r) in rows.Prepend(headers).Select((row, r) => (row, r)))
        {
            for (var c = 0; c < row.Length; c++)
            {
                sheet.Cell(r + 1, c + 1).SetValue(row[c]);
            }
        }

        return sheet;
    }

    private static MemoryStream Save(XLWorkbook workbook)
    {
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }
}
