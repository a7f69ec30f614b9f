using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StrategyGov.Web.Hosting;

/// <summary>
/// The platform's own metrics and traces (exported over OTLP only when configured, ADR 0072). Static so
/// that the classes measured need one line each, not a constructor change.
/// </summary>
public static class Telemetry
{
    public const string Name = "StrategyGov";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>PDF requests waiting for a Chromium page.</summary>
    public static readonly UpDownCounter<int> PdfQueueLength =
        Meter.CreateUpDownCounter<int>("strategygov.pdf.queue.length", "{request}", "PDF requests waiting for a browser page");

    public static readonly Histogram<double> PdfRenderDuration =
        Meter.CreateHistogram<double>("strategygov.pdf.render.duration", "s", "Time to print one PDF, waiting included");

    public static readonly Histogram<double> ScoringDuration =
        Meter.CreateHistogram<double>("strategygov.scoring.duration", "s", "Time to load and score one period");

    /// <summary>Submissions a period load read row by row for want of packed answers (ADR 0092); should stay near 0.</summary>
    public static readonly Counter<int> ScoringUnpackedSubmissions =
        Meter.CreateCounter<int>("strategygov.scoring.unpacked", "{submission}", "Submissions scored from their answer rows because they had no packed answers");

    /// <summary>Records the seconds since <paramref name="startedTimestamp"/> (from <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static void RecordSince(this Histogram<double> histogram, long startedTimestamp) =>
        histogram.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds);
}
