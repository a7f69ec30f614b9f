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
/// <remarks>
/// Stored in 40 bytes (two decimals and a flag byte) instead of the 64 of four nullable fields: a
/// period of 10,000 institutions holds 3,000,000 of them.
/// </remarks>
public readonly record struct AnswerInput
{
    private readonly decimal _value;
    private readonly decimal _verifiedValue;
    private readonly Flags _flags;

    /// <summary>An answer as reported and reviewed.</summary>
    /// <param name="Value">The self-reported value in the indicator's unit (yes = 1, no = 0, level, percent, number); null when not answered or N/A.</param>
    /// <param name="NotApplicable">Whether the institution claims the indicator is not applicable.</param>
    /// <param name="Decision">The reviewer's decision; null while undecided (the score is then provisional).</param>
    /// <param name="VerifiedValue">The reviewer's value when <paramref name="Decision"/> is <see cref="ReviewDecision.Adjusted"/>.</param>
    public AnswerInput(decimal? Value, bool NotApplicable = false, ReviewDecision? Decision = null, decimal? VerifiedValue = null)
    {
        this.Value = Value;
        this.NotApplicable = NotApplicable;
        this.Decision = Decision;
        this.VerifiedValue = VerifiedValue;
    }

    [Flags]
    private enum Flags : byte
    {
        HasValue = 1,
        NotApplicable = 2,
        HasVerifiedValue = 4,
        HasDecision = 8,

        // The decision itself is kept in the two bits above HasDecision.
        DecisionBits = 16 | 32,
    }

    private const int DecisionShift = 4;

    /// <summary>The self-reported value in the indicator's unit (yes = 1, no = 0, level, percent, number); null when not answered or N/A.</summary>
    public decimal? Value
    {
        get => (_flags & Flags.HasValue) != 0 ? _value : null;
        init => (_value, _flags) = (value ?? 0m, With(Flags.HasValue, value.HasValue));
    }

    /// <summary>Whether the institution claims the indicator is not applicable.</summary>
    public bool NotApplicable
    {
        get => (_flags & Flags.NotApplicable) != 0;
        init => _flags = With(Flags.NotApplicable, value);
    }

    /// <summary>The reviewer's decision; null while undecided (the score is then provisional).</summary>
    public ReviewDecision? Decision
    {
        get => (_flags & Flags.HasDecision) != 0 ? (ReviewDecision)((int)(_flags & Flags.DecisionBits) >> DecisionShift) : null;
        init => _flags = (With(Flags.HasDecision, value.HasValue) & ~Flags.DecisionBits)
            | (Flags)(((int)(value ?? 0) << DecisionShift) & (int)Flags.DecisionBits);
    }

    /// <summary>The reviewer's value when <see cref="Decision"/> is <see cref="ReviewDecision.Adjusted"/>.</summary>
    public decimal? VerifiedValue
    {
        get => (_flags & Flags.HasVerifiedValue) != 0 ? _verifiedValue : null;
        init => (_verifiedValue, _flags) = (value ?? 0m, With(Flags.HasVerifiedValue, value.HasValue));
    }

    /// <summary>Whether the institution answered (a value or an N/A claim).</summary>
    public bool IsAnswered => (_flags & (Flags.HasValue | Flags.NotApplicable)) != 0;

    /// <summary>Whether the answer holds nothing at all (no value, no N/A claim, no review): the same as no answer.</summary>
    internal bool IsEmpty => _flags == 0;

    /// <summary>A yes/no/value answer.</summary>
    public static AnswerInput Of(decimal value) => new(value);

    /// <summary>A not-applicable claim.</summary>
    public static AnswerInput NotApplicableClaim() => new(null, NotApplicable: true);

    /// <summary>This answer with the reviewer's decision.</summary>
    public AnswerInput Reviewed(ReviewDecision decision, decimal? verifiedValue = null) =>
        this with { Decision = decision, VerifiedValue = verifiedValue };

    private Flags With(Flags flag, bool on) => on ? _flags | flag : _flags & ~flag;
}

/// <summary>One institution's part in a period.</summary>
/// <param name="Key">The caller's identifier of the institution (kept as given in the results).</param>
/// <param name="InstitutionType">Type code used for applicability and peer groups.</param>
/// <param name="HasSubmission">
/// Whether a submission counts for scoring (submitted or approved). Without one the institution is
/// <see cref="ParticipationStatus.NotSubmitted"/> and scores 0.
/// </param>
/// <param name="Answers">
/// Answers by indicator code; an applicable indicator without an answer scores 0. An
/// <see cref="AnswerSheet"/> laid out for the framework being scored is read by position instead of by
/// code. The results keep a reference to the answers to expand the explanation tree on demand
/// (<see cref="PracticeResult.Indicators"/>): do not change them after scoring.
/// </param>
public sealed record InstitutionInput(
    string Key,
    string InstitutionType,
    bool HasSubmission,
    IReadOnlyDictionary<string, AnswerInput> Answers);
