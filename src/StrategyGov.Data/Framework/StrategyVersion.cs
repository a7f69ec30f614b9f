using StrategyGov.Data.Auditing;
namespace StrategyGov.Data.Framework;

public enum StrategyStatus
{
    Draft,
    Published,
    Retired,
}

/// <summary>
/// One version of the Government Communication Strategy. A published version is immutable: changing the
/// framework means a new version, so periods bound to an older version keep their scores.
/// </summary>
public class StrategyVersion : IAudited
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public int Version { get; set; }

    public StrategyStatus Status { get; set; }

    public required string NameAr { get; set; }

    public required string NameEn { get; set; }

    public string? VisionAr { get; set; }

    public string? VisionEn { get; set; }

    public string? MissionAr { get; set; }

    public string? MissionEn { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public DateTime? RetiredAt { get; set; }

    public List<Pillar> Pillars { get; set; } = [];

    public List<MaturityBandDefinition> Bands { get; set; } = [];
}

/// <summary>A maturity band of a strategy version (default: Initial, Developing, Defined, Managed, Leading).</summary>
public class MaturityBandDefinition
{
    public int Id { get; set; }

    public int StrategyVersionId { get; set; }

    public required string Code { get; set; }

    public decimal LowerBound { get; set; }

    public required string NameAr { get; set; }

    public required string NameEn { get; set; }
}
