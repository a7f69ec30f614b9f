using Microsoft.Extensions.Localization;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;

namespace StrategyGov.Web.Features.Scores;

/// <summary>What a score hides, said beside it wherever it is shown (ADR 0103; ADR 0003 for the rules).</summary>
public enum ScoreCaveat
{
    None,

    /// <summary>Returned to the institution: counted as 0 (not submitted) until it is submitted again.</summary>
    ReturnedNotCounted,

    /// <summary>Scored, but every applicable indicator is N/A: no overall score, out of the ranking and the index.</summary>
    AllNotApplicable,
}

public static class ScoreCaveats
{
    public static ScoreCaveat Of(InstitutionInPeriod institution, ScoreboardEntry entry) =>
        entry.Result.Status == ParticipationStatus.NotSubmitted && institution.Status == SubmissionStatus.Returned
            ? ScoreCaveat.ReturnedNotCounted
            : entry.Result.Status == ParticipationStatus.Submitted && entry.Result.Verified is null
                ? ScoreCaveat.AllNotApplicable
                : ScoreCaveat.None;

    public static ScoreCaveat Of(PeriodScores scores, ScoreboardEntry entry) => Of(scores.InstitutionOf(entry), entry);

    /// <summary>The words shown beside the score; null when there is nothing to say.</summary>
    public static string? Text(ScoreCaveat caveat, IStringLocalizer localizer) => caveat switch
    {
        ScoreCaveat.ReturnedNotCounted => localizer["Score_ReturnedNotCounted"].Value,
        ScoreCaveat.AllNotApplicable => localizer["Score_AllNotApplicable"].Value,
        _ => null,
    };
}
