using System.Net;
using StrategyGov.Testing;

namespace StrategyGov.Web.Tests;

/// <summary>The local sign-in form: where it sends the user afterwards, and only ever within the platform.</summary>
public sealed class SignInTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    [Fact]
    public async Task SignIn_LocalReturnUrl_RedirectsThere()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await SignIn.PostAsync(client, DemoUsers.Official, DemoUsers.Password, "/review?tab=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/review?tab=1", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example")]
    public async Task SignIn_ReturnUrlOffSite_RedirectsHome(string returnUrl)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await SignIn.PostAsync(client, DemoUsers.Official, DemoUsers.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ReturnsToTheFormWithAnError()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await SignIn.PostAsync(client, DemoUsers.Reviewer, "Wrong#Password1", "/review");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?error=invalid&returnUrl=%2Freview", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("StrategyGov.Auth=", StringComparison.Ordinal)));
    }
}
