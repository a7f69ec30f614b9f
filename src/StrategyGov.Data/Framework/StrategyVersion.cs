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
public class MaturityBandDefinition : IAudited
{
    public int Id { get; set; }

    public int StrategyVersionId { get; set; }

    public required string Code { get; set; }

    public decimal LowerBound { get; set; }

    public required string NameAr { get; set; }

    public required string NameEn { get; set; }

    /// <summary>
    /// The colour the band is drawn in (chips, bars, heat maps, reports), <c>#rrggbb</c>; the center chooses it,
    /// the text on it is black or white, whichever reads better (ADR 0112).
    /// </summary>
    public string Color { get; set; } = DefaultColor(null);

    /// <summary>
    /// The colours the five standard bands had before the center could choose them; any other band starts grey.
    /// Each is at least 4.5:1 against its text colour (docs/decisions/0101).
    /// </summary>
    public static string DefaultColor(string? code) => code switch
    {
        "Initial" => "#b3261e",
        "Developing" => "#b35f00",
        "Defined" => "#c9a400",
        "Managed" => "#3f7a22",
        "Leading" => "#0b6e4f",
        _ => "#6b7280",
    };
}
