using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Calendar;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Features.Media.Interactions;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Api;

/// <summary>
/// The API's record writes on PostgreSQL (ADR 0107): bulk inquiries, interactions and coverage — a re-send with the
/// institution's external id updates the stored record rather than adding one, and a request with one bad row leaves
/// everything as it was (the unique index and the transaction of the real provider, not only SQLite's); council
/// progress refuses a stale If-Match and concurrent writers never lose an update (the owner's version as a
/// concurrency token); role holders and calendar entries are written. One app on one database for the class.
/// </summary>
public sealed class ApiWritePostgresTests(PostgresApiApp postgres) : IClassFixture<PostgresApiApp>
{
    private const string Url = "/api/v1/inquiries";

    [Fact]
    public async Task PostgreSql_InquiriesBulk_ReSendUpdates_OneBadRowSavesNothing()
    {
        var app = postgres.App;
        var client = app.Bearer((await app.TokenAsync(ApiScopes.InquiriesWrite, "MOH")).Token, "ar");
        var (a, b) = ($"HD-{Guid.NewGuid():N}"[..20], $"HD-{Guid.NewGuid():N}"[..20]);

        var created = await client.PostAsync(Url, Json(Row(a, "مواعيد صرف الدعم السكني"), Row(b, "إغلاق طريق الكورنيش")));
        var refused = await client.PostAsync(Url, Json(Row(a, "موضوع لا يُحفظ"), Row(b, "إغلاق طريق الكورنيش") with { Kind = "ليس نوعًا" }));
        var afterRefusal = await TopicsAsync(app, a, b);
        var updated = await client.PostAsync(Url, Json(Row(a, "مواعيد صرف الدعم السكني للأسر")));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity, HttpStatusCode.OK), (created.StatusCode, refused.StatusCode, updated.StatusCode));
        using var refusal = await refused.BodyAsync();
        var error = Assert.Single(refusal.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "kind"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
        using var update = await updated.BodyAsync();
        Assert.Equal((0, 1), (update.RootElement.GetProperty("created").GetInt32(), update.RootElement.GetProperty("updated").GetInt32()));

        Assert.Equal(new Dictionary<string, string> { [a] = "مواعيد صرف الدعم السكني", [b] = "إغلاق طريق الكورنيش" }, afterRefusal);
        Assert.Equal(new Dictionary<string, string> { [a] = "مواعيد صرف الدعم السكني للأسر", [b] = "إغلاق طريق الكورنيش" }, await TopicsAsync(app, a, b));
    }

    [Fact]
    public async Task PostgreSql_InteractionsBulk_ReSendUpdates_OneBadRowSavesNothing()
    {
        var app = postgres.App;
        var client = app.Bearer((await app.TokenAsync(ApiScopes.MediaWrite, "MOH")).Token, "ar");
        var (a, b) = (Id(), Id());
        var bad = await InteractionAsync(app, b, "لقاء لا يُحفظ");
        bad["kind"] = "Podcast";

        var created = await client.PostAsync(Interactions, Rows("interactions", await InteractionAsync(app, a, "مؤتمر عن مواعيد العيادات"), await InteractionAsync(app, b, "لقاء عن التطعيمات")));
        var refused = await client.PostAsync(Interactions, Rows("interactions", await InteractionAsync(app, a, "موضوع لا يُحفظ"), bad));
        var afterRefusal = await InteractionTopicsAsync(app, a, b);
        var updated = await client.PostAsync(Interactions, Rows("interactions", await InteractionAsync(app, a, "مؤتمر عن مواعيد العيادات المسائية")));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity, HttpStatusCode.OK), (created.StatusCode, refused.StatusCode, updated.StatusCode));
        await AssertOneErrorAsync(refused, 2, "kind");
        await AssertCreatedUpdatedAsync(updated, 0, 1);
        Assert.Equal(new Dictionary<string, string> { [a] = "مؤتمر عن مواعيد العيادات", [b] = "لقاء عن التطعيمات" }, afterRefusal);
        Assert.Equal(new Dictionary<string, string> { [a] = "مؤتمر عن مواعيد العيادات المسائية", [b] = "لقاء عن التطعيمات" }, await InteractionTopicsAsync(app, a, b));
    }

    [Fact]
    public async Task PostgreSql_CoverageBulk_ReSendUpdates_OneBadRowSavesNothing()
    {
        var app = postgres.App;
        var client = app.Bearer((await app.TokenAsync(ApiScopes.MediaWrite, "MOH")).Token, "ar");
        var interaction = Id();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Interactions, Rows("interactions", await InteractionAsync(app, interaction, "مؤتمر")))).StatusCode);
        var interactionId = (await InteractionIdsAsync(app, interaction))[interaction];
        var (a, b) = (Id(), Id());
        var bad = await CoverageAsync(app, b, interactionId, "الوزارة تمدد ساعات العيادات");
        bad["tone"] = "ليست نبرة";

        var created = await client.PostAsync(Coverage, Rows("coverage", await CoverageAsync(app, a, interactionId, "العيادات المسائية في كل المحافظات"), await CoverageAsync(app, b, interactionId, "الوزارة تمدد ساعات العيادات")));
        var refused = await client.PostAsync(Coverage, Rows("coverage", await CoverageAsync(app, a, interactionId, "عنوان لا يُحفظ"), bad));
        var afterRefusal = await HeadlinesAsync(app, a, b);
        var updated = await client.PostAsync(Coverage, Rows("coverage", await CoverageAsync(app, a, interactionId, "العيادات المسائية في كل المحافظات ابتداءً من الأحد")));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity, HttpStatusCode.OK), (created.StatusCode, refused.StatusCode, updated.StatusCode));
        await AssertOneErrorAsync(refused, 2, "tone");
        await AssertCreatedUpdatedAsync(updated, 0, 1);
        Assert.Equal(new Dictionary<string, string> { [a] = "العيادات المسائية في كل المحافظات", [b] = "الوزارة تمدد ساعات العيادات" }, afterRefusal);
        Assert.Equal(new Dictionary<string, string> { [a] = "العيادات المسائية في كل المحافظات ابتداءً من الأحد", [b] = "الوزارة تمدد ساعات العيادات" }, await HeadlinesAsync(app, a, b));
    }

    [Fact]
    public async Task PostgreSql_CouncilProgress_StaleIfMatchIs412_ConcurrentWritersLoseNoUpdate()
    {
        var app = postgres.App;
        var center = await app.ActorAsync(DemoUsers.Reviewer);
        var (meetingId, itemId) = await app.ScheduleAsync(center, $"API progress on PostgreSQL {Guid.NewGuid():N}", "MOH");
        var decisionId = await app.DecideAsync(center, meetingId, itemId, 10, "MOH");
        await app.HoldAndCloseAsync(center, meetingId);
        var ownerId = await app.OwnerIdAsync(decisionId, "MOH");
        var token = (await app.TokenAsync(ApiScopes.CouncilWrite, "MOH")).Token;
        var client = app.Bearer(token);
        var url = $"/api/v1/council/decisions/{ownerId}";
        var before = (await client.GetAsync(url)).Headers.ETag!;

        var first = await ProgressAsync(client, url, "بدأ العمل", null);
        var stale = await ProgressAsync(client, url, "تقدم على نسخة قديمة", before);
        // Writers at once, each holding the current ETag: one report is taken, the others are refused, none is lost.
        var current = (await client.GetAsync(url)).Headers.ETag!;
        var racing = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => ProgressAsync(app.Bearer(token), url, $"تقرير متزامن {i}", current)));
        // Without If-Match as well: two saves of one assignment never both pass on the version they read; the one
        // that lost is told, in the page's words, that the assignment changed meanwhile (422).
        var blind = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => ProgressAsync(app.Bearer(token), url, $"تقرير بلا شرط {i}", null)));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.PreconditionFailed), (first, stale));
        Assert.Equal(1, racing.Count(s => s == HttpStatusCode.OK));
        Assert.All(racing, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.PreconditionFailed }));
        Assert.All(blind, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity }));
        var taken = blind.Count(s => s == HttpStatusCode.OK);
        Assert.True(taken >= 1, "no writer without If-Match got through");
        await using var db = await app.DbAsync();
        var notes = await db.CouncilProgressNotes.AsNoTracking().Where(n => n.OwnerId == ownerId).Select(n => n.Text).ToListAsync();
        Assert.Equal(2 + taken, notes.Count);
        Assert.Single(notes, n => n!.StartsWith("تقرير متزامن", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostgreSql_RoleHolderPut_TakesOverThenCorrects_StaleIfMatchIs412()
    {
        var app = postgres.App;
        var client = app.Bearer((await app.TokenAsync(ApiScopes.RolesWrite, "MOH")).Token);
        var moh = await app.InstitutionIdAsync("MOH");
        var roles = $"/api/v1/institutions/{moh}/roles";
        var url = $"{roles}/DIGITAL-LEAD/holder";

        var takeover = await client.PutAsync(url, Body("{\"personName\":\"ريم الكندية\",\"email\":\"reem@moh.gov.example\"}"));
        var read = (await client.GetAsync(roles)).Headers.ETag!;
        var correction = new HttpRequestMessage(HttpMethod.Put, url) { Content = Body("{\"personName\":\"ريم الكندية\",\"email\":\"reem.kindi@moh.gov.example\",\"phone\":\"+968 9000 0001\"}") };
        correction.Headers.IfMatch.Add(read);
        var corrected = await client.SendAsync(correction);
        var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = Body("{\"personName\":\"علي الرواحي\",\"email\":\"ali@moh.gov.example\"}") };
        stale.Headers.IfMatch.Add(read);
        var refused = await client.SendAsync(stale);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.PreconditionFailed), (takeover.StatusCode, corrected.StatusCode, refused.StatusCode));
        await using var db = await app.DbAsync();
        var current = await db.RoleAssignments.AsNoTracking().Where(a => a.InstitutionId == moh && a.Role.Code == "DIGITAL-LEAD" && a.EndsOn == null).ToListAsync();
        Assert.Equal(("ريم الكندية", "reem.kindi@moh.gov.example"), (Assert.Single(current).PersonName, current[0].Email));
    }

    [Fact]
    public async Task PostgreSql_CalendarEntry_PostCreatesADraft_PutChangesIt_StaleIfMatchIs412()
    {
        var app = postgres.App;
        var client = app.Bearer((await app.TokenAsync(ApiScopes.CalendarWrite, "MOH")).Token);
        var title = $"API campaign on PostgreSQL {Guid.NewGuid():N}";

        var created = await client.PostAsync(Entries, await EntryAsync(app, title, "2027-02-01", "2027-02-28"));
        var entry = await app.EntryAsync(title);
        var put = new HttpRequestMessage(HttpMethod.Put, $"{Entries}/{entry.Id}") { Content = await EntryAsync(app, title, "2027-02-01", "2027-03-15") };
        put.Headers.IfMatch.Add(created.Headers.ETag!);
        var changed = await client.SendAsync(put);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"{Entries}/{entry.Id}") { Content = await EntryAsync(app, title, "2027-02-01", "2027-03-31") };
        stale.Headers.IfMatch.Add(created.Headers.ETag!);
        var refused = await client.SendAsync(stale);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.PreconditionFailed), (created.StatusCode, changed.StatusCode, refused.StatusCode));
        Assert.Equal(CalendarEntryStatus.Draft, entry.Status);
        using var body = await changed.BodyAsync();
        Assert.Equal("2027-03-15", body.RootElement.GetProperty("lastDay").GetString());
        Assert.Equal(entry.Id, (await app.EntryAsync(title)).Id);
    }

    private const string Interactions = "/api/v1/media/interactions";
    private const string Coverage = "/api/v1/media/coverage";
    private const string Entries = "/api/v1/calendar/entries";

    private static string Id() => $"EXT-{Guid.NewGuid():N}"[..20];

    private static async Task<Dictionary<string, object?>> InteractionAsync(StrategyGovAppFactory app, string externalId, string topic) => new()
    {
        ["externalId"] = externalId,
        ["kind"] = "PressConference",
        ["occurredOn"] = app.Service<InteractionService>().Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["topic"] = topic,
        ["seniorOfficial"] = "المتحدث الرسمي",
        ["journalistIds"] = new[] { await app.JournalistIdAsync(MediaData.Salim) },
    };

    private static async Task<Dictionary<string, object?>> CoverageAsync(StrategyGovAppFactory app, string externalId, int interactionId, string headline) => new()
    {
        ["externalId"] = externalId,
        ["interactionId"] = interactionId,
        ["outletId"] = await app.OutletIdAsync(MediaData.Watan),
        ["publishedOn"] = app.Service<InteractionService>().Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["headline"] = headline,
        ["tone"] = "Positive",
    };

    private static StringContent Rows(string array, params Dictionary<string, object?>[] rows) =>
        new(JsonSerializer.Serialize(new Dictionary<string, object> { [array] = rows }), Encoding.UTF8, "application/json");

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<StringContent> EntryAsync(StrategyGovAppFactory app, string titleEn, string start, string end)
    {
        var form = await app.FormAsync(titleEn, default, default);
        var body = new
        {
            titleAr = form.TitleAr, titleEn, kind = "Campaign", pillarId = form.PillarId, audienceIds = form.AudienceIds, channels = new[] { "SocialMedia" },
            isAllDay = true, startDate = start, endDate = end, isHighProfile = false,
        };
        return new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
    }

    private static async Task<HttpStatusCode> ProgressAsync(HttpClient client, string url, string text, EntityTagHeaderValue? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url + "/progress") { Content = Body(JsonSerializer.Serialize(new { text })) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task AssertOneErrorAsync(HttpResponseMessage refused, int row, string column)
    {
        using var body = await refused.BodyAsync();
        var error = Assert.Single(body.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal((row, column), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
    }

    private static async Task AssertCreatedUpdatedAsync(HttpResponseMessage response, int created, int updated)
    {
        using var body = await response.BodyAsync();
        Assert.Equal((created, updated), (body.RootElement.GetProperty("created").GetInt32(), body.RootElement.GetProperty("updated").GetInt32()));
    }

    private static async Task<Dictionary<string, int>> InteractionIdsAsync(StrategyGovAppFactory app, params string[] externalIds)
    {
        await using var db = await app.DbAsync();
        return await db.MediaInteractions.AsNoTracking().Where(i => externalIds.Contains(i.ExternalId)).ToDictionaryAsync(i => i.ExternalId!, i => i.Id);
    }

    private static async Task<Dictionary<string, string>> InteractionTopicsAsync(StrategyGovAppFactory app, string a, string b)
    {
        var mohId = await app.InstitutionIdAsync("MOH");
        await using var db = await app.DbAsync();
        return await db.MediaInteractions.AsNoTracking()
            .Where(i => i.InstitutionId == mohId && (i.ExternalId == a || i.ExternalId == b))
            .ToDictionaryAsync(i => i.ExternalId!, i => i.Topic);
    }

    private static async Task<Dictionary<string, string>> HeadlinesAsync(StrategyGovAppFactory app, string a, string b)
    {
        var mohId = await app.InstitutionIdAsync("MOH");
        await using var db = await app.DbAsync();
        return await db.MediaCoverage.AsNoTracking()
            .Where(c => c.InstitutionId == mohId && (c.ExternalId == a || c.ExternalId == b))
            .ToDictionaryAsync(c => c.ExternalId!, c => c.Headline);
    }

    // One row per external id (a duplicate would fail the dictionary), with its topic.
    private static async Task<Dictionary<string, string>> TopicsAsync(StrategyGovAppFactory app, string a, string b)
    {
        var mohId = await app.InstitutionIdAsync("MOH");
        await using var db = await app.DbAsync();
        return await db.Inquiries.AsNoTracking()
            .Where(i => i.InstitutionId == mohId && (i.ExternalId == a || i.ExternalId == b))
            .ToDictionaryAsync(i => i.ExternalId!, i => i.Topic);
    }

    private sealed record InquiryRow(string ExternalId, string Kind, string Channel, string Outlet, string ReceivedAt, string Topic);

    private static InquiryRow Row(string externalId, string topic) => new(externalId, "MediaInquiry", "صحيفة", "جريدة عُمان", "2026-11-02 10:00", topic);

    private static StringContent Json(params InquiryRow[] rows) => new(
        JsonSerializer.Serialize(new { inquiries = rows }, new JsonSerializerOptions(JsonSerializerDefaults.Web)), Encoding.UTF8, "application/json");
}

/// <summary>One app on its own PostgreSQL database for a test class (seeding it once, not once per test).</summary>
public sealed class PostgresApiApp : IAsyncLifetime
{
    private readonly PostgresDatabaseFixture _postgres = new();
    private StrategyGovAppFactory? _app;

    public StrategyGovAppFactory App => _app ??= new StrategyGovAppFactory()
        .With("Database:Provider", "PostgreSql")
        .With("Database:MigrateOnStartup", "true")
        .With("ConnectionStrings:Default", _postgres.ConnectionString);

    public Task InitializeAsync() => _postgres.InitializeAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _postgres.DisposeAsync();
    }
}
