using System.Diagnostics;
using System.Globalization;

namespace StrategyGov.Benchmarks.Scoring;

/// <summary>Warm-up, then the median and best of several timed runs.</summary>
internal static class Measure
{
    public static double Median(string name, int runs, Func<Task> action)
    {
        action().GetAwaiter().GetResult();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action().GetAwaiter().GetResult();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-58} median {median,9:0.0} ms   best {times[0],9:0.0} ms   ({runs} runs)"));
        return median;
    }

    public static double Median(string name, int runs, Action action) =>
        Median(name, runs, () => { action(); return Task.CompletedTask; });
}
