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
}
