using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Media;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Media.Journalists;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The register's Excel import (ADR 0099): all or nothing, every error with its sheet, row and column;
/// Arabic-Indic digits and Arabic labels accepted; duplicates within the file and with the register refused;
/// a file that is not a workbook refused; what an institution imports is proposed, what the center imports verified.
/// </summary>
public sealed class MediaImportTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private JournalistWorkbook Workbook => app.Service<JournalistWorkbook>();

    private static readonly string[] JournalistHeaders = ["NameAr", "NameEn", "Outlet", "Role", "Position", "Beat", "Email", "Phone", "PreferredChannel", "Languages", "AccreditationNumber", "AccreditedUntil"];

    private static MemoryStream Book(IEnumerable<string?[]> journalists, IEnumerable<string?[]>? outlets = null)
    {
        using var workbook = new XLWorkbook();
        if (outlets is not null)
        {
            Fill(workbook.Worksheets.Add(JournalistWorkbook.OutletSheet), ["NameAr", "NameEn", "Kind", "Website"], outlets);
        }

        Fill(workbook.Worksheets.Add(JournalistWorkbook.JournalistSheet), JournalistHeaders, journalists);
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    private static void Fill(IXLWorksheet sheet, string[] headers, IEnumerable<string?[]> rows)
    {
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
        }

        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is { } text)
                {
                    sheet.Cell(r, c + 1).SetValue(text);
                }
            }

            r++;
        }
    }

    [Fact]
    public async Task Import_Institution_ArabicIndicDigitsAndArabicLabels_AddsProposalsAndANewOutlet()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        using var file = Book(
            [
                ["عادل بن سالم الحربي", "Adel Al Harbi", "الدمام اليوم", "مراسل", null, "الشؤون البلدية", "a.alharbi@dammam.example", "+٩٦٦ ٥٠ ١١١ ٢٢٣٣", "واتساب", "العربية، الإنجليزية", null, null],
                ["نوال بنت فهد الشهري", null, "The Gulf Observer", "Reporter", "Municipal reporter", "Municipal", null, null, "Email", "English", null, null],
            ],
            [["الدمام اليوم", "Dammam Today", "صحيفة", "https://dammamtoday.example"]]);

        var result = await Workbook.ImportAsync(director, file, None);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Sheet}/{e.Row}/{e.Column}: {e.MessageKey}")));
        Assert.Equal((3, 0), (result.Created, result.Updated));
        await using var db = await app.DbAsync();
        var adel = await db.Journalists.Include(j => j.Outlet).SingleAsync(j => j.NameEn == "Adel Al Harbi");
        Assert.Equal(RegisterStatus.Proposed, adel.Status);
        Assert.Equal("+966 50 111 2233", adel.Phone);
        Assert.Equal(ContactChannel.WhatsApp, adel.PreferredChannel);
        Assert.Equal([MediaLanguage.Arabic, MediaLanguage.English], adel.Languages);
        Assert.Equal("Dammam Today", adel.Outlet?.NameEn);
        Assert.Equal(RegisterStatus.Proposed, adel.Outlet?.Status);
        Assert.Equal(MediaBeat.Municipal, adel.Beat);
        Assert.Null(adel.AccreditationNumber);
    }

    [Fact]
    public async Task Import_AnyError_ImportsNothingAndNamesEveryRowAndColumn()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        using var file = Book(
        [
            ["سعاد بنت محمد المقبالية", null, "Al Watan Al Jadeed daily", "Reporter", null, "Health", "not-an-address", null, null, "Arabic", null, null],
            ["سعاد بنت محمد المقبالية", null, "Al Watan Al Jadeed daily", "Reporter", null, "Health", null, null, null, "Arabic", null, null],
            ["سالم بن حمد البوسعيدي", null, "Al Watan Al Jadeed daily", "Reporter", null, "Health", null, null, null, "Arabic", null, null],
            ["كريم بن علي", null, "صحيفة لا وجود لها", "Astronaut", null, "Health", null, "٠٥", null, "Klingon", null, "٢٠٢٧/١٣/٤٠"],
            [null, null, null, "Reporter", null, "Health", null, null, null, "Arabic", null, null],
        ]);
        var before = await CountAsync();

        var result = await Workbook.ImportAsync(admin, file, None);

        Assert.False(result.Succeeded);
        var errors = result.Errors.Select(e => (e.Row, e.Column, e.MessageKey)).ToList();
        Assert.Contains((2, "Email", "Media_EmailInvalid"), errors);
        Assert.Contains((3, "NameAr", "Media_Import_DuplicateRow"), errors);
        Assert.Contains((4, "NameAr", "Media_JournalistDuplicate"), errors);
        Assert.Contains((5, "Outlet", "Media_Import_OutletUnknown"), errors);
        Assert.Contains((5, "Role", "Media_Import_BadValue"), errors);
        Assert.Contains((5, "Phone", "Media_PhoneInvalid"), errors);
        Assert.Contains((5, "Languages", "Media_Import_BadValue"), errors);
        Assert.Contains((5, "AccreditedUntil", "Media_Import_NotDate"), errors);
        Assert.Contains((6, "NameAr", "Media_NameRequired"), errors);
        Assert.All(result.Errors, e => Assert.Equal(JournalistWorkbook.JournalistSheet, e.Sheet));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Import_NotAWorkbook_IsRefusedAsABadFile()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        using var pdf = new MemoryStream(SampleFiles.Pdf());
        using var zip = new MemoryStream(SampleFiles.PlainZip());

        var asPdf = await Workbook.ImportAsync(director, pdf, None);
        var asZip = await Workbook.ImportAsync(director, zip, None);

        Assert.Equal("Media_Import_BadFile", Assert.Single(asPdf.Errors).MessageKey);
        Assert.Equal("Media_Import_BadFile", Assert.Single(asZip.Errors).MessageKey);
    }

    [Fact]
    public async Task Import_MissingColumn_IsNamedOnTheHeaderRow()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(JournalistWorkbook.JournalistSheet);
        sheet.Cell(1, 1).Value = "NameAr";
        sheet.Cell(2, 1).Value = "اسم";
        using var file = new MemoryStream();
        workbook.SaveAs(file);
        file.Position = 0;

        var result = await Workbook.ImportAsync(director, file, None);

        Assert.Equal([(1, "Role"), (1, "Beat")], result.Errors.Select(e => (e.Row, e.Column)));
    }

    [Fact]
    public async Task Import_Center_RoundTripOfTheExport_UpdatesAndVerifies()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var export = await Workbook.ExportAsync(admin, None);
        using var stream = new MemoryStream(export.Content);
        using var book = new XLWorkbook(stream);
        var sheet = book.Worksheet(JournalistWorkbook.JournalistSheet);
        var salimRow = sheet.RowsUsed().Single(r => r.Cell(3).GetString() == MediaData.Salim).RowNumber();
        sheet.Cell(salimRow, 6).SetValue("رئيس قسم الصحة");
        using var changed = new MemoryStream();
        book.SaveAs(changed);
        changed.Position = 0;
        var maryamAudited = await AuditCountAsync(MediaData.Maryam);

        var result = await Workbook.ImportAsync(admin, changed, None);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Sheet}/{e.Row}/{e.Column}: {e.MessageKey}")));
        Assert.Equal((0, 1), (result.Created, result.Updated)); // the rows read back unchanged change nothing
        await using var db = await app.DbAsync();
        Assert.Equal("رئيس قسم الصحة", (await db.Journalists.SingleAsync(j => j.NameEn == MediaData.Salim)).Position);
        Assert.Equal(maryamAudited, await AuditCountAsync(MediaData.Maryam));
    }

    private async Task<int> AuditCountAsync(string journalistEn)
    {
        var key = (await app.JournalistIdAsync(journalistEn)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var db = await app.DbAsync();
        return await db.AuditEvents.CountAsync(e => e.EntityType == nameof(Journalist) && e.EntityKey == key);
    }

    [Fact]
    public async Task Import_InstitutionChangingAVerifiedEntry_IsRefusedForThatRow()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var salim = await app.JournalistIdAsync(MediaData.Salim);
        using var workbook = new XLWorkbook();
        Fill(workbook.Worksheets.Add(JournalistWorkbook.JournalistSheet), ["Id", "NameAr", "Role", "Beat", "Languages"],
            [[salim.ToString(System.Globalization.CultureInfo.InvariantCulture), "سالم البوسعيدي", "Reporter", "Health", "Arabic"]]);
        using var file = new MemoryStream();
        workbook.SaveAs(file);
        file.Position = 0;

        var result = await Workbook.ImportAsync(director, file, None);

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "Id", "Media_Import_NotYours"), (error.Row, error.Column, error.MessageKey));
    }

    [Fact]
    public async Task Import_Official_IsAccessDenied()
    {
        using var file = Book([]);

        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Workbook.ImportAsync(await app.ActorAsync(DemoUsers.Official), file, None));
    }

    private async Task<(int, int)> CountAsync()
    {
        await using var db = await app.DbAsync();
        return (await db.Journalists.CountAsync(), await db.MediaOutlets.CountAsync());
    }
}
