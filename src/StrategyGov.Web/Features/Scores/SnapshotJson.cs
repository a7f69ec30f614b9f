using System.Text.Json;
using System.Text.Json.Serialization;
using StrategyGov.Scoring;

namespace StrategyGov.Web.Features.Scores;

/// <summary>
/// The engine's inputs and results as stored in a score snapshot. System.Text.Json writes decimals
/// exactly (all 28 digits), so a result read back is the result that was computed.
/// </summary>
internal static class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(IReadOnlyDictionary<string, AnswerInput> answers) => JsonSerializer.Serialize(answers, Options);

    public static string Write(InstitutionResult result) => JsonSerializer.Serialize(result, Options);

    public static IReadOnlyDictionary<string, AnswerInput> ReadAnswers(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, AnswerInput>>(json, Options)
            ?? throw new InvalidDataException("Empty snapshot input.");

    public static InstitutionResult ReadResult(string json) =>
        JsonSerializer.Deserialize<InstitutionResult>(json, Options)
            ?? throw new InvalidDataException("Empty snapshot result.");
}
