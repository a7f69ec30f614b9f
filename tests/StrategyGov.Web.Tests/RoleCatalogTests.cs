using StrategyGov.Testing;
using StrategyGov.Web.Features.Roles;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>CenterAdmin keeps the role catalog; a role with a history cannot be deleted (RaciServiceTests tries the other roles).</summary>
public sealed class RoleCatalogTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private RoleCatalogService Catalog => app.Service<RoleCatalogService>();

    [Fact]
    public async Task Save_AdminAddsRequiredRole_EveryInstitutionShowsItVacant()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var input = new RoleInput(null, "accessibility-lead", "مسؤول إتاحة المحتوى", "Accessible content lead", null, null, IsRequired: true, DeputyRequired: false, 11);

        var id = await Catalog.SaveAsync(admin, input, None);

        var role = Assert.Single(await Catalog.ListAsync(admin, None), r => r.Id == id);
        Assert.Equal("ACCESSIBILITY-LEAD", role.Code);
        var register = await app.Service<RoleAssignmentService>().GetRegisterAsync(admin, new RegisterFilter(), None);
        Assert.All(register.Rows, r => Assert.Equal([RoleGap.Vacant], r.Slots.Single(s => s.Role.Id == id).Gaps));

        await Catalog.DeleteAsync(admin, id, None);
        Assert.DoesNotContain(await Catalog.ListAsync(admin, None), r => r.Id == id);
    }

    [Fact]
    public async Task Delete_RoleWithAssignments_IsRefusedAndKept()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var spokesperson = await app.RoleIdAsync("SPOKESPERSON");

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Catalog.DeleteAsync(admin, spokesperson, None));

        Assert.Equal("Catalog_RoleInUse", error.Message);
        Assert.Contains(await Catalog.ListAsync(admin, None), r => r.Id == spokesperson);
    }

    [Fact]
    public async Task Save_DuplicateCode_IsRefused()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Catalog.SaveAsync(admin, new RoleInput(null, "spokesperson", "س", "x", null, null, false, false, 1), None));

        Assert.Equal("Catalog_DuplicateCode", error.Message);
    }
}
