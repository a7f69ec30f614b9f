using StrategyGov.Data.Auditing;
namespace StrategyGov.Data.Framework;

/// <summary>A pillar (محور) of the strategy.</summary>
public class Pillar : IAudited
{
    public int Id { get; set; }

    public int StrategyVersionId { get; set; }

    public StrategyVersion StrategyVersion { get; set; } = null!;

    public required string Code { get; set; }

    public required string NameAr { get; set; }

    public required string NameEn { get; set; }

    public string? DescriptionAr { get; set; }

    public string? DescriptionEn { get; set; }

    public int Order { get; set; }

    public decimal Weight { get; set; }

    public List<Practice> Practices { get; set; } = [];
}

/// <summary>A required practice (بند) within a pillar.</summary>
public class Practice : IAudited
{
    public int Id { get; set; }

    public int PillarId { get; set; }

    public Pillar Pillar { get; set; } = null!;

    public required string Code { get; set; }

    public required string NameAr { get; set; }

    public required string NameEn { get; set; }

    public int Order { get; set; }

    public decimal Weight { get; set; }

    public List<Indicator> Indicators { get; set; } = [];
}
