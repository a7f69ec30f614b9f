using System.Net.Http.Headers;
using System.Text.Json;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;

namespace StrategyGov.Web.Tests.Support;

/// <summary>API tokens issued by the center administrator, and clients that send them (the writes' tests).</summary>
public static class ApiTokens
{
    public static async Task<CreatedApiToken> TokenAsync(this StrategyGovAppFactory app, string scope, string institutionCode, int? requestsPerMinute = null) =>
        await app.Service<ApiTokenService>().CreateAsync(
            await app.ActorAsync(DemoUsers.Admin), $"system {Guid.NewGuid():N}", scope, await app.InstitutionIdAsync(institutionCode),
            DateTime.UtcNow.AddDays(30), CancellationToken.None, requestsPerMinute);

    /// <summary>A client sending the token, optionally asking for messages in <paramref name="language"/>.</summary>
    public static HttpClient Bearer(this StrategyGovAppFactory app, string token, string? language = null)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return client;
    }

    public static async Task<JsonDocument> BodyAsync(this HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync());
}
