using Microsoft.Extensions.Localization;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Submissions;

/// <summary>A reported value as a reader says it: yes/no, 75%, "level 3 — …", "12 hours".</summary>
public static class AnswerText
{
    public static string Format(AnswerItem item, decimal? value, IStringLocalizer<SharedResource> localizer)
    {
        if (value is not { } v)
        {
            return "—";
        }

        return item.Type == MeasurementType.Maturity && item.Levels.FirstOrDefault(l => l.Level == v) is { } level
            ? $"{localizer["Level"]} {level.Level} — {Bilingual.Pick(level.DescriptorAr, level.DescriptorEn)}"
            : ValueText.Format(item.Type, item.MaturityLevels, Bilingual.Pick(item.UnitAr, item.UnitEn), v, localizer);
    }
}
