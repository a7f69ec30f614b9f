using System.Net;
using Microsoft.AspNetCore.Hosting;
using StrategyGov.Testing;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The demo accounts' password is published in the README: outside Development the app must refuse to
/// start while any account still opens with it, whether or not seed-data/ (which names the demo
/// accounts) is deployed beside it.
/// </summary>
public sealed class DemoAccountTests
{
    private const string ProductionPassword = "Prod-Only#2026!pw";

    [Fact]
    public async Task Start_ProductionWithTheDevelopmentPassword_FailsNamingTheDemoAccount()
    {
        await using var app = new StrategyGovAppFactory()
            .With("DemoAccounts:Enabled", "true")
            .With("ForwardedHeaders:KnownProxies", "127.0.0.1");
        var production = app.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        var failure = Assert.Throws<InvalidOperationException>(() => production.Server);

        Assert.Contains("demo account", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("development password", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProductionWithAnotherDemoPassword_StartsAndOnlyThatPasswordSignsIn()
    {
        await using var app = new StrategyGovAppFactory()
            .With("DemoAccounts:Enabled", "true")
            .With("DemoAccounts:Password", ProductionPassword)
            .With("ForwardedHeaders:KnownProxies", "127.0.0.1");
        var production = app.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        var client = production.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetAsync("/account/login");
        var withDevelopmentPassword = await SignIn.PostAsync(client, DemoUsers.DirectorMoh, DemoUsers.Password);
        var withOwnPassword = await SignIn.PostAsync(client, DemoUsers.DirectorMoh, ProductionPassword);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("error=invalid", withDevelopmentPassword.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("/", withOwnPassword.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Start_ProductionWithoutTheSeedFolder_StillFindsADemoAccountWithTheDevelopmentPassword()
    {
        await using var app = new StrategyGovAppFactory();
        _ = app.Server;

        var failure = Assert.Throws<InvalidOperationException>(() => WithoutSeedFolder(app).Server);

        Assert.Contains("@strategygov.local", failure.Message, StringComparison.Ordinal);
        Assert.Contains("development password", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProductionWithoutTheSeedFolder_FindsAnyAccountGivenTheDevelopmentPassword()
    {
        await using var app = new StrategyGovAppFactory().With("DemoAccounts:Password", ProductionPassword);
        var issued = await app.InviteAsync("real.person@moh.example", StrategyGov.Data.Identity.AppRoles.Official);
        await app.AcceptAsync(issued.Link!, DemoUsers.Password);

        var failure = Assert.Throws<InvalidOperationException>(() => WithoutSeedFolder(app).Server);

        Assert.Contains("real.person@moh.example", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProductionWithoutTheSeedFolder_AndNoAccountWithTheDevelopmentPassword_Starts()
    {
        await using var app = new StrategyGovAppFactory().With("DemoAccounts:Password", ProductionPassword);
        _ = app.Server;

        var live = await WithoutSeedFolder(app).CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    /// <summary>The same database started in Production from a folder with no seed-data/ (as a deployment may be).</summary>
    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithoutSeedFolder(StrategyGovAppFactory app)
    {
        var empty = Directory.CreateDirectory(Path.Combine(app.Folder, "no-seed-data")).FullName;
        return app.WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("Seed:Enabled", "false")
            .UseSetting("Seed:Directory", empty)
            .UseSetting("DemoAccounts:Enabled", "false")
            .UseSetting("ForwardedHeaders:KnownProxies", "127.0.0.1"));
    }
}
