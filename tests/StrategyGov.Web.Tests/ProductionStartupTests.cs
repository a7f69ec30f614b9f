using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using StrategyGov.Testing;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// A Production start refuses settings that would be unsafe or silently wrong, and says which setting to
/// change; PostgreSQL is never migrated at start-up behind the operator's back.
/// </summary>
public sealed class ProductionStartupTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    private const string ProductionPassword = "Prod-Only#2026!pw";

    [Fact]
    public async Task Start_ProductionWithoutHttpsOrKnownProxies_FailsNamingTheSettings()
    {
        await using var app = ProductionApp();

        var failure = Assert.Throws<InvalidOperationException>(() => app.Production().Server);

        Assert.Contains("ForwardedHeaders__KnownProxies", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProductionBehindAKnownProxy_StartsAndTrustsOnlyThatProxy()
    {
        await using var app = ProductionApp().With("ForwardedHeaders:KnownProxies", "10.0.0.5, 10.0.0.6");

        var production = app.Production();
        var live = await production.CreateClient().GetAsync("/health/live");
        var options = production.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(["10.0.0.5", "10.0.0.6"], options.KnownProxies.Select(p => p.ToString()));
        Assert.Empty(options.KnownIPNetworks);
        Assert.True(options.ForwardedHeaders.HasFlag(ForwardedHeaders.XForwardedProto));
    }

    [Fact]
    public async Task Start_ProductionWithAnHttpsAddress_Starts()
    {
        await using var app = ProductionApp().With("urls", "https://127.0.0.1:5443");

        var live = await app.Production().CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Start_ProductionOnPostgreSqlWithKeysNotShared_FailsNamingTheSetting()
    {
        await using var app = ProductionApp()
            .With("ForwardedHeaders:KnownProxies", "127.0.0.1")
            .With("Database:Provider", "PostgreSql")
            .With("ConnectionStrings:Default", "Host=127.0.0.1;Port=1;Database=unused")
            .With("DataProtection:PersistKeysToDatabase", "false");

        var failure = Assert.Throws<InvalidOperationException>(() => app.Production().Server);

        Assert.Contains("DataProtection__PersistKeysToDatabase", failure.Message, StringComparison.Ordinal);
        Assert.Contains("DataProtection__KeysFolder", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProductionOnAnUnmigratedPostgreSqlDatabase_RefusesAndNamesTheMigrateCommand()
    {
        await using var app = ProductionApp()
            .With("ForwardedHeaders:KnownProxies", "127.0.0.1")
            .With("Database:Provider", "PostgreSql")
            .With("ConnectionStrings:Default", postgres.ConnectionString);

        var failure = Assert.Throws<InvalidOperationException>(() => app.Production().Server);

        Assert.Contains("dotnet StrategyGov.Web.dll migrate", failure.Message, StringComparison.Ordinal);
        await using var db = new Data.StrategyGovDbContext(postgres.ContextOptions());
        Assert.Empty(await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetAppliedMigrationsAsync(db.Database));
    }

    private static StrategyGovAppFactory ProductionApp() =>
        new StrategyGovAppFactory().With("DemoAccounts:Password", ProductionPassword);
}

internal static class ProductionHosting
{
    public static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Production(this StrategyGovAppFactory app) =>
        app.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
}
