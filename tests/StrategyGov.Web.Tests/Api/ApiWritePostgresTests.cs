using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Api;

/// <summary>
/// The bulk inquiries write on PostgreSQL (ADR 0107): a re-send with the institution's external id updates the
/// stored inquiry rather than adding one, and a request with one bad row leaves everything as it was — the unique
/// index and the transaction of the real provider, not only SQLite's.
/// </summary>
public sealed class ApiWritePostgresTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    private const string Url = "/api/v1/inquiries";

    [Fact]
    public async Task PostgreSql_InquiriesBulk_ReSendUpdates_OneBadRowSavesNothing()
    {
        await using var app = new StrategyGovAppFactory()
            .With("Database:Provider", "PostgreSql")
            .With("Database:MigrateOnStartup", "true")
            .With("ConnectionStrings:Default", postgres.ConnectionString);
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
