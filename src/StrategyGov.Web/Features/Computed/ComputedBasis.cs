using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrategyGov.Web.Features.Computed;

/// <summary>
/// What an answer keeps of the calculation that produced it (<c>Answer.ComputedBasis</c>, JSON): the
/// calculation, the window, the day states were read on, the numerator and denominator, and every
/// record as it was. It is the evidence of a computed answer and the reviewer's view of it.
/// </summary>
public sealed record ComputedBasis(
    string Source,
    DateOnly From,
    DateOnly To,
    DateOnly AsOf,
    decimal? Value,
    int? Numerator,
    int? Denominator,
    string? NotApplicableReason,
    IReadOnlyList<ComputedRecord> Records)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Stored, never written into a page as script: Arabic as characters (a third of the size).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ComputedBasis Of(string source, ComputeRequest request, ComputedResult result) =>
        new(source, request.From, request.To, request.AsOf, result.Value, result.Numerator, result.Denominator, result.NotApplicableReason, result.Records);

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static ComputedBasis? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<ComputedBasis>(json, Options);

    /// <summary>
    /// Whether a new computation says something different from this one. The day states were read on
    /// does not count: a value that did not change is not written again (no new version, no audit event).
    /// </summary>
    public bool SameOutcome(ComputedBasis other) =>
        Source == other.Source && From == other.From && To == other.To && Value == other.Value
        && Numerator == other.Numerator && Denominator == other.Denominator
        && NotApplicableReason == other.NotApplicableReason && Records.SequenceEqual(other.Records);
}
