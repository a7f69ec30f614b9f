using System.Globalization;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Reports;

/// <summary>Dates as printed on reports: Gregorian, and in Arabic the Hijri (Umm al-Qura) date beside it.</summary>
public static class ReportDates
{
    private static readonly CultureInfo HijriCulture = CreateHijriCulture();

    public static string Gregorian(DateTime local, CultureInfo culture) =>
        Bidi.Ltr(local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    public static string GregorianDate(DateOnly date) => Bidi.Ltr(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>e.g. "2 جمادى الآخرة 1448 هـ".</summary>
    public static string Hijri(DateTime local) =>
        local.ToString("d MMMM yyyy", HijriCulture) + " هـ";

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
