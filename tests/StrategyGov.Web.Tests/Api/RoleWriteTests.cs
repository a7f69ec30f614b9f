using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Governance;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Api;

/// <summary>
/// Role holders through /api/v1 (ADR 0107): another person takes the role over (the previous holder's assignment
/// ends), the same person's details are corrected, with the role register's rules and messages; If-Match on the
/// read's ETag; another institution's token 404, a read-only token 403. Each test uses a role of its own.
/// </summary>
public sealed class RoleWriteTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    [Fact]
    public async Task Holder_AnotherPerson_TakesTheRoleOver_AuditedUnderTheToken()
    {
        var token = await app.TokenAsync(ApiScopes.RolesWrite, "MOH");
        var url = await UrlAsync("MOH", "DIGITAL-LEAD");

        var response = await app.Bearer(token.Token).PutAsync(url, Body("{\"personName\":\"ريم الكندية\",\"email\":\"reem@moh.gov.example\"}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var assignments = await AssignmentsAsync("MOH", "DIGITAL-LEAD");
        var current = Assert.Single(assignments, a => a.EndsOn is null);
        Assert.Equal(("ريم الكندية", "reem@moh.gov.example"), (current.PersonName, current.Email));
        Assert.All(assignments.Where(a => a.Id != current.Id), a => Assert.True(a.EndsOn < current.StartsOn));
        await using var db = await app.DbAsync();
        var key = current.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityType == nameof(RoleAssignment) && e.EntityKey == key);
        Assert.Equal((Actor.ApiTokenUserId(token.Row.Id), token.Row.Name), (created.ActorUserId, created.ActorName));
    }

    [Fact]
    public async Task Holder_SamePerson_CorrectsTheAssignment_NoNewOne()
    {
        var client = app.Bearer((await app.TokenAsync(ApiScopes.RolesWrite, "MOH")).Token);
        var url = await UrlAsync("MOH", "CRISIS-LEAD");
        await client.PutAsync(url, Body("{\"personName\":\"سعيد العامري\",\"email\":\"saeed@moh.gov.example\"}"));
        var count = (await AssignmentsAsync("MOH", "CRISIS-LEAD")).Count;

        var response = await client.PutAsync(url, Body("{\"personName\":\"سعيد العامري\",\"email\":\"saeed.amri@moh.gov.example\",\"phone\":\"+968 9000 0000\"}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var assignments = await AssignmentsAsync("MOH", "CRISIS-LEAD");
        Assert.Equal(count, assignments.Count);
        Assert.Equal("saeed.amri@moh.gov.example", Assert.Single(assignments, a => a.EndsOn is null).Email);
    }

    [Fact]
    public async Task Holder_StaleIfMatch_Is412_CurrentIfMatchSaves()
    {
        var client = app.Bearer((await app.TokenAsync(ApiScopes.RolesWrite, "MOH")).Token);
        var url = await UrlAsync("MOH", "MONITORING-LEAD");
        var rolesUrl = url[..url.IndexOf("/roles/", StringComparison.Ordinal)] + "/roles";
        var before = (await client.GetAsync(rolesUrl)).Headers.ETag!;
        await client.PutAsync(url, Body("{\"personName\":\"هند البوسعيدية\",\"email\":\"hind@moh.gov.example\"}"));

        var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = Body("{\"personName\":\"علي الرواحي\",\"email\":\"ali@moh.gov.example\"}") };
        stale.Headers.IfMatch.Add(before);
        var staleResponse = await client.SendAsync(stale);
        // A takeover starts after the current holder did (the register's rule): Hind started today.
        var later = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var current = new HttpRequestMessage(HttpMethod.Put, url) { Content = Body($"{{\"personName\":\"علي الرواحي\",\"email\":\"ali@moh.gov.example\",\"startsOn\":\"{later}\"}}") };
        current.Headers.IfMatch.Add((await client.GetAsync(rolesUrl)).Headers.ETag!);
        var currentResponse = await client.SendAsync(current);

        Assert.Equal((HttpStatusCode.PreconditionFailed, HttpStatusCode.OK), (staleResponse.StatusCode, currentResponse.StatusCode));
        Assert.Equal("علي الرواحي", Assert.Single(await AssignmentsAsync("MOH", "MONITORING-LEAD"), a => a.EndsOn is null).PersonName);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task Holder_BadEmail_Is422InTheCallersLanguage_NothingSaved(string language)
    {
        var client = app.Bearer((await app.TokenAsync(ApiScopes.RolesWrite, "MOH")).Token, language);
        var url = await UrlAsync("MOH", "CONTENT-LEAD");
        var before = await AssignmentsAsync("MOH", "CONTENT-LEAD");

        var response = await client.PutAsync(url, Body("{\"personName\":\"نوال\",\"email\":\"not an address\"}"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var body = await response.BodyAsync();
        Assert.Equal(language == "ar", body.RootElement.GetProperty("message").GetString()!.Any(c => c is >= '\u0600' and <= '\u06FF'));
        Assert.Equal(before.Count, (await AssignmentsAsync("MOH", "CONTENT-LEAD")).Count);
    }

    [Fact]
    public async Task Holder_OtherInstitutionsToken_Is404_ReadOnlyToken_Is403()
    {
        var url = await UrlAsync("MOH", "EVENTS-LEAD");
        var before = await AssignmentsAsync("MOH", "EVENTS-LEAD");

        var other = await app.Bearer((await app.TokenAsync(ApiScopes.RolesWrite, "AMN-EAST")).Token).PutAsync(url, Body("{\"personName\":\"س\",\"email\":\"s@x.example\"}"));
        var readOnly = await app.Bearer((await app.TokenAsync(ApiScopes.RolesRead, "MOH")).Token).PutAsync(url, Body("{\"personName\":\"س\",\"email\":\"s@x.example\"}"));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.Forbidden), (other.StatusCode, readOnly.StatusCode));
        Assert.Equal(before.Count, (await AssignmentsAsync("MOH", "EVENTS-LEAD")).Count);
    }

    private async Task<string> UrlAsync(string institutionCode, string roleCode) =>
        $"/api/v1/institutions/{await app.InstitutionIdAsync(institutionCode)}/roles/{roleCode}/holder";

    private async Task<List<RoleAssignment>> AssignmentsAsync(string institutionCode, string roleCode)
    {
        var institutionId = await app.InstitutionIdAsync(institutionCode);
        await using var db = await app.DbAsync();
        return await db.RoleAssignments.AsNoTracking().Where(a => a.InstitutionId == institutionId && a.Role.Code == roleCode).ToListAsync();
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");
}
