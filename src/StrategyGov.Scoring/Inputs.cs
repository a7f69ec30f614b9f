namespace StrategyGov.Scoring;

/// <summary>The center reviewer's decision on one answer.</summary>
public enum ReviewDecision
{
    /// <summary>The self-reported value (or the N/A claim) is verified as reported.</summary>
    Accepted,

    /// <summary>The reviewer replaces the value with a verified value.</summary>
    Adjusted,

    /// <summary>The answer is not accepted: it scores 0, and a rejected N/A counts as applicable.</summary>
    Rejected,
}

/// <summary>One answer of a submission, as reported and as reviewed.</summary>
/// <param name="Value">The self-reported value in the indicator's unit (yes = 1, no = 0, level, percent, number); null when not answered or N/A.</param>
/// <param name="NotApplicable">Whether the institution claims the indicator is not applicable.</param>
/// <param name="Decision">The reviewer's decision; null while undecided (the score is then provisional).</param>
/// <param name="VerifiedValue">The reviewer's value when <paramref name="Decision"/> is <see cref="ReviewDecision.Adjusted"/>.</param>
public readonly record struct AnswerInput(
    decimal? Value,
    bool NotApplicable = false,
    ReviewDecision? Decision = null,
    decimal? VerifiedValue = null)
{
    /// <summary>A yes/no/value answer.</summary>
    public static AnswerInput Of(decimal value) => new(value);

    /// <summary>A not-applicable claim.</summary>
    public static AnswerInput NotApplicableClaim() => new(null, NotApplicable: true);

    /// <summary>This answer with the reviewer's decision.</summary>
    public AnswerInput Reviewed(ReviewDecision decision, decimal? verifiedValue = null) =>
        this with { Decision = decision, VerifiedValue = verifiedValue };

    /// <summary>Whether the institution answered (a value or an N/A claim).</summary>
    public bool IsAnswered => NotApplicable || Value.HasValue;
}

/// <summary>One institution's part in a period.</summary>
/// <param name="Key">The caller's identifier of the institution (kept as given in the results).</param>
/// <param name="InstitutionType">Type code used for applicability and peer groups.</param>
/// <param name="HasSubmission">
/// Whether a submission counts for scoring (submitted or approved). Without one the institution is
/// <see cref="ParticipationStatus.NotSubmitted"/> and scores 0.
/// </param>
/// <param name="Answers">Answers by indicator code; an applicable indicator without an answer scores 0.</param>
public sealed record InstitutionInput(
    string Key,
    string InstitutionType,
    bool HasSubmission,
    IReadOnlyDictionary<string, AnswerInput> Answers);
