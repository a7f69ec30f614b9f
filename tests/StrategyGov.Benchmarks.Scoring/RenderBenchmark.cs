using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Dashboards;
using StrategyGov.Web.Features.Periods;
using StrategyGov.Web.Features.Scores;

namespace StrategyGov.Benchmarks.Scoring;

/// <summary>The center dashboard component rendered to HTML outside a circuit, as the server prerenders it.</summary>
internal static class RenderBenchmark
{
    public static async Task RunAsync(LoadedFramework framework)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddMudServices();
        services.AddScoped<Microsoft.JSInterop.IJSRuntime, NoJavaScript>();
        services.AddScoped<NavigationManager, FixedNavigation>();
        await using var provider = services.BuildServiceProvider();

        var data = Dashboard(framework, 300);
        var culture = CultureInfo.GetCultureInfo("ar-SA");
        var length = 0;
        Measure.Median("CenterDashboard → HTML (Arabic)", 15, async () =>
        {
            await using var renderer = new HtmlRenderer(provider, NullLoggerFactory.Instance);
            length = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                CultureInfo.CurrentUICulture = culture;
                var output = await renderer.RenderComponentAsync<CenterDashboard>(
                    ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(CenterDashboard.Data)] = data }));
                return output.ToHtmlString().Length;
            });
        });
        Console.WriteLine($"  ({length / 1024:N0} KB of HTML)");
    }

    private static CenterDashboardData Dashboard(LoadedFramework framework, int count)
    {
        var inputs = Synthetic.Institutions(framework.Scoring, count, seed: 3);
        var previousInputs = Synthetic.Institutions(framework.Scoring, count, seed: 4);
        var period = new PeriodRow(2, "2026-Q4", PeriodStatus.Open, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 20), new DateOnly(2026, 12, 31), 1, "اختبار", "Benchmark");
        var previous = period with { Id = 1, Code = "2026-Q3" };
        var institutions = inputs.Select(i => new InstitutionInPeriod(
                int.Parse(i.Key, CultureInfo.InvariantCulture), $"I{i.Key}", $"الجهة الحكومية رقم {i.Key}", $"Government institution {i.Key}",
                i.InstitutionType, i.InstitutionType, i.InstitutionType, int.Parse(i.Key, CultureInfo.InvariantCulture), SubmissionStatus.Submitted,
                new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc)))
            .ToDictionary(i => i.Key);
        var scores = new PeriodScores(period, framework, Scoreboard.Build(framework.Scoring, inputs), institutions, inputs, null);
        var trend = Trends.CompareIndex(framework.Scoring, previousInputs, framework.Scoring, inputs);
        var statuses = institutions.Values.ToDictionary(i => i.Key, _ => TimelinessStatus.OnTime);
        return new CenterDashboardData(scores, new PeriodTrend<IndexTrend>(trend, previous), new PeriodTimeliness(statuses, Timeliness.RateOf(statuses.Values)));
    }

    private sealed class FixedNavigation : NavigationManager
    {
        public FixedNavigation() => Initialize("http://localhost/", "http://localhost/");
    }

    // Prerendering runs no JavaScript; MudBlazor only needs the service to exist.
    private sealed class NoJavaScript : Microsoft.JSInterop.IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => ValueTask.FromResult(default(TValue)!);
    }
}
