using System.Net;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Dashboards;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>The dashboards' data through the service (with the actor checked) and their server render.</summary>
public sealed class DashboardTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Center_OpenPeriod_ComparesWithThePublishedOneAndJudgesTimeliness()
    {
        var official = await app.ActorAsync(DemoUsers.Official);
        var periodId = await app.PeriodIdAsync(SeededData.OpenPeriod);

        var data = await app.Service<DashboardService>().CenterAsync(official, periodId, None);

        Assert.Equal(SeededData.PublishedPeriod, data.Trend?.Previous.Code);
        Assert.False(data.Trend!.Trend.Restricted);
        Assert.Equal(data.Scores.Board.National.Verified - (await PublishedIndexAsync(official)), data.Trend.Trend.National);
        Assert.Equal(data.Scores.Institutions.Count, data.Timeliness.ByInstitution.Count);
        Assert.Equal(data.Scores.Institutions.Count, data.Timeliness.National.Judged + data.Timeliness.National.Pending);
    }

    [Theory]
    [InlineData(DemoUsers.DirectorMoh)]
    [InlineData(DemoUsers.ContributorMoh)]
    public async Task Center_InstitutionUser_IsRefused(string email)
    {
        var actor = await app.ActorAsync(email);
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);

        var center = () => app.Service<DashboardService>().CenterAsync(actor, periodId, None);

        await Assert.ThrowsAsync<AccessDeniedException>(center);
    }

    [Fact]
    public async Task Institution_Director_OwnInstitutionWithPotentialsLargestFirst()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var moh = await app.InstitutionIdAsync("MOH");

        var data = await app.Service<DashboardService>().InstitutionAsync(director, moh, periodId, None);

        Assert.Equal("MOH", data.Scores.Institution.Code);
        Assert.NotEmpty(data.Potentials);
        Assert.Equal(data.Potentials.OrderByDescending(p => p.Potential).Select(p => p.Potential), data.Potentials.Select(p => p.Potential));
        Assert.Equal(1m, data.OnTime.Rate);
    }

    [Fact]
    public async Task Institution_Director_OtherInstitutionIsNotFound()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var east = await app.InstitutionIdAsync("AMN-EAST");

        var other = () => app.Service<DashboardService>().InstitutionAsync(director, east, periodId, None);

        await Assert.ThrowsAsync<NotFoundException>(other);
    }

    [Theory]
    [InlineData(DemoUsers.Admin)]
    [InlineData(DemoUsers.Official)]
    public async Task Home_CenterUser_RendersHeatMapBandsGapsAndRanking(string email)
    {
        var client = await app.SignedInClientAsync(email);

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"heat-map\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"band-distribution\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"gap-list\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"scoreboard\"", html, StringComparison.Ordinal);
    }

    private async Task<decimal?> PublishedIndexAsync(Actor actor)
    {
        var published = await app.Service<StrategyGov.Web.Features.Scores.ScoreService>()
            .GetPeriodAsync(actor, await app.PeriodIdAsync(SeededData.PublishedPeriod), None);
        return published.Board.National.Verified;
    }
}
