using System.ComponentModel.DataAnnotations;

namespace StrategyGov.Web.Hosting;

/// <summary>Settings of the platform as a whole.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>Time zone in which dates and times are shown and printed (IANA id).</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Riyadh";

    public TimeZoneInfo TimeZoneInfo => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
