namespace StrategyGov.Scoring;

/// <summary>Whether an institution's scores come from a submission.</summary>
public enum ParticipationStatus
{
    /// <summary>No counted submission: shown as not submitted, scores 0.</summary>
    NotSubmitted,

    /// <summary>A submitted or approved submission was scored.</summary>
    Submitted,
}

/// <summary>What the institution reported for an indicator.</summary>
public enum AnswerState
{
    /// <summary>No answer: scores 0 and lowers completeness.</summary>
    Missing,

    /// <summary>A value was reported.</summary>
    Value,

    /// <summary>Not applicable was claimed.</summary>
    NotApplicable,
}

/// <summary>
/// A node's score in one view (self-reported or verified) and its normalised weight within its parent.
/// </summary>
/// <param name="Score">The score in [0, 100]; null when not applicable (left out of the parent's mean).</param>
/// <param name="Share">
/// The node's weight divided by the weights of the siblings that count in this view (0 when N/A); the
/// node contributes <c>Share × Score</c> to its parent.
/// </param>
public readonly record struct ScoreNode(decimal? Score, decimal Share)
{
    /// <summary>Points this node adds to its parent's score: <c>Share × Score</c> (0 when N/A).</summary>
    public decimal Contribution => Score is { } score ? Share * score : 0m;
}

/// <summary>The score of one indicator for one institution.</summary>
/// <param name="Code">Indicator code.</param>
/// <param name="Weight">Indicator weight within its practice.</param>
/// <param name="State">What was reported.</param>
/// <param name="Value">The self-reported value, if any.</param>
/// <param name="Decision">The reviewer's decision, if any.</param>
/// <param name="VerifiedValue">The value the verified score is based on (null when N/A or rejected).</param>
/// <param name="Provisional">The answer is not yet decided; its verified score uses the self-reported value.</param>
/// <param name="Self">Self-reported score and share.</param>
/// <param name="Verified">Verified score and share.</param>
public sealed record IndicatorResult(
    string Code,
    decimal Weight,
    AnswerState State,
    decimal? Value,
    ReviewDecision? Decision,
    decimal? VerifiedValue,
    bool Provisional,
    ScoreNode Self,
    ScoreNode Verified)
{
    /// <summary>Self-reported minus verified score; null when either is N/A.</summary>
    public decimal? Gap => Self.Score - Verified.Score;
}

/// <summary>The score of one practice: weighted mean of its applicable, not-N/A indicators.</summary>
/// <remarks>
/// The engine scores every indicator to get the practice's score but builds the indicators' results
/// only when <see cref="Indicators"/> is first read (a dashboard of 1,000 institutions reads a handful
/// of the 300,000): they are scored again from the same definition and answers, which gives the same
/// numbers because scoring is deterministic.
/// </remarks>
public sealed class PracticeResult
{
    private readonly IndicatorSource? _source;
    private IReadOnlyList<IndicatorResult>? _indicators;

    /// <summary>A practice result with its indicators' results given (e.g. read back from a snapshot).</summary>
    public PracticeResult(string Code, decimal Weight, ScoreNode Self, ScoreNode Verified, IReadOnlyList<IndicatorResult> Indicators)
        : this(Code, Weight, Self, Verified)
    {
        _indicators = Indicators;
    }

    internal PracticeResult(string code, decimal weight, ScoreNode self, ScoreNode verified, IndicatorSource source)
        : this(code, weight, self, verified)
    {
        _source = source;
    }

    private PracticeResult(string code, decimal weight, ScoreNode self, ScoreNode verified)
    {
        this.Code = code;
        this.Weight = weight;
        this.Self = self;
        this.Verified = verified;
    }

    /// <summary>Practice code.</summary>
    public string Code { get; }

    /// <summary>Practice weight within its pillar.</summary>
    public decimal Weight { get; }

    /// <summary>Self-reported score and share within the pillar.</summary>
    public ScoreNode Self { get; }

    /// <summary>Verified score and share within the pillar.</summary>
    public ScoreNode Verified { get; }

    /// <summary>The applicable indicators' results, in framework order.</summary>
    public IReadOnlyList<IndicatorResult> Indicators =>
        _indicators ??= ScoringEngine.ScoreIndicators(_source!.Value);

    /// <summary>What the indicators of a practice were scored from, to build their results on demand.</summary>
    internal readonly record struct IndicatorSource(
        PracticeDefinition Practice,
        string InstitutionType,
        IReadOnlyDictionary<string, AnswerInput> Answers,
        AnswerSheet? Sheet,
        int FirstPosition);
}

/// <summary>The score of one pillar: weighted mean of its not-N/A practices.</summary>
/// <remarks>
/// Like <see cref="PracticeResult.Indicators"/>, the practices' results are built the first time
/// <see cref="Practices"/> is read, by scoring the pillar again: the same numbers.
/// </remarks>
public sealed class PillarResult
{
    private readonly PracticeSource? _source;
    private IReadOnlyList<PracticeResult>? _practices;

    /// <summary>A pillar result with its practices' results given (e.g. read back from a snapshot).</summary>
    public PillarResult(string Code, decimal Weight, ScoreNode Self, ScoreNode Verified, IReadOnlyList<PracticeResult> Practices)
        : this(Code, Weight, Self, Verified)
    {
        _practices = Practices;
    }

    internal PillarResult(string code, decimal weight, ScoreNode self, ScoreNode verified, PracticeSource source)
        : this(code, weight, self, verified)
    {
        _source = source;
    }

    private PillarResult(string code, decimal weight, ScoreNode self, ScoreNode verified)
    {
        this.Code = code;
        this.Weight = weight;
        this.Self = self;
        this.Verified = verified;
    }

    /// <summary>Pillar code.</summary>
    public string Code { get; }

    /// <summary>Pillar weight.</summary>
    public decimal Weight { get; }

    /// <summary>Self-reported score and share of the overall score.</summary>
    public ScoreNode Self { get; }

    /// <summary>Verified score and share of the overall score.</summary>
    public ScoreNode Verified { get; }

    /// <summary>The practices' results, in framework order.</summary>
    public IReadOnlyList<PracticeResult> Practices =>
        _practices ??= ScoringEngine.ScorePractices(_source!.Value);

    /// <summary>What the practices of a pillar were scored from, to build their results on demand.</summary>
    internal readonly record struct PracticeSource(
        PillarDefinition Pillar,
        string InstitutionType,
        IReadOnlyDictionary<string, AnswerInput> Answers,
        AnswerSheet? Sheet,
        int FirstPosition);
}

/// <summary>One institution's scores for a period, with the full tree of numbers that made them.</summary>
/// <param name="Key">The institution key given in the input.</param>
/// <param name="InstitutionType">The institution's type code.</param>
/// <param name="Status">Whether a submission was scored.</param>
/// <param name="SelfReported">Overall self-reported score; null when every pillar is N/A.</param>
/// <param name="Verified">Overall verified score; null when every pillar is N/A.</param>
/// <param name="ApplicableCount">Indicators that apply to the institution's type.</param>
/// <param name="AnsweredCount">Applicable indicators answered with a value or N/A.</param>
/// <param name="Provisional">At least one counted answer is not yet decided by a reviewer.</param>
/// <param name="Pillars">The explanation tree.</param>
public sealed record InstitutionResult(
    string Key,
    string InstitutionType,
    ParticipationStatus Status,
    decimal? SelfReported,
    decimal? Verified,
    int ApplicableCount,
    int AnsweredCount,
    bool Provisional,
    IReadOnlyList<PillarResult> Pillars)
{
    /// <summary>Answered ÷ applicable, in [0, 1]; 1 when nothing applies, 0 when not submitted.</summary>
    public decimal Completeness => Status == ParticipationStatus.NotSubmitted
        ? 0m
        : ApplicableCount == 0 ? 1m : (decimal)AnsweredCount / ApplicableCount;

    /// <summary>The self-assessment gap: self-reported minus verified; null when either is N/A.</summary>
    public decimal? Gap => SelfReported - Verified;
}
