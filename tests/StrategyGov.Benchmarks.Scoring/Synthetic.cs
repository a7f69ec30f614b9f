using StrategyGov.Data.Framework;
using StrategyGov.Scoring;

namespace StrategyGov.Benchmarks.Scoring;

/// <summary>A 300-indicator strategy (10 pillars × 5 practices × 6 indicators, every type) and seeded answers.</summary>
internal static class Synthetic
{
    public static readonly string[] Types = ["ministry", "authority", "municipality", "governorate"];

    public static StrategyVersion Strategy()
    {
        var kinds = Enum.GetValues<MeasurementType>();
        var n = 0;
        return new StrategyVersion
        {
            Code = "BENCH", Version = 1, Status = StrategyStatus.Published, NameAr = "اختبار", NameEn = "Benchmark",
            Pillars = Enumerable.Range(1, 10).Select(p => new Pillar
            {
                Code = $"P{p}", NameAr = $"محور {p}", NameEn = $"Pillar {p}", Order = p, Weight = 5 + p,
                Practices = Enumerable.Range(1, 5).Select(q => new Practice
                {
                    Code = $"P{p}.{q}", NameAr = $"بند {p}.{q}", NameEn = $"Practice {p}.{q}", Order = q, Weight = q,
                    Indicators = Enumerable.Range(1, 6).Select(i =>
                    {
                        var type = kinds[n++ % kinds.Length];
                        return new Indicator
                        {
                            Code = $"P{p}.{q}.{i}", TextAr = $"مؤشر {p}.{q}.{i}", TextEn = $"Indicator {p}.{q}.{i}", Order = i, Weight = 1 + (i % 3),
                            Type = type,
                            MaturityLevels = type == MeasurementType.Maturity ? 5 : null,
                            Baseline = type == MeasurementType.TargetHigherIsBetter ? 10m : type == MeasurementType.TargetLowerIsBetter ? 48m : null,
                            Target = type == MeasurementType.TargetHigherIsBetter ? 90m : type == MeasurementType.TargetLowerIsBetter ? 12m : null,
                        };
                    }).ToList(),
                }).ToList(),
            }).ToList(),
        };
    }

    /// <summary>A plausible answer per indicator: mostly values, some N/A, some missing, all review decisions.</summary>
    public static AnswerInput? Answer(IndicatorDefinition indicator, Random random)
    {
        var roll = random.Next(100);
        if (roll < 2)
        {
            return null;
        }

        if (roll < 5)
        {
            return AnswerInput.NotApplicableClaim().Reviewed(ReviewDecision.Accepted);
        }

        var value = Value(indicator, random);
        return random.Next(10) switch
        {
            < 6 => AnswerInput.Of(value).Reviewed(ReviewDecision.Accepted),
            < 8 => AnswerInput.Of(value).Reviewed(ReviewDecision.Adjusted, Value(indicator, random)),
            8 => AnswerInput.Of(value).Reviewed(ReviewDecision.Rejected),
            _ => AnswerInput.Of(value),
        };
    }

    public static InstitutionInput[] Institutions(ScoringFramework framework, int count, int seed)
    {
        var random = new Random(seed);
        var indicators = framework.Indicators.ToArray();
        return Enumerable.Range(1, count).Select(n =>
        {
            var answers = new Dictionary<string, AnswerInput>(indicators.Length, StringComparer.Ordinal);
            foreach (var indicator in indicators)
            {
                if (Answer(indicator, random) is { } answer)
                {
                    answers[indicator.Code] = answer;
                }
            }

            return new InstitutionInput(n.ToString(System.Globalization.CultureInfo.InvariantCulture), Types[n % Types.Length], true, answers);
        }).ToArray();
    }

    private static decimal Value(IndicatorDefinition indicator, Random random) => indicator.Type switch
    {
        MeasurementType.YesNo => random.Next(2),
        MeasurementType.Percentage => random.Next(0, 1001) / 10m,
        MeasurementType.Maturity => random.Next(0, 6),
        _ => random.Next(0, 1001) / 10m,
    };
}
