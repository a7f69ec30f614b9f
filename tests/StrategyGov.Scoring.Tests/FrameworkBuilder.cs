namespace StrategyGov.Scoring.Tests;

/// <summary>
/// Builds a <see cref="ScoringFramework"/> in the order its pillars, practices and indicators are
/// written, so a test reads like the tree it scores:
/// <code>
/// new FrameworkBuilder()
///     .Pillar("P1", 2m, pillar => pillar
///         .Practice("P1.1", 1m, practice => practice
///             .Percentage("I1")
///             .Maturity("I2", levels: 4, weight: 3m)))
///     .Build();
/// </code>
/// </summary>
internal sealed class FrameworkBuilder
{
    private readonly List<PillarDefinition> _pillars = [];
    private MaturityBands _bands = MaturityBands.Default;

    /// <summary>One pillar "P1" holding one practice "P1.1", both of weight 1.</summary>
    public static ScoringFramework SinglePractice(Action<PracticeBuilder> indicators) =>
        new FrameworkBuilder().Pillar("P1", 1m, pillar => pillar.Practice("P1.1", 1m, indicators)).Build();

    public FrameworkBuilder Pillar(string code, decimal weight, Action<PillarBuilder> practices)
    {
        var pillar = new PillarBuilder();
        practices(pillar);
        _pillars.Add(new PillarDefinition(code, weight, pillar.Build()));
        return this;
    }

    public FrameworkBuilder WithBands(MaturityBands bands)
    {
        _bands = bands;
        return this;
    }

    public ScoringFramework Build() => new(_pillars.ToList(), _bands);
}

internal sealed class PillarBuilder
{
    private readonly List<PracticeDefinition> _practices = [];

    public PillarBuilder Practice(string code, decimal weight, Action<PracticeBuilder> indicators)
    {
        var practice = new PracticeBuilder();
        indicators(practice);
        _practices.Add(new PracticeDefinition(code, weight, practice.Build()));
        return this;
    }

    public IReadOnlyList<PracticeDefinition> Build() => _practices.ToList();
}

internal sealed class PracticeBuilder
{
    private readonly List<IndicatorDefinition> _indicators = [];

    public PracticeBuilder YesNo(string code, decimal weight = 1m, string[]? appliesTo = null) =>
        Indicator(Indicators.YesNo(code, weight, appliesTo));

    public PracticeBuilder Percentage(string code, decimal weight = 1m, string[]? appliesTo = null) =>
        Indicator(Indicators.Percentage(code, weight, appliesTo));

    public PracticeBuilder Maturity(string code, int levels = 5, decimal weight = 1m) =>
        Indicator(Indicators.Maturity(code, levels, weight));

    public PracticeBuilder TargetHigher(string code, decimal baseline, decimal target, decimal weight = 1m) =>
        Indicator(Indicators.TargetHigher(code, baseline, target, weight));

    public PracticeBuilder TargetLower(string code, decimal baseline, decimal target, decimal weight = 1m) =>
        Indicator(Indicators.TargetLower(code, baseline, target, weight));

    public PracticeBuilder Indicator(IndicatorDefinition indicator)
    {
        _indicators.Add(indicator);
        return this;
    }

    public IReadOnlyList<IndicatorDefinition> Build() => _indicators.ToList();
}

/// <summary>Single indicator definitions with the defaults tests do not care about.</summary>
internal static class Indicators
{
    public static IndicatorDefinition YesNo(string code = "I", decimal weight = 1m, string[]? appliesTo = null) =>
        new(code, weight, MeasurementType.YesNo, ApplicableTypes: TypesOf(appliesTo));

    public static IndicatorDefinition Percentage(string code = "I", decimal weight = 1m, string[]? appliesTo = null) =>
        new(code, weight, MeasurementType.Percentage, ApplicableTypes: TypesOf(appliesTo));

    public static IndicatorDefinition Maturity(string code = "I", int levels = 5, decimal weight = 1m) =>
        new(code, weight, MeasurementType.Maturity, MaturityLevels: levels);

    public static IndicatorDefinition TargetHigher(string code, decimal baseline, decimal target, decimal weight = 1m) =>
        new(code, weight, MeasurementType.TargetHigherIsBetter, Baseline: baseline, Target: target);

    public static IndicatorDefinition TargetLower(string code, decimal baseline, decimal target, decimal weight = 1m) =>
        new(code, weight, MeasurementType.TargetLowerIsBetter, Baseline: baseline, Target: target);

    private static HashSet<string>? TypesOf(string[]? types) =>
        types is null ? null : new HashSet<string>(types, StringComparer.Ordinal);
}
