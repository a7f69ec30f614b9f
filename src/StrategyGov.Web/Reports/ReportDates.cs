using System.Globalization;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Reports;

/// <summary>Dates as printed on reports: Gregorian, and in Arabic the Hijri (Umm al-Qura) date beside it.</summary>
public static class ReportDates
{
    private static readonly CultureInfo HijriCulture = CreateHijriCulture();

    private static readonly UmAlQuraCalendar UmAlQura = new();

    private static readonly string[] EnglishHijriMonths =
    [
        "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
        "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah",
    ];

    public static string Gregorian(DateTime local, CultureInfo culture) =>
        Bidi.Ltr(local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    public static string GregorianDate(DateOnly date) => Bidi.Ltr(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>e.g. "2 جمادى الآخرة 1448 هـ".</summary>
    public static string Hijri(DateTime local) =>
        local.ToString("d MMMM yyyy", HijriCulture) + " هـ";

    /// <summary>The Hijri date in the given language: "2 جمادى الآخرة 1448 هـ" or "2 Jumada al-Akhirah 1448 AH".</summary>
    public static string Hijri(DateTime local, CultureInfo culture) =>
        Bilingual.IsArabic(culture)
            ? Hijri(local)
            : $"{UmAlQura.GetDayOfMonth(local)} {EnglishHijriMonth(local)} {UmAlQura.GetYear(local)} AH";

    /// <summary>The Hijri month's usual transliterated name, e.g. "Rajab".</summary>
    public static string EnglishHijriMonth(DateTime local) => EnglishHijriMonths[UmAlQura.GetMonth(local) - 1];

    /// <summary>The Hijri day of the month, e.g. "2".</summary>
    public static string HijriDay(DateTime local) => local.ToString("%d", HijriCulture);

    /// <summary>e.g. "جمادى الآخرة".</summary>
    public static string HijriMonthName(DateTime local) => local.ToString("MMMM", HijriCulture);

    /// <summary>e.g. "جمادى الآخرة 1448".</summary>
    public static string HijriMonthYear(DateTime local) => local.ToString("MMMM yyyy", HijriCulture);

    private static CultureInfo CreateHijriCulture()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("ar-SA").Clone();
        culture.DateTimeFormat.Calendar = new UmAlQuraCalendar();
        culture.NumberFormat.NativeDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
        return culture;
    }
}
