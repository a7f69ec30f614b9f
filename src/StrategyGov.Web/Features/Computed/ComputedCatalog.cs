using StrategyGov.Scoring;

namespace StrategyGov.Web.Features.Computed;

/// <summary>The calculations the platform knows, by key: what the framework editor offers and the validator accepts.</summary>
public sealed class ComputedCatalog(IEnumerable<IComputedSource> sources)
{
    public IReadOnlyDictionary<string, IComputedSource> Sources { get; } = sources.ToDictionary(s => s.Key, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ComputedKind> Kinds => Sources.ToDictionary(s => s.Key, s => s.Value.Kind, StringComparer.Ordinal);

    public IComputedSource? Find(string? key) => key is null ? null : Sources.GetValueOrDefault(key);

    /// <summary>The calculations that can feed an indicator of this type, by key.</summary>
    public IReadOnlyList<string> FeedingKeys(MeasurementType type) =>
        Sources.Values.Where(s => ComputeRequest.Feeds(s.Kind, type)).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
}
