namespace StrategyGov.Scoring.Tests;

/// <summary>
/// Seeded generator of frameworks and institutions for the property tests. The same seed always gives
/// the same scenario (System.Random with a seed is deterministic), so a failing case can be replayed
/// from the seed printed in the assertion message.
/// </summary>
internal sealed class RandomScenario(int seed)
{
    public static readonly string[] InstitutionTypes = ["ministry", "authority", "municipality", "governorate"];

    private static readonly MeasurementType[] MeasurementTypes = Enum.GetValues<MeasurementType>();

    private readonly Random _random = new(seed);

    public ScoringFramework Framework()
    {
        var pillars = new List<PillarDefinition>();
        var pillarCount = _random.Next(1, 5);
        for (var p = 1; p <= pillarCount; p++)
        {
            var practices = new List<PracticeDefinition>();
            var practiceCount = _random.Next(1, 5);
            for (var q = 1; q <= practiceCount; q++)
            {
                var indicators = new List<IndicatorDefinition>();
                var indicatorCount = _random.Next(1, 6);
                for (var i = 1; i <= indicatorCount; i++)
                {
                    indicators.Add(Indicator($"P{p}.{q}.{i}"));
                }

                practices.Add(new PracticeDefinition($"P{p}.{q}", Weight(), indicators));
            }

            pillars.Add(new PillarDefinition($"P{p}", Weight(), practices));
        }

        return new ScoringFramework(pillars, MaturityBands.Default);
    }

    public InstitutionInput Institution(ScoringFramework framework, string key)
    {
        var answers = new Dictionary<string, AnswerInput>(StringComparer.Ordinal);
        foreach (var indicator in framework.Indicators)
        {
            if (Answer(indicator) is { } answer)
            {
                answers[indicator.Code] = answer;
            }
        }

        var type = InstitutionTypes[_random.Next(InstitutionTypes.Length)];
        return new InstitutionInput(key, type, HasSubmission: _random.Next(10) > 0, answers);
    }

    public InstitutionInput[] Institutions(ScoringFramework framework, int count) =>
        Enumerable.Range(1, count).Select(n => Institution(framework, $"INST-{n:D3}")).ToArray();

    public int Next(int minValue, int maxValue) => _random.Next(minValue, maxValue);

    public T[] Shuffled<T>(IReadOnlyList<T> items)
    {
        var shuffled = items.ToArray();
        _random.Shuffle(shuffled);
        return shuffled;
    }

    // 0.01 .. 99.99, often whole numbers, so both exact and inexact divisions occur.
    private decimal Weight() =>
        _random.Next(3) == 0 ? _random.Next(1, 10) : _random.Next(1, 10_000) / 100m;

    private IndicatorDefinition Indicator(string code)
    {
        var type = MeasurementTypes[_random.Next(MeasurementTypes.Length)];
        IReadOnlySet<string>? applicable = _random.Next(5) == 0
            ? InstitutionTypes.Where(_ => _random.Next(2) == 0).ToHashSet(StringComparer.Ordinal)
            : null;
        var indicator = new IndicatorDefinition(code, Weight(), type, ApplicableTypes: applicable);
        return type switch
        {
            MeasurementType.Maturity => indicator with { MaturityLevels = _random.Next(1, 8) },
            MeasurementType.TargetHigherIsBetter => TargetOf(indicator, higherIsBetter: true),
            MeasurementType.TargetLowerIsBetter => TargetOf(indicator, higherIsBetter: false),
            _ => indicator,
        };
    }

    private IndicatorDefinition TargetOf(IndicatorDefinition indicator, bool higherIsBetter)
    {
        var baseline = _random.Next(-5_000, 5_000) / 100m;
        var span = _random.Next(1, 20_000) / 100m;
        return indicator with { Baseline = baseline, Target = higherIsBetter ? baseline + span : baseline - span };
    }

    private AnswerInput? Answer(IndicatorDefinition indicator)
    {
        var roll = _random.Next(20);
        if (roll < 2)
        {
            return null;
        }

        var answer = roll < 4 ? AnswerInput.NotApplicableClaim() : AnswerInput.Of(Value(indicator));
        return _random.Next(20) switch
        {
            < 5 => answer,
            < 12 => answer.Reviewed(ReviewDecision.Accepted),
            < 16 => answer.Reviewed(ReviewDecision.Adjusted, Value(indicator)),
            < 19 => answer.Reviewed(ReviewDecision.Rejected),
            _ => answer.Reviewed(ReviewDecision.Adjusted), // an adjustment without a value
        };
    }

    // Values deliberately reach outside the valid range so clamping is exercised.
    private decimal Value(IndicatorDefinition indicator) => indicator.Type switch
    {
        MeasurementType.YesNo => _random.Next(2),
        MeasurementType.Percentage => _random.Next(-2_000, 12_001) / 100m,
        MeasurementType.Maturity => _random.Next(-1, indicator.MaturityLevels + 2),
        _ => Math.Min(indicator.Baseline, indicator.Target) - 50m
            + _random.Next(0, (int)(Math.Abs(indicator.Target - indicator.Baseline) * 100m) + 10_001) / 100m,
    };
}
