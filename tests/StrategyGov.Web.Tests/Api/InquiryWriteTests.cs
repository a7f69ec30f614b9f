using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Inquiries;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;
using static StrategyGov.Web.Tests.Support.InquiryData;

namespace StrategyGov.Web.Tests.Api;

/// <summary>
/// Inquiries in bulk through /api/v1 with institution tokens (ADR 0107): the Excel import's rules and messages,
/// the institution's external id making a re-send an update, all or nothing, dry runs and idempotency keys.
/// Every test uses external ids of its own.
/// </summary>
public sealed class InquiryWriteTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private const string Url = "/api/v1/inquiries";

    [Fact]
    public async Task Inquiries_Json_CreatedThenReSendUpdatesWithoutDuplicating_AuditedUnderTheToken()
    {
        var token = await app.TokenAsync(ApiScopes.InquiriesWrite, "MOH");
        var (a, b) = (Id(), Id());
        var client = app.Bearer(token.Token);

        var first = await client.PostAsync(Url, Json(Row(a, "مواعيد صرف الدعم السكني"), Row(b, "إغلاق طريق الكورنيش", received: "2026-11-03T08:15:00+03:00")));
        var second = await client.PostAsync(Url, Json(Row(a, "مواعيد صرف الدعم السكني للأسر"), Row(b, "إغلاق طريق الكورنيش", received: "2026-11-03T08:15:00+03:00")));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var created = await first.BodyAsync();
        Assert.Equal((2, 0, true), (created.RootElement.GetProperty("created").GetInt32(), created.RootElement.GetProperty("updated").GetInt32(), created.RootElement.GetProperty("saved").GetBoolean()));
        Assert.All(created.RootElement.GetProperty("changes").EnumerateArray(), c => Assert.Equal("Created", c.GetProperty("kind").GetString()));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        using var updated = await second.BodyAsync();
        var change = Assert.Single(updated.RootElement.GetProperty("changes").EnumerateArray());
        Assert.Equal((a, "Updated", 1), (change.GetProperty("externalId").GetString(), change.GetProperty("kind").GetString(), change.GetProperty("row").GetInt32()));
        var topic = Assert.Single(change.GetProperty("fields").EnumerateArray(), f => f.GetProperty("field").GetString() == "topic");
        Assert.Equal(("مواعيد صرف الدعم السكني", "مواعيد صرف الدعم السكني للأسر"), (topic.GetProperty("before").GetString(), topic.GetProperty("after").GetString()));
        var stored = await StoredAsync("MOH", a, b);
        Assert.Equal(2, stored.Count);
        Assert.Equal(Utc("2026-11-03 08:15"), stored.Single(i => i.ExternalId == b).ReceivedAt);
        Assert.All(stored, i => Assert.Null(i.CreatedById));
        await using var db = await app.DbAsync();
        var keys = stored.Select(i => i.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(Inquiry) && keys.Contains(e.EntityKey)).ToListAsync();
        Assert.Equal(3, events.Count);   // two created, one updated
        Assert.All(events, e => Assert.Equal((Actor.ApiTokenUserId(token.Row.Id), token.Row.Name), (e.ActorUserId, e.ActorName)));
        Assert.Single(events, e => e.Action == AuditAction.Changed);
    }

    [Fact]
    public async Task Inquiries_CsvWithArabicHeadersAndDigits_Saved()
    {
        var token = await app.TokenAsync(ApiScopes.InquiriesWrite, "MOH");
        var a = Id();
        var csv = $"المعرف لدى الجهة,النوع,القناة,الوسيلة أو المنصة,وقت الورود,الموضوع,وقت الإجابة,نص الرد\n{a},استفسار إعلامي,صحيفة,جريدة الوطن,٢٠٢٦-١١-٠١ ٠٩:٣٠,أسباب انقطاع المياه,2026-11-01 12:00,\"عادت المياه، وأُبلغ الصحفي\"\n";

        var response = await app.Bearer(token.Token).PostAsync(Url, new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(await StoredAsync("MOH", a));
        Assert.Equal((Utc("2026-11-01 09:30"), InquiryStatus.Answered, "عادت المياه، وأُبلغ الصحفي"), (stored.ReceivedAt, stored.Status, stored.ResponseText));
    }

    [Fact]
    public async Task Inquiries_DryRun_ListsTheChangesAndSavesNothing()
    {
        var token = await app.TokenAsync(ApiScopes.InquiriesWrite, "MOH");
        var client = app.Bearer(token.Token);
        var (a, b) = (Id(), Id());
        await client.PostAsync(Url, Json(Row(a, "موضوع أول")));

        var response = await client.PostAsync(Url + "?dryRun=true", Json(Row(a, "موضوع معدّل"), Row(b, "موضوع جديد")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await response.BodyAsync();
        Assert.Equal((true, false), (body.RootElement.GetProperty("dryRun").GetBoolean(), body.RootElement.GetProperty("saved").GetBoolean()));
        var changes = body.RootElement.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal([(a, "Updated"), (b, "Created")], changes.Select(c => (c.GetProperty("externalId").GetString(), c.GetProperty("kind").GetString())));
        Assert.Equal(JsonValueKind.Null, changes[1].GetProperty("id").ValueKind);
        Assert.Contains(changes[0].GetProperty("fields").EnumerateArray(), f => f.GetProperty("after").GetString() == "موضوع معدّل");
        Assert.Equal("موضوع أول", Assert.Single(await StoredAsync("MOH", a, b)).Topic);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task Inquiries_OneBadRow_SavesNothingAndNamesRowAndFieldInTheCallersLanguage(string language)
    {
        var token = await app.TokenAsync(ApiScopes.InquiriesWrite, "MOH");
        var (a, b, c) = (Id(), Id(), Id());
        var bad = Row(b, "موضوع");
        bad["kind"] = "Rumour";
        var missing = Row(c, "موضوع");
        missing.Remove("receivedAt");

        var response = await app.Bearer(token.Token, language).PostAsync(Url, Json(Row(a, "موضوع سليم"), bad, missing));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var body = await response.BodyAsync();
        var errors = body.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([(2, "kind"), (3, "receivedAt")], errors.Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())));
        Assert.All(errors, e => Assert.Equal(language == "ar", e.GetProperty("reason").GetString()!.Any(ch => ch is >= '\u0600' and <= '\u06FF')));
        Assert.Contains("Rumour", errors[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(await StoredAsync("MOH", a, b, c));
    }

    [Fact]
    public async Task Inquiries_AnotherInstitution_RowRefused_AndTheSameExternalIdNeverReachesIt()
    {
        var moh = await app.TokenAsync(ApiScopes.InquiriesWrite, "MOH");
        var east = await app.TokenAsync(ApiScopes.InquiriesWrite, "AMN-EAST");
        var a = Id();
        await app.Bearer(moh.Token).PostAsync(Url, Json(Row(a, "موضوع الوزارة")));
        var foreign = Row(Id(), "موضوع");
        foreign["institutionId"] = await app.InstitutionIdAsync("MOH");

        var named = await app.Bearer(east.Token).PostAsync(Url, Json(foreign));
        var sameId = await app.Bearer(east.Token).PostAsync(Url, Json(Row(a, "موضوع الأمانة")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, named.StatusCode);
        using var body = await named.BodyAsync();
        Assert.Equal("institutionId", Assert.Single(body.RootElement.GetProperty("errors").EnumerateArray()).GetProperty("column").GetString());
        Assert.Equal(HttpStatusCode.OK, sameId.StatusCode);
        Assert.Equal("موضوع الوزارة", Assert.Single(await StoredAsync("MOH", a)).Topic);
        Assert.Equal("موضوع الأمانة", Assert.Single(await StoredAsync("AMN-EAST", a)).Topic);
    }

    [Theory]
    [InlineData(ApiScopes.InquiriesRead)]
    [InlineData(ApiScopes.MediaWrite + " " + ApiScopes.AnswersWrite)]
    public async Task Inquiries_TokenWithoutInquiriesWrite_Is403AndNothingSaved(string scope)
    {
        var token = await app.TokenAsync(scope, "MOH");
        var a = Id();

        var response = await app.Bearer(token.Token).PostAsync(Url, Json(Row(a, "موضوع")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await StoredAsync("MOH", a));
    }

    [Fact]
    public async Task Inquiries_SameIdempotencyKey_ReplaysWithoutWritingAgain_OtherBodyIs422()
    {
        var token = await app.TokenAsync(ApiScopes.InquiriesWrite, "MOH");
        var client = app.Bearer(token.Token);
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var (a, b) = (Id(), Id());

        var first = await client.PostAsync(Url, Json(Row(a, "موضوع")));
        var version = Assert.Single(await StoredAsync("MOH", a)).Version;
        var replay = await client.PostAsync(Url, Json(Row(a, "موضوع")));
        var other = await client.PostAsync(Url, Json(Row(b, "موضوع")));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(version, Assert.Single(await StoredAsync("MOH", a)).Version);
        Assert.Empty(await StoredAsync("MOH", b));
    }

    [Fact]
    public async Task Inquiries_NotTheExpectedJson_Is400InTheCallersLanguage()
    {
        var token = await app.TokenAsync(ApiScopes.InquiriesWrite, "MOH");

        var response = await app.Bearer(token.Token, "ar").PostAsync(Url, new StringContent("{\"inquiries\": [1, 2]}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = await response.BodyAsync();
        Assert.Contains("مصفوفة", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static string Id() => $"HD-{Guid.NewGuid():N}"[..20];

    private static Dictionary<string, object?> Row(string externalId, string topic, string received = "2026-11-02 10:00") => new()
    {
        ["externalId"] = externalId,
        ["kind"] = "MediaInquiry",
        ["channel"] = "صحيفة",
        ["outlet"] = "جريدة عُمان",
        ["receivedAt"] = received,
        ["topic"] = topic,
    };

    private static StringContent Json(params Dictionary<string, object?>[] rows) =>
        new(JsonSerializer.Serialize(new { inquiries = rows }), Encoding.UTF8, "application/json");

    private async Task<List<Inquiry>> StoredAsync(string institutionCode, params string[] externalIds)
    {
        var institutionId = await app.InstitutionIdAsync(institutionCode);
        await using var db = await app.DbAsync();
        return await db.Inquiries.AsNoTracking().Where(i => i.InstitutionId == institutionId && externalIds.Contains(i.ExternalId)).ToListAsync();
    }
}
