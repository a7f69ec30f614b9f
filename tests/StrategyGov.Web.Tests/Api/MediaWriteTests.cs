using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Media;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Features.Media.Interactions;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Api;

/// <summary>
/// Media interactions and coverage in bulk through /api/v1 (ADR 0107): the interactions page's own rules and
/// messages, all or nothing, the institution's external id making a re-send a change, dry runs, idempotency
/// keys, another institution's records and read-only tokens refused. Every test uses external ids of its own.
/// </summary>
public sealed class MediaWriteTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private DateOnly Today => app.Service<InteractionService>().Today;

    [Fact]
    public async Task Interactions_Json_CreatedThenReSendChangesIt_AuditedUnderTheToken()
    {
        var token = await app.TokenAsync(ApiScopes.MediaWrite, "MOH");
        var client = app.Bearer(token.Token);
        var id = Id();
        var salim = await app.JournalistIdAsync(MediaData.Salim);

        var first = await client.PostAsync("/api/v1/media/interactions", Json("interactions", await InteractionAsync(id, "مؤتمر عن مواعيد العيادات")));
        var again = await client.PostAsync("/api/v1/media/interactions", Json("interactions", await InteractionAsync(id, "مؤتمر عن مواعيد العيادات المسائية")));
        var same = await client.PostAsync("/api/v1/media/interactions", Json("interactions", await InteractionAsync(id, "مؤتمر عن مواعيد العيادات المسائية")));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode, same.StatusCode));
        using var created = await first.BodyAsync();
        Assert.Equal((1, 0), (created.RootElement.GetProperty("created").GetInt32(), created.RootElement.GetProperty("updated").GetInt32()));
        using var updated = await again.BodyAsync();
        Assert.Equal((0, 1), (updated.RootElement.GetProperty("created").GetInt32(), updated.RootElement.GetProperty("updated").GetInt32()));
        using var unchanged = await same.BodyAsync();
        Assert.Empty(unchanged.RootElement.GetProperty("changes").EnumerateArray());
        await using var db = await app.DbAsync();
        var stored = await db.MediaInteractions.AsNoTracking().Include(i => i.Participants).SingleAsync(i => i.ExternalId == id);
        Assert.Equal(("مؤتمر عن مواعيد العيادات المسائية", await app.InstitutionIdAsync("MOH")), (stored.Topic, stored.InstitutionId));
        Assert.Null(stored.CreatedById);
        Assert.Equal([salim], stored.Participants.Select(p => p.JournalistId!.Value));
        var key = stored.Id.ToString(CultureInfo.InvariantCulture);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(MediaInteraction) && e.EntityKey == key).ToListAsync();
        Assert.Equal(2, events.Count);   // created, then the topic changed; the third send changed nothing
        Assert.All(events, e => Assert.Equal((Actor.ApiTokenUserId(token.Row.Id), token.Row.Name), (e.ActorUserId, e.ActorName)));
    }

    [Fact]
    public async Task Coverage_CsvWithArabicDigits_SavedAndTiedToItsInteraction()
    {
        var token = await app.TokenAsync(ApiScopes.MediaWrite, "MOH");
        var client = app.Bearer(token.Token);
        var interaction = Id();
        await client.PostAsync("/api/v1/media/interactions", Json("interactions", await InteractionAsync(interaction, "مؤتمر")));
        var interactionId = await InteractionIdAsync(interaction);
        var coverage = Id();
        var csv = $"externalId,interactionId,outletId,publishedOn,headline,tone,reach\n{coverage},{interactionId},{await app.OutletIdAsync(MediaData.Watan)},{Today:yyyy-MM-dd},\"العيادات المسائية، في كل المحافظات\",إيجابية,٨٥٬٠٠٠\n";

        var response = await client.PostAsync("/api/v1/media/coverage", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await app.DbAsync();
        var stored = await db.MediaCoverage.AsNoTracking().SingleAsync(c => c.ExternalId == coverage);
        Assert.Equal((interactionId, 85_000L, CoverageTone.Positive, "العيادات المسائية، في كل المحافظات"), (stored.InteractionId!.Value, stored.Reach!.Value, stored.Tone, stored.Headline));
    }

    [Fact]
    public async Task Interactions_DryRun_ListsTheChangesAndSavesNothing()
    {
        var token = await app.TokenAsync(ApiScopes.MediaWrite, "MOH");
        var id = Id();

        var response = await app.Bearer(token.Token).PostAsync("/api/v1/media/interactions?dryRun=true", Json("interactions", await InteractionAsync(id, "مؤتمر")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await response.BodyAsync();
        Assert.Equal((true, false), (body.RootElement.GetProperty("dryRun").GetBoolean(), body.RootElement.GetProperty("saved").GetBoolean()));
        var change = Assert.Single(body.RootElement.GetProperty("changes").EnumerateArray());
        Assert.Equal((id, "Created"), (change.GetProperty("externalId").GetString(), change.GetProperty("kind").GetString()));
        Assert.Null(await InteractionIdOrNullAsync(id));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task Interactions_BadRows_SaveNothingAndNameRowAndFieldInTheCallersLanguage(string language)
    {
        var token = await app.TokenAsync(ApiScopes.MediaWrite, "MOH");
        var (good, future, kind) = (Id(), Id(), Id());
        var tomorrow = await InteractionAsync(future, "مؤتمر");
        tomorrow["occurredOn"] = Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var unknown = await InteractionAsync(kind, "مؤتمر");
        unknown["kind"] = "Podcast";

        var response = await app.Bearer(token.Token, language).PostAsync("/api/v1/media/interactions", Json("interactions", await InteractionAsync(good, "مؤتمر"), tomorrow, unknown));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var body = await response.BodyAsync();
        var errors = body.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([(2, "occurredOn"), (3, "kind")], errors.Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())));
        Assert.All(errors, e => Assert.Equal(language == "ar", e.GetProperty("reason").GetString()!.Any(ch => ch is >= '\u0600' and <= '\u06FF')));
        Assert.Null(await InteractionIdOrNullAsync(good));
    }

    [Fact]
    public async Task Coverage_OfAnotherInstitutionsInteraction_RowRefusedAndNothingSaved()
    {
        var moh = await app.TokenAsync(ApiScopes.MediaWrite, "MOH");
        var east = await app.TokenAsync(ApiScopes.MediaWrite, "AMN-EAST");
        var interaction = Id();
        await app.Bearer(moh.Token).PostAsync("/api/v1/media/interactions", Json("interactions", await InteractionAsync(interaction, "مؤتمر")));
        var coverage = Id();
        var row = new Dictionary<string, object?>
        {
            ["externalId"] = coverage, ["interactionId"] = await InteractionIdAsync(interaction), ["outletId"] = await app.OutletIdAsync(MediaData.Watan),
            ["publishedOn"] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["headline"] = "عنوان",
        };
        var foreign = await InteractionAsync(Id(), "مؤتمر");
        foreign["institutionId"] = await app.InstitutionIdAsync("MOH");

        var refused = await app.Bearer(east.Token).PostAsync("/api/v1/media/coverage", Json("coverage", row));
        var named = await app.Bearer(east.Token).PostAsync("/api/v1/media/interactions", Json("interactions", foreign));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity), (refused.StatusCode, named.StatusCode));
        using var body = await refused.BodyAsync();
        Assert.Equal("interactionId", Assert.Single(body.RootElement.GetProperty("errors").EnumerateArray()).GetProperty("column").GetString());
        await using var db = await app.DbAsync();
        Assert.False(await db.MediaCoverage.AnyAsync(c => c.ExternalId == coverage));
        Assert.False(await db.MediaInteractions.AnyAsync(i => i.ExternalId == (string)foreign["externalId"]!));
    }

    [Theory]
    [InlineData(ApiScopes.MediaRead)]
    [InlineData(ApiScopes.InquiriesWrite)]
    public async Task Interactions_TokenWithoutMediaWrite_Is403(string scope)
    {
        var token = await app.TokenAsync(scope, "MOH");
        var id = Id();

        var response = await app.Bearer(token.Token).PostAsync("/api/v1/media/interactions", Json("interactions", await InteractionAsync(id, "مؤتمر")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await InteractionIdOrNullAsync(id));
    }

    [Fact]
    public async Task Interactions_SameIdempotencyKey_ReplaysWithoutWritingAgain()
    {
        var token = await app.TokenAsync(ApiScopes.MediaWrite, "MOH");
        var client = app.Bearer(token.Token);
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var row = await InteractionAsync(null, "مؤتمر بلا معرّف خارجي " + Guid.NewGuid().ToString("N"));

        var first = await client.PostAsync("/api/v1/media/interactions", Json("interactions", row));
        var replay = await client.PostAsync("/api/v1/media/interactions", Json("interactions", row));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.MediaInteractions.CountAsync(i => i.Topic == (string)row["topic"]!));
    }

    private static string Id() => $"EXT-{Guid.NewGuid():N}"[..20];

    private async Task<Dictionary<string, object?>> InteractionAsync(string? externalId, string topic) => new()
    {
        ["externalId"] = externalId,
        ["kind"] = "PressConference",
        ["occurredOn"] = Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["topic"] = topic,
        ["seniorOfficial"] = "المتحدث الرسمي",
        ["journalistIds"] = new[] { await app.JournalistIdAsync(MediaData.Salim) },
    };

    private static StringContent Json(string array, params Dictionary<string, object?>[] rows) =>
        new(JsonSerializer.Serialize(new Dictionary<string, object> { [array] = rows }), Encoding.UTF8, "application/json");

    private async Task<int> InteractionIdAsync(string externalId) => await InteractionIdOrNullAsync(externalId) ?? throw new InvalidOperationException(externalId);

    private async Task<int?> InteractionIdOrNullAsync(string externalId)
    {
        await using var db = await app.DbAsync();
        return await db.MediaInteractions.Where(i => i.ExternalId == externalId).Select(i => (int?)i.Id).SingleOrDefaultAsync();
    }
}
