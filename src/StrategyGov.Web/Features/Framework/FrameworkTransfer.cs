using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Seeding;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Framework;

/// <summary>One reason an import was refused: where (a JSON path such as <c>$.pillars[2].practices[0]</c>) and why.</summary>
public sealed record ImportError(string Path, string MessageKey, params object[] Arguments);

/// <summary>The new draft's id, or every error found (and nothing imported).</summary>
public sealed record FrameworkImportResult(int? VersionId, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => VersionId is not null;
}

/// <summary>
/// A whole framework as JSON in the shape of seed-data/strategy.json. Export → import → export gives
/// the same bytes (apart from the version number the import assigns). An import is checked completely
/// (format, then every publishing rule) and stored as a new draft only when nothing is wrong.
/// </summary>
public sealed class FrameworkTransfer(IDbContextFactory<StrategyGovDbContext> dbFactory, FrameworkService frameworks, ComputedCatalog computed)
{
    public const long MaxImportBytes = 5 * 1024 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public async Task<FileDownload> ExportAsync(Actor actor, int versionId, CancellationToken ct)
    {
        var tree = await frameworks.GetTreeAsync(actor, versionId, ct);
        return FileDownload.Json(Serialize(FrameworkMapping.ToSeed(tree, tree.Version.Version)), FileName(tree.Version));
    }

    public static byte[] Serialize(StrategySeed seed) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(seed, Options) + "\n");

    public static string FileName(VersionSummary version) => $"{version.Code}-v{version.Version}.json";

    public async Task<FrameworkImportResult> ImportAsync(Actor actor, Stream json, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        StrategySeed? seed;
        try
        {
            seed = await JsonSerializer.DeserializeAsync<StrategySeed>(json, Options, ct);
        }
        catch (JsonException e)
        {
            return Failed(new ImportError(e.Path ?? "$", "FrameworkImport_BadJson", (e.LineNumber ?? 0) + 1, FirstSentence(e.Message)));
        }

        if (seed is null)
        {
            return Failed(new ImportError("$", "FrameworkImport_Empty"));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var types = await db.InstitutionTypes.AsNoTracking().OrderBy(t => t.Order)
            .Select(t => new InstitutionTypeOption(t.Code, t.NameAr, t.NameEn)).ToListAsync(ct);
        var paths = new Dictionary<NodeRef, string>();
        var tree = FrameworkMapping.ToTree(seed, types, paths) with { ComputedSources = computed.Kinds };
        var errors = FrameworkValidator.Validate(tree)
            .Select(issue => new ImportError(paths.GetValueOrDefault(issue.Node, "$"), issue.MessageKey, issue.Arguments))
            .ToList();
        if (seed.Bands.Count == 0)
        {
            errors.Add(new ImportError("$.bands", "FrameworkImport_NoBands"));
        }

        for (var i = 0; i < seed.Bands.Count; i++)
        {
            if (seed.Bands[i].Color is { } color && BandRules.ColorProblem(color) is { } problem)
            {
                errors.Add(new ImportError($"$.bands[{i}].color", problem, seed.Bands[i].Code, color));
            }
        }

        if (errors.Count > 0)
        {
            return new FrameworkImportResult(null, errors);
        }

        // Stored from the validated tree, so what is imported is exactly what was checked.
        return new FrameworkImportResult(await frameworks.AddDraftAsync(db, FrameworkMapping.ToSeed(tree, 0), ct), []);
    }

    private static FrameworkImportResult Failed(ImportError error) => new(null, [error]);

    // System.Text.Json appends its own "Path: … | LineNumber: …" to the message; the path is shown apart.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
