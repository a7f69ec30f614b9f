using System.Net;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Reporting;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The history of a published period's scores (/periods/{id}/revisions): every revision with who, when,
/// why and how many ranks and bands it moved; re-computation by a CenterAdmin only, audited.
/// </summary>
public sealed class ScoreRevisionsTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Revisions_RecomputeTwice_ListsWhoWhyAndWhatMoved()
    {
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var snapshots = app.Service<ScoreSnapshotService>();
        var first = Assert.Single(await snapshots.RevisionsAsync(admin, periodId, None));

        // Nothing changed since publication: a new revision that moves nothing.
        await snapshots.RecomputeAsync(admin, periodId, "Annual check", None);

        // The best institution's answers are all rejected: it falls to the bottom, and so do its band and the ranks below it.
        var best = (await app.Service<ScoreService>().GetPeriodAsync(admin, periodId, None)).Board.Entries.Single(e => e.NationalRank == 1);
        await app.RejectEveryPublishedAnswerAsync(int.Parse(best.Result.Key, System.Globalization.CultureInfo.InvariantCulture));
        await snapshots.RecomputeAsync(admin, periodId, "Objection upheld on evidence", None);

        var revisions = await snapshots.RevisionsAsync(await app.ActorAsync(DemoUsers.Official), periodId, None);

        Assert.Equal([3, 2, 1], revisions.Select(r => r.Revision));
        Assert.Equal((ScoreSnapshotService.PublishedReason, (string?)null, 0, 0), (first.Reason, first.CapturedBy, first.RanksChanged, first.BandsChanged));
        Assert.Equal(("Annual check", 0, 0), (revisions[1].Reason, revisions[1].RanksChanged, revisions[1].BandsChanged));
        Assert.Equal("Objection upheld on evidence", revisions[0].Reason);
        Assert.False(string.IsNullOrEmpty(revisions[0].CapturedBy));
        Assert.Equal(revisions[0].Institutions, revisions[0].RanksChanged); // the first falls to last: every rank moves by one
        Assert.InRange(revisions[0].BandsChanged, 1, revisions[0].Institutions);
        Assert.All(revisions, r => Assert.Equal(first.Institutions, r.Institutions));

        await using var db = await app.DbAsync();
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.EntityType == nameof(ScoreSnapshot) && e.ActorUserId == admin.UserId));
    }

    [Theory]
    [InlineData(DemoUsers.DirectorMoh)]
    [InlineData(DemoUsers.ContributorMoh)]
    public async Task Revisions_InstitutionUser_IsRefused(string email)
    {
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);

        var list = async () => await app.Service<ScoreSnapshotService>().RevisionsAsync(await app.ActorAsync(email), periodId, None);

        await Assert.ThrowsAsync<AccessDeniedException>(list);
    }

    [Theory]
    [InlineData(DemoUsers.Official, true)]
    [InlineData(DemoUsers.Reviewer, true)]
    [InlineData(DemoUsers.DirectorMoh, false)]
    public async Task RevisionsPage_PerRole_ShowsTheListOnlyToCenterAndOfficials(string email, bool shown)
    {
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        using var client = await app.SignedInClientAsync(email);

        var response = await client.GetAsync($"/periods/{periodId}/revisions");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(shown, response.StatusCode == HttpStatusCode.OK && html.Contains("data-testid=\"revision-list\"", StringComparison.Ordinal));
        Assert.DoesNotContain("revision-recompute", html, StringComparison.Ordinal); // only a CenterAdmin may recompute
    }
}
