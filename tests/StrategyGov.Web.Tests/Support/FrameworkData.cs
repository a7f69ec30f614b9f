using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Framework;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Framework;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Tests.Support;

/// <summary>Versions of the seeded strategy and drafts made from it, for the framework tests.</summary>
public static partial class FrameworkData
{
    public static async Task<int> SeededVersionIdAsync(this StrategyGovAppFactory app)
    {
        await using var db = await app.DbAsync();
        return await db.StrategyVersions.Where(v => v.Code == "GCS" && v.Version == 1).Select(v => v.Id).SingleAsync();
    }

    /// <summary>A new draft copied from the seeded (published) version, as the admin makes it.</summary>
    public static async Task<int> DraftCopyAsync(this StrategyGovAppFactory app)
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        return await app.Service<FrameworkService>().CreateDraftAsync(admin, await app.SeededVersionIdAsync(), new VersionForm(), CancellationToken.None);
    }

    public static async Task<StrategyStatus> StatusAsync(this StrategyGovAppFactory app, int versionId)
    {
        await using var db = await app.DbAsync();
        return await db.StrategyVersions.Where(v => v.Id == versionId).Select(v => v.Status).SingleAsync();
    }

    public static async Task<string> ExportTextAsync(this StrategyGovAppFactory app, Actor actor, int versionId) =>
        Encoding.UTF8.GetString((await app.Service<FrameworkTransfer>().ExportAsync(actor, versionId, CancellationToken.None)).Content);

    /// <summary>An export with its version number blanked: the one thing an import or a copy assigns anew.</summary>
    public static string WithoutVersionNumber(string json) => VersionLine().Replace(json, "\"version\": 0,", 1);

    [GeneratedRegex("\"version\": \\d+,")]
    private static partial Regex VersionLine();
}
