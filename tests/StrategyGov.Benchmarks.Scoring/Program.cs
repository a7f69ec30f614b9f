// Scoring benchmarks (docs/performance.md §Quality targets; figures in §Scoring). Run:
//   dotnet run -c Release --project tests/StrategyGov.Benchmarks.Scoring
// Parts can be chosen: `-- memory`, `-- db` (both databases), `-- sqlite`, `-- postgres`, `-- render`
// (default: all).
// Prints figures; asserts nothing. Targets: scoreboard 1,000 × 300 in memory < 100 ms and ≤ 3× a plain
// weighted sum; 10,000 × 300 from the database (SQLite and PostgreSQL) < 1 s end to end; center dashboard for 300 institutions
// rendered on the server < 300 ms.
using System.Globalization;
using StrategyGov.Benchmarks.Scoring;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Hosting;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var framework = FrameworkCache.Map(Synthetic.Strategy());
Console.WriteLine($"StrategyGov scoring benchmarks · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · {System.Runtime.InteropServices.RuntimeInformation.OSDescription} · .NET {Environment.Version}");
Console.WriteLine($"Framework: {framework.Scoring.Indicators.Count()} indicators in {framework.Scoring.Pillars.Count} pillars");

bool Part(string name) => args.Length == 0 || args.Contains(name);

if (Part("memory"))
{
    Console.WriteLine("1. In memory, 1,000 institutions × 300 indicators");
    var institutions = Synthetic.Institutions(framework.Scoring, 1_000, seed: 1);
    var engine = Measure.Median("Scoreboard.Build (scores, shares, ranks, indexes)", 11, () => Scoreboard.Build(framework.Scoring, institutions));
    var oneThread = Measure.Median("the same scores on one thread (ScoringEngine.Score each)", 11, () =>
    {
        foreach (var institution in institutions)
        {
            ScoringEngine.Score(framework.Scoring, institution);
        }
    });
    var plain = Measure.Median("plain loop: Σ effective weight × value per institution", 11, () => PlainLoop.Sum(framework.Scoring, institutions));
    Console.WriteLine($"  ratio engine / plain loop (one thread): {engine / plain:0.00}× as the app runs it (parallel), {oneThread / plain:0.00}× thread for thread");
}

if (Part("db") || Part("sqlite"))
{
    Console.WriteLine("2a. From the database, 10,000 institutions × 300 indicators (SQLite)");
    await DatabaseBenchmark.RunAsync(framework, DatabaseProviders.Sqlite);
}

if (Part("db") || Part("postgres"))
{
    Console.WriteLine("2b. From the database, 10,000 institutions × 300 indicators (PostgreSQL)");
    await DatabaseBenchmark.RunAsync(framework, DatabaseProviders.PostgreSql);
}

if (Part("render"))
{
    Console.WriteLine("3. Center dashboard, 300 institutions × 300 indicators, server render (HtmlRenderer)");
    await RenderBenchmark.RunAsync(framework);
}

/// <summary>The baseline: only the weighted sum, with the same dictionary lookups and no tree, shares or N/A.</summary>
internal static class PlainLoop
{
    public static decimal Sum(ScoringFramework framework, IReadOnlyList<InstitutionInput> institutions)
    {
        var weights = new List<(string Code, decimal Weight)>();
        var pillarTotal = framework.Pillars.Sum(p => p.Weight);
        foreach (var pillar in framework.Pillars)
        {
            var practiceTotal = pillar.Practices.Sum(p => p.Weight);
            foreach (var practice in pillar.Practices)
            {
                var indicatorTotal = practice.Indicators.Sum(i => i.Weight);
                foreach (var indicator in practice.Indicators)
                {
                    weights.Add((indicator.Code, pillar.Weight / pillarTotal * practice.Weight / practiceTotal * indicator.Weight / indicatorTotal));
                }
            }
        }

        var total = 0m;
        foreach (var institution in institutions)
        {
            var sum = 0m;
            foreach (var (code, weight) in weights)
            {
                if (institution.Answers.TryGetValue(code, out var answer) && answer.Value is { } value)
                {
                    sum += weight * value;
                }
            }

            total += sum;
        }

        return total;
    }
}

