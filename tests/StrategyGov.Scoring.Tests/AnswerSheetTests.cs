using System.Text.Json;

namespace StrategyGov.Scoring.Tests;

// The compact inputs a bulk load builds: AnswerInput packed into two decimals and a flag byte, and
// AnswerSheet, a period's answers by indicator position. Both must score exactly like the plain forms.
public sealed class AnswerSheetTests
{
    public static TheoryData<decimal?, bool, ReviewDecision?, decimal?> Answers => new()
    {
        { null, false, null, null },
        { 0m, false, null, null },
        { 1m, false, ReviewDecision.Accepted, null },
        { 42.50m, false, ReviewDecision.Adjusted, 12.125m },
        { -3.7m, false, ReviewDecision.Rejected, null },
        { null, true, ReviewDecision.Accepted, null },
        { null, true, ReviewDecision.Rejected, null },
        { null, false, ReviewDecision.Adjusted, 0m },
        { 79228162514264337593543950335m, false, ReviewDecision.Adjusted, -79228162514264337593543950335m },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void AnswerInput_EveryCombination_KeepsEachFieldExactly(decimal? value, bool notApplicable, ReviewDecision? decision, decimal? verified)
    {
        var answer = new AnswerInput(value, notApplicable, decision, verified);

        Assert.Equal((value, notApplicable, decision, verified), (answer.Value, answer.NotApplicable, answer.Decision, answer.VerifiedValue));
        Assert.Equal(value.HasValue || notApplicable, answer.IsAnswered);
        // Scale is kept too (42.50 stays 42.50), as the database and the snapshots give it.
        Assert.Equal(value?.Scale, answer.Value?.Scale);
    }

    [Fact]
    public void AnswerInput_With_ChangesOnlyTheGivenField()
    {
        var answer = AnswerInput.Of(3m).Reviewed(ReviewDecision.Adjusted, 2m);

        var accepted = answer with { Decision = ReviewDecision.Accepted, VerifiedValue = null };
        var undecided = answer with { Decision = null };

        Assert.Equal(new AnswerInput(3m, false, ReviewDecision.Accepted, null), accepted);
        Assert.Equal(new AnswerInput(3m, false, null, 2m), undecided);
        Assert.Equal(new AnswerInput(3m, false, ReviewDecision.Adjusted, 2m), answer);
        Assert.NotEqual(answer, undecided);
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public void AnswerInput_Json_RoundTripsWithTheStoredShape(decimal? value, bool notApplicable, ReviewDecision? decision, decimal? verified)
    {
        // Score snapshots store answers as JSON: the shape must stay {Value, NotApplicable, Decision, VerifiedValue}.
        var answer = new AnswerInput(value, notApplicable, decision, verified);

        var json = JsonSerializer.Serialize(answer);
        var back = JsonSerializer.Deserialize<AnswerInput>(json);

        Assert.Equal(answer, back);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(["Value", "NotApplicable", "Decision", "VerifiedValue", "IsAnswered"], document.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void AnswerSheet_ReadsLikeADictionaryOfItsAnswers()
    {
        var framework = new RandomScenario(11).Framework();
        var layout = new AnswerSheetLayout(framework);
        var codes = framework.Indicators.Select(i => i.Code).ToArray();
        var storage = new AnswerInput[codes.Length * 2];
        var sheet = new AnswerSheet(layout, storage, codes.Length);

        sheet[0] = AnswerInput.Of(5m);
        sheet[codes.Length - 1] = AnswerInput.NotApplicableClaim();

        Assert.Equal(2, sheet.Count);
        Assert.Equal([codes[0], codes[^1]], sheet.Keys);
        Assert.Equal(5m, sheet[codes[0]].Value);
        Assert.False(sheet.ContainsKey(codes.Length > 2 ? codes[1] : "nope"));
        Assert.False(sheet.TryGetValue("P99.1.1", out _));
        Assert.Throws<KeyNotFoundException>(() => sheet["P99.1.1"]);
        Assert.All(storage.Take(codes.Length), a => Assert.Equal(default, a)); // the slice before the offset is untouched
        Assert.Throws<ArgumentOutOfRangeException>(() => sheet[codes.Length]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnswerSheet(layout, storage, codes.Length + 1));
    }

    [Fact]
    public void Score_AnswerSheet_GivesExactlyTheResultsOfADictionary()
    {
        for (var seed = 1; seed <= 300; seed++)
        {
            var scenario = new RandomScenario(seed);
            var framework = scenario.Framework();
            var layout = new AnswerSheetLayout(framework);
            var institutions = scenario.Institutions(framework, 4);
            var sheets = institutions.Select(i => i with { Answers = SheetOf(layout, i.Answers) }).ToArray();

            Assert.True(
                ResultSnapshot.Of(Scoreboard.Build(framework, institutions)).SequenceEqual(ResultSnapshot.Of(Scoreboard.Build(framework, sheets))),
                $"seed {seed}");

            // Another framework (a trend restricted to shared indicators) reads the sheet by code.
            var kept = framework.Indicators.Where((_, i) => i % 2 == 0).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
            var restricted = framework.RestrictTo(kept);
            Assert.True(
                ResultSnapshot.Of(Scoreboard.Build(restricted, institutions)).SequenceEqual(ResultSnapshot.Of(Scoreboard.Build(restricted, sheets))),
                $"seed {seed}, restricted");
        }
    }

    [Fact]
    public void PracticesAndIndicators_BuiltOnDemand_MatchTheResultReadBackFromJson()
    {
        // Snapshots store the whole tree and read it back with the indicators given, not scored again.
        var scenario = new RandomScenario(5);
        var framework = scenario.Framework();
        var result = ScoringEngine.Score(framework, scenario.Institution(framework, "A") with { HasSubmission = true });

        var back = JsonSerializer.Deserialize<InstitutionResult>(JsonSerializer.Serialize(result))!;

        Assert.Equal(ResultSnapshot.Of(result), ResultSnapshot.Of(back));
        Assert.Same(result.Pillars[0].Practices, result.Pillars[0].Practices); // built once
        Assert.Same(result.Pillars[0].Practices[0].Indicators, result.Pillars[0].Practices[0].Indicators);
    }

    private static AnswerSheet SheetOf(AnswerSheetLayout layout, IReadOnlyDictionary<string, AnswerInput> answers)
    {
        var sheet = new AnswerSheet(layout);
        foreach (var (code, answer) in answers)
        {
            Assert.True(layout.TryGetPosition(code, out var position));
            sheet[position] = answer;
        }

        return sheet;
    }
}
