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
        var indicators = new List<IndicatorResult>(practice.Indicators.Count);
        var mean = new WeightedMean();
        foreach (var indicator in practice.Indicators)
        {
            if (!indicator.AppliesTo(institutionType))
            {
                continue;
            }

            var result = answers.TryGetValue(indicator.Code, out var answer) && answer.IsAnswered
                ? ScoreAnswer(indicator, answer)
                : Missing(indicator);
            counts.Applicable++;
            counts.Answered += result.State == AnswerState.Missing ? 0 : 1;
            counts.Provisional |= result.Provisional;
            mean.Add(result.Weight, result.Self.Score, result.Verified.Score);
            indicators.Add(result);
        }

        var shared = new IndicatorResult[indicators.Count];
        for (var i = 0; i < shared.Length; i++)
        {
            var r = indicators[i];
            shared[i] = r with { Self = mean.SelfNode(r.Weight, r.Self.Score), Verified = mean.VerifiedNode(r.Weight, r.Verified.Score) };
        }

        return new PracticeResult(practice.Code, practice.Weight, new(mean.Self, 0m), new(mean.Verified, 0m), shared);
    }

    private static IndicatorResult Missing(IndicatorDefinition indicator) =>
        new(indicator.Code, indicator.Weight, AnswerState.Missing, null, null, null, false, new(0m, 0m), new(0m, 0m));

    private static IndicatorResult ScoreAnswer(IndicatorDefinition indicator, AnswerInput answer)
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

        return new IndicatorResult(
            indicator.Code,
            indicator.Weight,
            answer.NotApplicable ? AnswerState.NotApplicable : AnswerState.Value,
            reported,
            answer.Decision,
            verifiedValue,
            Provisional: answer.Decision is null,
            new(self, 0m),
            new(verified, 0m));
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

        public void Add(decimal weight, decimal? self, decimal? verified)
        {
            if (self is { } s)
            {
                _selfSum += weight * s;
                _selfWeights += weight;
            }

            if (verified is { } v)
            {
                _verifiedSum += weight * v;
                _verifiedWeights += weight;
            }
        }

        public readonly ScoreNode SelfNode(decimal weight, decimal? score) =>
            new(score, score.HasValue ? weight / _selfWeights : 0m);

        public readonly ScoreNode VerifiedNode(decimal weight, decimal? score) =>
            new(score, score.HasValue ? weight / _verifiedWeights : 0m);
    }
}
