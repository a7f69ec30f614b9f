using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Calendar;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Api;

/// <summary>
/// Calendar entries through /api/v1 (ADR 0107): a new draft and a change with the calendar page's rules and
/// messages; If-Match on the read's ETag; idempotency key on the POST; another institution's entry 404; a
/// read-only token 403.
/// </summary>
public sealed class CalendarWriteTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private const string Url = "/api/v1/calendar/entries";

    [Fact]
    public async Task Create_Draft_AuditedUnderTheToken_ThenPutWithCurrentIfMatchChangesIt_StaleIs412()
    {
        var token = await app.TokenAsync(ApiScopes.CalendarWrite, "MOH");
        var client = app.Bearer(token.Token);
        var title = $"API campaign {Guid.NewGuid():N}";

        var created = await client.PostAsync(Url, await BodyAsync(title, "2027-02-01", "2027-02-٢٨"));
        var entry = await app.EntryAsync(title);
        var etag = created.Headers.ETag!;
        var put = new HttpRequestMessage(HttpMethod.Put, $"{Url}/{entry.Id}") { Content = await BodyAsync(title, "2027-02-01", "2027-03-15") };
        put.Headers.IfMatch.Add(etag);
        var changed = await client.SendAsync(put);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"{Url}/{entry.Id}") { Content = await BodyAsync(title, "2027-02-01", "2027-03-31") };
        stale.Headers.IfMatch.Add(etag);
        var refused = await client.SendAsync(stale);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.PreconditionFailed), (created.StatusCode, changed.StatusCode, refused.StatusCode));
        Assert.Equal(CalendarEntryStatus.Draft, entry.Status);
        using (var first = await created.BodyAsync())
        using (var second = await changed.BodyAsync())
        {
            Assert.Equal(("2027-02-28", "2027-03-15"), (first.RootElement.GetProperty("lastDay").GetString(), second.RootElement.GetProperty("lastDay").GetString()));
        }

        Assert.Null(entry.CreatedById);
        await using var db = await app.DbAsync();
        var key = entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(CalendarEntry) && e.EntityKey == key).ToListAsync();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal((Actor.ApiTokenUserId(token.Row.Id), token.Row.Name), (e.ActorUserId, e.ActorName)));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task Create_EndBeforeStart_Is422InTheCallersLanguage_NothingSaved(string language)
    {
        var client = app.Bearer((await app.TokenAsync(ApiScopes.CalendarWrite, "MOH")).Token, language);
        var title = $"API campaign {Guid.NewGuid():N}";

        var response = await client.PostAsync(Url, await BodyAsync(title, "2027-02-10", "2027-02-01"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var body = await response.BodyAsync();
        Assert.Equal(language == "ar", body.RootElement.GetProperty("message").GetString()!.Any(c => c is >= '\u0600' and <= '\u06FF'));
        await using var db = await app.DbAsync();
        Assert.False(await db.CalendarEntries.AnyAsync(e => e.TitleEn == title));
    }

    [Fact]
    public async Task Put_OtherInstitutionsEntry_Is404_ReadOnlyToken_Is403()
    {
        var title = $"API campaign {Guid.NewGuid():N}";
        await app.Bearer((await app.TokenAsync(ApiScopes.CalendarWrite, "MOH")).Token).PostAsync(Url, await BodyAsync(title, "2027-02-01", "2027-02-05"));
        var entry = await app.EntryAsync(title);

        var other = await app.Bearer((await app.TokenAsync(ApiScopes.CalendarWrite, "AMN-EAST")).Token).PutAsync($"{Url}/{entry.Id}", await BodyAsync(title, "2027-02-01", "2027-02-20"));
        var readOnly = await app.Bearer((await app.TokenAsync(ApiScopes.CalendarRead, "MOH")).Token).PostAsync(Url, await BodyAsync(title + " 2", "2027-02-01", "2027-02-20"));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (other.StatusCode, readOnly.StatusCode));
        Assert.Equal(entry.EndsAt, (await app.EntryAsync(title)).EndsAt);
    }

    [Fact]
    public async Task Create_SameIdempotencyKey_CreatesOnce()
    {
        var client = app.Bearer((await app.TokenAsync(ApiScopes.CalendarWrite, "MOH")).Token);
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var title = $"API campaign {Guid.NewGuid():N}";

        var first = await client.PostAsync(Url, await BodyAsync(title, "2027-02-01", "2027-02-05"));
        var replay = await client.PostAsync(Url, await BodyAsync(title, "2027-02-01", "2027-02-05"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.CalendarEntries.CountAsync(e => e.TitleEn == title));
    }

    private async Task<StringContent> BodyAsync(string titleEn, string start, string end)
    {
        var form = await app.FormAsync(titleEn, default, default);
        var body = new
        {
            titleAr = form.TitleAr, titleEn, kind = "Campaign", pillarId = form.PillarId, audienceIds = form.AudienceIds, channels = new[] { "SocialMedia" },
            isAllDay = true, startDate = start, endDate = end, isHighProfile = false,
        };
        return new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
    }
}
