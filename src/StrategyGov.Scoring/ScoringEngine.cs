using System.Runtime.CompilerServices;

namespace StrategyGov.Scoring;

/// <summary>
/// Scores institutions against a framework, exactly as docs/scoring.md states. Pure and
/// deterministic: the same inputs always give the same outputs; all arithmetic is <see cref="decimal"/>.
/// </summary>
public static class ScoringEngine
{
    private static readonly IReadOnlyDictionary<string, AnswerInput> NoAnswers = new Dictionary<string, AnswerInput>();

    /// <summary>
    /// Scores one institution: each level is Σ wᵢ·sᵢ / Σ wᵢ over its children that are not N/A (a level
    /// left with none is N/A). Indicators not applicable to the institution's type are left out
    /// entirely; an applicable indicator without an answer scores 0. The verified view applies the
    /// reviewer's decisions (Accepted → as reported, Adjusted → the reviewer's value, Rejected → 0,
    /// undecided → as reported and provisional).
    /// </summary>
    public static InstitutionResult Score(ScoringFramework framework, InstitutionInput institution)
    {
        // Each level is scored before its parent, whose mean gives the level's shares, and each result
        // is built once with its final share. Practices and indicators are scored for their parents'
        // means, but their results are built only when asked for (PillarResult.Practices,
        // PracticeResult.Indicators): a scoreboard needs the pillars of every institution, the tree
        // below them for a few.
        var answers = institution.HasSubmission ? institution.Answers : NoAnswers;
        var sheet = answers is AnswerSheet s && ReferenceEquals(s.Layout.Framework, framework) ? s : null;
        var counts = new Counts();
        var position = 0;
        var pillarMeans = framework.Pillars.Count <= 32 ? stackalloc Means[32] : new Means[framework.Pillars.Count];
        var firstPositions = framework.Pillars.Count <= 32 ? stackalloc int[32] : new int[framework.Pillars.Count];
        var overall = new WeightedMean();
        for (var p = 0; p < framework.Pillars.Count; p++)
        {
            var pillar = framework.Pillars[p];
            firstPositions[p] = position;
            var means = ScorePillar(new PillarResult.PracticeSource(pillar, institution.InstitutionType, answers, sheet, position), ref counts, [], out position).Means();
            overall.Add(pillar.Weight, means.Self, means.Verified);
            pillarMeans[p] = means;
        }

        var pillars = new PillarResult[framework.Pillars.Count];
        for (var p = 0; p < pillars.Length; p++)
        {
            var pillar = framework.Pillars[p];
            var (self, verified) = overall.Nodes(pillar.Weight, pillarMeans[p]);
            pillars[p] = new PillarResult(pillar.Code, pillar.Weight, self, verified, new PillarResult.PracticeSource(pillar, institution.InstitutionType, answers, sheet, firstPositions[p]));
        }

        var total = overall.Means();
        return new InstitutionResult(
            institution.Key,
            institution.InstitutionType,
            institution.HasSubmission ? ParticipationStatus.Submitted : ParticipationStatus.NotSubmitted,
            total.Self,
            total.Verified,
            counts.Applicable,
            counts.Answered,
            counts.Provisional,
            pillars);
    }

    /// <summary>
    /// A pillar's weighted means over its practices, counting their indicators into
    /// <paramref name="counts"/>; each practice's means go to <paramref name="practiceMeans"/> when it
    /// is long enough to hold them. <paramref name="nextPosition"/> is the position after its last indicator.
    /// </summary>
    private static WeightedMean ScorePillar(PillarResult.PracticeSource source, ref Counts counts, Span<Means> practiceMeans, out int nextPosition)
    {
        var mean = new WeightedMean();
        var position = source.FirstPosition;
        var practices = source.Pillar.Practices;
        for (var q = 0; q < practices.Count; q++)
        {
            var practice = practices[q];
            var means = ScorePractice(practice, source.InstitutionType, source.Answers, source.Sheet, position, ref counts).Means();
            mean.Add(practice.Weight, means.Self, means.Verified);
            if (q < practiceMeans.Length)
            {
                practiceMeans[q] = means;
            }

            position += practice.Indicators.Count;
        }

        nextPosition = position;
        return mean;
    }

    /// <summary>
    /// The results of a pillar's practices with their shares: what <see cref="PillarResult.Practices"/>
    /// shows. The same numbers as when the pillar was scored.
    /// </summary>
    internal static PracticeResult[] ScorePractices(PillarResult.PracticeSource source)
    {
        var counts = new Counts();
        var practiceMeans = new Means[source.Pillar.Practices.Count];
        var pillarMean = ScorePillar(source, ref counts, practiceMeans, out _);
        var practices = new PracticeResult[practiceMeans.Length];
        var position = source.FirstPosition;
        for (var q = 0; q < practices.Length; q++)
        {
            var practice = source.Pillar.Practices[q];
            var (self, verified) = pillarMean.Nodes(practice.Weight, practiceMeans[q]);
            practices[q] = new PracticeResult(
                practice.Code,
                practice.Weight,
                self,
                verified,
                new PracticeResult.IndicatorSource(practice, source.InstitutionType, source.Answers, source.Sheet, position));
            position += practice.Indicators.Count;
        }

        return practices;
    }

    /// <summary>A practice's weighted means in both views, counting its indicators into <paramref name="counts"/>.</summary>
    private static WeightedMean ScorePractice(
        PracticeDefinition practice,
        string institutionType,
        IReadOnlyDictionary<string, AnswerInput> answers,
        AnswerSheet? sheet,
        int firstPosition,
        ref Counts counts)
    {
        var mean = new WeightedMean();
        var definitions = practice.Indicators;
        for (var d = 0; d < definitions.Count; d++)
        {
            var indicator = definitions[d];
            if (!indicator.AppliesTo(institutionType))
            {
                continue;
            }

            counts.Applicable++;
            if (!TryGetAnswer(indicator, answers, sheet, firstPosition + d, out var answer))
            {
                mean.Add(indicator.Weight, 0m, 0m);
                continue;
            }

            Score(indicator, answer, out var self, out var verified);
            counts.Answered++;
            counts.Provisional |= answer.Decision is null;
            mean.Add(indicator.Weight, self, verified);
        }

        return mean;
    }

    /// <summary>
    /// The results of a practice's applicable indicators with their shares: what
    /// <see cref="PracticeResult.Indicators"/> shows. The same numbers as when the practice was scored.
    /// </summary>
    internal static IndicatorResult[] ScoreIndicators(PracticeResult.IndicatorSource source)
    {
        // Two passes: score every applicable indicator (the shares need the total of the weights that
        // count), then build each result once. Shares are divided once per distinct weight and reused
        // when both views count the same weights.
        var definitions = source.Practice.Indicators;
        var scored = new Scored[definitions.Count];
        var count = 0;
        var mean = new WeightedMean();
        for (var d = 0; d < definitions.Count; d++)
        {
            var indicator = definitions[d];
            if (!indicator.AppliesTo(source.InstitutionType))
            {
                continue;
            }

            var result = TryGetAnswer(indicator, source.Answers, source.Sheet, source.FirstPosition + d, out var answer)
                ? ScoreAnswer(indicator, answer)
                : new Scored(indicator, AnswerState.Missing, null, null, null, false, 0m, 0m);
            mean.Add(indicator.Weight, result.Self, result.Verified);
            scored[count++] = result;
        }

        var shares = new ShareCache(mean);
        var indicators = new IndicatorResult[count];
        for (var i = 0; i < count; i++)
        {
            var r = scored[i];
            var (self, verified) = shares.Nodes(r.Indicator.Weight, r.Self, r.Verified);
            indicators[i] = new IndicatorResult(r.Indicator.Code, r.Indicator.Weight, r.State, r.Value, r.Decision, r.VerifiedValue, r.Provisional, self, verified);
        }

        return indicators;
    }

    /// <summary>The answer given to an indicator (a value or an N/A claim); false when it is missing.</summary>
    private static bool TryGetAnswer(
        IndicatorDefinition indicator,
        IReadOnlyDictionary<string, AnswerInput> answers,
        AnswerSheet? sheet,
        int position,
        out AnswerInput answer) =>
        (sheet is null ? answers.TryGetValue(indicator.Code, out answer) : sheet.TryGet(position, out answer))
        && answer.IsAnswered;

    private static Scored ScoreAnswer(IndicatorDefinition indicator, in AnswerInput answer)
    {
        Score(indicator, answer, out var self, out var verified);
        var reported = answer.NotApplicable ? null : answer.Value;
        var verifiedValue = answer.Decision switch
        {
            ReviewDecision.Accepted or null => reported,
            ReviewDecision.Adjusted => answer.VerifiedValue,
            _ => null,
        };

        return new Scored(
            indicator,
            answer.NotApplicable ? AnswerState.NotApplicable : AnswerState.Value,
            reported,
            answer.Decision,
            verifiedValue,
            Provisional: answer.Decision is null,
            self,
            verified);
    }

    /// <summary>An answer's score in both views (null when N/A).</summary>
    private static void Score(IndicatorDefinition indicator, in AnswerInput answer, out decimal? self, out decimal? verified)
    {
        self = !answer.NotApplicable && answer.Value is { } value ? IndicatorScoring.Score(indicator, value) : null;

        // The verified view: what the reviewer decided, or the self-report while undecided.
        verified = answer.Decision switch
        {
            ReviewDecision.Accepted or null => self,
            ReviewDecision.Adjusted when answer.VerifiedValue is { } adjusted => IndicatorScoring.Score(indicator, adjusted),

            // Rejected (and an adjustment without a value, which verifies nothing) scores 0;
            // a rejected N/A therefore counts as applicable.
            _ => 0m,
        };
    }

    private readonly record struct Scored(
        IndicatorDefinition Indicator,
        AnswerState State,
        decimal? Value,
        ReviewDecision? Decision,
        decimal? VerifiedValue,
        bool Provisional,
        decimal? Self,
        decimal? Verified);

    /// <summary>
    /// Shares of the children of one parent: weight ÷ the weights counted in each view. The division is
    /// done once per distinct weight (siblings usually share a few weights) and once for both views when
    /// they count the same weights; the values are exactly those of a division per child.
    /// </summary>
    private struct ShareCache(WeightedMean mean)
    {
        private const int Size = 4;
        private Slots _weights;
        private Slots _self;
        private Slots _verified;
        private int _count;

        public (ScoreNode Self, ScoreNode Verified) Nodes(decimal weight, decimal? self, decimal? verified)
        {
            var slot = ((ReadOnlySpan<decimal>)_weights)[.._count].IndexOf(weight);
            if (slot < 0)
            {
                slot = _count < Size ? _count++ : Size - 1;
                _weights[slot] = weight;
                _self[slot] = mean.SelfWeights > 0m ? weight / mean.SelfWeights : 0m;
                _verified[slot] = mean.VerifiedWeights == mean.SelfWeights ? _self[slot]
                    : mean.VerifiedWeights > 0m ? weight / mean.VerifiedWeights : 0m;
            }

            return (new ScoreNode(self, self.HasValue ? _self[slot] : 0m), new ScoreNode(verified, verified.HasValue ? _verified[slot] : 0m));
        }

        [InlineArray(Size)]
        private struct Slots
        {
            private decimal _element;
        }
    }

    /// <summary>One institution's indicator counts.</summary>
    private struct Counts
    {
        public int Applicable;
        public int Answered;
        public bool Provisional;
    }

    /// <summary>Σ wᵢ·sᵢ / Σ wᵢ over the children that are not N/A, in both views at once.</summary>
    private struct WeightedMean
    {
        private decimal _selfSum, _selfWeights, _verifiedSum, _verifiedWeights;

        public readonly decimal? Self => _selfWeights > 0m ? _selfSum / _selfWeights : null;

        public readonly decimal? Verified => _verifiedWeights > 0m ? _verifiedSum / _verifiedWeights : null;

        public readonly decimal SelfWeights => _selfWeights;

        public readonly decimal VerifiedWeights => _verifiedWeights;

        public void Add(decimal weight, decimal? self, decimal? verified)
        {
            // Most answers verify as reported: one product serves both views.
            var product = 0m;
            if (self is { } s)
            {
                product = weight * s;
                _selfSum += product;
                _selfWeights += weight;
            }

            if (verified is { } v)
            {
                _verifiedSum += self == verified ? product : weight * v;
                _verifiedWeights += weight;
            }
        }

        /// <summary>
        /// Both means, dividing once when both views summed the very same numbers (every answer
        /// verified as reported): the quotient is then the same bit for bit.
        /// </summary>
        public readonly Means Means()
        {
            decimal? self = _selfWeights > 0m ? _selfSum / _selfWeights : null;
            decimal? verified = Same(_verifiedSum, _selfSum) && Same(_verifiedWeights, _selfWeights) ? self
                : _verifiedWeights > 0m ? _verifiedSum / _verifiedWeights : null;
            return new Means(self, verified);
        }

        /// <summary>A child's nodes in both views: its scores and its shares (weight ÷ the weights counted).</summary>
        public readonly (ScoreNode Self, ScoreNode Verified) Nodes(decimal weight, Means child)
        {
            var selfShare = child.Self.HasValue ? weight / _selfWeights : 0m;
            var verifiedShare = !child.Verified.HasValue ? 0m
                : child.Self.HasValue && Same(_verifiedWeights, _selfWeights) ? selfShare
                : weight / _verifiedWeights;
            return (new ScoreNode(child.Self, selfShare), new ScoreNode(child.Verified, verifiedShare));
        }

        // Equal and with the same scale: the same decimal bit for bit (so is anything computed from it).
        private static bool Same(decimal a, decimal b) => a == b && a.Scale == b.Scale;
    }

    /// <summary>A level's score in both views; null when N/A.</summary>
    private readonly record struct Means(decimal? Self, decimal? Verified);
}
