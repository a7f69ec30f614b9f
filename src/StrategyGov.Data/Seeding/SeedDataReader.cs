using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategyGov.Data.Seeding;

/// <summary>Reads the JSON files of seed-data/ and tells where a file is wrong.</summary>
public static class SeedDataReader
{
    public const string DirectoryName = "seed-data";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static async Task<SeedDataSet> ReadAsync(string directory, CancellationToken ct)
    {
        return new SeedDataSet(
            await ReadFileAsync<StrategySeed>(directory, "strategy.json", ct),
            await ReadFileAsync<List<InstitutionTypeSeed>>(directory, "institution-types.json", ct),
            await ReadFileAsync<List<InstitutionSeed>>(directory, "institutions.json", ct),
            await ReadFileAsync<List<PeriodSeed>>(directory, "periods.json", ct));
    }

    /// <summary>
    /// Finds seed-data/ by walking up from each start folder (the app's content root when run from
    /// the repository, the build output when run from tests).
    /// </summary>
    public static string? Locate(params string[] startFolders)
    {
        foreach (var start in startFolders)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, DirectoryName);
                if (File.Exists(Path.Combine(candidate, "strategy.json")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static async Task<T> ReadFileAsync<T>(string directory, string fileName, CancellationToken ct)
    {
        var path = Path.Combine(directory, fileName);
        await using var stream = File.OpenRead(path);
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(stream, Options, ct)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
