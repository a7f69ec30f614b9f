using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Notifications;
using StrategyGov.Data.Webhooks;

namespace StrategyGov.Web.Features.Webhooks;

/// <summary>
/// Turns events into delivery rows, one per matching subscription (ADR 0108). Changes of state are read
/// from the audit log behind a cursor that one instance at a time moves (compare and set in the same
/// transaction as the rows it adds); time-based events arrive from the notification publishing. A
/// delivery's event key is unique per subscription, so an event raised twice is delivered once.
/// </summary>
public sealed class WebhookOutbox(IDbContextFactory<StrategyGovDbContext> dbFactory, TimeProvider clock, ILogger<WebhookOutbox> logger)
{
    private const int AuditBatch = 500;

    internal static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>Reads the audit events after the cursor into deliveries; returns how many deliveries were added.</summary>
    public async Task<int> FeedFromAuditAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var stored = await db.WebhookSettings.Where(s => s.Id == WebhookSettings.SingletonId).Select(s => (long?)s.LastAuditSequence).SingleOrDefaultAsync(ct);
        if (stored is null)
        {
            return await StartAsync(db, ct);
        }

        var cursor = stored.Value;
        long last;
        var added = 0;
        if (cursor == 0)
        {
            // A new installation starts at the present: nobody subscribed to the past.
            last = await db.AuditEvents.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        }
        else
        {
            var events = await db.AuditEvents.AsNoTracking()
                .Where(e => e.Sequence > cursor)
                .OrderBy(e => e.Sequence)
                .Take(AuditBatch)
                .ToListAsync(ct);
            if (events.Count == 0)
            {
                return 0;
            }

            last = events[^1].Sequence;
            var subscriptions = await ActiveAsync(db, ct);
            foreach (var e in events)
            {
                if (WebhookEvents.FromAudit(e) is { } raised)
                {
                    added += Add(db, subscriptions, raised, $"audit:{e.Sequence}", e.OccurredAt);
                }
            }

            // One event for the answers one save wrote (they share the instant and the institution).
            foreach (var save in events.Where(e => e.EntityType == "Answer" && e.InstitutionId is not null).GroupBy(e => (e.InstitutionId, e.OccurredAt)))
            {
                var raised = new RaisedEvent(WebhookEvents.AnswersChanged, save.Key.InstitutionId, new { institutionId = save.Key.InstitutionId, answers = save.Count() });
                added += Add(db, subscriptions, raised, $"answers:{save.First().Sequence}", save.Key.OccurredAt);
            }
        }

        if (last == cursor)
        {
            return 0;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            var moved = await db.WebhookSettings
                .Where(s => s.Id == WebhookSettings.SingletonId && s.LastAuditSequence == cursor)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastAuditSequence, last), ct);
            if (moved == 0)
            {
                return 0; // another instance read the same events first; disposing rolls back ours
            }

            await transaction.CommitAsync(ct);
            return added;
        }
        catch (DbUpdateException e)
        {
            logger.LogDebug(e, "Another instance fed the same audit events");
            return 0;
        }
    }

    /// <summary>Writes the settings row on first use, its cursor at the present.</summary>
    private static async Task<int> StartAsync(StrategyGovDbContext db, CancellationToken ct)
    {
        var present = await db.AuditEvents.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        // Bookkeeping nobody did (the allowed hosts are empty): not an event of the trail. Setting hosts is.
        db.Audit.Suppressed = true;
        db.WebhookSettings.Add(new WebhookSettings { Id = WebhookSettings.SingletonId, LastAuditSequence = present });
        try
        {
            await db.SaveChangesAsync(ct);
            await db.Database.CommitTransactionAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance wrote it first.
        }

        return 0;
    }

    /// <summary>
    /// A notification was published: a time-based one (decision overdue, inquiry breached) to an
    /// institution's audience is also a webhook event, keyed by its once-key so the job running again,
    /// or on two instances, delivers it once.
    /// </summary>
    public async Task<int> FromNotificationAsync(NotificationKind kind, int? institutionId, string? link, string? onceKey, CancellationToken ct)
    {
        if (WebhookEvents.FromNotification(kind) is not { } type || institutionId is null || onceKey is null)
        {
            return 0;
        }

        var (resource, id) = SplitLink(link);
        return await RaiseAsync(new RaisedEvent(type, institutionId, new { institutionId, resource, id }), $"{type}:{onceKey}", ct);
    }

    /// <summary>Adds the deliveries of one event to every matching subscription; returns how many.</summary>
    internal async Task<int> RaiseAsync(RaisedEvent raised, string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subscriptions = await ActiveAsync(db, ct);
        var keyed = await db.WebhookDeliveries.Where(d => d.EventKey == key).Select(d => d.SubscriptionId).ToListAsync(ct);
        var added = Add(db, subscriptions.Where(s => !keyed.Contains(s.Id)).ToList(), raised, key, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
            return added;
        }
        catch (DbUpdateException)
        {
            return 0; // raised at the same moment by another instance
        }
    }

    /// <summary>The body of a delivery: what happened, when, and its data.</summary>
    internal static string Payload(string type, DateTime occurredAt, object data) =>
        JsonSerializer.Serialize(new { @event = type, occurredAt = DateTime.SpecifyKind(occurredAt, DateTimeKind.Utc), data }, PayloadJson);

    internal static WebhookDelivery NewDelivery(int subscriptionId, string type, string key, string payload, DateTime now) => new()
    {
        SubscriptionId = subscriptionId,
        EventType = type,
        EventKey = key,
        Payload = payload,
        CreatedAt = now,
        Status = WebhookDeliveryStatus.Pending,
        NextAttemptAt = now,
    };

    private int Add(StrategyGovDbContext db, IReadOnlyList<Subscriber> subscriptions, RaisedEvent raised, string key, DateTime occurredAt)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var payload = Payload(raised.Type, occurredAt, raised.Data);
        var matching = subscriptions.Where(s => s.Hears(raised) && s.CreatedAt <= occurredAt).ToList();
        db.WebhookDeliveries.AddRange(matching.Select(s => NewDelivery(s.Id, raised.Type, key, payload, now)));
        return matching.Count;
    }

    private static async Task<List<Subscriber>> ActiveAsync(StrategyGovDbContext db, CancellationToken ct) =>
        (await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.IsActive)
            .Select(s => new { s.Id, s.InstitutionId, s.Events, s.CreatedAt })
            .ToListAsync(ct))
        .Select(s => new Subscriber(s.Id, s.InstitutionId, WebhookEvents.Parse(s.Events), s.CreatedAt))
        .ToList();

    private static (string? Resource, int? Id) SplitLink(string? link)
    {
        var slash = link?.LastIndexOf('/') ?? -1;
        return slash > 0 && int.TryParse(link![(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (link[..slash], id)
            : (link, null);
    }

    /// <summary>
    /// A subscription as the outbox matches it: the center's hears every event; an institution's hears its
    /// own institution's and the national ones.
    /// </summary>
    private sealed record Subscriber(int Id, int? InstitutionId, IReadOnlyList<string> Events, DateTime CreatedAt)
    {
        public bool Hears(RaisedEvent raised) =>
            Events.Contains(raised.Type) && (InstitutionId is null || raised.InstitutionId is null || raised.InstitutionId == InstitutionId);
    }
}
