using StrategyGov.Web.Features.Scores;

namespace StrategyGov.Web.Reports;

/// <summary>Everything the institution measurement report prints.</summary>
/// <param name="Scores">The institution's scores and its place in the period.</param>
/// <param name="ReviewComments">Reviewer comments by indicator code.</param>
/// <param name="GeneratedAt">Generation time in the platform's time zone.</param>
public sealed record InstitutionReportModel(
    InstitutionScores Scores,
    IReadOnlyDictionary<string, string> ReviewComments,
    DateTime GeneratedAt);
