using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Council;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Api;

/// <summary>
/// Progress on council decisions through /api/v1 (ADR 0107): only the assignee institution's token reports, with
/// the assignment page's rules and messages; If-Match takes the read's ETag; idempotency keys replay.
/// </summary>
public sealed class CouncilWriteTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    [Fact]
    public async Task Progress_AssigneeToken_ReportsDone_AuditedUnderTheToken_AndAnswersTheNewRead()
    {
        var ownerId = await AssignmentOfMohAsync();
        var token = await app.TokenAsync(ApiScopes.CouncilWrite, "MOH");
        var client = app.Bearer(token.Token);
        var url = $"/api/v1/council/decisions/{ownerId}";

        var response = await client.PostAsync(url + "/progress", Body("{\"status\":\"Done\",\"text\":\"سُجّلت الحملات كلها\"}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await response.BodyAsync();
        Assert.Equal("Done", body.RootElement.GetProperty("row").GetProperty("status").GetString());
        Assert.Equal((await client.GetAsync(url)).Headers.ETag, response.Headers.ETag);
        await using var db = await app.DbAsync();
        var note = await db.CouncilProgressNotes.AsNoTracking().SingleAsync(n => n.OwnerId == ownerId);
        Assert.Null(note.AuthorUserId);
        Assert.Equal(token.Row.Name, note.AuthorName);
        var key = ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var changed = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(CouncilDecisionOwner) && e.EntityKey == key).ToListAsync();
        Assert.Contains(changed, e => e.ActorUserId == Actor.ApiTokenUserId(token.Row.Id));
    }

    [Fact]
    public async Task Progress_StaleIfMatch_Is412_CurrentIfMatchReports()
    {
        var ownerId = await AssignmentOfMohAsync();
        var client = app.Bearer((await app.TokenAsync(ApiScopes.CouncilWrite, "MOH")).Token);
        var url = $"/api/v1/council/decisions/{ownerId}";
        var before = (await client.GetAsync(url)).Headers.ETag!;
        await client.PostAsync(url + "/progress", Body("{\"text\":\"بدأ العمل\"}"));

        var stale = new HttpRequestMessage(HttpMethod.Post, url + "/progress") { Content = Body("{\"text\":\"تقدم\"}") };
        stale.Headers.IfMatch.Add(before);
        var staleResponse = await client.SendAsync(stale);
        var current = new HttpRequestMessage(HttpMethod.Post, url + "/progress") { Content = Body("{\"text\":\"تقدم\"}") };
        current.Headers.IfMatch.Add((await client.GetAsync(url)).Headers.ETag!);
        var currentResponse = await client.SendAsync(current);

        Assert.Equal((HttpStatusCode.PreconditionFailed, HttpStatusCode.OK), (staleResponse.StatusCode, currentResponse.StatusCode));
        await using var db = await app.DbAsync();
        Assert.Equal(2, await db.CouncilProgressNotes.CountAsync(n => n.OwnerId == ownerId));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task Progress_DoneInTheFuture_Is422InTheCallersLanguage_NothingSaved(string language)
    {
        var ownerId = await AssignmentOfMohAsync();
        var client = app.Bearer((await app.TokenAsync(ApiScopes.CouncilWrite, "MOH")).Token, language);

        var response = await client.PostAsync($"/api/v1/council/decisions/{ownerId}/progress", Body("{\"status\":\"Done\",\"doneOn\":\"2099-01-01\"}"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var body = await response.BodyAsync();
        Assert.Equal(language == "ar", body.RootElement.GetProperty("message").GetString()!.Any(c => c is >= '\u0600' and <= '\u06FF'));
        await using var db = await app.DbAsync();
        Assert.False(await db.CouncilProgressNotes.AnyAsync(n => n.OwnerId == ownerId));
    }

    [Fact]
    public async Task Progress_OtherInstitutionsToken_Is404_ReadOnlyToken_Is403()
    {
        var ownerId = await AssignmentOfMohAsync();
        var east = app.Bearer((await app.TokenAsync(ApiScopes.CouncilWrite, "AMN-EAST")).Token);
        var reader = app.Bearer((await app.TokenAsync(ApiScopes.CouncilRead, "MOH")).Token);

        var other = await east.PostAsync($"/api/v1/council/decisions/{ownerId}/progress", Body("{\"text\":\"تقدم\"}"));
        var readOnly = await reader.PostAsync($"/api/v1/council/decisions/{ownerId}/progress", Body("{\"text\":\"تقدم\"}"));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (other.StatusCode, readOnly.StatusCode));
        await using var db = await app.DbAsync();
        Assert.False(await db.CouncilProgressNotes.AnyAsync(n => n.OwnerId == ownerId));
    }

    [Fact]
    public async Task Progress_SameIdempotencyKey_ReportsOnce()
    {
        var ownerId = await AssignmentOfMohAsync();
        var client = app.Bearer((await app.TokenAsync(ApiScopes.CouncilWrite, "MOH")).Token);
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var first = await client.PostAsync($"/api/v1/council/decisions/{ownerId}/progress", Body("{\"text\":\"تقدم\"}"));
        var replay = await client.PostAsync($"/api/v1/council/decisions/{ownerId}/progress", Body("{\"text\":\"تقدم\"}"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.CouncilProgressNotes.CountAsync(n => n.OwnerId == ownerId));
    }

    private async Task<int> AssignmentOfMohAsync()
    {
        var center = await app.ActorAsync(DemoUsers.Reviewer);
        var (meetingId, itemId) = await app.ScheduleAsync(center, $"API progress {Guid.NewGuid():N}", "MOH");
        var decisionId = await app.DecideAsync(center, meetingId, itemId, 10, "MOH");
        await app.HoldAndCloseAsync(center, meetingId);
        return await app.OwnerIdAsync(decisionId, "MOH");
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");
}
