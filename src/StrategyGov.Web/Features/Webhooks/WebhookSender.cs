using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Notifications;
using StrategyGov.Data.Webhooks;
using StrategyGov.Web.Features.Notifications;

namespace StrategyGov.Web.Features.Webhooks;

/// <summary>
/// Sends due deliveries (ADR 0108). An instance claims a delivery in the database (a conditional update of
/// <see cref="WebhookDelivery.ClaimedUntil"/>) before sending it, so two instances never send the same
/// attempt; a claim left by an instance that stopped expires. Each attempt is one POST, signed, with a
/// timeout and no redirects followed; failures are retried on <see cref="WebhookOptions.RetryDelays"/>
/// and, after <see cref="WebhookOptions.DisableAfterFailures"/> in a row, the subscription is disabled and
/// its owner notified.
/// </summary>
public sealed class WebhookSender(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    IHttpClientFactory httpClients,
    WebhookSecrets secrets,
    NotificationService notifications,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "webhooks";

    private const int Batch = 20;

    /// <summary>Claims and sends every delivery due now (up to a batch); returns how many were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
                .Where(d => d.Subscription.IsActive)
                .OrderBy(d => d.NextAttemptAt)
                .Select(d => d.Id)
                .Take(Batch)
                .ToListAsync(ct);
        }

        var sent = 0;
        foreach (var id in due)
        {
            if (await ClaimAsync(id, ct))
            {
                await AttemptAsync(id, ct);
                sent++;
            }
        }

        return sent;
    }

    /// <summary>Sends one delivery now (a test ping); false when another sender holds it.</summary>
    internal async Task<bool> SendNowAsync(long deliveryId, CancellationToken ct)
    {
        if (!await ClaimAsync(deliveryId, ct))
        {
            return false;
        }

        await AttemptAsync(deliveryId, ct);
        return true;
    }

    private async Task<bool> ClaimAsync(long deliveryId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddSeconds(options.Value.TimeoutSeconds + 60);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && d.Status == WebhookDeliveryStatus.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.ClaimedUntil, until), ct);
        return claimed == 1;
    }

    private async Task AttemptAsync(long deliveryId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var delivery = await db.WebhookDeliveries.Include(d => d.Subscription).SingleAsync(d => d.Id == deliveryId, ct);
        var subscription = delivery.Subscription;
        var hosts = await db.WebhookSettings.Where(s => s.Id == WebhookSettings.SingletonId).Select(s => s.AllowedHosts).SingleOrDefaultAsync(ct);
        var (status, error, durationMs) = await PostAsync(delivery, subscription, WebhookTargets.ParseHosts(hosts), ct);

        var now = clock.GetUtcNow().UtcDateTime;
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        delivery.LastStatusCode = status;
        delivery.LastError = error is { Length: > 500 } ? error[..500] : error;
        delivery.LastDurationMs = durationMs;
        delivery.ClaimedUntil = null;
        var disabled = false;
        if (error is null)
        {
            delivery.Status = WebhookDeliveryStatus.Delivered;
            delivery.DeliveredAt = now;
            delivery.NextAttemptAt = null;
            subscription.ConsecutiveFailures = 0;
        }
        else
        {
            var retries = WebhookOptions.RetryDelays;
            var retry = delivery.EventType != WebhookEvents.Ping && delivery.Attempts <= retries.Count;
            delivery.Status = retry ? WebhookDeliveryStatus.Pending : WebhookDeliveryStatus.Failed;
            delivery.NextAttemptAt = retry ? now + retries[delivery.Attempts - 1] : null;
            subscription.ConsecutiveFailures++;
            if (subscription.IsActive && subscription.ConsecutiveFailures >= options.Value.DisableAfterFailures)
            {
                subscription.IsActive = false;
                subscription.DisabledAt = now;
                disabled = true;
            }
        }

        // A system change: the audit trail records the disabling (failure counts are not audited).
        await db.SaveChangesAsync(CancellationToken.None);
        if (disabled)
        {
            logger.LogWarning("Webhook subscription {Id} disabled after {Failures} failures in a row", subscription.Id, subscription.ConsecutiveFailures);
            await notifications.PublishAsync(
                NotificationKind.WebhookDisabled,
                subscription.InstitutionId is { } institutionId ? NotificationAudience.Directors(institutionId) : NotificationAudience.Center,
                [new NotificationArg(subscription.Name, subscription.Name), NotificationArg.Ltr(subscription.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture))],
                "webhooks",
                $"webhook-disabled:{subscription.Id}:{now.Ticks.ToString(CultureInfo.InvariantCulture)}",
                CancellationToken.None);
        }
    }

    // Null error when the receiver answered 2xx; anything else (a refused host, a redirect, a timeout) is a failure.
    private async Task<(int? Status, string? Error, int? DurationMs)> PostAsync(
        WebhookDelivery delivery, WebhookSubscription subscription, IReadOnlyList<string> allowedHosts, CancellationToken ct)
    {
        if (WebhookTargets.Refusal(subscription.Url, allowedHosts, options.Value.AllowHttpLoopback) is { } refusal)
        {
            return (null, refusal == "Webhooks_HostNotAllowed" ? "host not on the allowed list" : "URL not allowed", null);
        }

        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-StrategyGov-Event", delivery.EventType);
        request.Headers.Add("X-StrategyGov-Delivery", delivery.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-StrategyGov-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-StrategyGov-Signature", secrets.Signatures(
            subscription.ProtectedSecret, subscription.PreviousProtectedSecret, subscription.PreviousSecretUntil, clock.GetUtcNow().UtcDateTime, timestamp, delivery.Payload));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return (code, response.IsSuccessStatusCode ? null : $"HTTP {code.ToString(CultureInfo.InvariantCulture)}", (int)watch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"timed out after {options.Value.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s", (int)watch.ElapsedMilliseconds);
        }
        catch (HttpRequestException e)
        {
            return (null, e.Message, (int)watch.ElapsedMilliseconds);
        }
    }
}

/// <summary>Feeds the outbox from the audit log and sends what is due, every <see cref="WebhookOptions.PollSeconds"/>.</summary>
public sealed class WebhookJob(WebhookOutbox outbox, WebhookSender sender, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.PollSeconds == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                int moved;
                do
                {
                    moved = await outbox.FeedFromAuditAsync(stoppingToken) + await sender.SendDueAsync(stoppingToken);
                }
                while (moved > 0 && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next pass tries again; a delivery is never lost, only late.
                logger.LogError(e, "Webhook pass failed");
            }
        }
    }
}
