using System.Globalization;
using System.Text.RegularExpressions;

namespace StrategyGov.Web.Features.Scores;

/// <summary>
/// The colours of maturity bands, which the center chooses (ADR 0112): a colour is <c>#rrggbb</c>; the text
/// drawn on it is white or the app's near-black, whichever contrasts more, and a colour on which neither
/// reaches 4.5:1 (WCAG 2.2 AA for normal text) is refused.
/// </summary>
public static partial class BandColors
{
    public const string Light = "#ffffff";

    public const string Dark = "#1f2933";

    /// <summary>The WCAG AA minimum contrast ratio for normal-size text.</summary>
    public const double MinimumContrast = 4.5;

    public static bool IsHex(string? color) => color is not null && HexPattern().IsMatch(color);

    /// <summary>The colour as stored: trimmed, lower case.</summary>
    public static string Normalize(string? color) => (color ?? "").Trim().ToLowerInvariant();

    /// <summary>Text on <paramref name="background"/>: white or near-black, whichever contrasts more.</summary>
    public static string TextOn(string background) =>
        IsHex(background) && Contrast(background, Light) < Contrast(background, Dark) ? Dark : Light;

    /// <summary>The contrast of the better of the two text colours on <paramref name="background"/>.</summary>
    public static double BestContrast(string background) => Math.Max(Contrast(background, Light), Contrast(background, Dark));

    public static bool IsReadable(string? background) => IsHex(background) && BestContrast(background!) >= MinimumContrast;

    /// <summary>WCAG contrast ratio of two <c>#rrggbb</c> colours, 1 to 21.</summary>
    public static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int at)
        {
            var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexPattern();
}
