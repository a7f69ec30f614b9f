using System.ComponentModel.DataAnnotations;

namespace StrategyGov.Web.Features.Periods;

/// <summary>Rules of the reporting loop that a deployment may tune.</summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    /// <summary>
    /// Days after publication during which an institution may object to a verified value. Copied onto
    /// each period when it is created, so changing it never reopens or shortens a past window.
    /// </summary>
    [Range(0, 365)]
    public int ObjectionWindowDays { get; set; } = 14;

    /// <summary>
    /// Days after the due date at which the center is told of a submission still not submitted; the
    /// default of a new period, which the center may change per period (<see cref="PeriodService.SetOverdueEscalationAsync"/>).
    /// </summary>
    [Range(PeriodService.MinEscalationDays, PeriodService.MaxEscalationDays)]
    public int OverdueEscalationDays { get; set; } = 3;
}
