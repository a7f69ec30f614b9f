using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using StrategyGov.Data;
using StrategyGov.Data.Identity;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Periods;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Scores;

/// <summary>Which stored revision of a published period's scores is shown, and why it exists.</summary>
public sealed record SnapshotInfo(int Revision, DateTime CapturedAt, string Reason);

/// <summary>
/// One revision of a period's scores as the history lists it: who made it and why, and how many
/// institutions it moved compared with the revision before (national rank or maturity band).
/// </summary>
public sealed record SnapshotRevision(int Revision, DateTime CapturedAt, string Reason, string? CapturedBy, int Institutions, int RanksChanged, int BandsChanged);

/// <summary>
/// Freezes the scores of published periods (ADR 0040). <see cref="CaptureAsync"/> stores revision 1 when
/// a period is published; <see cref="RecomputeAsync"/> is the only way to change them afterwards (an
/// upheld objection): a new revision with who, when and why, the old ones kept.
/// </summary>
public sealed class ScoreSnapshotService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    PeriodScoreLoader loader,
    FrameworkCache frameworks,
    TimeProvider clock,
    IMemoryCache cache,
    ILogger<ScoreSnapshotService> logger)
{
    // A revision never changes once stored, so its scores are kept a while in memory: reports and
    // trends read the previous period's snapshot on every request. Institution names in it may lag a
    // rename by this long.
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(5);

    public const string PublishedReason = RevisionReason.Published;

    /// <summary>
    /// Stores the scores of a published period as revision 1, unless the period already has a snapshot
    /// (then that one is returned unchanged). A system action: called when a period is published, at
    /// start-up for seeded published periods, and lazily when a published period is read without one.
    /// </summary>
    public async Task<SnapshotInfo> CaptureAsync(int periodId, CancellationToken ct)
    {
        if (await LatestAsync(periodId, ct) is { } existing)
        {
            return existing;
        }

        var period = await loader.PeriodAsync(periodId, ct);
        if (period.Status != PeriodStatus.Published)
        {
            throw new RuleViolationException("Snapshot_PeriodNotPublished", period.Code);
        }

        try
        {
            return await SaveAsync(periodId, revision: 1, PublishedReason, actor: null, ct);
        }
        catch (DbUpdateException)
        {
            // Another request captured the same period first (unique period × revision): keep theirs.
            return await LatestAsync(periodId, ct) ?? throw new InvalidOperationException("Snapshot capture failed.");
        }
    }

    /// <summary>Captures every published period that has no snapshot yet (start-up, after seeding).</summary>
    public async Task CaptureMissingAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var missing = await db.Periods.AsNoTracking()
            .Where(p => p.Status == PeriodStatus.Published && !db.ScoreSnapshots.Any(s => s.PeriodId == p.Id))
            .Select(p => p.Id)
            .ToListAsync(ct);
        foreach (var periodId in missing)
        {
            await CaptureAsync(periodId, ct);
        }
    }

    /// <summary>
    /// Re-scores a published period from its answers as they are now and stores the result as a new
    /// revision. CenterAdmin only, with a reason (e.g. "Objection 12 upheld: P1.1.2 verified as 80").
    /// </summary>
    public Task<SnapshotInfo> RecomputeAsync(Actor actor, int periodId, string reason, CancellationToken ct) =>
        actor.IsCenterAdmin ? RecomputeCoreAsync(actor, periodId, reason, ct) : throw new AccessDeniedException();

    /// <summary>
    /// The re-computation that follows an upheld objection: done by the center reviewer or administrator
    /// who upheld it, so the published scores never disagree with the verified values.
    /// </summary>
    public Task<SnapshotInfo> RecomputeForUpheldObjectionAsync(Actor actor, int periodId, string reason, CancellationToken ct) =>
        actor.IsCenter ? RecomputeCoreAsync(actor, periodId, reason, ct) : throw new AccessDeniedException();

    private async Task<SnapshotInfo> RecomputeCoreAsync(Actor actor, int periodId, string reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("Snapshot_ReasonRequired");
        }

        var period = await loader.PeriodAsync(periodId, ct);
        if (period.Status != PeriodStatus.Published)
        {
            throw new RuleViolationException("Snapshot_PeriodNotPublished", period.Code);
        }

        var latest = await LatestAsync(periodId, ct);
        var info = await SaveAsync(periodId, (latest?.Revision ?? 0) + 1, reason.Trim(), actor, ct);
        logger.LogInformation("Scores of period {Period} recomputed by {User} as revision {Revision}: {Reason}", period.Code, actor.UserId, info.Revision, info.Reason);
        return info;
    }

    /// <summary>Every revision of a period's scores, newest first (center staff and officials).</summary>
    public async Task<IReadOnlyList<SnapshotInfo>> HistoryAsync(Actor actor, int periodId, CancellationToken ct)
    {
        actor.EnsureSeesAllInstitutions();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ScoreSnapshots.AsNoTracking()
            .Where(s => s.PeriodId == periodId)
            .OrderByDescending(s => s.Revision)
            .Select(s => new SnapshotInfo(s.Revision, s.CapturedAt, s.Reason))
            .ToListAsync(ct);
    }

    /// <summary>Every revision with who made it and what it changed, newest first (center staff and officials).</summary>
    public async Task<IReadOnlyList<SnapshotRevision>> RevisionsAsync(Actor actor, int periodId, CancellationToken ct)
    {
        actor.EnsureSeesAllInstitutions();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var snapshots = await db.ScoreSnapshots.AsNoTracking()
            .Where(s => s.PeriodId == periodId)
            .OrderBy(s => s.Revision)
            .Select(s => new
            {
                s.Revision,
                s.CapturedAt,
                s.Reason,
                CapturedBy = db.Users.Where(u => u.Id == s.CapturedById).Select(u => u.FullName).FirstOrDefault(),
                Entries = s.Entries.Select(e => new { e.InstitutionId, e.NationalRank, e.BandCode }).ToList(),
            })
            .ToListAsync(ct);

        var revisions = new List<SnapshotRevision>(snapshots.Count);
        for (var i = 0; i < snapshots.Count; i++)
        {
            var current = snapshots[i];
            var before = i == 0 ? null : snapshots[i - 1].Entries.ToDictionary(e => e.InstitutionId);
            int ranksChanged = 0, bandsChanged = 0;
            foreach (var entry in before is null ? [] : current.Entries)
            {
                var previous = before!.GetValueOrDefault(entry.InstitutionId);
                ranksChanged += previous?.NationalRank != entry.NationalRank ? 1 : 0;
                bandsChanged += previous?.BandCode != entry.BandCode ? 1 : 0;
            }

            revisions.Add(new SnapshotRevision(current.Revision, current.CapturedAt, current.Reason, current.CapturedBy, current.Entries.Count, ranksChanged, bandsChanged));
        }

        revisions.Reverse();
        return revisions;
    }

    /// <summary>The latest stored revision of a period's scores, or null when it has none.</summary>
    internal async Task<PeriodScores?> LoadAsync(PeriodRow period, CancellationToken ct)
    {
        int? latest;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            latest = await db.ScoreSnapshots.AsNoTracking()
                .Where(s => s.PeriodId == period.Id)
                .OrderByDescending(s => s.Revision)
                .Select(s => (int?)s.Id)
                .FirstOrDefaultAsync(ct);
        }

        if (latest is not { } snapshotId)
        {
            return null;
        }

        return await cache.GetOrCreateAsync((nameof(ScoreSnapshot), snapshotId, period), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Kept;
            return ReadAsync(period, snapshotId, ct);
        });
    }

    private async Task<PeriodScores> ReadAsync(PeriodRow period, int snapshotId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var snapshot = await db.ScoreSnapshots.AsNoTracking()
            .Include(s => s.Entries)
            .SingleAsync(s => s.Id == snapshotId, ct);

        var framework = await frameworks.GetAsync(period.StrategyVersionId, ct);
        var names = (await loader.InstitutionsAsync(period.Id, ct)).ToDictionary(i => i.Id);
        var stored = snapshot.Entries
            .Select(e => (Entry: e, Institution: names[e.InstitutionId]))
            .OrderBy(e => e.Institution.Code, StringComparer.Ordinal)
            .ToList();

        var institutions = stored.Select(s => s.Institution with
        {
            TypeCode = s.Entry.InstitutionType,
            Status = s.Entry.SubmissionStatus,
            FirstSubmittedAt = s.Entry.FirstSubmittedAt,
        }).ToList();
        var results = stored.Select(s => SnapshotJson.ReadResult(s.Entry.ResultJson)).ToList();
        var inputs = stored.Select((s, i) => new InstitutionInput(
            results[i].Key, s.Entry.InstitutionType, results[i].Status == ParticipationStatus.Submitted, SnapshotJson.ReadAnswers(s.Entry.InputJson))).ToList();

        // The index is recomputed from the stored results (a pure function of them); ranks and bands are
        // read as they were stored.
        var board = Scoreboard.FromResults(framework.Scoring.Bands, results);
        var bands = framework.Scoring.Bands.All.ToDictionary(b => b.Code, StringComparer.Ordinal);
        board = board with
        {
            Entries = stored.Select((s, i) => new ScoreboardEntry(
                results[i],
                s.Entry.BandCode is { } code ? bands[code] : null,
                s.Entry.NationalRank,
                s.Entry.PeerRank)).ToList(),
        };

        return new PeriodScores(
            period, framework, board, institutions.ToDictionary(i => i.Key), inputs,
            new SnapshotInfo(snapshot.Revision, snapshot.CapturedAt, snapshot.Reason));
    }

    private async Task<SnapshotInfo?> LatestAsync(int periodId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ScoreSnapshots.AsNoTracking()
            .Where(s => s.PeriodId == periodId)
            .OrderByDescending(s => s.Revision)
            .Select(s => new SnapshotInfo(s.Revision, s.CapturedAt, s.Reason))
            .FirstOrDefaultAsync(ct);
    }

    private async Task<SnapshotInfo> SaveAsync(int periodId, int revision, string reason, Actor? actor, CancellationToken ct)
    {
        var live = await loader.LoadLiveAsync(periodId, ct);
        var snapshot = new ScoreSnapshot
        {
            PeriodId = periodId,
            Revision = revision,
            CapturedAt = clock.GetUtcNow().UtcDateTime,
            CapturedById = actor?.UserId,
            Reason = reason,
        };
        for (var i = 0; i < live.Board.Entries.Count; i++)
        {
            var entry = live.Board.Entries[i];
            var institution = live.InstitutionOf(entry);
            snapshot.Entries.Add(new ScoreSnapshotEntry
            {
                InstitutionId = institution.Id,
                InstitutionType = institution.TypeCode,
                SubmissionStatus = institution.Status,
                FirstSubmittedAt = institution.FirstSubmittedAt,
                NationalRank = entry.NationalRank,
                PeerRank = entry.PeerRank,
                BandCode = entry.Band?.Code,
                InputJson = SnapshotJson.Write(live.Inputs[i].Answers),
                ResultJson = SnapshotJson.Write(entry.Result),
            });
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (actor is not null)
        {
            db.AuditAs(actor, reason);
        }

        db.ScoreSnapshots.Add(snapshot);
        await db.SaveChangesAsync(ct);
        return new SnapshotInfo(snapshot.Revision, snapshot.CapturedAt, snapshot.Reason);
    }
}
