using System.Globalization;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Reports;

namespace StrategyGov.Web.Features.Calendar;

/// <summary>
/// Gregorian and Hijri (Umm al-Qura) dates as the calendar shows them. Arabic uses the report formatter;
/// English gives the Hijri month its usual transliterated name.
/// </summary>
public static class CalendarDates
{
    /// <summary>Weeks start on Sunday, as the working week in the region does.</summary>
    public const DayOfWeek FirstDayOfWeek = DayOfWeek.Sunday;

    private static readonly UmAlQuraCalendar UmAlQura = new();

    public static DateOnly StartOfWeek(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek - (int)FirstDayOfWeek + 7) % 7));

    public static string Gregorian(DateOnly day) => ReportDates.GregorianDate(day);

    /// <summary>"2026-12-01 09:30", isolated left-to-right.</summary>
    public static string GregorianTime(DateTime local) => Bidi.Ltr(local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    public static string Time(DateTime local) => Bidi.Ltr(local.ToString("HH:mm", CultureInfo.InvariantCulture));

    public static string Hijri(DateOnly day) => ReportDates.Hijri(day.ToDateTime(TimeOnly.MinValue), CultureInfo.CurrentUICulture);

    /// <summary>Names joined with the comma of the UI language ("، " in Arabic).</summary>
    public static string Join(IEnumerable<string> names) => string.Join(Bilingual.IsArabic() ? "، " : ", ", names);

    /// <summary>The audiences' names in the UI language.</summary>
    public static string Names(IEnumerable<NamedRef> refs) => Join(refs.Select(r => Bilingual.Pick(r.NameAr, r.NameEn)));

    /// <summary>The Hijri month's name without the year, e.g. "رجب" or "Rajab".</summary>
    public static string HijriMonthName(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return Bilingual.IsArabic()
            ? ReportDates.HijriMonthName(date)
            : ReportDates.EnglishHijriMonth(date);
    }

    public static string HijriDay(DateOnly day) => ReportDates.HijriDay(day.ToDateTime(TimeOnly.MinValue));

    public static bool IsFirstHijriDay(DateOnly day) => UmAlQura.GetDayOfMonth(day.ToDateTime(TimeOnly.MinValue)) == 1;

    /// <summary>e.g. "رجب 1448" or "Rajab 1448 AH".</summary>
    public static string HijriMonth(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return Bilingual.IsArabic()
            ? ReportDates.HijriMonthYear(date)
            : $"{ReportDates.EnglishHijriMonth(date)} {UmAlQura.GetYear(date)} AH";
    }

    /// <summary>The Hijri months a range of days falls in, e.g. "جمادى الآخرة 1448 – رجب 1448".</summary>
    public static string HijriSpan(DateOnly first, DateOnly last)
    {
        var (a, b) = (HijriMonth(first), HijriMonth(last));
        return a == b ? a : $"{a} – {b}";
    }

    /// <summary>The Gregorian month name and year in the UI language, e.g. "ديسمبر 2026".</summary>
    public static string MonthTitle(DateOnly month) =>
        month.ToDateTime(TimeOnly.MinValue).ToString("MMMM ", CultureInfo.CurrentCulture) + Bidi.Ltr(month.Year.ToString(CultureInfo.InvariantCulture));

    public static string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);

    /// <summary>The days an entry covers, with times for timed entries.</summary>
    public static string Span(CalendarEntryRow row)
    {
        if (row.IsAllDay)
        {
            return row.FirstDay == row.LastDay ? Gregorian(row.FirstDay) : $"{Gregorian(row.FirstDay)} – {Gregorian(row.LastDay)}";
        }

        return row.FirstDay == row.LastDay
            ? $"{Gregorian(row.FirstDay)} {Time(row.StartsLocal)}–{Time(row.EndsLocal)}"
            : $"{GregorianTime(row.StartsLocal)} – {GregorianTime(row.EndsLocal)}";
    }
}
