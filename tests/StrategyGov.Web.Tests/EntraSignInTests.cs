using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using StrategyGov.Testing;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Sign-in with Microsoft Entra ID when an <c>AzureAd</c> section is configured, checked offline: the
/// identity provider's metadata is given to the handler, and any call to the network fails the test.
/// </summary>
public sealed class EntraSignInTests : IAsyncLifetime
{
    private const string TenantId = "7d3f1c2a-5b6e-4a8f-9c0d-1e2f3a4b5c6d";
    private const string ClientId = "11111111-2222-3333-4444-555555555555";
    private const string AuthorizeEndpoint = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/authorize";

    private readonly StrategyGovAppFactory _withoutEntra = new();
    private readonly StrategyGovAppFactory _withEntra = new StrategyGovAppFactory()
        .With("AzureAd:Instance", "https://login.microsoftonline.com/")
        .With("AzureAd:TenantId", TenantId)
        .With("AzureAd:ClientId", ClientId)
        .With("AzureAd:ClientSecret", "x")
        .With("AzureAd:CallbackPath", "/signin-oidc");

    private WebApplicationFactory<Program> _entra = null!;

    public Task InitializeAsync()
    {
        _entra = _withEntra.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                var configuration = new OpenIdConnectConfiguration
                {
                    AuthorizationEndpoint = AuthorizeEndpoint,
                    TokenEndpoint = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token",
                    Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0",
                };
                options.Configuration = configuration;
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
                options.Backchannel = new HttpClient(new NoNetworkHandler());
            })));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _withEntra.DisposeAsync();
        await _withoutEntra.DisposeAsync();
    }

    [Fact]
    public async Task Challenge_EntraConfigured_RedirectsToTheTenantsAuthorizeEndpoint()
    {
        var client = _entra.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/account/login/entra?returnUrl=/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location?.AbsoluteUri ?? string.Empty;
        Assert.StartsWith(AuthorizeEndpoint + "?", location, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(new Uri(location).Query);
        Assert.Equal(ClientId, query["client_id"].ToString());
        Assert.EndsWith("/signin-oidc", query["redirect_uri"].ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(query["state"]), "The challenge carries no state.");
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Callback_WithoutAnEntraSignIn_ReturnsToLoginWithAnError()
    {
        var client = _entra.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/account/login/entra/callback?returnUrl=/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?error=external", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task LoginPage_EntraConfigured_ShowsSignInWithMicrosoft()
    {
        var client = _entra.CreateClient();

        var page = await EnglishLoginPageAsync(client);

        Assert.Contains("Sign in with Microsoft", page, StringComparison.Ordinal);
        Assert.Contains("href=\"account/login/entra?returnUrl=", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_EntraNotConfigured_HasNoMicrosoftLink()
    {
        var client = _withoutEntra.CreateClient();

        var page = await EnglishLoginPageAsync(client);

        Assert.Contains("data-testid=\"login-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in with Microsoft", page, StringComparison.Ordinal);
        Assert.DoesNotContain("account/login/entra", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/account/login/entra?returnUrl=/")]
    [InlineData("/account/login/entra/callback?returnUrl=/")]
    [InlineData("/signin-oidc")]
    public async Task EntraAddress_EntraNotConfigured_IsNotFound(string address)
    {
        var client = _withoutEntra.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<string> EnglishLoginPageAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Fails any request the handler would send to the identity provider.</summary>
    private sealed class NoNetworkHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"The test is offline; the app tried to reach {request.RequestUri}.");
    }
}
