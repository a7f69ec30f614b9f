using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Scores of a published period are frozen in a snapshot at publication (here: at start-up for the
/// seeded published period); later changes to the stored answers move nothing until a CenterAdmin
/// recomputes them, with a reason, as a new revision.
/// </summary>
public sealed class ScoreSnapshotTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Startup_SeededPublishedPeriod_HasRevision1CapturedAtPublication()
    {
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var official = await app.ActorAsync(DemoUsers.Official);

        var history = await app.Service<ScoreSnapshotService>().HistoryAsync(official, periodId, None);

        var first = history[^1];
        Assert.Equal(1, first.Revision);
        Assert.Equal(ScoreSnapshotService.PublishedReason, first.Reason);
    }

    [Fact]
    public async Task GetPeriod_PublishedPeriod_ReadsTheSnapshotExactlyAsScoredLive()
    {
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var live = await app.Service<PeriodScoreLoader>().LoadLiveAsync(periodId, None);

        var stored = await app.Service<ScoreService>().GetPeriodAsync(reviewer, periodId, None);

        Assert.NotNull(stored.Snapshot);
        Assert.Equal(live.Board.National, stored.Board.National);
        Assert.Equal(Lines(live), Lines(stored));
    }

    [Fact]
    public async Task GetPeriod_AnswersChangedAfterPublication_ScoresDoNotMoveUntilRecomputed()
    {
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var scores = app.Service<ScoreService>();
        var before = await scores.GetPeriodAsync(admin, periodId, None);
        var target = before.Board.Entries.First(e => e.Result.Verified > 0m);
        var institutionId = before.InstitutionOf(target).Id;
        await app.RejectEveryPublishedAnswerAsync(institutionId);

        var frozen = await scores.GetPeriodAsync(admin, periodId, None);
        var revision = await app.Service<ScoreSnapshotService>().RecomputeAsync(admin, periodId, "Objection upheld (test)", None);
        var recomputed = await scores.GetPeriodAsync(admin, periodId, None);

        Assert.Equal(target.Result.Verified, frozen.EntryOf(institutionId).Result.Verified);
        Assert.Equal(before.Snapshot!.Revision, frozen.Snapshot!.Revision);
        Assert.Equal(before.Snapshot.Revision + 1, revision.Revision);
        Assert.Equal(revision, recomputed.Snapshot);
        Assert.Equal(0m, recomputed.EntryOf(institutionId).Result.Verified);
        Assert.Equal(recomputed.Board.Entries.Count, recomputed.EntryOf(institutionId).NationalRank);
    }

    [Theory]
    [InlineData(DemoUsers.Reviewer)]
    [InlineData(DemoUsers.Official)]
    [InlineData(DemoUsers.DirectorMoh)]
    public async Task Recompute_NotCenterAdmin_IsRefused(string email)
    {
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var actor = await app.ActorAsync(email);

        var recompute = () => app.Service<ScoreSnapshotService>().RecomputeAsync(actor, periodId, "reason", None);

        await Assert.ThrowsAsync<AccessDeniedException>(recompute);
    }

    [Fact]
    public async Task Recompute_WithoutReason_IsRefused()
    {
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var recompute = () => app.Service<ScoreSnapshotService>().RecomputeAsync(admin, periodId, "  ", None);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(recompute);
        Assert.Equal("Snapshot_ReasonRequired", refused.Message);
    }

    [Fact]
    public async Task Capture_OpenPeriod_IsRefusedAndStoresNothing()
    {
        var periodId = await app.PeriodIdAsync(SeededData.OpenPeriod);

        var capture = () => app.Service<ScoreSnapshotService>().CaptureAsync(periodId, None);

        await Assert.ThrowsAsync<RuleViolationException>(capture);
        await using var db = await app.DbAsync();
        Assert.False(await db.ScoreSnapshots.AnyAsync(s => s.PeriodId == periodId));
    }

    [Fact]
    public async Task Capture_PeriodWithSnapshot_KeepsTheExistingOne()
    {
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var snapshots = app.Service<ScoreSnapshotService>();
        await using var db = await app.DbAsync();
        var count = await db.ScoreSnapshots.CountAsync(s => s.PeriodId == periodId);

        await snapshots.CaptureAsync(periodId, None);

        Assert.Equal(count, await db.ScoreSnapshots.CountAsync(s => s.PeriodId == periodId));
    }

    private static IEnumerable<string> Lines(PeriodScores scores) =>
        scores.Board.Entries.Select(e =>
            $"{e.Result.Key}|{e.Result.Verified}|{e.Result.SelfReported}|{e.Result.Completeness}|{e.Band?.Code}|{e.NationalRank}|{e.PeerRank}|"
            + string.Join(',', e.Result.Pillars.SelectMany(p => p.Practices).SelectMany(p => p.Indicators).Select(i => $"{i.Code}:{i.Verified.Score}@{i.Verified.Share}")));
}
