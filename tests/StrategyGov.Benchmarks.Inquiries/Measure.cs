using System.Diagnostics;
using System.Globalization;

namespace StrategyGov.Benchmarks.Inquiries;

/// <summary>A warm-up of at least three runs and three seconds, then the median and best of several runs and the processor time per run.</summary>
internal static class Measure
{
    public static double Median(string name, int runs, Func<Task> action)
    {
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-66} median {median,8:0.0} ms   best {times[0],8:0.0} ms   cpu {processor[processor.Count / 2],8:0.0} ms   ({runs} runs)"));
        return median;
    }
}
