using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using StackExchange.Redis;
using StrategyGov.Data;

namespace StrategyGov.Web.Hosting;

/// <summary>
/// What several app instances behind one reverse proxy must share (ADR 0070): Data Protection keys,
/// SignalR messages when Redis is configured, and the client's scheme and address from the proxy.
/// </summary>
public static class ScaleOutSetup
{
    /// <summary>Fixed, so that every instance (and every release) reads the others' cookies.</summary>
    public const string ApplicationName = "StrategyGov";

    public const string ChannelPrefix = "StrategyGov";

    public static void AddStrategyGovScaleOut(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        if (PersistKeysToDatabase(configuration))
        {
            dataProtection.PersistKeysToDbContext<StrategyGovDbContext>();
        }
        else if (configuration["DataProtection:KeysFolder"] is { Length: > 0 } folder)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        }

        if (configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            builder.Services.AddSignalR().AddStackExchangeRedis(redis, options =>
                options.Configuration.ChannelPrefix = RedisChannel.Literal(ChannelPrefix));
        }

        var proxies = ProxySettings.From(configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            if (!proxies.Configured)
            {
                return;
            }

            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in proxies.Networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
    }

    /// <summary><c>DataProtection:PersistKeysToDatabase</c>; on by default with PostgreSQL (several instances), off with SQLite.</summary>
    public static bool PersistKeysToDatabase(IConfiguration configuration) =>
        configuration.GetValue<bool?>("DataProtection:PersistKeysToDatabase")
        ?? configuration[$"{DatabaseOptions.Section}:Provider"] == DatabaseProviders.PostgreSql;
}

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-*</c> headers are believed: <c>ForwardedHeaders:KnownProxies</c>
/// (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR), each a comma-separated list.
/// </summary>
public sealed record ProxySettings(IReadOnlyList<IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks)
{
    public const string Section = "ForwardedHeaders";

    public bool Configured => Proxies.Count > 0 || Networks.Count > 0;

    public static ProxySettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new ProxySettings(
            List(section["KnownProxies"]).Select(text => IPAddress.TryParse(text, out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies: '{text}' is not an IP address.")).ToList(),
            List(section["KnownNetworks"]).Select(text => System.Net.IPNetwork.TryParse(text, out var network)
                ? network
                : throw new InvalidOperationException($"{Section}:KnownNetworks: '{text}' is not a network in CIDR form (10.0.0.0/24).")).ToList());
    }

    private static string[] List(string? text) =>
        text?.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
