using StrategyGov.Data.Framework;
using StrategyGov.Data.Seeding;
using StrategyGov.Scoring;

namespace StrategyGov.Web.Features.Framework;

/// <summary>A strategy version as the version list shows it.</summary>
public sealed record VersionSummary(
    int Id,
    string Code,
    int Version,
    StrategyStatus Status,
    string NameAr,
    string NameEn,
    DateTime CreatedAt,
    DateTime? PublishedAt,
    DateTime? RetiredAt,
    int PeriodCount)
{
    public bool IsDraft => Status == StrategyStatus.Draft;
}

public enum NodeKind
{
    Version,
    Pillar,
    Practice,
    Indicator,
}

/// <summary>Points at one node of a framework tree (the editor selects it; an import names its JSON path).</summary>
public sealed record NodeRef(NodeKind Kind, int Id, string Code);

/// <summary>The editable header of a version.</summary>
public sealed class VersionForm
{
    public string Code { get; set; } = "GCS";

    public string NameAr { get; set; } = string.Empty;

    public string NameEn { get; set; } = string.Empty;

    public string? VisionAr { get; set; }

    public string? VisionEn { get; set; }

    public string? MissionAr { get; set; }

    public string? MissionEn { get; set; }
}

public sealed class PillarForm
{
    public string Code { get; set; } = string.Empty;

    public string NameAr { get; set; } = string.Empty;

    public string NameEn { get; set; } = string.Empty;

    public string? DescriptionAr { get; set; }

    public string? DescriptionEn { get; set; }

    public decimal Weight { get; set; } = 1m;

    public PillarForm Clone() => (PillarForm)MemberwiseClone();
}

public sealed class PracticeForm
{
    public string Code { get; set; } = string.Empty;

    public string NameAr { get; set; } = string.Empty;

    public string NameEn { get; set; } = string.Empty;

    public decimal Weight { get; set; } = 1m;

    public PracticeForm Clone() => (PracticeForm)MemberwiseClone();
}

public sealed class LevelForm
{
    public int Level { get; set; }

    public string DescriptorAr { get; set; } = string.Empty;

    public string DescriptorEn { get; set; } = string.Empty;
}

public sealed class IndicatorForm
{
    public string Code { get; set; } = string.Empty;

    public string TextAr { get; set; } = string.Empty;

    public string TextEn { get; set; } = string.Empty;

    public string? GuidanceAr { get; set; }

    public string? GuidanceEn { get; set; }

    public decimal Weight { get; set; } = 1m;

    public MeasurementType Type { get; set; } = MeasurementType.YesNo;

    /// <summary>Highest maturity level L (levels 0..L); maturity indicators only.</summary>
    public int MaturityLevels { get; set; } = 5;

    public decimal? Baseline { get; set; }

    public decimal? Target { get; set; }

    public string? UnitAr { get; set; }

    public string? UnitEn { get; set; }

    public bool EvidenceRequired { get; set; }

    public int MinEvidenceItems { get; set; }

    public IndicatorFrequency Frequency { get; set; } = IndicatorFrequency.Quarterly;

    /// <summary>The calculation over the institution's records that produces the value; null when the institution reports it.</summary>
    public string? ComputedFrom { get; set; }

    /// <summary>Descriptors of levels 0..L (maturity indicators only).</summary>
    public List<LevelForm> Levels { get; set; } = [];

    /// <summary>Institution type codes; empty means every type.</summary>
    public List<string> ApplicableTypes { get; set; } = [];

    public bool IsTarget => Type is MeasurementType.TargetHigherIsBetter or MeasurementType.TargetLowerIsBetter;

    public IndicatorForm Clone()
    {
        var copy = (IndicatorForm)MemberwiseClone();
        copy.Levels = Levels.Select(l => new LevelForm { Level = l.Level, DescriptorAr = l.DescriptorAr, DescriptorEn = l.DescriptorEn }).ToList();
        copy.ApplicableTypes = [.. ApplicableTypes];
        return copy;
    }

    /// <summary>Keeps one descriptor per level 0..L, adding empty ones and dropping those above L.</summary>
    public void EnsureLevels()
    {
        var byLevel = Levels.GroupBy(l => l.Level).ToDictionary(g => g.Key, g => g.First());
        Levels = Enumerable.Range(0, Math.Max(MaturityLevels, 1) + 1)
            .Select(level => byLevel.TryGetValue(level, out var existing) ? existing : new LevelForm { Level = level })
            .ToList();
    }
}

public sealed record IndicatorNode(int Id, IndicatorForm Form);

public sealed record PracticeNode(int Id, PracticeForm Form, IReadOnlyList<IndicatorNode> Indicators);

public sealed record PillarNode(int Id, PillarForm Form, IReadOnlyList<PracticeNode> Practices);

public sealed record InstitutionTypeOption(string Code, string NameAr, string NameEn);

/// <summary>A whole version: header, tree (in display order) and the institution types it may refer to.</summary>
public sealed record FrameworkTree(
    VersionSummary Version,
    VersionForm Header,
    IReadOnlyList<PillarNode> Pillars,
    IReadOnlyList<InstitutionTypeOption> Types)
{
    /// <summary>Maturity bands of the version (kept as they are: the editor does not change them).</summary>
    public IReadOnlyList<BandSeed> Bands { get; init; } = [];

    /// <summary>The calculations an indicator may be computed from (key → what it produces), for the validator and the editor.</summary>
    public IReadOnlyDictionary<string, Computed.ComputedKind> ComputedSources { get; init; } = new Dictionary<string, Computed.ComputedKind>();

    public IEnumerable<IndicatorNode> Indicators => Pillars.SelectMany(p => p.Practices).SelectMany(p => p.Indicators);
}

/// <summary>Where a node goes when moved among its siblings.</summary>
public enum MoveDirection
{
    Up,
    Down,
}
