using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Api;

/// <summary>
/// <c>changedSince</c> on every list of records (ADR 0104): a record of MOH changed just after T is listed with
/// changedSince=T, one changed just before is not, nor any other (T is a day after the table's latest change, so
/// every other row is older); a time without an offset is 400 on every list that takes it, and a list that takes
/// none says why in the document.
/// </summary>
public sealed class ChangedSinceTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private const string BadTime = "2026-03-01T00:00:00";

    [Fact]
    public async Task CouncilMeetings_ChangedSince_ListsOnlyTheMeetingChangedAfter()
    {
        var center = await app.ActorAsync(DemoUsers.Admin);
        var before = (await app.ScheduleAsync(center, "changedSince: before", "MOH")).MeetingId;
        var after = (await app.ScheduleAsync(center, "changedSince: after", "MOH")).MeetingId;
        await using var db = await app.DbAsync();
        var t = Later(await db.CouncilMeetings.MaxAsync(m => m.UpdatedAt));
        await db.CouncilMeetings.Where(m => m.Id == before).ExecuteUpdateAsync(s => s.SetProperty(m => m.UpdatedAt, t.AddSeconds(-1)));
        await db.CouncilMeetings.Where(m => m.Id == after).ExecuteUpdateAsync(s => s.SetProperty(m => m.UpdatedAt, t.AddSeconds(1)));

        var listed = await ListedAsync($"/api/v1/council/meetings?changedSince={Iso(t)}", ApiScopes.CouncilRead, "id");

        Assert.Equal([after.ToString(CultureInfo.InvariantCulture)], listed);
    }

    [Fact]
    public async Task CouncilDecisions_ChangedSince_ListsOnlyTheAssignmentChangedAfter()
    {
        var moh = await app.InstitutionIdAsync("MOH");
        await using var db = await app.DbAsync();
        var (before, after) = await TwoAsync(db.CouncilDecisionOwners.Where(o => o.InstitutionId == moh).Select(o => o.Id));
        var t = Later(await db.CouncilDecisionOwners.MaxAsync(o => o.UpdatedAt));
        await db.CouncilDecisionOwners.Where(o => o.Id == before).ExecuteUpdateAsync(s => s.SetProperty(o => o.UpdatedAt, t.AddSeconds(-1)));
        await db.CouncilDecisionOwners.Where(o => o.Id == after).ExecuteUpdateAsync(s => s.SetProperty(o => o.UpdatedAt, t.AddSeconds(1)));

        var listed = await ListedAsync($"/api/v1/council/decisions?changedSince={Iso(t)}", ApiScopes.CouncilRead, "ownerId");

        Assert.Equal([after.ToString(CultureInfo.InvariantCulture)], listed);
    }

    [Fact]
    public async Task MediaInteractions_ChangedSince_ListsTheChangedOne_AndTheOneWhoseCoverageChanged()
    {
        var moh = await app.InstitutionIdAsync("MOH");
        await using var db = await app.DbAsync();
        var (before, after) = await TwoAsync(db.MediaInteractions.Where(i => i.InstitutionId == moh && !db.MediaCoverage.Any(c => c.InteractionId == i.Id)).Select(i => i.Id));
        var covered = await db.MediaCoverage.Where(c => c.InstitutionId == moh && c.InteractionId != null).OrderBy(c => c.Id)
            .Select(c => new { c.Id, InteractionId = c.InteractionId!.Value }).FirstAsync();
        var t = Later(Max(await db.MediaInteractions.MaxAsync(i => i.UpdatedAt), await db.MediaCoverage.MaxAsync(c => c.UpdatedAt)));
        await db.MediaInteractions.Where(i => i.Id == before).ExecuteUpdateAsync(s => s.SetProperty(i => i.UpdatedAt, t.AddSeconds(-1)));
        await db.MediaInteractions.Where(i => i.Id == after).ExecuteUpdateAsync(s => s.SetProperty(i => i.UpdatedAt, t.AddSeconds(1)));
        await db.MediaCoverage.Where(c => c.Id == covered.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, t.AddSeconds(2)));

        using var page = await PageAsync($"/api/v1/media/interactions?changedSince={Iso(t)}", ApiScopes.MediaRead);

        var items = page.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(new[] { after, covered.InteractionId }.Order(), items.Select(i => i.GetProperty("id").GetInt32()).Order());
        Assert.Equal(Iso(t.AddSeconds(2)), Iso(items.Single(i => i.GetProperty("id").GetInt32() == covered.InteractionId).GetProperty("updatedUtc").GetDateTimeOffset().UtcDateTime));
    }

    [Fact]
    public async Task MediaCoverage_ChangedSince_ListsOnlyTheItemChangedAfter()
    {
        var moh = await app.InstitutionIdAsync("MOH");
        await using var db = await app.DbAsync();
        var (before, after) = await TwoAsync(db.MediaCoverage.Where(c => c.InstitutionId == moh).Select(c => c.Id));
        var t = Later(await db.MediaCoverage.MaxAsync(c => c.UpdatedAt));
        await db.MediaCoverage.Where(c => c.Id == before).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, t.AddSeconds(-1)));
        await db.MediaCoverage.Where(c => c.Id == after).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, t.AddSeconds(1)));

        var listed = await ListedAsync($"/api/v1/media/coverage?changedSince={Iso(t)}", ApiScopes.MediaRead, "id");

        Assert.Equal([after.ToString(CultureInfo.InvariantCulture)], listed);
    }

    [Fact]
    public async Task Campaigns_ChangedSince_ListsOnlyTheCampaignChangedAfter()
    {
        var moh = await app.InstitutionIdAsync("MOH");
        await using var db = await app.DbAsync();
        var (before, after) = await TwoAsync(db.CampaignPlans.Where(c => c.InstitutionId == moh).Select(c => c.Id));
        var t = Later(await db.CampaignPlans.MaxAsync(c => c.UpdatedAt));
        await db.CampaignPlans.Where(c => c.Id == before).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, t.AddSeconds(-1)));
        await db.CampaignPlans.Where(c => c.Id == after).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, t.AddSeconds(1)));

        var listed = await ListedAsync($"/api/v1/media/campaigns?changedSince={Iso(t)}", ApiScopes.MediaRead, "id");

        Assert.Equal([after.ToString(CultureInfo.InvariantCulture)], listed);
    }

    [Fact]
    public async Task Evidence_ChangedSince_ListsOnlyTheItemAddedAfter()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var draftId = await app.ResetToEmptyDraftAsync("MOH");
        var indicator = await app.Service<SubmissionService>().ItemAsync(director, draftId, "P1.1.1");
        var evidence = app.Service<EvidenceService>();
        var before = await evidence.AddLinkAsync(director, draftId, indicator.IndicatorId, "https://moh.example/plan-2025", null, CancellationToken.None);
        var after = await evidence.AddLinkAsync(director, draftId, indicator.IndicatorId, "https://moh.example/plan-2026", null, CancellationToken.None);
        await using var db = await app.DbAsync();
        var t = Later(await db.Evidence.MaxAsync(e => e.UploadedAt));
        await db.Evidence.Where(e => e.Id == before.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.UploadedAt, t.AddSeconds(-1)));
        await db.Evidence.Where(e => e.Id == after.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.UploadedAt, t.AddSeconds(1)));
        var client = app.Bearer((await app.TokenAsync(ApiScopes.EvidenceRead, "MOH")).Token);

        using var all = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/submissions/{draftId}/evidence"));
        using var changed = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/submissions/{draftId}/evidence?changedSince={Iso(t)}"));

        Assert.Equal(2, all.RootElement.GetArrayLength());
        Assert.Equal([after.Id.ToString()], changed.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task EveryListWithChangedSince_ATimeWithoutAnOffset_Is400WithTheMessage_AndTheOthersSayWhy()
    {
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var admin = await app.SignedInClientAsync(DemoUsers.Admin);
        var submissionId = await app.SubmissionIdAsync("MOH", SeededData.OpenPeriod);
        var gets = document.RootElement.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("get", out _))
            .Select(p => (Path: p.Name, Get: p.Value.GetProperty("get")))
            .ToList();
        var taking = gets.Where(g => Parameters(g.Get).Contains("changedSince")).ToList();
        var failures = new List<string>();

        foreach (var (path, _) in taking)
        {
            using var response = await admin.GetAsync($"{path.Replace("{submissionId}", submissionId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)}?changedSince={BadTime}");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString() != "changedSince must be an ISO 8601 date and time with an offset, e.g. 2026-03-01T00:00:00Z.")
            {
                failures.Add($"{path}: {(int)response.StatusCode} {body}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(
            ["ListCalendarEntries", "ListCampaigns", "ListCouncilDecisions", "ListCouncilMeetings", "ListEvidence", "ListInquiries", "ListMediaCoverage", "ListMediaInteractions", "ListSubmissions"],
            taking.Select(g => g.Get.GetProperty("operationId").GetString()).Order(StringComparer.Ordinal));
        // A paged list (it takes a cursor) or a document of an institution's records without changedSince must say why.
        var silent = gets.Except(taking)
            .Where(g => Parameters(g.Get).Contains("cursor") || g.Path.Contains("/roles", StringComparison.Ordinal) || g.Path.Contains("/raci", StringComparison.Ordinal) || g.Path.Contains("/crisis", StringComparison.Ordinal))
            .Where(g => !(g.Get.GetProperty("description").GetString() ?? string.Empty).Contains("No `changedSince`:", StringComparison.Ordinal))
            .Select(g => g.Get.GetProperty("operationId").GetString());
        Assert.Empty(silent);
    }

    private static HashSet<string> Parameters(JsonElement operation) => operation.TryGetProperty("parameters", out var parameters)
        ? parameters.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToHashSet(StringComparer.Ordinal)
        : [];

    private async Task<JsonDocument> PageAsync(string url, string scope)
    {
        var client = app.Bearer((await app.TokenAsync(scope, "MOH")).Token);
        return JsonDocument.Parse(await client.GetStringAsync($"{url}&limit=200"));
    }

    private async Task<List<string>> ListedAsync(string url, string scope, string idName)
    {
        using var page = await PageAsync(url, scope);
        Assert.Equal(JsonValueKind.Null, page.RootElement.GetProperty("next").ValueKind);
        return page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty(idName).GetRawText()).ToList();
    }

    private static async Task<(int Before, int After)> TwoAsync(IQueryable<int> ids)
    {
        var two = await ids.OrderBy(id => id).Take(2).ToListAsync();
        Assert.True(two.Count == 2, "the seed data has fewer than two such records of MOH");
        return (two[0], two[1]);
    }

    // A whole second a day after the latest change in the table: every other row changed before it.
    private static DateTime Later(DateTime latest) =>
        new DateTime(latest.Ticks - (latest.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddDays(1);

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
