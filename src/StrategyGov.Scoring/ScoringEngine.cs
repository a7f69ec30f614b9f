using System.Runtime.CompilerServices;

namespace StrategyGov.Scoring;

/// <summary>
/// Scores institutions against a framework, exactly as DESIGN.md "Scoring" states. Pure and
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
        // Each node is built once: a level's children are scored into buffers first (their shares need
        // the total of the weights that count), then each result is created with its final share.
        var answers = institution.HasSubmission ? institution.Answers : NoAnswers;
        var buffers = new Buffers();
        var pillarScores = new Partial<PracticeResult>[framework.Pillars.Count];
        var overall = new WeightedMean();
        for (var p = 0; p < pillarScores.Length; p++)
        {
            var pillar = framework.Pillars[p];
            var practiceScores = buffers.Practices(pillar.Practices.Count);
            var pillarMean = new WeightedMean();
            for (var q = 0; q < practiceScores.Length; q++)
            {
                var practice = ScorePractice(pillar.Practices[q], institution.InstitutionType, answers, ref buffers);
                pillarMean.Add(practice.Weight, practice.Self, practice.Verified);
                practiceScores[q] = practice;
            }

            var practices = new PracticeResult[practiceScores.Length];
            for (var q = 0; q < practices.Length; q++)
            {
                var r = practiceScores[q];
                practices[q] = new PracticeResult(r.Code, r.Weight, pillarMean.SelfNode(r.Weight, r.Self), pillarMean.VerifiedNode(r.Weight, r.Verified), r.Children);
            }

            pillarScores[p] = new Partial<PracticeResult>(pillar.Code, pillar.Weight, pillarMean.Self, pillarMean.Verified, practices);
            overall.Add(pillar.Weight, pillarMean.Self, pillarMean.Verified);
        }

        var pillars = new PillarResult[pillarScores.Length];
        for (var p = 0; p < pillars.Length; p++)
        {
            var r = pillarScores[p];
            pillars[p] = new PillarResult(r.Code, r.Weight, overall.SelfNode(r.Weight, r.Self), overall.VerifiedNode(r.Weight, r.Verified), r.Children);
        }

        return new InstitutionResult(
            institution.Key,
            institution.InstitutionType,
            institution.HasSubmission ? ParticipationStatus.Submitted : ParticipationStatus.NotSubmitted,
            overall.Self,
            overall.Verified,
            buffers.Applicable,
            buffers.Answered,
            buffers.Provisional,
            pillars);
    }

    private static Partial<IndicatorResult> ScorePractice(
        PracticeDefinition practice,
        string institutionType,
        IReadOnlyDictionary<string, AnswerInput> answers,
        ref Buffers buffers)
    {
        // Two passes: score every applicable indicator (the shares need the total of the weights that
        // count), then build each result once. Shares are divided once per distinct weight and reused
        // when both views count the same weights.
        var definitions = practice.Indicators;
        var scored = buffers.Indicators(definitions.Count);
        var count = 0;
        var mean = new WeightedMean();
        for (var d = 0; d < definitions.Count; d++)
        {
            var indicator = definitions[d];
            if (!indicator.AppliesTo(institutionType))
            {
                continue;
            }

            var result = answers.TryGetValue(indicator.Code, out var answer) && answer.IsAnswered
                ? ScoreAnswer(indicator, answer)
                : new Scored(indicator, AnswerState.Missing, null, null, null, false, 0m, 0m);
            buffers.Applicable++;
            buffers.Answered += result.State == AnswerState.Missing ? 0 : 1;
            buffers.Provisional |= result.Provisional;
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

        return new Partial<IndicatorResult>(practice.Code, practice.Weight, mean.Self, mean.Verified, indicators);
    }

    private static Scored ScoreAnswer(IndicatorDefinition indicator, AnswerInput answer)
    {
        var reported = answer.NotApplicable ? null : answer.Value;
        decimal? self = reported is { } value ? IndicatorScoring.Score(indicator, value) : null;

        // The verified view: what the reviewer decided, or the self-report while undecided.
        var (verifiedValue, verified) = answer.Decision switch
        {
            ReviewDecision.Accepted or null => (reported, self),
            ReviewDecision.Adjusted when answer.VerifiedValue is { } adjusted =>
                (adjusted, IndicatorScoring.Score(indicator, adjusted)),

            // Rejected (and an adjustment without a value, which verifies nothing) scores 0;
            // a rejected N/A therefore counts as applicable.
            _ => ((decimal?)null, (decimal?)0m),
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

    /// <summary>A practice or pillar scored, before its share within its parent is known.</summary>
    private readonly record struct Partial<TChild>(string Code, decimal Weight, decimal? Self, decimal? Verified, TChild[] Children);

    /// <summary>
    /// One institution's counts and the scratch space its levels reuse (sized to the widest practice
    /// and pillar), so scoring allocates only the results it returns.
    /// </summary>
    private struct Buffers
    {
        private Scored[]? _indicators;
        private Partial<IndicatorResult>[]? _practices;

        public int Applicable;
        public int Answered;
        public bool Provisional;

        public Scored[] Indicators(int count) => Reuse(ref _indicators, count);

        public Span<Partial<IndicatorResult>> Practices(int count) => Reuse(ref _practices, count).AsSpan(0, count);

        private static T[] Reuse<T>(ref T[]? buffer, int count) =>
            buffer is { } b && b.Length >= count ? b : buffer = new T[count];
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

        public readonly ScoreNode SelfNode(decimal weight, decimal? score) =>
            new(score, score.HasValue ? weight / _selfWeights : 0m);

        public readonly ScoreNode VerifiedNode(decimal weight, decimal? score) =>
            new(score, score.HasValue ? weight / _verifiedWeights : 0m);
    }
}
