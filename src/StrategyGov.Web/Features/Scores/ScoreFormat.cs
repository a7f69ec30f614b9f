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
}
