using System.Diagnostics;
using System.Globalization;

namespace StrategyGov.Benchmarks.Scoring;

/// <summary>
/// A warm-up, then the median and best of several timed runs, and the median processor time the process
/// spent per run (all threads): on a busy machine wall time grows, processor time much less.
/// </summary>
internal static class Measure
{
    public static double Median(string name, int runs, Func<Task> action)
    {
        // Warm up until the JIT has promoted the hot code to its optimised tier (tiered compilation
        // recompiles after 30 calls and a background delay): at least 3 runs and 3 seconds.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 3 || warmUp.Elapsed < TimeSpan.FromSeconds(3); i++)
        {
            action().GetAwaiter().GetResult();
        }

        var times = new List<double>(runs);
        var processor = new List<double>(runs);
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var used = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            action().GetAwaiter().GetResult();
            times.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            processor.Add((process.TotalProcessorTime - used).TotalMilliseconds);
        }

        times.Sort();
        processor.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-62} median {median,8:0.0} ms   best {times[0],8:0.0} ms   cpu {processor[processor.Count / 2],8:0.0} ms   ({runs} runs)"));
        return median;
    }

    public static double Median(string name, int runs, Action action) =>
        Median(name, runs, () => { action(); return Task.CompletedTask; });
}
