using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Framework;
using StrategyGov.Web.Features.Institutions;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Only a center administrator changes the strategy framework or the institution registry: every other
/// role is tried on every kind of change, through the services and over HTTP, and refused with nothing
/// changed. Reading is allowed as the design says.
/// </summary>
public sealed class MasterDataAuthorizationTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string> OtherRoles() =>
        [DemoUsers.Reviewer, DemoUsers.Official, DemoUsers.DirectorMoh, DemoUsers.ContributorMoh, DemoUsers.DirectorEast];

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task FrameworkChanges_OtherRole_AreRefused(string email)
    {
        var actor = await app.ActorAsync(email);
        var draftId = await app.DraftCopyAsync();
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var tree = await app.Service<FrameworkService>().GetTreeAsync(admin, draftId, None);
        var before = await app.ExportTextAsync(admin, draftId);
        var frameworks = app.Service<FrameworkService>();
        var edits = app.Service<FrameworkTreeService>();
        var pillar = tree.Pillars[0];
        var indicator = pillar.Practices[0].Indicators[0];

        Func<Task>[] changes =
        [
            () => frameworks.CreateDraftAsync(actor, draftId, new VersionForm(), None),
            () => frameworks.UpdateHeaderAsync(actor, draftId, tree.Header, None),
            () => frameworks.PublishAsync(actor, draftId, None),
            () => frameworks.RetireAsync(actor, draftId, None),
            () => frameworks.DeleteDraftAsync(actor, draftId, None),
            () => edits.AddPillarAsync(actor, draftId, new PillarForm { Code = "PX" }, None),
            () => edits.UpdatePillarAsync(actor, pillar.Id, pillar.Form, None),
            () => edits.AddPracticeAsync(actor, pillar.Id, new PracticeForm { Code = "PX.1" }, None),
            () => edits.AddIndicatorAsync(actor, pillar.Practices[0].Id, new IndicatorForm { Code = "PX.1.1" }, None),
            () => edits.UpdateIndicatorAsync(actor, indicator.Id, indicator.Form, None),
            () => edits.MoveAsync(actor, NodeKind.Indicator, indicator.Id, MoveDirection.Down, None),
            () => edits.DeleteAsync(actor, NodeKind.Pillar, pillar.Id, None),
            () => app.Service<FrameworkTransfer>().ImportAsync(actor, new MemoryStream(Encoding.UTF8.GetBytes(before)), None),
        ];

        foreach (var change in changes)
        {
            await Assert.ThrowsAsync<AccessDeniedException>(change);
        }

        Assert.Equal(before, await app.ExportTextAsync(admin, draftId));
        Assert.Equal(Data.Framework.StrategyStatus.Draft, await app.StatusAsync(draftId));
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task InstitutionChanges_OtherRole_AreRefused(string email)
    {
        var actor = await app.ActorAsync(email);
        var institutions = app.Service<InstitutionService>();
        var mohId = await app.InstitutionIdAsync("MOH");
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var types = await institutions.ListTypesAsync(admin, None);
        var form = await institutions.GetFormAsync(admin, mohId, None);
        form.NameEn = "Changed";

        Func<Task>[] changes =
        [
            () => institutions.SaveAsync(actor, null, new InstitutionForm { Code = "NEW", NameAr = "جهة", NameEn = "New", TypeCode = "ministry" }, None),
            () => institutions.SaveAsync(actor, mohId, form, None),
            () => institutions.SetActiveAsync(actor, mohId, false, None),
            () => institutions.DeleteAsync(actor, mohId, None),
            () => institutions.SaveTypeAsync(actor, null, new InstitutionTypeForm { Code = "embassy", NameAr = "سفارة", NameEn = "Embassy" }, None),
            () => institutions.SaveTypeAsync(actor, types[0].Id, new InstitutionTypeForm { Code = types[0].Code, NameAr = "س", NameEn = "x" }, None),
            () => institutions.DeleteTypeAsync(actor, types[^1].Id, None),
            () => app.Service<InstitutionWorkbook>().ImportAsync(actor, new MemoryStream(), None),
        ];

        foreach (var change in changes)
        {
            await Assert.ThrowsAsync<AccessDeniedException>(change);
        }

        var stored = await institutions.GetFormAsync(admin, mohId, None);
        Assert.Equal(("Ministry of Health", true), (stored.NameEn, stored.IsActive));
        Assert.Equal(types.Count, (await institutions.ListTypesAsync(admin, None)).Count);
    }

    [Theory]
    [InlineData(DemoUsers.Reviewer, true)]
    [InlineData(DemoUsers.Official, true)]
    [InlineData(DemoUsers.DirectorMoh, false)]
    [InlineData(DemoUsers.ContributorMoh, false)]
    public async Task ListInstitutions_ByRole_CenterAndOfficialsOnly(string email, bool allowed)
    {
        var actor = await app.ActorAsync(email);

        var list = () => app.Service<InstitutionService>().ListAsync(actor, new InstitutionFilter(), None);

        if (allowed)
        {
            Assert.True((await list()).Count >= 30);
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(list);
        }
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task Api_ImportAndAddPillar_OtherRole_Answers403(string email)
    {
        var draftId = await app.DraftCopyAsync();
        using var client = await app.SignedInClientAsync(email);

        var import = await client.PostAsync("/api/framework/import", new StringContent("{}", Encoding.UTF8, "application/json"));
        var add = await client.PostAsJsonAsync($"/api/framework/versions/{draftId}/pillars", new PillarForm { Code = "PX", NameAr = "م", NameEn = "P" });
        var publish = await client.PostAsync($"/api/framework/versions/{draftId}/publish", null);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], [import.StatusCode, add.StatusCode, publish.StatusCode]);
    }

    [Fact]
    public async Task Api_WithoutSignIn_Answers401ToEveryMethod()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var import = await client.PostAsync("/api/framework/import", new StringContent("{}", Encoding.UTF8, "application/json"));
        var publish = await client.PostAsync("/api/framework/versions/1/publish", null);
        var periods = await client.GetAsync("/api/v1/periods");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], [import.StatusCode, publish.StatusCode, periods.StatusCode]);
    }

    [Fact]
    public async Task Api_ImportLargerThanItsLimit_Answers413AndImportsNothing()
    {
        using var client = await app.SignedInClientAsync(DemoUsers.Admin);
        var before = await VersionCountAsync();
        var body = new string(' ', (int)FrameworkTransfer.MaxImportBytes + 1024) + "{}";

        var response = await client.PostAsync("/api/framework/import", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await VersionCountAsync());
    }

    [Fact]
    public async Task ExportInstitutions_Director_Answers403()
    {
        using var client = await app.SignedInClientAsync(DemoUsers.DirectorMoh);

        var response = await client.GetAsync("/institutions/export.xlsx");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<int> VersionCountAsync()
    {
        await using var db = await app.DbAsync();
        return await db.StrategyVersions.CountAsync();
    }
}
