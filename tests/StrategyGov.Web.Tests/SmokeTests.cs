using System.Net;
using StrategyGov.Testing;

namespace StrategyGov.Web.Tests;

public sealed class SmokeTests : IAsyncLifetime
{
    private readonly StrategyGovAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Home_Anonymous_RedirectsToArabicSignIn()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = true });

        var page = await client.GetStringAsync("/");

        Assert.Contains("lang=\"ar\" dir=\"rtl\"", page, StringComparison.Ordinal);
        Assert.Contains("تسجيل الدخول", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_DemoDirector_RedirectsHome()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await SignIn.PostAsync(client, DemoUsers.DirectorMoh, DemoUsers.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
