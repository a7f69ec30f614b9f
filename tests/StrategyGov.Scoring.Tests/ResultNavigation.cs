namespace StrategyGov.Scoring.Tests;

/// <summary>Finds nodes of an explanation tree by code, so assertions name what they check.</summary>
internal static class ResultNavigation
{
    public static PillarResult Pillar(this InstitutionResult result, string code) =>
        result.Pillars.Single(p => p.Code == code);

    public static PracticeResult Practice(this InstitutionResult result, string code) =>
        result.Pillars.SelectMany(p => p.Practices).Single(p => p.Code == code);

    public static IndicatorResult Indicator(this InstitutionResult result, string code) =>
        result.Pillars.SelectMany(p => p.Practices).SelectMany(p => p.Indicators).Single(i => i.Code == code);

    public static IEnumerable<IndicatorResult> AllIndicators(this InstitutionResult result) =>
        result.Pillars.SelectMany(p => p.Practices).SelectMany(p => p.Indicators);
}
