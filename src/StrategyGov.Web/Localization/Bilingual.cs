using System.Globalization;

namespace StrategyGov.Web.Localization;

/// <summary>Picks the Arabic or English variant of data that is stored in both languages.</summary>
public static class Bilingual
{
    public const string Arabic = "ar";
    public const string English = "en";

    public static readonly string[] Cultures = [Arabic, English];

    public static bool IsArabic(CultureInfo culture) => culture.TwoLetterISOLanguageName == Arabic;

    public static bool IsArabic() => IsArabic(CultureInfo.CurrentUICulture);

    /// <summary>The text in the current UI language, falling back to the other one when missing.</summary>
    public static string Pick(string? arabic, string? english) =>
        (IsArabic() ? arabic ?? english : english ?? arabic) ?? string.Empty;

    /// <summary>
    /// The culture used for numbers and dates: Arabic text with Latin digits and the Gregorian calendar,
    /// as government reports in the region print them (the Hijri date is shown beside, explicitly).
    /// </summary>
    public static CultureInfo CreateCulture(string name)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        if (culture.TwoLetterISOLanguageName == Arabic)
        {
            culture.DateTimeFormat.Calendar = new GregorianCalendar();
            culture.NumberFormat.DigitSubstitution = DigitShapes.None;
            culture.NumberFormat.NativeDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
            culture.NumberFormat.NumberDecimalSeparator = ".";
            culture.NumberFormat.PercentDecimalSeparator = ".";
            culture.NumberFormat.NumberGroupSeparator = ",";

            // "ar" writes signs with a bidi mark before them (U+061C "؜-1"): wrong in markup, where numbers are
            // formatted with the UI culture too (MudBlazor's tabindex="-1", widths, counts), and never wanted in
            // Latin-digit text. Plain signs, as the Latin digits above (docs/decisions/0101).
            culture.NumberFormat.NegativeSign = "-";
            culture.NumberFormat.PositiveSign = "+";
        }

        return culture;
    }
}
