using StrategyGov.Testing;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>The institution report prints the institution's own governance gaps from the role register.</summary>
public sealed class ReportGovernanceGapsTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    [Fact]
    public async Task InstitutionReport_VacantSpokesperson_PrintedForThatInstitutionOnly()
    {
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var reports = app.Service<ReportService>();

        var east = await reports.InstitutionHtmlAsync(reviewer, await app.InstitutionIdAsync("AMN-EAST"), periodId, "en", CancellationToken.None);
        var moh = await reports.InstitutionHtmlAsync(reviewer, await app.InstitutionIdAsync("MOH"), periodId, "en", CancellationToken.None);

        // The seeded previous spokesperson's assignment ended: the report says since when the role is vacant.
        Assert.Contains(east.Model.Gaps.VacantRoles, r => r.RoleNameEn == "Official spokesperson" && r.VacantSince is not null);
        Assert.Contains("Official spokesperson", east.Html, StringComparison.Ordinal);
        Assert.Empty(moh.Model.Gaps.VacantRoles);
        Assert.Contains("No governance gaps are recorded for this institution.", moh.Html, StringComparison.Ordinal);
    }
}
