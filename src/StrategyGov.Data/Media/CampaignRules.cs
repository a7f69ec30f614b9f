namespace StrategyGov.Data.Media;

/// <summary>
/// The rules of a campaign plan that the services, the seeder and the computed indicators share (ADR 0099).
/// Pure: plain values in, answers out.
/// </summary>
public static class CampaignRules
{
    /// <summary>
    /// A measurable (SMART) objective: it says what should change, by which metric, to which target. It is
    /// time-bound by its own due day or the campaign's last day, which every campaign has.
    /// </summary>
    public static bool IsMeasurable(string? statement, string? metric, decimal? target) =>
        !string.IsNullOrWhiteSpace(statement) && !string.IsNullOrWhiteSpace(metric) && target is not null;

    /// <summary>A written plan in the sense of the indicators: at least one objective, every objective measurable, and a named audience.</summary>
    public static bool IsPlanComplete(IReadOnlyCollection<(string? Statement, string? Metric, decimal? Target)> objectives, int audienceCount) =>
        objectives.Count > 0 && objectives.All(o => IsMeasurable(o.Statement, o.Metric, o.Target)) && audienceCount > 0;

    public static bool IsPlanComplete(CampaignPlan plan) =>
        IsPlanComplete(plan.Objectives.Select(o => ((string?)o.Statement, o.Metric, o.Target)).ToList(), plan.AudienceCodes.Count);

    /// <summary>Whether a result reached its target: at or above it, or at or below it for an objective that reduces something.</summary>
    public static bool? Met(decimal? target, decimal? result, bool higherIsBetter) =>
        target is not { } t || result is not { } r ? null : higherIsBetter ? r >= t : r <= t;

    /// <summary>
    /// An evaluation compares results with objectives: there are objectives and every one has a result (an
    /// objective without a target is then simply not met).
    /// </summary>
    public static bool IsEvaluationComplete(IReadOnlyCollection<decimal?> results) =>
        results.Count > 0 && results.All(r => r is not null);

    /// <summary>A campaign met its objectives when every one of them was met.</summary>
    public static bool MetAll(IReadOnlyCollection<bool?> met) => met.Count > 0 && met.All(m => m == true);
}
