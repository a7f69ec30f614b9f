using System.Globalization;
using StrategyGov.Web.Features.Calendar;
using StrategyGov.Web.Features.Inquiries.Clock;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Inquiries;

/// <summary>Times of the log as people read them: local to the platform's time zone, with the Hijri date beside.</summary>
public static class InquiryDates
{
    public static DateTime Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>The local time of an instant to the minute (what a form starts from).</summary>
    public static DateTime LocalMinute(DateTime utc, TimeZoneInfo zone)
    {
        var local = Local(utc, zone);
        return new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
    }

    /// <summary>"2026-12-06 09:30", isolated left to right.</summary>
    public static string Show(DateTime? utc, TimeZoneInfo zone) => utc is { } value ? CalendarDates.GregorianTime(Local(value, zone)) : "—";

    /// <summary>The Hijri (Umm al-Qura) date of an instant, e.g. "25 جمادى الآخرة 1448 هـ".</summary>
    public static string Hijri(DateTime? utc, TimeZoneInfo zone) => utc is { } value ? CalendarDates.Hijri(DateOnly.FromDateTime(Local(value, zone))) : string.Empty;

    /// <summary>The Hijri (Umm al-Qura) date of a day.</summary>
    public static string Hijri(DateOnly day) => CalendarDates.Hijri(day);

    /// <summary>The value of an &lt;input type="datetime-local"&gt; for a UTC instant.</summary>
    public static string Input(DateTime utc, TimeZoneInfo zone) => Local(utc, zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>A local time from an &lt;input type="datetime-local"&gt; (or typed, in any digits).</summary>
    public static DateTime? Parse(string? text) => InquiryText.ParseLocalDateTime(text?.Replace('T', ' '));

    /// <summary>Working minutes as hours, e.g. "3.5".</summary>
    public static string Hours(int minutes) => Bidi.Ltr(InquiryText.Hours(minutes));

    /// <summary>The colour of a timer's state.</summary>
    public static MudBlazor.Color Color(TimerState state) => state switch
    {
        TimerState.Met => MudBlazor.Color.Success,
        TimerState.Missed or TimerState.Breached => MudBlazor.Color.Error,
        TimerState.AtRisk => MudBlazor.Color.Warning,
        TimerState.Paused => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };
}
