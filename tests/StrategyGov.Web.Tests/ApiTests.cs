using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StrategyGov.Data;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// /api/v1 over HTTP: the same authorisation as the pages for signed-in people, and bearer tokens
/// (hashed, scoped, optionally bound to one institution, revocable) for machines.
/// </summary>
public sealed class ApiTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task OpenApi_Document_IsServedAndListsEveryEndpoint()
    {
        var client = app.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/periods", paths);
        Assert.Contains("/api/v1/periods/{periodId}/scoreboard", paths);
        Assert.Contains("/api/v1/periods/{periodId}/institutions/{institutionId}/scores", paths);
        Assert.Contains("/api/v1/framework", paths);
    }

    [Theory]
    [InlineData(DemoUsers.Admin, HttpStatusCode.OK)]
    [InlineData(DemoUsers.Reviewer, HttpStatusCode.OK)]
    [InlineData(DemoUsers.Official, HttpStatusCode.OK)]
    [InlineData(DemoUsers.DirectorMoh, HttpStatusCode.Forbidden)]
    [InlineData(DemoUsers.ContributorMoh, HttpStatusCode.Forbidden)]
    public async Task Scoreboard_SignedInRole_SeesItOnlyWhenThePageWouldShowIt(string email, HttpStatusCode expected)
    {
        var client = await app.SignedInClientAsync(email);
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);

        var response = await client.GetAsync($"/api/v1/periods/{periodId}/scoreboard");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Scoreboard_Official_ListsEveryInstitutionWithScoresAndRanks()
    {
        var client = await app.SignedInClientAsync(DemoUsers.Official);
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);

        using var document = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/periods/{periodId}/scoreboard"));

        var rows = document.RootElement.GetProperty("institutions").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.Equal(1, rows[0].GetProperty("nationalRank").GetInt32());
        Assert.All(rows, row => Assert.True(row.TryGetProperty("selfReported", out _) && row.TryGetProperty("completeness", out _) && row.TryGetProperty("peerRank", out _)));
        Assert.Equal(1, document.RootElement.GetProperty("snapshotRevision").GetInt32());
    }

    [Fact]
    public async Task InstitutionScores_Director_OwnInstitutionOnly()
    {
        var client = await app.SignedInClientAsync(DemoUsers.DirectorMoh);
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var moh = await app.InstitutionIdAsync("MOH");
        var east = await app.InstitutionIdAsync("AMN-EAST");

        var own = await client.GetAsync($"/api/v1/periods/{periodId}/institutions/{moh}/scores");
        var other = await client.GetAsync($"/api/v1/periods/{periodId}/institutions/{east}/scores");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        using var document = JsonDocument.Parse(await own.Content.ReadAsStringAsync());
        var indicator = document.RootElement.GetProperty("pillars")[0].GetProperty("practices")[0].GetProperty("indicators")[0];
        Assert.True(indicator.TryGetProperty("share", out _) && indicator.TryGetProperty("contribution", out _));
    }

    [Fact]
    public async Task Api_Anonymous_Is401NotARedirect()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/api/v1/periods");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_NationalScoresRead_ReadsScoreboardButNotFramework()
    {
        var token = await CreateTokenAsync(ApiScopes.ScoresRead, institutionId: null);
        var client = Bearer(token.Token);
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);

        var scoreboard = await client.GetAsync($"/api/v1/periods/{periodId}/scoreboard");
        var framework = await client.GetAsync("/api/v1/framework");

        Assert.Equal(HttpStatusCode.OK, scoreboard.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, framework.StatusCode);
    }

    [Fact]
    public async Task Token_WrongScope_IsRefused()
    {
        var token = await CreateTokenAsync(ApiScopes.FrameworkRead, institutionId: null);
        var client = Bearer(token.Token);
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);

        var scoreboard = await client.GetAsync($"/api/v1/periods/{periodId}/scoreboard");
        var framework = await client.GetAsync("/api/v1/framework");

        Assert.Equal(HttpStatusCode.Forbidden, scoreboard.StatusCode);
        Assert.Equal(HttpStatusCode.OK, framework.StatusCode);
    }

    [Fact]
    public async Task Token_BoundToInstitution_ReadsOnlyThatInstitution()
    {
        var moh = await app.InstitutionIdAsync("MOH");
        var east = await app.InstitutionIdAsync("AMN-EAST");
        var token = await CreateTokenAsync(ApiScopes.ScoresRead, moh);
        var client = Bearer(token.Token);
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);

        var own = await client.GetAsync($"/api/v1/periods/{periodId}/institutions/{moh}/scores");
        var other = await client.GetAsync($"/api/v1/periods/{periodId}/institutions/{east}/scores");
        var scoreboard = await client.GetAsync($"/api/v1/periods/{periodId}/scoreboard");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, scoreboard.StatusCode);
    }

    [Fact]
    public async Task Token_Revoked_IsRefused()
    {
        var token = await CreateTokenAsync(ApiScopes.ScoresRead, institutionId: null);
        var client = Bearer(token.Token);
        var before = await client.GetAsync("/api/v1/periods");
        await app.Service<ApiTokenService>().RevokeAsync(await app.ActorAsync(DemoUsers.Admin), token.Row.Id, None);

        var after = await client.GetAsync("/api/v1/periods");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Token_Expired_IsRefused()
    {
        var token = await CreateTokenAsync(ApiScopes.ScoresRead, institutionId: null);
        var client = Bearer(token.Token);
        var before = await client.GetAsync("/api/v1/periods");

        // Its expiry passes (moved a minute into the past rather than waiting for it).
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.ApiTokens.SingleAsync(t => t.Id == token.Row.Id);
            stored.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        var after = await client.GetAsync("/api/v1/periods");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task CreateToken_ExpiryInThePast_IsRefusedAndNothingStored()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var name = $"past {Guid.NewGuid():N}";

        var create = () => app.Service<ApiTokenService>().CreateAsync(admin, name, ApiScopes.ScoresRead, null, DateTime.UtcNow.AddMinutes(-1), None);

        Assert.Equal("ApiToken_ExpiryInPast", (await Assert.ThrowsAsync<RuleViolationException>(create)).Message);
        Assert.DoesNotContain(await app.Service<ApiTokenService>().ListAsync(admin, None), t => t.Name == name);
    }

    [Theory]
    [InlineData("sgk_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not-a-token")]
    public async Task Token_Unknown_IsRefused(string token)
    {
        var client = Bearer(token);

        var response = await client.GetAsync("/api/v1/periods");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_IsStoredOnlyAsItsHash()
    {
        var token = await CreateTokenAsync(ApiScopes.ScoresRead, institutionId: null);

        await using var db = await app.DbAsync();
        var stored = db.ApiTokens.Single(t => t.Id == token.Row.Id);

        Assert.Equal(64, stored.TokenHash.Length);
        Assert.DoesNotContain(token.Token[12..], stored.TokenHash + stored.Prefix + stored.Name, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token.Token))), stored.TokenHash);
    }

    [Theory]
    [InlineData(DemoUsers.Reviewer)]
    [InlineData(DemoUsers.Official)]
    [InlineData(DemoUsers.DirectorMoh)]
    public async Task CreateToken_NotCenterAdmin_IsRefused(string email)
    {
        var actor = await app.ActorAsync(email);

        var create = () => app.Service<ApiTokenService>().CreateAsync(actor, "x", ApiScopes.ScoresRead, null, DateTime.UtcNow.AddDays(1), None);

        await Assert.ThrowsAsync<AccessDeniedException>(create);
    }

    private async Task<CreatedApiToken> CreateTokenAsync(string scope, int? institutionId) =>
        await app.Service<ApiTokenService>().CreateAsync(
            await app.ActorAsync(DemoUsers.Admin), $"test {scope} {Guid.NewGuid():N}", scope, institutionId, DateTime.UtcNow.AddDays(30), None);

    private HttpClient Bearer(string token)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
