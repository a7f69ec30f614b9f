using Microsoft.Extensions.Localization;
using StrategyGov.Scoring;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Scores;

/// <summary>A reported value as a reader says it: yes/no, 38%, level 3 of 5, 12 hours.</summary>
public static class ValueText
{
    public static string Format(MeasurementType type, int maturityLevels, string? unit, decimal? value, IStringLocalizer localizer)
    {
        if (value is not { } v)
        {
            return "—";
        }

        return type switch
        {
            MeasurementType.YesNo => v > 0 ? localizer["Yes"] : localizer["No"],
            MeasurementType.Percentage => ScoreFormat.Value(v) + "%",
            MeasurementType.Maturity => Bidi.Ltr($"{ScoreFormat.Value(v)} / {maturityLevels}"),
            _ => $"{ScoreFormat.Value(v)} {unit}".Trim(),
        };
    }
}
