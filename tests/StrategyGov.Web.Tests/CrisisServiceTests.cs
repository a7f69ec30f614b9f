using Microsoft.EntityFrameworkCore;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Crisis;
using StrategyGov.Web.Features.Roles;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Crisis readiness through the service: the seeded MOH is ready, AMN-EAST is not (old plan, old drill,
/// no spokesperson); an institution never reads or changes another's plan or drills.
/// </summary>
public sealed class CrisisServiceTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private CrisisService Crisis => app.Service<CrisisService>();

    private DateOnly Today => app.Service<RoleRegister>().Today;

    [Fact]
    public async Task Get_SeededMoh_IsReadyWithCompleteTeam()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);

        var overview = await Crisis.GetAsync(director, await app.InstitutionIdAsync("MOH"), None);

        Assert.Equal(ReadinessStatus.Ready, overview.Readiness.Status);
        Assert.True(overview.Team.IsComplete);
        Assert.Equal(["CRISIS-LEAD", "SPOKESPERSON"], overview.Team.Members.Select(m => m.Role.Code));
        Assert.True(overview.Plan?.DocumentIsLink);
        Assert.True(overview.CanEdit);
    }

    [Fact]
    public async Task SavePlanAndDrill_EastDirector_PlanAndDrillCurrentButTeamStillIncomplete()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var eastId = await app.InstitutionIdAsync("AMN-EAST");
        var before = await Crisis.GetAsync(director, eastId, None);

        await Crisis.SavePlanAsync(director, eastId, new PlanInput("خطة الاتصال في الأزمات 2027", "تركي بن ناصر المطيري", Today, Today.AddYears(1), "DMS-EAST-2026-077"), None);
        await Crisis.AddDrillAsync(director, eastId, new DrillInput(Today.AddDays(-3), "تمرين مكتبي لانقطاع المياه", "إدارة الإعلام", "تحديث قائمة الاتصال"), None);

        var after = await Crisis.GetAsync(director, eastId, None);
        Assert.Equal(ReadinessStatus.NotReady, before.Readiness.Status);
        Assert.Equal(ReadinessStatus.PartlyReady, after.Readiness.Status);
        Assert.Equal([ReadinessGap.TeamIncomplete], after.Readiness.Gaps);
        Assert.Contains(after.Team.Missing, g => g.Role.Code == "SPOKESPERSON" && !g.Deputy);
        Assert.Equal("DMS-EAST-2026-077", after.Plan?.DocumentReference);
        Assert.False(after.Plan?.DocumentIsLink);
        Assert.Equal(before.Drills.Count + 1, after.Drills.Count);
    }

    [Theory]
    [InlineData(1, "Crisis_DrillInFuture")]
    [InlineData(0, null)]
    public async Task AddDrill_DateInTheFuture_IsRefused(int daysAhead, string? error)
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var mohId = await app.InstitutionIdAsync("MOH");
        var input = new DrillInput(Today.AddDays(daysAhead), "تمرين", null, null);

        var exception = await Record.ExceptionAsync(() => Crisis.AddDrillAsync(director, mohId, input, None));

        Assert.Equal(error, (exception as RuleViolationException)?.Message);
    }

    [Fact]
    public async Task OtherInstitution_CannotReadOrChangePlanOrDrills()
    {
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var mohId = await app.InstitutionIdAsync("MOH");
        var moh = await Crisis.GetAsync(await app.ActorAsync(DemoUsers.DirectorMoh), mohId, None);
        var drillId = moh.Drills[0].Id;

        await Assert.ThrowsAsync<NotFoundException>(() => Crisis.GetAsync(east, mohId, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Crisis.SavePlanAsync(east, mohId, new PlanInput("خطة", null, Today, null, null), None));
        await Assert.ThrowsAsync<NotFoundException>(() => Crisis.AddDrillAsync(east, mohId, new DrillInput(Today, "تمرين", null, null), None));
        await Assert.ThrowsAsync<NotFoundException>(() => Crisis.DeleteDrillAsync(east, drillId, None));

        await using var db = await app.DbAsync();
        Assert.Equal(moh.Plan!.Title, (await db.CrisisPlans.SingleAsync(p => p.InstitutionId == mohId)).Title);
        Assert.True(await db.CrisisDrills.AnyAsync(d => d.Id == drillId));
    }

    [Theory]
    [InlineData(DemoUsers.ContributorMoh)]
    [InlineData(DemoUsers.Reviewer)]
    [InlineData(DemoUsers.Official)]
    public async Task Change_NotTheInstitutionsDirector_ReadsButIsAccessDenied(string email)
    {
        var user = await app.ActorAsync(email);
        var mohId = await app.InstitutionIdAsync("MOH");

        var overview = await Crisis.GetAsync(user, mohId, None);

        Assert.False(overview.CanEdit);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Crisis.SavePlanAsync(user, mohId, new PlanInput("خطة", null, Today, null, null), None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Crisis.DeleteDrillAsync(user, overview.Drills[0].Id, None));
    }

    [Theory]
    [InlineData(DemoUsers.DirectorEast)]
    [InlineData(DemoUsers.ContributorMoh)]
    public async Task Readiness_InstitutionUser_IsAccessDenied(string email)
    {
        var user = await app.ActorAsync(email);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Crisis.GetReadinessAsync(user, new ReadinessFilter(), None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Crisis.ExportReadinessAsync(user, new ReadinessFilter(), None));
    }

    [Fact]
    public async Task Readiness_FilteredByTypeAndStatus_ReturnsOnlyMatchingInstitutions()
    {
        var official = await app.ActorAsync(DemoUsers.Official);

        var ready = await Crisis.GetReadinessAsync(official, new ReadinessFilter(Status: ReadinessStatus.Ready), None);
        var ministries = await Crisis.GetReadinessAsync(official, new ReadinessFilter("ministry"), None);

        Assert.Contains(ready, r => r.Institution.Code == "MOH");
        Assert.All(ready, r => Assert.Equal(ReadinessStatus.Ready, r.Readiness.Status));
        Assert.All(ministries, r => Assert.Equal("ministry", r.Institution.TypeCode));
        Assert.DoesNotContain(ministries, r => r.Institution.Code == "AMN-EAST");
    }

    [Fact]
    public async Task GovernanceGaps_Director_OwnGapsOnly_NationalSummaryForCenter()
    {
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var gapsService = app.Service<GovernanceGapsService>();
        var mohId = await app.InstitutionIdAsync("MOH");

        var own = await gapsService.GetAsync(east, await app.InstitutionIdAsync("AMN-EAST"), None);
        var national = await gapsService.GetNationalAsync(await app.ActorAsync(DemoUsers.Reviewer), None);

        Assert.Contains(own.RoleGaps, g => g.RoleCode == "MONITORING-LEAD" && g.Gaps.Contains(RoleGap.Vacant));
        await Assert.ThrowsAsync<NotFoundException>(() => gapsService.GetAsync(east, mohId, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => gapsService.GetNationalAsync(east, None));
        Assert.Equal(32 * 6, national.RequiredSlots);
        Assert.True(national.VacantSlots > 0);
        Assert.Equal(32, national.Readiness.Values.Sum());
    }
}
