using System.Net;
using Microsoft.AspNetCore.Hosting;
using StrategyGov.Testing;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The demo accounts' password is published in the README: outside Development the app must refuse to
/// start while any demo account still opens with it.
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
}
