using System.Text;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Seeding;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Framework;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// A framework as JSON (export → import → export gives the same bytes; an import with any error stores
/// nothing and says where) and as an Excel tree sheet read back with ClosedXML.
/// </summary>
public sealed class FrameworkJsonTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private FrameworkTransfer Transfer => app.Service<FrameworkTransfer>();

    [Fact]
    public async Task ExportImportExport_SeededFramework_SameBytesApartFromVersionNumber()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var exported = await app.ExportTextAsync(admin, await app.SeededVersionIdAsync());

        var result = await Transfer.ImportAsync(admin, Stream(exported), None);

        Assert.Empty(result.Errors);
        var again = await app.ExportTextAsync(admin, result.VersionId!.Value);
        Assert.Equal(FrameworkData.WithoutVersionNumber(exported), FrameworkData.WithoutVersionNumber(again));
        Assert.Contains("\"nameAr\": \"الحوكمة والتكامل المؤسسي\"", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SeedFileAsWritten_MatchesTheSeededVersion()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var seedFile = Path.Combine(SeedDataReader.Locate(AppContext.BaseDirectory)!, "strategy.json");

        var result = await Transfer.ImportAsync(admin, File.OpenRead(seedFile), None);

        Assert.Empty(result.Errors);
        Assert.Equal(
            FrameworkData.WithoutVersionNumber(await app.ExportTextAsync(admin, await app.SeededVersionIdAsync())),
            FrameworkData.WithoutVersionNumber(await app.ExportTextAsync(admin, result.VersionId!.Value)));
    }

    public static TheoryData<string, string, string> BrokenFiles() => new()
    {
        { "not JSON", "$", "FrameworkImport_BadJson" },
        { "missing required property", "$.pillars[0].practices[0].indicators[0]", "FrameworkImport_BadJson" },
        { "unknown property", "$.pillars[0].colour", "FrameworkImport_BadJson" },
        { "unknown measurement type", "$.pillars[0].practices[0].indicators[0].type", "FrameworkImport_BadJson" },
        { "duplicate indicator code", "$.pillars[2].practices[1].indicators[0]", "FrameworkIssue_CodeDuplicate" },
        { "target equal to baseline", "$.pillars[2].practices[0].indicators[0]", "FrameworkIssue_TargetEqualsBaseline" },
        { "unknown institution type", "$.pillars[0].practices[0].indicators[1]", "FrameworkIssue_UnknownInstitutionType" },
        { "practice without indicators", "$.pillars[1].practices[0]", "FrameworkIssue_PracticeWithoutIndicators" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task Import_BrokenFile_ImportsNothingAndSaysWhere(string broken, string path, string reason)
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var json = Break(await app.ExportTextAsync(admin, await app.SeededVersionIdAsync()), broken);
        var versionsBefore = await VersionCountAsync();

        var result = await Transfer.ImportAsync(admin, Stream(json), None);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Path == path && e.MessageKey == reason);
        Assert.Equal(versionsBefore, await VersionCountAsync());
    }

    [Fact]
    public async Task Import_ArabicText_IsPreservedExactly()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var json = JsonNode.Parse(await app.ExportTextAsync(admin, await app.SeededVersionIdAsync()))!;
        const string guidance = "يُرفق محضر الاجتماع موقّعاً، مع بيان «الرسائل الموحّدة» المعتمدة — دون اختصار.";
        json["pillars"]![0]!["practices"]![0]!["indicators"]![0]!["guidanceAr"] = guidance;

        var result = await Transfer.ImportAsync(admin, Stream(json.ToJsonString()), None);

        var tree = await app.Service<FrameworkService>().GetTreeAsync(admin, result.VersionId!.Value, None);
        Assert.Equal(guidance, tree.Pillars[0].Practices[0].Indicators[0].Form.GuidanceAr);
    }

    [Fact]
    public async Task ExportExcel_Arabic_OneRightToLeftTreeSheetWithSharesAsNumbers()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var file = await app.Service<FrameworkWorkbook>().ExportAsync(admin, await app.SeededVersionIdAsync(), "ar", None);

        using var workbook = new XLWorkbook(new MemoryStream(file.Content));
        var sheet = Assert.Single(workbook.Worksheets);
        Assert.True(sheet.RightToLeft);
        var rows = sheet.RowsUsed().Skip(1).ToList();
        Assert.Equal(8 + 23 + 61, rows.Count);
        Assert.Equal("الحوكمة والتكامل المؤسسي", rows[0].Cell(3).GetString());
        var shares = rows.Where(r => !r.Cell(6).IsEmpty()).Select(r => r.Cell(6).GetValue<decimal>()).ToList();
        Assert.Equal(61, shares.Count);
        Assert.Equal(1m, decimal.Round(shares.Sum(), 10));
    }

    private async Task<int> VersionCountAsync()
    {
        await using var db = await app.DbAsync();
        return await db.StrategyVersions.CountAsync();
    }

    private static MemoryStream Stream(string json) => new(Encoding.UTF8.GetBytes(json));

    private static string Break(string exported, string broken)
    {
        if (broken == "not JSON")
        {
            return "{ this is not json";
        }

        var json = JsonNode.Parse(exported)!;
        var pillars = json["pillars"]!.AsArray();
        JsonNode Indicator(int p, int q, int i) => pillars[p]!["practices"]![q]!["indicators"]![i]!;
        switch (broken)
        {
            case "missing required property": Indicator(0, 0, 0).AsObject().Remove("type"); break;
            case "unknown property": pillars[0]!["colour"] = "blue"; break;
            case "unknown measurement type": Indicator(0, 0, 0)["type"] = "Stars"; break;
            case "duplicate indicator code": Indicator(2, 1, 0)["code"] = Indicator(0, 0, 0)["code"]!.GetValue<string>(); break;
            case "target equal to baseline": Indicator(2, 0, 0)["target"] = Indicator(2, 0, 0)["baseline"]!.GetValue<decimal>(); break;
            case "unknown institution type": Indicator(0, 0, 1)["appliesTo"] = new JsonArray("ministry", "embassy"); break;
            case "practice without indicators": pillars[1]!["practices"]![0]!["indicators"] = new JsonArray(); break;
            default: throw new ArgumentOutOfRangeException(nameof(broken));
        }

        return json.ToJsonString();
    }
}
