using StrategyGov.Web.Features.Scores;

namespace StrategyGov.Web.Reports;

/// <summary>The institution's verified scores now minus those of the previous period (same strategy version).</summary>
/// <param name="PreviousCode">The previous period's code.</param>
/// <param name="Overall">Overall change; null when either score is N/A.</param>
/// <param name="Pillars">Change per pillar code.</param>
public sealed record InstitutionTrend(string PreviousCode, decimal? Previous, decimal? Overall, IReadOnlyDictionary<string, decimal?> Pillars);

/// <summary>Everything the institution measurement report prints.</summary>
/// <param name="Scores">The institution's scores and its place in the period.</param>
/// <param name="ReviewComments">Reviewer comments by indicator code.</param>
/// <param name="GeneratedAt">Generation time in the platform's time zone.</param>
/// <param name="Trend">Change since the previous period; null when there is no comparable one.</param>
/// <param name="Gaps">Vacant required roles and RACI gaps.</param>
public sealed record InstitutionReportModel(
    InstitutionScores Scores,
    IReadOnlyDictionary<string, string> ReviewComments,
    DateTime GeneratedAt,
    InstitutionTrend? Trend,
    GovernanceGapsModel Gaps);
