using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Writing answers through /api/v1 with institution tokens (ADR 0105): the workbook import's rules and
/// messages, all or nothing, dry runs, If-Match, idempotency keys, rate limits and the call log. Each test
/// starts from MOH's empty 2026-Q4 draft.
/// </summary>
public sealed class ApiWriteTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Answers_WholeSubmissionAsJson_SavedAndAuditedUnderTheToken()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var token = await app.TokenAsync(ApiScopes.AnswersWrite, "MOH");
        var items = await TypedItemsAsync(submissionId);
        await using var db = await app.DbAsync();
        var lastEvent = await db.AuditEvents.MaxAsync(e => e.Sequence);

        var response = await app.Bearer(token.Token).PostAsync(await AnswersUrlAsync("MOH"), Json(items.Select(i => Row(i.Code, Answering.BestValue(i)))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await response.BodyAsync();
        Assert.True(body.RootElement.GetProperty("saved").GetBoolean());
        Assert.Equal(items.Count, body.RootElement.GetProperty("changed").GetInt32());
        Assert.NotNull(response.Headers.ETag);
        var stored = await app.StoredAnswersAsync(submissionId);
        Assert.Equal(items.Count, stored.Count);
        Assert.All(stored, a => Assert.Null(a.UpdatedById));
        var created = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Sequence > lastEvent && e.EntityType == nameof(Answer) && e.Action == AuditAction.Created).ToListAsync();
        Assert.Equal(items.Count, created.Count);
        Assert.All(created, e => Assert.Equal((Actor.ApiTokenUserId(token.Row.Id), token.Row.Name), (e.ActorUserId, e.ActorName)));
    }

    [Fact]
    public async Task Answers_Csv_SavedWithQuotedCommentsAndArabicYesNo()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var token = await app.TokenAsync(ApiScopes.AnswersWrite, "MOH");
        var items = await TypedItemsAsync(submissionId);
        var yesNo = items.First(i => i.Type == MeasurementType.YesNo);
        var percentage = items.First(i => i.Type == MeasurementType.Percentage);
        var csv = $"indicator,value,notApplicable,justification,comment\n{yesNo.Code},نعم,,,\"معتمد، بتوقيع \"\"الوزير\"\"\"\n{percentage.Code},87.5,,,\n";

        var response = await app.Bearer(token.Token).PostAsync(await AnswersUrlAsync("MOH"), new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await app.StoredAnswersAsync(submissionId);
        Assert.Equal(1m, stored.Single(a => a.IndicatorId == yesNo.IndicatorId).Value);
        Assert.Equal("معتمد، بتوقيع \"الوزير\"", stored.Single(a => a.IndicatorId == yesNo.IndicatorId).Comment);
        Assert.Equal(87.5m, stored.Single(a => a.IndicatorId == percentage.IndicatorId).Value);
    }

    [Fact]
    public async Task Answers_OtherInstitutionsDraft_Is404AndNothingSaved()
    {
        var east = await app.ResetToEmptyDraftAsync("AMN-EAST");
        var token = await app.TokenAsync(ApiScopes.AnswersWrite, "MOH");
        var item = (await TypedItemsAsync(east)).First();

        var response = await app.Bearer(token.Token).PostAsync(await AnswersUrlAsync("AMN-EAST"), Json([Row(item.Code, Answering.BestValue(item))]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await app.StoredAnswersAsync(east));
    }

    [Theory]
    [InlineData(ApiScopes.AnswersRead + " " + ApiScopes.ScoresRead)]
    [InlineData(ApiScopes.CalendarWrite)]
    public async Task Answers_TokenWithoutAnswersWrite_Is403(string scope)
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var token = await app.TokenAsync(scope, "MOH");
        var item = (await TypedItemsAsync(submissionId)).First();

        var response = await app.Bearer(token.Token).PostAsync(await AnswersUrlAsync("MOH"), Json([Row(item.Code, Answering.BestValue(item))]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await app.StoredAnswersAsync(submissionId));
    }

    [Fact]
    public async Task Answers_DryRun_ListsTheChangesAndSavesNothing()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var token = await app.TokenAsync(ApiScopes.AnswersWrite, "MOH");
        var items = (await TypedItemsAsync(submissionId)).Take(3).ToList();

        var response = await app.Bearer(token.Token).PostAsync(
            await AnswersUrlAsync("MOH") + "?dryRun=true", Json(items.Select(i => Row(i.Code, Answering.BestValue(i)))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await response.BodyAsync();
        Assert.True(body.RootElement.GetProperty("dryRun").GetBoolean());
        Assert.False(body.RootElement.GetProperty("saved").GetBoolean());
        var changes = body.RootElement.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(items.Select(i => i.Code), changes.Select(c => c.GetProperty("indicator").GetString()));
        Assert.All(changes, c => Assert.Equal(JsonValueKind.Null, c.GetProperty("before").GetProperty("value").ValueKind));
        Assert.Equal(Answering.BestValue(items[0]), changes[0].GetProperty("after").GetProperty("value").GetDecimal());
        Assert.Empty(await app.StoredAnswersAsync(submissionId));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task Answers_OneBadRow_SavesNothingAndNamesRowAndColumnInTheCallersLanguage(string language)
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var token = await app.TokenAsync(ApiScopes.AnswersWrite, "MOH");
        var items = await TypedItemsAsync(submissionId);
        var percentage = items.First(i => i.Type == MeasurementType.Percentage);
        var good = items.Where(i => i.Code != percentage.Code).Take(2).ToList();
        var csv = new StringBuilder("indicator,value,notApplicable,justification,comment\n");
        csv.Append(CultureInfo.InvariantCulture, $"{good[0].Code},{Answering.BestValue(good[0])},,,\n");
        csv.Append(CultureInfo.InvariantCulture, $"{percentage.Code},140,,,\n");
        csv.Append(CultureInfo.InvariantCulture, $"{good[1].Code},{Answering.BestValue(good[1])},,,\n");
        var client = app.Bearer(token.Token, language);

        var response = await client.PostAsync(await AnswersUrlAsync("MOH"), new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var body = await response.BodyAsync();
        var error = Assert.Single(body.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("value", error.GetProperty("column").GetString());
        var reason = error.GetProperty("reason").GetString()!;
        Assert.Equal(language == "ar", reason.Any(c => c is >= '\u0600' and <= '\u06FF'));
        Assert.Empty(await app.StoredAnswersAsync(submissionId));
    }

    [Fact]
    public async Task Answers_SameIdempotencyKey_ReplaysWithoutWritingAgain_OtherBodyIs422()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var token = await app.TokenAsync(ApiScopes.AnswersWrite, "MOH");
        var items = await TypedItemsAsync(submissionId);
        var client = app.Bearer(token.Token);
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var url = await AnswersUrlAsync("MOH");

        var first = await client.PostAsync(url, Json([Row(items[0].Code, Answering.BestValue(items[0]))]));
        var versions = (await app.StoredAnswersAsync(submissionId)).Select(a => a.Version).ToList();
        var replay = await client.PostAsync(url, Json([Row(items[0].Code, Answering.BestValue(items[0]))]));
        var other = await client.PostAsync(url, Json([Row(items[1].Code, Answering.BestValue(items[1]))]));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(versions, (await app.StoredAnswersAsync(submissionId)).Select(a => a.Version).ToList());
    }

    [Fact]
    public async Task Answers_StaleIfMatch_Is412AndCurrentIfMatchSaves()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var token = await app.TokenAsync(ApiScopes.AnswersWrite, "MOH");
        var items = await TypedItemsAsync(submissionId);
        var client = app.Bearer(token.Token);
        var url = await AnswersUrlAsync("MOH");
        var before = (await client.GetAsync(url + "/etag")).Headers.ETag!;

        // Someone else changes the draft on screen meanwhile.
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        await app.Service<SubmissionService>().SaveAnswerAsync(director, submissionId, Answering.ValueChange(items[0], Answering.BestValue(items[0])), None);
        var stale = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json([Row(items[1].Code, Answering.BestValue(items[1]))]) };
        stale.Headers.IfMatch.Add(before);
        var staleResponse = await client.SendAsync(stale);
        var current = new HttpRequestMessage(HttpMethod.Post, url) { Content = Json([Row(items[1].Code, Answering.BestValue(items[1]))]) };
        current.Headers.IfMatch.Add((await client.GetAsync(url + "/etag")).Headers.ETag!);
        var currentResponse = await client.SendAsync(current);

        Assert.Equal(HttpStatusCode.PreconditionFailed, staleResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, currentResponse.StatusCode);
        Assert.Equal(2, (await app.StoredAnswersAsync(submissionId)).Count);
    }

    [Fact]
    public async Task Token_OverItsRate_Gets429WithRetryAfter_AndEveryCallIsLogged()
    {
        var token = await app.TokenAsync(ApiScopes.ScoresRead, "MOH", requestsPerMinute: 3);
        var client = app.Bearer(token.Token);

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await client.GetAsync("/api/v1/periods"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses.Select(s => s.StatusCode));
        Assert.True(statuses[3].Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var calls = await app.Service<ApiTokenService>().CallsAsync(await app.ActorAsync(DemoUsers.Admin), token.Row.Id, 10, None);
        Assert.Equal([429, 200, 200, 200], calls.Select(c => c.Status));
        Assert.All(calls, c => Assert.Equal(("GET", "/api/v1/periods"), (c.Method, c.Path)));
    }

    [Fact]
    public async Task CreateToken_SeveralScopes_StoredInOrder_WriteWithoutInstitutionRefused()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var tokens = app.Service<ApiTokenService>();

        var created = await tokens.CreateAsync(admin, "several", "answers:write  scores:read", await app.InstitutionIdAsync("MOH"), DateTime.UtcNow.AddDays(1), None);
        var national = () => tokens.CreateAsync(admin, "national writer", ApiScopes.AnswersWrite, null, DateTime.UtcNow.AddDays(1), None);
        var unknown = () => tokens.CreateAsync(admin, "unknown", "scores:read answers:delete", null, DateTime.UtcNow.AddDays(1), None);

        Assert.Equal("scores:read answers:write", created.Row.Scope);
        Assert.Equal("ApiToken_WriteNeedsInstitution", (await Assert.ThrowsAsync<RuleViolationException>(national)).Message);
        Assert.Equal("ApiToken_UnknownScope", (await Assert.ThrowsAsync<RuleViolationException>(unknown)).Message);
    }

    private static (string Indicator, decimal Value) Row(string code, decimal value) => (code, value);

    private static StringContent Json(IEnumerable<(string Indicator, decimal Value)> rows) => new(
        JsonSerializer.Serialize(new { answers = rows.Select(r => new { indicator = r.Indicator, value = r.Value }) }), Encoding.UTF8, "application/json");

    private async Task<List<AnswerItem>> TypedItemsAsync(int submissionId)
    {
        var tree = await app.Service<SubmissionService>().GetAsync(await app.ActorAsync(DemoUsers.Admin), submissionId, None);
        return tree.Items.Where(i => !i.IsComputed).ToList();
    }

    private async Task<string> AnswersUrlAsync(string institutionCode) =>
        $"/api/v1/institutions/{await app.InstitutionIdAsync(institutionCode)}/periods/{await app.PeriodIdAsync(SeededData.OpenPeriod)}/answers";
}
