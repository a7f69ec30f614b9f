using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace StrategyGov.Data.Auditing;

/// <summary>What the interceptor noted about one entry before the save; keys of new rows are read after it.</summary>
internal sealed record PendingAuditEntry(EntityEntry Entry, AuditAction Action, Dictionary<string, object?>? Before, Dictionary<string, object?>? After, string? Key);

/// <summary>
/// Records every added, modified or deleted <see cref="IAudited"/> entity as an <see cref="AuditEvent"/>
/// in the same transaction as the change: it opens a transaction when the caller has none, lets the
/// change be saved, then appends the events and commits (ADR 0080). Stateless; the state of one save
/// lives on the context (<see cref="StrategyGovDbContext.Audit"/>). Registered by the context itself, so
/// no way of creating a context can bypass it.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public static readonly AuditInterceptor Shared = new(TimeProvider.System);

    // Identity's secrets, should a user entity ever be audited.
    private static readonly HashSet<string> SecretProperties = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
    };

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is StrategyGovDbContext db)
        {
            await CollectAsync(db, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    // The synchronous paths run the same code; everything below EF awaits with ConfigureAwait(false).
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is StrategyGovDbContext db)
        {
            CollectAsync(db, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is StrategyGovDbContext db)
        {
            await AppendAsync(db, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is StrategyGovDbContext db)
        {
            AppendAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is StrategyGovDbContext db)
        {
            await AbortAsync(db).ConfigureAwait(false);
        }
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is StrategyGovDbContext db)
        {
            AbortAsync(db).GetAwaiter().GetResult();
        }
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is StrategyGovDbContext db)
        {
            await AbortAsync(db).ConfigureAwait(false);
        }
    }

    private static async ValueTask CollectAsync(StrategyGovDbContext db, CancellationToken ct)
    {
        var scope = db.Audit;
        if (scope.Suppressed)
        {
            return;
        }

        scope.Pending.Clear();
        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is IAudited))
        {
            var pending = entry.State switch
            {
                EntityState.Added => new PendingAuditEntry(entry, AuditAction.Created, null, null, null),
                EntityState.Modified => Changed(entry),
                EntityState.Deleted => new PendingAuditEntry(entry, AuditAction.Deleted, Values(entry, original: true), null, KeyOf(entry)),
                _ => null,
            };
            if (pending is not null)
            {
                scope.Pending.Add(pending);
            }
        }

        // The events must commit or fail with the change: without a caller's transaction, open one
        // that AppendAsync commits once the events are written.
        if (scope.Pending.Count > 0 && db.Database.CurrentTransaction is null)
        {
            scope.OwnedTransaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        }
    }

    private async Task AppendAsync(StrategyGovDbContext db, CancellationToken ct)
    {
        var scope = db.Audit;
        if (scope.Pending.Count == 0)
        {
            return;
        }

        try
        {
            var events = await ToEventsAsync(db, scope.Pending, clock.GetUtcNow().UtcDateTime, ct).ConfigureAwait(false);
            scope.Pending.Clear();
            await AuditChain.AppendAsync(db, events, ct).ConfigureAwait(false);
            if (scope.OwnedTransaction is { } transaction)
            {
                await transaction.CommitAsync(ct).ConfigureAwait(false);
            }
        }
        finally
        {
            await AbortAsync(db).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The "created" events of rows inserted without the change tracker (<see cref="BulkInsert"/>), the
    /// same as a save would have recorded for them.
    /// </summary>
    internal async Task AppendCreatedAsync<T>(StrategyGovDbContext db, IReadOnlyList<T> entities, CancellationToken ct)
        where T : class
    {
        var pending = entities.Select(e => new PendingAuditEntry(db.Entry(e), AuditAction.Created, null, null, null)).ToList();
        var events = await ToEventsAsync(db, pending, clock.GetUtcNow().UtcDateTime, ct).ConfigureAwait(false);
        await AuditChain.AppendAsync(db, events, ct).ConfigureAwait(false);
    }

    // Disposing a transaction that was not committed rolls it back.
    private static async Task AbortAsync(StrategyGovDbContext db)
    {
        var scope = db.Audit;
        scope.Pending.Clear();
        if (scope.OwnedTransaction is { } transaction)
        {
            scope.OwnedTransaction = null;
            await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<List<AuditEvent>> ToEventsAsync(StrategyGovDbContext db, IReadOnlyList<PendingAuditEntry> pending, DateTime utcNow, CancellationToken ct)
    {
        var scope = db.Audit;
        var submissionIds = pending.Select(p => p.Entry.Entity).OfType<ISubmissionOwned>().Select(e => e.SubmissionId).Distinct().ToList();
        var institutionOfSubmission = submissionIds.Count == 0
            ? []
            : await db.Submissions.AsNoTracking()
                .Where(s => submissionIds.Contains(s.Id))
                .ToDictionaryAsync(s => s.Id, s => s.InstitutionId, ct)
                .ConfigureAwait(false);

        var identity = scope.Identity;
        var occurredAt = AuditChain.ToStoredPrecision(utcNow);
        return pending.Select(p => new AuditEvent
        {
            OccurredAt = occurredAt,
            ActorUserId = identity.UserId,
            ActorName = identity.Name,
            ActorInstitutionId = identity.InstitutionId,
            EntityType = p.Entry.Metadata.ClrType.Name,
            EntityKey = p.Key ?? KeyOf(p.Entry),
            InstitutionId = p.Entry.Entity switch
            {
                IInstitutionOwned owned => owned.InstitutionId,
                IMaybeInstitutionOwned owned => owned.InstitutionId,
                ISubmissionOwned child when institutionOfSubmission.TryGetValue(child.SubmissionId, out var institutionId) => institutionId,
                _ => null,
            },
            Action = p.Action,
            Before = Json(p.Before),
            After = Json(p.Action == AuditAction.Created ? Values(p.Entry, original: false) : p.After),
            Reason = scope.Reason,
            PreviousHash = string.Empty,
            Hash = string.Empty,
        }).ToList();
    }

    private static PendingAuditEntry? Changed(EntityEntry entry)
    {
        var before = new Dictionary<string, object?>(StringComparer.Ordinal);
        var after = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties.Where(p => p.IsModified && IsAudited(p) && !Equals(p.OriginalValue, p.CurrentValue)))
        {
            before[property.Metadata.Name] = property.OriginalValue;
            after[property.Metadata.Name] = property.CurrentValue;
        }

        return after.Count == 0 ? null : new PendingAuditEntry(entry, AuditAction.Changed, before, after, KeyOf(entry));
    }

    private static Dictionary<string, object?> Values(EntityEntry entry, bool original) =>
        entry.Properties
            .Where(IsAudited)
            .Select(p => (p.Metadata.Name, Value: original ? p.OriginalValue : p.CurrentValue))
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    private static bool IsAudited(PropertyEntry property) =>
        !SecretProperties.Contains(property.Metadata.Name)
        && property.Metadata.PropertyInfo?.GetCustomAttribute<NotAuditedAttribute>() is null;

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey() ?? throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} has no key to audit.");
        return string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    private static string? Json(Dictionary<string, object?>? values) =>
        values is null ? null : JsonSerializer.Serialize(values, JsonOptions);
}
