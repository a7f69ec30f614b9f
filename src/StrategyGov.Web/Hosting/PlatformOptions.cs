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

    /// <summary>The platform's local date of a UTC instant (due dates and validity dates are local dates).</summary>
    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo));

    public DateOnly Today(TimeProvider clock) => LocalDate(clock.GetUtcNow().UtcDateTime);
}

/// <summary>The calendar day on the platform's clock, for rules that count days (vacancies, readiness).</summary>
public static class PlatformDates
{
    public static DateOnly Today(TimeProvider clock, PlatformOptions options) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, options.TimeZoneInfo));
}
