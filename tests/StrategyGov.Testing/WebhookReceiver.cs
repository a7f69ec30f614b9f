using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StrategyGov.Testing;

/// <summary>A receiving system on a loopback port: records every request and answers with <see cref="Status"/>.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public sealed record Received(IReadOnlyDictionary<string, string> Headers, string Body);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    /// <summary>The URL to subscribe (http on 127.0.0.1, allowed in Development).</summary>
    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Requests.Enqueue(new Received(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            return Results.StatusCode((int)receiver.Status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
