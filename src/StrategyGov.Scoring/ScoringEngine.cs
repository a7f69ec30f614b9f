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
        var answers = institution.HasSubmission ? institution.Answers : NoAnswers;
        var counts = new Counts();
        var pillars = new PillarResult[framework.Pillars.Count];
        var overall = new WeightedMean();
        for (var p = 0; p < pillars.Length; p++)
        {
            var pillar = framework.Pillars[p];
            var practices = new PracticeResult[pillar.Practices.Count];
            var pillarMean = new WeightedMean();
            for (var q = 0; q < practices.Length; q++)
            {
                var practice = ScorePractice(pillar.Practices[q], institution.InstitutionType, answers, ref counts);
                pillarMean.Add(practice.Weight, practice.Self.Score, practice.Verified.Score);
                practices[q] = practice;
            }

            for (var q = 0; q < practices.Length; q++)
            {
                var r = practices[q];
                practices[q] = r with { Self = pillarMean.SelfNode(r.Weight, r.Self.Score), Verified = pillarMean.VerifiedNode(r.Weight, r.Verified.Score) };
            }

            var scored = new PillarResult(pillar.Code, pillar.Weight, new(pillarMean.Self, 0m), new(pillarMean.Verified, 0m), practices);
            overall.Add(scored.Weight, scored.Self.Score, scored.Verified.Score);
            pillars[p] = scored;
        }

        for (var p = 0; p < pillars.Length; p++)
        {
            var r = pillars[p];
            pillars[p] = r with { Self = overall.SelfNode(r.Weight, r.Self.Score), Verified = overall.VerifiedNode(r.Weight, r.Verified.Score) };
        }

        return new InstitutionResult(
            institution.Key,
            institution.InstitutionType,
            institution.HasSubmission ? ParticipationStatus.Submitted : ParticipationStatus.NotSubmitted,
            overall.Self,
            overall.Verified,
            counts.Applicable,
            counts.Answered,
            counts.Provisional,
            pillars);
    }

    private static PracticeResult ScorePractice(
        PracticeDefinition practice,
        string institutionType,
        IReadOnlyDictionary<string, AnswerInput> answers,
        ref Counts counts)
    {
        // Two passes: score every applicable indicator (the shares need the total of the weights that
        // count), then build each result once. Profiling showed the results built twice and one
        // decimal division per view and indicator dominating; shares are now divided once per distinct
        // weight and reused when both views count the same weights.
        var definitions = practice.Indicators;
        var scored = new Scored[definitions.Count];
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
            counts.Applicable++;
            counts.Answered += result.State == AnswerState.Missing ? 0 : 1;
            counts.Provisional |= result.Provisional;
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

        return new PracticeResult(practice.Code, practice.Weight, new(mean.Self, 0m), new(mean.Verified, 0m), indicators);
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
        private readonly decimal[] _weights = new decimal[Size];
        private readonly decimal[] _self = new decimal[Size];
        private readonly decimal[] _verified = new decimal[Size];
        private int _count;

        public (ScoreNode Self, ScoreNode Verified) Nodes(decimal weight, decimal? self, decimal? verified)
        {
            var slot = Array.IndexOf(_weights, weight, 0, _count);
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
    }

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

        public readonly ScoreNode SelfNode(decimal weight, decimal? score) =>
            new(score, score.HasValue ? weight / _selfWeights : 0m);

        public readonly ScoreNode VerifiedNode(decimal weight, decimal? score) =>
            new(score, score.HasValue ? weight / _verifiedWeights : 0m);
    }
}
