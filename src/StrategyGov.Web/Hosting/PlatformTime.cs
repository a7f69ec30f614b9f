using System.Globalization;
using Microsoft.Extensions.Options;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Reports;

namespace StrategyGov.Web.Hosting;

/// <summary>
/// The one formatter of stored instants (UTC) for people: pages, PDFs and workbooks show them in the
/// platform's time zone (<see cref="PlatformOptions.TimeZone"/>), Gregorian as "yyyy-MM-dd HH:mm" kept
/// left to right, with the Hijri (Umm al-Qura) date of the same local day beside it where officials read dates.
/// </summary>
public sealed class PlatformTime(IOptions<PlatformOptions> options)
{
    public TimeZoneInfo Zone => options.Value.TimeZoneInfo;

    /// <summary>The platform's wall-clock time of a stored instant.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(Local(utc));

    /// <summary>"2026-12-08 01:30" in platform time, isolated left to right.</summary>
    public string DateTimeText(DateTime utc) => Bidi.Ltr(Local(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    /// <summary>"2026-12-08": the platform's local day of the instant, isolated left to right.</summary>
    public string DateText(DateTime utc) => Bidi.Ltr(Local(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>The Hijri date of the instant's local day, in the UI language (or <paramref name="culture"/>).</summary>
    public string Hijri(DateTime utc, CultureInfo? culture = null) => ReportDates.Hijri(Local(utc), culture ?? CultureInfo.CurrentUICulture);

    /// <summary>"2026-12-08 01:30 (27 جمادى الآخرة 1448 هـ)": date, time and the Hijri date beside it.</summary>
    public string DateTimeWithHijri(DateTime utc, CultureInfo? culture = null) => $"{DateTimeText(utc)} ({Hijri(utc, culture)})";

    /// <summary>"2026-12-08 (27 جمادى الآخرة 1448 هـ)".</summary>
    public string DateWithHijri(DateTime utc, CultureInfo? culture = null) => $"{DateText(utc)} ({Hijri(utc, culture)})";

    /// <summary>A local day (due dates, period dates) with its Hijri date: "2026-12-31 (11 رجب 1448 هـ)".</summary>
    public static string DayWithHijri(DateOnly day, CultureInfo? culture = null) =>
        $"{ReportDates.GregorianDate(day)} ({ReportDates.Hijri(day.ToDateTime(TimeOnly.MinValue), culture ?? CultureInfo.CurrentUICulture)})";
}
