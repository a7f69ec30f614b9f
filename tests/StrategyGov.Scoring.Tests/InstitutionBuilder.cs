namespace StrategyGov.Scoring.Tests;

/// <summary>
/// Builds an <see cref="InstitutionInput"/> with a counted submission unless
/// <see cref="WithoutSubmission"/> is called. Answers are keyed by indicator code.
/// </summary>
internal sealed class InstitutionBuilder(string key = "INST", string institutionType = InstitutionBuilder.Ministry)
{
    public const string Ministry = "ministry";
    public const string Municipality = "municipality";

    private readonly Dictionary<string, AnswerInput> _answers = new(StringComparer.Ordinal);
    private bool _hasSubmission = true;

    /// <summary>A self-reported value the reviewer has not decided yet (provisional).</summary>
    public InstitutionBuilder Value(string code, decimal value) => Answer(code, AnswerInput.Of(value));

    public InstitutionBuilder Accepted(string code, decimal value) =>
        Answer(code, AnswerInput.Of(value).Reviewed(ReviewDecision.Accepted));

    public InstitutionBuilder Adjusted(string code, decimal value, decimal verifiedValue) =>
        Answer(code, AnswerInput.Of(value).Reviewed(ReviewDecision.Adjusted, verifiedValue));

    public InstitutionBuilder Rejected(string code, decimal value) =>
        Answer(code, AnswerInput.Of(value).Reviewed(ReviewDecision.Rejected));

    /// <summary>A "not applicable" claim, optionally decided by the reviewer.</summary>
    public InstitutionBuilder NotApplicable(string code, ReviewDecision? decision = null) =>
        Answer(code, AnswerInput.NotApplicableClaim() with { Decision = decision });

    public InstitutionBuilder Answer(string code, AnswerInput answer)
    {
        _answers[code] = answer;
        return this;
    }

    public InstitutionBuilder WithoutSubmission()
    {
        _hasSubmission = false;
        return this;
    }

    public InstitutionInput Build() => new(key, institutionType, _hasSubmission, new Dictionary<string, AnswerInput>(_answers));
}
