using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Framework;
using StrategyGov.Scoring;

namespace StrategyGov.Web.Features.Scores;

public sealed record NodeLabel(string NameAr, string NameEn, string? UnitAr = null, string? UnitEn = null);

/// <summary>A maturity band as shown: its names and the colour the center chose, with the text colour that reads on it.</summary>
public sealed record BandLabel(string Code, decimal LowerBound, string NameAr, string NameEn, string Color)
{
    public string TextColor => BandColors.TextOn(Color);
}

/// <summary>A strategy version in the engine's terms, with the names to show beside its codes.</summary>
public sealed record LoadedFramework(
    int VersionId,
    string Code,
    int Version,
    string NameAr,
    string NameEn,
    ScoringFramework Scoring,
    IReadOnlyDictionary<string, NodeLabel> Labels,
    IReadOnlyList<BandLabel> Bands)
{
    private readonly Dictionary<string, IndicatorDefinition> _indicators =
        Scoring.Indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);

    public NodeLabel Label(string code) => Labels.TryGetValue(code, out var label) ? label : new NodeLabel(code, code);

    public IndicatorDefinition Indicator(string code) => _indicators[code];

    /// <summary>A reported value of an indicator as a reader says it (yes/no, 38%, 3 / 5, 12 hours).</summary>
    public string FormatValue(string indicatorCode, decimal? value, Microsoft.Extensions.Localization.IStringLocalizer localizer)
    {
        var indicator = Indicator(indicatorCode);
        var label = Label(indicatorCode);
        return ValueText.Format(indicator.Type, indicator.MaturityLevels, Localization.Bilingual.Pick(label.UnitAr, label.UnitEn), value, localizer);
    }

    public BandLabel? Band(string? code) => Bands.FirstOrDefault(b => b.Code == code);

    /// <summary>The band a score falls in, with its names and colour; null for N/A.</summary>
    public BandLabel? BandOf(decimal? score) => score is { } value ? Band(Scoring.Bands.BandOf(value).Code) : null;
}

/// <summary>
/// Published strategy versions are immutable, so their scoring frameworks are built once and kept;
/// drafts are always read fresh.
/// </summary>
public sealed class FrameworkCache(IDbContextFactory<StrategyGovDbContext> dbFactory)
{
    private readonly ConcurrentDictionary<int, LoadedFramework> _published = new();

    public async Task<LoadedFramework> GetAsync(int strategyVersionId, CancellationToken ct)
    {
        if (_published.TryGetValue(strategyVersionId, out var cached))
        {
            return cached;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await db.StrategyVersions.AsNoTracking().AsSplitQuery()
            .Include(s => s.Bands)
            .Include(s => s.Pillars).ThenInclude(p => p.Practices).ThenInclude(p => p.Indicators).ThenInclude(i => i.ApplicableTypes)
            .SingleAsync(s => s.Id == strategyVersionId, ct);
        var loaded = Map(version);
        if (version.Status != StrategyStatus.Draft)
        {
            _published.TryAdd(strategyVersionId, loaded);
        }

        return loaded;
    }

    /// <summary>Every published strategy version (every signed-in user may read the framework).</summary>
    public async Task<IReadOnlyList<LoadedFramework>> PublishedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.StrategyVersions.AsNoTracking()
            .Where(s => s.Status == StrategyStatus.Published)
            .OrderBy(s => s.Id)
            .Select(s => s.Id)
            .ToListAsync(ct);
        var versions = new List<LoadedFramework>(ids.Count);
        foreach (var id in ids)
        {
            versions.Add(await GetAsync(id, ct));
        }

        return versions;
    }

    public static LoadedFramework Map(StrategyVersion version)
    {
        var labels = new Dictionary<string, NodeLabel>(StringComparer.Ordinal);
        var pillars = version.Pillars.OrderBy(p => p.Order).Select(pillar =>
        {
            labels[pillar.Code] = new NodeLabel(pillar.NameAr, pillar.NameEn);
            return new PillarDefinition(pillar.Code, pillar.Weight, pillar.Practices.OrderBy(p => p.Order).Select(practice =>
            {
                labels[practice.Code] = new NodeLabel(practice.NameAr, practice.NameEn);
                return new PracticeDefinition(practice.Code, practice.Weight, practice.Indicators.OrderBy(i => i.Order).Select(indicator =>
                {
                    labels[indicator.Code] = new NodeLabel(indicator.TextAr, indicator.TextEn, indicator.UnitAr, indicator.UnitEn);
                    return new IndicatorDefinition(
                        indicator.Code,
                        indicator.Weight,
                        indicator.Type,
                        indicator.MaturityLevels ?? 5,
                        indicator.Baseline ?? 0m,
                        indicator.Target ?? 0m,
                        indicator.ApplicableTypes.Count == 0 ? null : indicator.ApplicableTypes.Select(t => t.Code).ToHashSet(StringComparer.Ordinal));
                }).ToList());
            }).ToList());
        }).ToList();

        var bands = version.Bands.Count == 0
            ? MaturityBands.Default.All.Select(b => new BandLabel(b.Code, b.LowerBound, b.Code, b.Code, MaturityBandDefinition.DefaultColor(b.Code))).ToList()
            : version.Bands.OrderBy(b => b.LowerBound).Select(b => new BandLabel(b.Code, b.LowerBound, b.NameAr, b.NameEn, b.Color)).ToList();
        var scoring = new ScoringFramework(pillars, new MaturityBands(bands.Select(b => new MaturityBand(b.Code, b.LowerBound))));
        return new LoadedFramework(version.Id, version.Code, version.Version, version.NameAr, version.NameEn, scoring, labels, bands);
    }
}
