using StrategyGov.Data.Auditing;
using StrategyGov.Data.Framework;

namespace StrategyGov.Data.Reporting;

public enum PeriodStatus
{
    Planned,
    Open,
    Closed,
    Published,
}

/// <summary>A reporting period (e.g. 2026-Q4), bound to one strategy version for good.</summary>
public class ReportingPeriod : IAudited
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public int StrategyVersionId { get; set; }

    public StrategyVersion StrategyVersion { get; set; } = null!;

    public DateOnly OpensOn { get; set; }

    public DateOnly DueOn { get; set; }

    public DateOnly ClosesOn { get; set; }

    public PeriodStatus Status { get; set; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>Days after publication during which an institution may object to a verified value.</summary>
    public int ObjectionWindowDays { get; set; } = 14;

    /// <summary>
    /// Days after the due date at which the center hears of a submission still not submitted (the
    /// institution's directors hear the first day after it). Set by the center per period.
    /// </summary>
    public int OverdueEscalationDays { get; set; } = 3;
}
