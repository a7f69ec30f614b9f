using StrategyGov.Scoring;
using StrategyGov.Web.Features.Shared;

namespace StrategyGov.Web.Features.Submissions;

/// <summary>What a value must look like for each measurement type; messages are resource keys.</summary>
public static class AnswerRules
{
    /// <summary>The resource key of the problem with <paramref name="value"/>, or null when it is valid.</summary>
    public static string? ValidateValue(MeasurementType type, int maturityLevels, decimal value) => NumberText.CheckStorable(value) is not null
        ? "Validation_NotStorable"
        : type switch
    {
        MeasurementType.YesNo when value is not (0m or 1m) => "Validation_YesNo",
        MeasurementType.Percentage when value is < 0m or > 100m => "Validation_Percentage",
        MeasurementType.Maturity when value < 0m || value > maturityLevels || value != decimal.Truncate(value) => "Validation_Maturity",
        MeasurementType.TargetHigherIsBetter or MeasurementType.TargetLowerIsBetter when value < 0m => "Validation_NonNegative",
        _ => null,
    };
}
