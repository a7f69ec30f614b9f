using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace StrategyGov.Web.Hosting;

/// <summary>
/// A correlation id on every log line: per HTTP request (taken from <c>X-Correlation-Id</c> when the
/// caller or the proxy sends a well-formed one, echoed in the response) and per Blazor circuit.
/// </summary>
public static partial class Correlation
{
    public const string Header = "X-Correlation-Id";

    public static void UseStrategyGovCorrelation(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("StrategyGov.Requests");
        app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[Header].ToString();
            var id = WellFormed().IsMatch(incoming) ? incoming : context.TraceIdentifier;
            context.TraceIdentifier = id;
            context.Response.Headers[Header] = id;
            using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
            {
                await next(context);
            }
        });
    }

    // Letters, digits and - _ . : only, so a header can never forge log lines.
    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex WellFormed();
}

/// <summary>Every event handled on a circuit runs in a logging scope holding the circuit's id.</summary>
public sealed class CorrelationCircuitHandler(ILogger<CorrelationCircuitHandler> logger) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            using (logger.BeginScope(new Dictionary<string, object> { ["CircuitId"] = context.Circuit.Id }))
            {
                await next(context);
            }
        };

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        logger.LogInformation("Circuit {CircuitId} opened", circuit.Id);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        logger.LogInformation("Circuit {CircuitId} closed", circuit.Id);
        return Task.CompletedTask;
    }
}
