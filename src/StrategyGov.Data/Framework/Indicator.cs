using StrategyGov.Data.Auditing;
using StrategyGov.Data.Institutions;
using StrategyGov.Scoring;

namespace StrategyGov.Data.Framework;

public enum IndicatorFrequency
{
    Quarterly,
    SemiAnnual,
    Annual,
}

/// <summary>A compliance indicator (مؤشر التزام) and how it is measured.</summary>
public class Indicator : IAudited
{
    public int Id { get; set; }

    public int PracticeId { get; set; }

    public Practice Practice { get; set; } = null!;

    public required string Code { get; set; }

    public required string TextAr { get; set; }

    public required string TextEn { get; set; }

    public string? GuidanceAr { get; set; }

    public string? GuidanceEn { get; set; }

    public int Order { get; set; }

    public decimal Weight { get; set; }

    public MeasurementType Type { get; set; }

    /// <summary>Highest level L of a maturity indicator (levels 0..L).</summary>
    public int? MaturityLevels { get; set; }

    public decimal? Baseline { get; set; }

    public decimal? Target { get; set; }

    public string? UnitAr { get; set; }

    public string? UnitEn { get; set; }

    public bool EvidenceRequired { get; set; }

    public int MinEvidenceItems { get; set; }

    public IndicatorFrequency Frequency { get; set; }

    public List<MaturityLevelDescriptor> Levels { get; set; } = [];

    /// <summary>
    /// The named calculation over the institution's own records that produces the value (e.g.
    /// <c>roles.required-filled</c>), or null when the institution reports it (docs/decisions/0096).
    /// </summary>
    public string? ComputedFrom { get; set; }

    /// <summary>Institution types the indicator applies to; empty means every type.</summary>
    public List<InstitutionType> ApplicableTypes { get; set; } = [];
}

/// <summary>What a maturity level means for one indicator.</summary>
public class MaturityLevelDescriptor
{
    public int Id { get; set; }

    public int IndicatorId { get; set; }

    public int Level { get; set; }

    public required string DescriptorAr { get; set; }

    public required string DescriptorEn { get; set; }
}
