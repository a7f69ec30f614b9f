using System.Globalization;
using StrategyGov.Scoring;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Scores;

/// <summary>How scores and values are written everywhere: one decimal, half away from zero, Latin digits.</summary>
public static class ScoreFormat
{
    public static string Score(decimal? score, string notApplicable = "—") =>
        score is { } value ? ScoreDisplay.Round(value).ToString("0.0", CultureInfo.InvariantCulture) : notApplicable;

    /// <summary>A signed difference (trend, gap): +2.5, −1.0, 0.0.</summary>
    public static string Signed(decimal? difference, string notApplicable = "—")
    {
        if (difference is not { } value)
        {
            return notApplicable;
        }

        var shown = ScoreDisplay.Round(value);
        var text = Math.Abs(shown).ToString("0.0", CultureInfo.InvariantCulture);
        return Bidi.Ltr(shown > 0 ? "+" + text : shown < 0 ? "−" + text : text);
    }

    public static string Percent(decimal ratio) =>
        ScoreDisplay.Round(ratio * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A raw reported value in its unit (no trailing zeros: 12, 3.5).</summary>
    public static string Value(decimal? value) =>
        value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "—";

    /// <summary>
    /// The CSS colour of a maturity band (Initial … Leading), for chips, charts and reports; each at least
    /// 4.5:1 against its text colour (WCAG 2.2 AA, docs/decisions/0101).
    /// </summary>
    public static string BandColor(string? bandCode) => bandCode switch
    {
        "Initial" => "#b3261e",
        "Developing" => "#b35f00",
        "Defined" => "#c9a400",
        "Managed" => "#3f7a22",
        "Leading" => "#0b6e4f",
        _ => "#6b7280",
    };

    /// <summary>Text on a band colour: dark on the light yellow of Defined, white on the others.</summary>
    public static string BandTextColor(string? bandCode) => bandCode == "Defined" ? "#1f2933" : "#fff";
}
