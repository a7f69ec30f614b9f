using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Webhooks;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Webhooks;

public sealed record WebhookRow(
    int Id, int? InstitutionId, string? InstitutionCode, string Name, string Url, IReadOnlyList<string> Events,
    bool IsActive, int ConsecutiveFailures, DateTime? DisabledAt, DateTime CreatedAt, DateTime? PreviousSecretUntil = null);

/// <summary>A subscription as created: <paramref name="Secret"/> is shown once.</summary>
public sealed record CreatedWebhook(WebhookRow Row, string Secret);

/// <summary>A rotated secret, shown once; the old one signs beside it until <paramref name="PreviousUntil"/> (null: no overlap).</summary>
public sealed record RotatedWebhookSecret(string Secret, DateTime? PreviousUntil);

public sealed record WebhookDeliveryRow(
    long Id, string EventType, WebhookDeliveryStatus Status, int Attempts, int? StatusCode, string? Error, int? DurationMs,
    DateTime CreatedAt, DateTime? LastAttemptAt, DateTime? NextAttemptAt, DateTime? DeliveredAt);

/// <summary>
/// Webhook subscriptions (ADR 0108): the center's administrators keep the center's and may manage any
/// institution's; an institution's director keeps their institution's only (another's is not found). API
/// tokens manage none, even a writing token acting as a director. Every change is audited.
/// </summary>
public sealed class WebhookService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    WebhookSecrets secrets,
    WebhookSender sender,
    IOptions<WebhookOptions> options,
    TimeProvider clock)
{
    public const int NameLength = 200;

    public async Task<IReadOnlyList<WebhookRow>> ListAsync(Actor actor, CancellationToken ct)
    {
        EnsureManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = actor.IsCenterAdmin;
        var own = actor.InstitutionId;
        var rows = await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => all || s.InstitutionId == own)
            .OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.InstitutionId, Code = db.Institutions.Where(i => i.Id == s.InstitutionId).Select(i => i.Code).FirstOrDefault(),
                s.Name, s.Url, s.Events, s.IsActive, s.ConsecutiveFailures, s.DisabledAt, s.CreatedAt, s.PreviousSecretUntil,
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return rows.Select(s => new WebhookRow(
                s.Id, s.InstitutionId, s.Code, s.Name, s.Url, WebhookEvents.Parse(s.Events), s.IsActive, s.ConsecutiveFailures, s.DisabledAt, s.CreatedAt,
                s.PreviousSecretUntil > now ? s.PreviousSecretUntil : null))
            .ToList();
    }

    /// <summary>
    /// Subscribes <paramref name="url"/> to <paramref name="events"/> for <paramref name="institutionId"/>
    /// (null: the center's; a director's is always their own institution's).
    /// </summary>
    public async Task<CreatedWebhook> CreateAsync(Actor actor, int? institutionId, string name, string url, IReadOnlyCollection<string> events, CancellationToken ct)
    {
        EnsureManager(actor);
        if (!actor.IsCenterAdmin)
        {
            if (institutionId is not null && institutionId != actor.InstitutionId)
            {
                throw new NotFoundException();
            }

            institutionId = actor.InstitutionId;
        }

        (name, var chosen) = Checked(name, events);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        url = url.Trim();
        await EnsureTargetAsync(db, url, ct);
        if (institutionId is { } id && !await db.Institutions.AnyAsync(i => i.Id == id, ct))
        {
            throw new NotFoundException();
        }

        var secret = WebhookSecrets.New();
        var subscription = new WebhookSubscription
        {
            InstitutionId = institutionId,
            Name = name,
            Url = url,
            Events = string.Join(' ', chosen),
            ProtectedSecret = secrets.Protect(secret),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedById = actor.UserId,
        };
        db.AuditAs(actor);
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return new CreatedWebhook((await ListAsync(actor, ct)).Single(r => r.Id == subscription.Id), secret);
    }

    /// <summary>
    /// Changes a subscription's name, URL and events; the URL is checked as when subscribing (https, an allowed host,
    /// no credentials). The secret and the delivery log stay.
    /// </summary>
    public async Task<WebhookRow> UpdateAsync(Actor actor, int subscriptionId, string name, string url, IReadOnlyCollection<string> events, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subscription = await FindAsync(db, actor, subscriptionId, ct);
        (name, var chosen) = Checked(name, events);
        url = url.Trim();
        await EnsureTargetAsync(db, url, ct);
        subscription.Name = name;
        subscription.Url = url;
        subscription.Events = string.Join(' ', chosen);
        db.AuditAs(actor);
        await db.SaveChangesAsync(ct);
        return (await ListAsync(actor, ct)).Single(r => r.Id == subscriptionId);
    }

    /// <summary>
    /// Gives a subscription a new secret, returned once. The old one keeps signing beside it until
    /// <see cref="WebhookOptions.RotationOverlapHours"/> have passed (ADR 0110); a second rotation within that time
    /// replaces the old one with the one it rotates out. Audited without either secret.
    /// </summary>
    public async Task<RotatedWebhookSecret> RotateSecretAsync(Actor actor, int subscriptionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subscription = await FindAsync(db, actor, subscriptionId, ct);
        var secret = WebhookSecrets.New();
        var now = clock.GetUtcNow().UtcDateTime;
        var overlap = options.Value.RotationOverlapHours;
        subscription.PreviousProtectedSecret = overlap > 0 ? subscription.ProtectedSecret : null;
        subscription.PreviousSecretUntil = overlap > 0 ? now.AddHours(overlap) : null;
        subscription.ProtectedSecret = secrets.Protect(secret);
        db.AuditAs(actor);
        await db.SaveChangesAsync(ct);
        return new RotatedWebhookSecret(secret, subscription.PreviousSecretUntil);
    }

    /// <summary>Turns a subscription on again (its failure count starts from zero) or off.</summary>
    public async Task SetActiveAsync(Actor actor, int subscriptionId, bool active, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subscription = await FindAsync(db, actor, subscriptionId, ct);
        if (active)
        {
            await EnsureTargetAsync(db, subscription.Url, ct);
            subscription.ConsecutiveFailures = 0;
            subscription.DisabledAt = null;
        }

        subscription.IsActive = active;
        db.AuditAs(actor);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(Actor actor, int subscriptionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subscription = await FindAsync(db, actor, subscriptionId, ct);
        db.AuditAs(actor);
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The subscription's latest deliveries, newest first.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryRow>> DeliveriesAsync(Actor actor, int subscriptionId, int limit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await FindAsync(db, actor, subscriptionId, ct);
        return await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.SubscriptionId == subscriptionId)
            .OrderByDescending(d => d.Id)
            .Take(Math.Clamp(limit, 1, 200))
            .Select(d => new WebhookDeliveryRow(d.Id, d.EventType, d.Status, d.Attempts, d.LastStatusCode, d.LastError, d.LastDurationMs, d.CreatedAt, d.LastAttemptAt, d.NextAttemptAt, d.DeliveredAt))
            .ToListAsync(ct);
    }

    /// <summary>Sends a <c>ping</c> event to the subscription now (not retried) and returns its outcome.</summary>
    public async Task<WebhookDeliveryRow> PingAsync(Actor actor, int subscriptionId, CancellationToken ct)
    {
        long deliveryId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var subscription = await FindAsync(db, actor, subscriptionId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var key = $"ping:{Guid.NewGuid():N}";
            var delivery = WebhookOutbox.NewDelivery(subscription.Id, WebhookEvents.Ping, key,
                WebhookOutbox.Payload(WebhookEvents.Ping, now, new { subscriptionId = subscription.Id }), now);
            db.WebhookDeliveries.Add(delivery);
            await db.SaveChangesAsync(ct);
            deliveryId = delivery.Id;
        }

        await sender.SendNowAsync(deliveryId, ct);
        return (await DeliveriesAsync(actor, subscriptionId, 200, ct)).Single(d => d.Id == deliveryId);
    }

    /// <summary>The hosts webhooks may be sent to (every manager reads them; the center's administrators set them).</summary>
    public async Task<IReadOnlyList<string>> AllowedHostsAsync(Actor actor, CancellationToken ct)
    {
        EnsureManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AllowedHostsAsync(db, ct);
    }

    public async Task SetAllowedHostsAsync(Actor actor, string hosts, CancellationToken ct)
    {
        EnsureManager(actor);
        actor.EnsureCenterAdmin();
        var parsed = WebhookTargets.ParseHosts(hosts);
        if (WebhookTargets.InvalidHost(parsed) is { } invalid)
        {
            throw new RuleViolationException("Webhooks_HostInvalid", invalid);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.WebhookSettings.SingleOrDefaultAsync(s => s.Id == WebhookSettings.SingletonId, ct);
        if (settings is null)
        {
            settings = new WebhookSettings { Id = WebhookSettings.SingletonId };
            db.WebhookSettings.Add(settings);
        }

        settings.AllowedHosts = string.Join('\n', parsed);
        db.AuditAs(actor);
        await db.SaveChangesAsync(ct);
    }

    private static (string Name, List<string> Events) Checked(string name, IReadOnlyCollection<string> events)
    {
        name = name.Trim();
        if (name.Length is 0 or > NameLength)
        {
            throw new RuleViolationException("Webhooks_NameRequired", NameLength);
        }

        var chosen = WebhookEvents.All.Where(events.Contains).ToList();
        if (chosen.Count == 0)
        {
            throw new RuleViolationException("Webhooks_NoEvents");
        }

        return (name, chosen);
    }

    // People who administer: the center's administrators, an institution's director; never an API token.
    private static void EnsureManager(Actor actor) =>
        Actor.Ensure(!actor.IsApiToken && (actor.IsCenterAdmin || (actor.InstitutionId is { } own && actor.IsDirectorOf(own))));

    private static async Task<WebhookSubscription> FindAsync(StrategyGovDbContext db, Actor actor, int subscriptionId, CancellationToken ct)
    {
        EnsureManager(actor);
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == subscriptionId, ct);
        if (subscription is null || !(actor.IsCenterAdmin || subscription.InstitutionId == actor.InstitutionId))
        {
            throw new NotFoundException();
        }

        return subscription;
    }

    private async Task EnsureTargetAsync(StrategyGovDbContext db, string url, CancellationToken ct)
    {
        if (WebhookTargets.Refusal(url, await AllowedHostsAsync(db, ct), options.Value.AllowHttpLoopback) is { } refusal)
        {
            throw new RuleViolationException(refusal, Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url);
        }
    }

    private static async Task<IReadOnlyList<string>> AllowedHostsAsync(StrategyGovDbContext db, CancellationToken ct) =>
        WebhookTargets.ParseHosts(await db.WebhookSettings.Where(s => s.Id == WebhookSettings.SingletonId).Select(s => s.AllowedHosts).SingleOrDefaultAsync(ct));
}
