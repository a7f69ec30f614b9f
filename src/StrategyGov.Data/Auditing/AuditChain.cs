using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace StrategyGov.Data.Auditing;

public enum AuditBreakKind
{
    /// <summary>The stored hash is not the hash of the stored content: the event was changed.</summary>
    HashMismatch,

    /// <summary>The event does not point at the hash of the event before it: an event before it was changed or replaced.</summary>
    PreviousHashMismatch,

    /// <summary>A sequence number is missing: an event was deleted.</summary>
    MissingSequence,
}

/// <summary>The first place where the chain does not hold.</summary>
public sealed record AuditBreak(long Sequence, AuditBreakKind Kind, string Expected, string Stored);

/// <summary>Result of walking the whole chain.</summary>
public sealed record AuditVerification(long EventsChecked, string HeadHash, AuditBreak? Break)
{
    public bool IsIntact => Break is null;
}

/// <summary>
/// The hash chain of the audit trail: appending events in order (serialised by the unique sequence,
/// see ADR 0080) and verifying every stored event.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first event.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private const int MaxAttempts = 20;
    private const string Savepoint = "audit_append";
    private const int VerifyBatch = 2000;
    private const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>The transaction-scoped advisory lock appenders queue for on PostgreSQL (any fixed number; "SGAUDIT").</summary>
    private const long AppendLockKey = 0x53_4741_5544_4954;

    /// <summary>
    /// Appends <paramref name="events"/> after the current head, in one batched insert. Within the
    /// caller's transaction when there is one. On PostgreSQL appenders queue for an advisory lock first,
    /// so they read the head one at a time. Should two writers still read the same head, both try to insert
    /// the same sequence number; the primary key lets one win, the loser rolls back to its savepoint,
    /// re-reads the head and tries again.
    /// </summary>
    public static async Task AppendAsync(StrategyGovDbContext db, IReadOnlyList<AuditEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return;
        }

        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false) : null;
        try
        {
            var transaction = db.Database.CurrentTransaction!;

            // On PostgreSQL appenders take turns on one advisory lock, held until their transaction ends, before
            // reading the head: racing on the sequence alone, 50 directors saving at once lost the race more often
            // than the attempts allowed and some saves failed (scripts/soak.sh; ADR 0080, addendum). They waited for
            // each other's commit before as well; now in a queue, without retries. SQLite's write lock already does this.
            if (db.Database.ProviderName == PostgreSqlProvider)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AppendLockKey})", ct).ConfigureAwait(false);
            }

            for (var attempt = 1; ; attempt++)
            {
                var head = await HeadAsync(db, ct).ConfigureAwait(false);
                var (sequence, previous) = head ?? (0, GenesisHash);
                foreach (var auditEvent in events)
                {
                    auditEvent.Sequence = ++sequence;
                    auditEvent.PreviousHash = previous;
                    auditEvent.Hash = ComputeHash(auditEvent);
                    previous = auditEvent.Hash;
                }

                await transaction.CreateSavepointAsync(Savepoint, ct).ConfigureAwait(false);
                try
                {
                    await BulkInsert.InsertAsync(db, events, ct).ConfigureAwait(false);
                    await transaction.ReleaseSavepointAsync(Savepoint, ct).ConfigureAwait(false);
                    break;
                }
                catch (DbException) when (attempt < MaxAttempts)
                {
                    await transaction.RollbackToSavepointAsync(Savepoint, ct).ConfigureAwait(false);

                    // Only a moved head is a lost race; anything else is a real error.
                    if (await HeadAsync(db, ct).ConfigureAwait(false) == head)
                    {
                        throw;
                    }
                }
            }

            if (owned is not null)
            {
                await owned.CommitAsync(ct).ConfigureAwait(false);
            }
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Walks the chain from the first event and reports the first broken link, if any.</summary>
    public static async Task<AuditVerification> VerifyAsync(StrategyGovDbContext db, CancellationToken ct)
    {
        long checkedCount = 0;
        long expectedSequence = 1;
        var previous = GenesisHash;
        while (true)
        {
            var last = expectedSequence - 1;
            var batch = await db.AuditEvents.AsNoTracking()
                .Where(e => e.Sequence > last)
                .OrderBy(e => e.Sequence)
                .Take(VerifyBatch)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return new AuditVerification(checkedCount, previous, null);
            }

            foreach (var stored in batch)
            {
                var broken = Check(stored, expectedSequence, previous);
                if (broken is not null)
                {
                    return new AuditVerification(checkedCount, previous, broken);
                }

                checkedCount++;
                expectedSequence++;
                previous = stored.Hash;
            }
        }
    }

    /// <summary>SHA-256 (lower-case hex) of the event's canonical content, the previous hash included.</summary>
    public static string ComputeHash(AuditEvent e)
    {
        object?[] content =
        [
            e.Sequence,
            e.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            e.ActorUserId,
            e.ActorName,
            e.ActorInstitutionId,
            e.EntityType,
            e.EntityKey,
            e.InstitutionId,
            e.Action.ToString(),
            e.Before,
            e.After,
            e.Reason,
            e.PreviousHash,
        ];
        var canonical = JsonSerializer.Serialize(content);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>PostgreSQL keeps microseconds, SQLite every tick: hash only what both give back.</summary>
    public static DateTime ToStoredPrecision(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    private static AuditBreak? Check(AuditEvent stored, long expectedSequence, string previous)
    {
        if (stored.Sequence != expectedSequence)
        {
            return new AuditBreak(expectedSequence, AuditBreakKind.MissingSequence,
                expectedSequence.ToString(CultureInfo.InvariantCulture), stored.Sequence.ToString(CultureInfo.InvariantCulture));
        }

        var hash = ComputeHash(stored);
        if (hash != stored.Hash)
        {
            return new AuditBreak(stored.Sequence, AuditBreakKind.HashMismatch, hash, stored.Hash);
        }

        return stored.PreviousHash == previous
            ? null
            : new AuditBreak(stored.Sequence, AuditBreakKind.PreviousHashMismatch, previous, stored.PreviousHash);
    }

    private static async Task<(long Sequence, string Hash)?> HeadAsync(StrategyGovDbContext db, CancellationToken ct)
    {
        var head = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(ct)
            .ConfigureAwait(false);
        return head is null ? null : (head.Sequence, head.Hash);
    }
}
