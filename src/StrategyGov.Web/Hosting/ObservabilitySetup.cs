using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using StrategyGov.Data;
using StrategyGov.Web.Reports;

namespace StrategyGov.Web.Hosting;

/// <summary>Health endpoints, correlated logs and OpenTelemetry (off unless an OTLP endpoint is configured).</summary>
public static class ObservabilitySetup
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static void AddStrategyGovObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CircuitHandler, CorrelationCircuitHandler>();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<StrategyGovDbContext>("database", tags: [ReadyTag])
            .AddCheck<PdfBrowserHealthCheck>("pdf-browser", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(15));

        // OpenTelemetry:OtlpEndpoint, or the standard OTEL_EXPORTER_OTLP_ENDPOINT (the exporter reads the
        // other OTEL_* variables itself: protocol, headers, service name).
        var endpoint = builder.Configuration["OpenTelemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        var otlp = new Uri(endpoint);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(Telemetry.Name))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddSource(Telemetry.Name, "Npgsql")
                .AddOtlpExporter(options => options.Endpoint = otlp))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(Telemetry.Name)
                .AddOtlpExporter(options => options.Endpoint = otlp));
    }

    /// <summary>Unauthenticated, status words only: liveness is the process; readiness adds the database and Chromium.</summary>
    public static void MapStrategyGovHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new() { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
    }
}

/// <summary>Ready when the shared Chromium is running (started here on the first probe; a failure is reported as unhealthy).</summary>
public sealed class PdfBrowserHealthCheck(PdfRenderer renderer) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await renderer.WarmUpAsync(cancellationToken);
        return renderer.IsBrowserRunning ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Chromium is not running.");
    }
}
