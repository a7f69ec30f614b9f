using System.Globalization;
using ClosedXML.Excel;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Institutions;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The institution registry and types through the service as the center administrator, and the Excel
/// import: all or nothing, every error with its row and column, Arabic kept as written.
/// </summary>
public sealed class InstitutionRegistryTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private InstitutionService Institutions => app.Service<InstitutionService>();

    private InstitutionWorkbook Workbook => app.Service<InstitutionWorkbook>();

    [Fact]
    public async Task List_FilterAndSearch_FindsMunicipalitiesUnderAParentInArabic()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var all = await Institutions.ListAsync(admin, new InstitutionFilter(), None);
        var parent = all.First(r => r.TypeCode == "municipality" && r.ParentId is not null).ParentId;

        var children = await Institutions.ListAsync(admin, new InstitutionFilter(TypeCode: "municipality", ParentId: parent, Active: true), None);
        var searched = await Institutions.ListAsync(admin, new InstitutionFilter(Search: "الصحة"), None);

        Assert.True(all.Count >= 30);
        Assert.NotEmpty(children);
        Assert.All(children, r => Assert.Equal((parent, "municipality", true), (r.ParentId, r.TypeCode, r.IsActive)));
        Assert.Contains(searched, r => r.Code == "MOH");
    }

    [Fact]
    public async Task Save_NewThenEdited_IsStoredWithParent()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var form = new InstitutionForm { Code = "AMN-NORTH2", NameAr = "أمانة الشمال الثانية", NameEn = "Second Northern Municipality", TypeCode = "municipality", ParentCode = "MOMRA" };

        var id = await Institutions.SaveAsync(admin, null, form, None);
        form.NameEn = "Northern Municipality II";
        await Institutions.SaveAsync(admin, id, form, None);

        var stored = await Institutions.GetFormAsync(admin, id, None);
        Assert.Equal(("أمانة الشمال الثانية", "Northern Municipality II", "MOMRA"), (stored.NameAr, stored.NameEn, stored.ParentCode));
    }

    [Theory]
    [InlineData("moh", "ministry", null, "Inst_CodeTaken")]
    [InlineData("NEW-1", "embassy", null, "Inst_TypeUnknown")]
    [InlineData("NEW-2", "ministry", "NOPE", "Inst_ParentUnknown")]
    [InlineData("NEW 3", "ministry", null, "Inst_CodeInvalid")]
    public async Task Save_BrokenRule_IsRefused(string code, string type, string? parent, string reason)
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var form = new InstitutionForm { Code = code, NameAr = "جهة", NameEn = "Body", TypeCode = type, ParentCode = parent };

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Institutions.SaveAsync(admin, null, form, None));

        Assert.Equal(reason, refused.Message);
    }

    [Fact]
    public async Task Save_ParentUnderItself_IsRefusedAsALoop()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var momra = await app.InstitutionIdAsync("MOMRA");
        var child = (await Institutions.ListAsync(admin, new InstitutionFilter(ParentId: momra), None))[0];
        var form = await Institutions.GetFormAsync(admin, momra, None);
        form.ParentCode = child.Code;

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Institutions.SaveAsync(admin, momra, form, None));

        Assert.Equal("Inst_ParentLoop", refused.Message);
    }

    [Fact]
    public async Task Delete_InstitutionWithSubmissions_IsRefusedButCanBeDeactivated()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var id = await app.InstitutionIdAsync("MOI");

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Institutions.DeleteAsync(admin, id, None));
        await Institutions.SetActiveAsync(admin, id, false, None);

        Assert.Equal("Inst_HasSubmissions", refused.Message);
        Assert.False((await Institutions.GetFormAsync(admin, id, None)).IsActive);
        await Institutions.SetActiveAsync(admin, id, true, None);
    }

    [Fact]
    public async Task Delete_InstitutionWithoutSubmissions_IsRemoved()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var id = await Institutions.SaveAsync(admin, null, new InstitutionForm { Code = "TMP-DEL", NameAr = "جهة مؤقتة", NameEn = "Temporary", TypeCode = "authority" }, None);

        await Institutions.DeleteAsync(admin, id, None);

        await Assert.ThrowsAsync<NotFoundException>(() => Institutions.GetFormAsync(admin, id, None));
    }

    [Fact]
    public async Task Types_AddRenameDelete_InUseTypeCannotBeDeleted()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var ministry = (await Institutions.ListTypesAsync(admin, None)).Single(t => t.Code == "ministry");

        var id = await Institutions.SaveTypeAsync(admin, null, new InstitutionTypeForm { Code = "council", NameAr = "مجلس", NameEn = "Council", Order = 9 }, None);
        await Institutions.SaveTypeAsync(admin, id, new InstitutionTypeForm { Code = "council", NameAr = "مجلس وطني", NameEn = "National council", Order = 9 }, None);
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Institutions.DeleteTypeAsync(admin, ministry.Id, None));
        await Institutions.DeleteTypeAsync(admin, id, None);

        Assert.Equal("Inst_TypeInUse", refused.Message);
        Assert.True(ministry.InUse);
        Assert.DoesNotContain(await Institutions.ListTypesAsync(admin, None), t => t.Code == "council");
    }

    [Fact]
    public async Task Import_ValidSheet_CreatesAndUpdatesKeepingArabic()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var file = Sheet(
            ["Code", "NameAr", "NameEn", "Type", "Parent", "Active"],
            ["IMP-A", "هيئة الاتصال الرقمي", "Digital Communication Authority", "authority", "", "نعم"],
            ["IMP-B", "بلدية الواحة", "Oasis Municipality", "municipality", "IMP-A", "no"],
            ["MOH", "وزارة الصحة", "Ministry of Health", "ministry", "", "yes"]);

        var result = await Workbook.ImportAsync(admin, file, None);

        Assert.Empty(result.Errors);
        Assert.Equal((2, 1), (result.Created, result.Updated));
        var rows = (await Institutions.ListAsync(admin, new InstitutionFilter(Search: "IMP-"), None)).ToDictionary(r => r.Code);
        Assert.Equal("هيئة الاتصال الرقمي", rows["IMP-A"].NameAr);
        Assert.Equal(("IMP-A", false), (rows["IMP-B"].ParentCode, rows["IMP-B"].IsActive));
    }

    [Fact]
    public async Task Import_SheetWithErrors_ImportsNothingAndListsEveryRowAndColumn()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var before = await Institutions.ListAsync(admin, new InstitutionFilter(), None);
        var file = Sheet(
            ["Code", "NameAr", "NameEn", "Type", "Parent", "Active"],
            ["ERR-1", "جهة سليمة", "A valid body", "authority", "", ""],
            ["ERR-1", "جهة مكررة", "Duplicate", "authority", "", ""],
            ["ERR-3", "", "No Arabic name", "embassy", "", ""],
            ["ERR-4", "جهة", "Body", "authority", "NOWHERE", "maybe"]);

        var result = await Workbook.ImportAsync(admin, file, None);

        Assert.Equal(
            [(3, "Code", "Inst_Import_DuplicateCode"), (4, "NameAr", "Inst_NameRequired"), (4, "Type", "Inst_TypeUnknown"),
             (5, "Active", "Inst_Import_BadActive")],
            result.Errors.Where(e => e.Column != "Parent").Select(e => (e.Row, e.Column, e.MessageKey)).OrderBy(e => e.Row).ThenBy(e => e.Column));
        Assert.Equal(before.Count, (await Institutions.ListAsync(admin, new InstitutionFilter(), None)).Count);
    }

    [Fact]
    public async Task Import_MissingColumn_NamesTheColumn()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var file = Sheet(["Code", "NameAr", "Type"], ["X-1", "جهة", "authority"]);

        var result = await Workbook.ImportAsync(admin, file, None);

        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "NameEn", "Inst_Import_MissingColumn"), (error.Row, error.Column, error.MessageKey));
    }

    [Fact]
    public async Task Import_NotAnExcelFile_IsRefusedAsABadFile()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var result = await Workbook.ImportAsync(admin, new MemoryStream("Code,NameAr\nX,جهة"u8.ToArray()), None);

        Assert.Equal("Inst_Import_BadFile", Assert.Single(result.Errors).MessageKey);
    }

    [Fact]
    public async Task ExportThenImport_Registry_RoundTripsWithoutChanges()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var before = await Institutions.ListAsync(admin, new InstitutionFilter(), None);
        var exported = await Workbook.ExportAsync(admin, None);

        var result = await Workbook.ImportAsync(admin, new MemoryStream(exported.Content), None);

        Assert.Empty(result.Errors);
        Assert.Equal((0, before.Count), (result.Created, result.Updated));
        Assert.Equal(before, await Institutions.ListAsync(admin, new InstitutionFilter(), None));
    }

    [Theory]
    [InlineData("ar", "الجهات", "الرمز", "الاسم بالعربية")]
    [InlineData("en", "Institutions", "Code", "Name (Arabic)")]
    public async Task Export_InTheRequestedLanguage_HasItsHeadersAndImportsBack(string language, string sheetName, string code, string nameAr)
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Bilingual.CreateCulture(language);
        FileDownload exported;
        try
        {
            exported = await Workbook.ExportAsync(admin, None);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }

        var result = await Workbook.ImportAsync(admin, new MemoryStream(exported.Content), None);

        using var workbook = new XLWorkbook(new MemoryStream(exported.Content));
        var sheet = Assert.Single(workbook.Worksheets);
        Assert.Equal(sheetName, sheet.Name);
        Assert.Equal([code, nameAr], [sheet.Cell(1, 1).GetString(), sheet.Cell(1, 2).GetString()]);
        Assert.Empty(result.Errors);
    }

    private static MemoryStream Sheet(params string[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(InstitutionWorkbook.SheetName);
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 1, c + 1).Value = rows[r][c];
            }
        }

        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }
}
