using System.Net;
using System.Text.Json;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;

namespace StrategyGov.Web.Tests.Api;

/// <summary>Cursor paging, change-time filters, ETags and problem answers of the API's lists (ADR 0104).</summary>
public sealed class ApiPagingTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    [Theory]
    [InlineData("/api/v1/inquiries", ApiScopes.InquiriesRead)]
    [InlineData("/api/v1/submissions", ApiScopes.SubmissionsRead)]
    [InlineData("/api/v1/council/decisions", ApiScopes.CouncilRead)]
    public async Task List_FollowingNext_GivesEveryItemOnceInIdOrder(string path, string scope)
    {
        var client = await (await ApiWorld.OfAsync(app)).TokenClientAsync(scope, institutionId: null);
        var expected = await AllIdsAsync(client, $"{path}?limit=200", 200);

        var seen = await AllIdsAsync(client, $"{path}?limit=7", 7);

        Assert.True(expected.Count > 7, $"{path} has too few items to page");
        Assert.Equal(expected, seen);
        Assert.Equal(expected.Order(), expected);
    }

    [Fact]
    public async Task ChangedSince_InTheFuture_ListsNothing_AndInThePast_ListsEverything()
    {
        var client = await (await ApiWorld.OfAsync(app)).TokenClientAsync(ApiScopes.SubmissionsRead, institutionId: null);

        using var future = JsonDocument.Parse(await client.GetStringAsync("/api/v1/submissions?changedSince=2999-01-01T00:00:00Z"));
        using var past = JsonDocument.Parse(await client.GetStringAsync("/api/v1/submissions?changedSince=2000-01-01T00:00:00%2B03:00&limit=200"));
        using var all = JsonDocument.Parse(await client.GetStringAsync("/api/v1/submissions?limit=200"));

        Assert.Equal(0, future.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(Ids(all.RootElement), Ids(past.RootElement));
    }

    [Theory]
    [InlineData("/api/v1/submissions?changedSince=yesterday")]
    [InlineData("/api/v1/submissions?changedSince=2026-03-01T00:00:00")]
    [InlineData("/api/v1/submissions?limit=0")]
    [InlineData("/api/v1/submissions?limit=201")]
    [InlineData("/api/v1/submissions?cursor=not-ours")]
    public async Task BadQuery_Is400WithAProblemDocument(string url)
    {
        var client = await (await ApiWorld.OfAsync(app)).TokenClientAsync(ApiScopes.SubmissionsRead, institutionId: null);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(ApiScopes.FrameworkRead, HttpStatusCode.Forbidden)]
    public async Task Refusal_IsAProblemDocument(string? scope, HttpStatusCode expected)
    {
        var client = scope is null
            ? app.CreateClient(new() { AllowAutoRedirect = false })
            : await (await ApiWorld.OfAsync(app)).TokenClientAsync(scope, institutionId: null);

        using var response = await client.GetAsync("/api/v1/submissions");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ETag_ChangesWhenTheRecordChanges()
    {
        var world = await ApiWorld.OfAsync(app);
        var client = await world.TokenClientAsync(ApiScopes.SubmissionsRead, world.Moh);
        var url = $"/api/v1/submissions/{world.PathValues["submissionId"]}";
        using var before = await client.GetAsync(url);

        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var submissions = app.Service<StrategyGov.Web.Features.Submissions.SubmissionService>();
        var item = await Support.Answering.ItemAsync(submissions, director, int.Parse(world.PathValues["submissionId"]), "P1.1.1");
        await submissions.SaveAnswerAsync(director, int.Parse(world.PathValues["submissionId"]), Support.Answering.ValueChange(item, Support.Answering.BestValue(item)), CancellationToken.None);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    private static async Task<List<long>> AllIdsAsync(HttpClient client, string first, int limit)
    {
        var ids = new List<long>();
        string? next = first;
        for (var pages = 0; next is not null; pages++)
        {
            Assert.True(pages < 2_000, "next never ends");
            using var page = JsonDocument.Parse(await client.GetStringAsync(next));
            Assert.True(page.RootElement.GetProperty("items").GetArrayLength() <= limit);
            ids.AddRange(Ids(page.RootElement));
            next = page.RootElement.GetProperty("next").GetString();
        }

        return ids;
    }

    private static List<long> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray()
            .Select(item => item.TryGetProperty("id", out var id) ? id.GetInt64() : item.GetProperty("ownerId").GetInt64())
            .ToList();
}
