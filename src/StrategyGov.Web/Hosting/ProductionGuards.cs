namespace StrategyGov.Web.Hosting;

/// <summary>
/// Settings without which a Production start is refused, each named in the message (the demo-password
/// check runs with the database, in <see cref="DatabaseStartup"/>, over every account whether or not
/// seed-data/ is deployed: <see cref="Features.Account.DemoAccounts.EnsureNoDevelopmentPasswordAsync"/>).
/// </summary>
public static class ProductionGuards
{
    public static void EnsureProductionConfiguration(this WebApplication app)
    {
        if (!app.Environment.IsProduction())
        {
            return;
        }

        var configuration = app.Configuration;
        if (!ServesHttps(configuration) && !ProxySettings.From(configuration).Configured)
        {
            throw new InvalidOperationException(
                "Production needs HTTPS. Behind a reverse proxy that terminates TLS (docs/deployment.md), set " +
                "ForwardedHeaders__KnownProxies (or ForwardedHeaders__KnownNetworks) to the proxy's address so the app " +
                "trusts its X-Forwarded-Proto/-For headers; or serve HTTPS directly with an https:// address in " +
                "ASPNETCORE_URLS or Kestrel__Endpoints__<name>__Url and a certificate.");
        }

        var database = configuration[$"{DatabaseOptions.Section}:Provider"];
        if (database == DatabaseProviders.PostgreSql && !ScaleOutSetup.PersistKeysToDatabase(configuration)
            && string.IsNullOrWhiteSpace(configuration["DataProtection:KeysFolder"]))
        {
            throw new InvalidOperationException(
                "Production on PostgreSQL with DataProtection__PersistKeysToDatabase=false: every instance would sign cookies " +
                "with keys of its own. Remove the setting (keys then live in the database) or set DataProtection__KeysFolder to a shared folder.");
        }
    }

    private static bool ServesHttps(IConfiguration configuration)
    {
        static bool IsHttps(string? url) => url?.Contains("https://", StringComparison.OrdinalIgnoreCase) == true;

        return IsHttps(configuration["urls"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(endpoint => IsHttps(endpoint["Url"]));
    }
}
