using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StrategyGov.Data.Notifications;
using StrategyGov.Data.Webhooks;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Features.Webhooks;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Webhooks;

/// <summary>The app with the background webhook sender off: the tests feed and send themselves, on their own clock.</summary>
public sealed class WebhookApp : StrategyGovAppFactory
{
    public WebhookApp() => With("Webhooks:PollSeconds", "0");
}

/// <summary>
/// Webhooks (ADR 0108) on a real SQLite database and a real receiver on a loopback port: signatures a
/// receiver can check, events from a page's service and from an API write, the retry schedule, disabling
/// after repeated failures with the owner notified, allowed hosts, isolation between institutions, and
/// two senders never sending one delivery twice.
/// </summary>
public sealed class WebhookTests(WebhookApp app) : IClassFixture<WebhookApp>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private WebhookService Webhooks => app.Service<WebhookService>();

    private WebhookOutbox Outbox => app.Service<WebhookOutbox>();

    [Fact]
    public async Task Delivery_ReturnedByTheReviewer_IsSignedSoTheReceiverCanVerifyIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await FreshAsync();
        var created = await SubscribeAsync(DemoUsers.DirectorMoh, receiver.Url, WebhookEvents.SubmissionReturned);
        var submissionId = await app.SubmittedAsync("MOH", DemoUsers.DirectorMoh);

        await app.Service<ReviewService>().ReturnAsync(await app.ActorAsync(DemoUsers.Reviewer), submissionId, "أكملوا الشواهد", None);
        await DeliverAsync();

        var request = Assert.Single(receiver.Requests);
        Assert.Equal(WebhookEvents.SubmissionReturned, request.Headers["X-StrategyGov-Event"]);
        var timestamp = request.Headers["X-StrategyGov-Timestamp"];
        var expected = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(created.Secret), Encoding.UTF8.GetBytes($"{timestamp}.{request.Body}")));
        Assert.Equal(expected, request.Headers["X-StrategyGov-Signature"]);
        Assert.InRange(long.Parse(timestamp, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(WebhookEvents.SubmissionReturned, body.RootElement.GetProperty("event").GetString());
        Assert.Equal(submissionId, body.RootElement.GetProperty("data").GetProperty("submissionId").GetInt32());
        var delivery = Assert.Single(await Webhooks.DeliveriesAsync(await app.ActorAsync(DemoUsers.DirectorMoh), created.Row.Id, 10, None));
        Assert.Equal(request.Headers["X-StrategyGov-Delivery"], delivery.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal((WebhookDeliveryStatus.Delivered, (int?)200, 1), (delivery.Status, delivery.StatusCode, delivery.Attempts));
    }

    [Fact]
    public async Task Delivery_AnswersWrittenThroughTheApi_ReachesTheInstitutionAndTheCenterOnly()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        await using var receiver = await WebhookReceiver.StartAsync();
        await FreshAsync();
        var moh = await SubscribeAsync(DemoUsers.DirectorMoh, receiver.Url, WebhookEvents.AnswersChanged);
        var center = await SubscribeAsync(DemoUsers.Admin, receiver.Url, WebhookEvents.AnswersChanged);
        var east = await SubscribeAsync(DemoUsers.DirectorEast, receiver.Url, WebhookEvents.AnswersChanged);
        var item = (await app.Service<SubmissionService>().GetAsync(await app.ActorAsync(DemoUsers.Admin), submissionId, None)).Items.First(i => !i.IsComputed);
        var token = await app.Service<ApiTokenService>().CreateAsync(
            await app.ActorAsync(DemoUsers.Admin), "helpdesk", ApiScopes.AnswersWrite, await app.InstitutionIdAsync("MOH"), DateTime.UtcNow.AddDays(1), None);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        var url = $"/api/v1/institutions/{await app.InstitutionIdAsync("MOH")}/periods/{await app.PeriodIdAsync(SeededData.OpenPeriod)}/answers";
        var json = JsonSerializer.Serialize(new { answers = new[] { new { indicator = item.Code, value = Answering.BestValue(item) } } });

        var response = await client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        await DeliverAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var toMoh = await DeliveriesAsync(moh.Row.Id);
        var toCenter = await DeliveriesAsync(center.Row.Id);
        Assert.NotEmpty(toMoh);
        Assert.Equal(toMoh.Count, toCenter.Count);
        Assert.Empty(await DeliveriesAsync(east.Row.Id));
        Assert.All(toMoh.Concat(toCenter), d => Assert.Equal(WebhookDeliveryStatus.Delivered, d.Status));
        Assert.Equal(toMoh.Count + toCenter.Count, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.Equal(WebhookEvents.AnswersChanged, r.Headers["X-StrategyGov-Event"]));
    }

    [Fact]
    public async Task Retries_FollowTheScheduleThenGiveUp()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await FreshAsync();
        receiver.Status = HttpStatusCode.InternalServerError;
        var created = await SubscribeAsync(DemoUsers.Admin, receiver.Url, WebhookEvents.PeriodPublished);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sender = Sender(clock, disableAfter: 100);
        var deliveryId = await PendingDeliveryAsync(created.Row.Id, clock);
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            Assert.Equal(1, await sender.SendDueAsync(None));
            var stored = await StoredAsync(deliveryId);
            if (stored.NextAttemptAt is { } next)
            {
                waits.Add(next - clock.GetUtcNow().UtcDateTime);
                clock.SetUtcNow(new DateTimeOffset(next.AddSeconds(-1), TimeSpan.Zero));
                Assert.Equal(0, await sender.SendDueAsync(None));
                clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        Assert.Equal(new[] { 1, 5, 30, 120, 720 }, waits.Select(w => (int)w.TotalMinutes).ToArray());
        Assert.All(waits, w => Assert.Equal(0, w.Ticks % TimeSpan.TicksPerMinute));
        var final = await StoredAsync(deliveryId);
        Assert.Equal((WebhookDeliveryStatus.Failed, 6, (int?)500, (DateTime?)null), (final.Status, final.Attempts, final.LastStatusCode, final.NextAttemptAt));
        Assert.Equal(6, receiver.Requests.Count);
    }

    [Fact]
    public async Task RepeatedFailures_DisableTheSubscriptionAndNotifyItsOwner_ReenablingResumes()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await FreshAsync();
        receiver.Status = HttpStatusCode.ServiceUnavailable;
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var created = await SubscribeAsync(DemoUsers.DirectorEast, receiver.Url, WebhookEvents.SubmissionApproved);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sender = Sender(clock, disableAfter: 3);
        var deliveryId = await PendingDeliveryAsync(created.Row.Id, clock);
        var notified = await NotificationCountAsync(DemoUsers.DirectorEast);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await sender.SendDueAsync(None);
            clock.Advance(TimeSpan.FromHours(1));
        }

        var row = (await Webhooks.ListAsync(director, None)).Single(r => r.Id == created.Row.Id);
        Assert.False(row.IsActive);
        Assert.NotNull(row.DisabledAt);
        Assert.Equal(0, await sender.SendDueAsync(None));
        Assert.Equal(3, receiver.Requests.Count);
        Assert.Equal(notified + 1, await NotificationCountAsync(DemoUsers.DirectorEast));
        Assert.Equal(NotificationKind.WebhookDisabled, (await app.Service<NotificationService>().ListAsync(director, None))[0].Kind);

        receiver.Status = HttpStatusCode.NoContent;
        await Webhooks.SetActiveAsync(director, created.Row.Id, active: true, None);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await sender.SendDueAsync(None));

        Assert.Equal(WebhookDeliveryStatus.Delivered, (await StoredAsync(deliveryId)).Status);
        Assert.True((await Webhooks.ListAsync(director, None)).Single(r => r.Id == created.Row.Id).IsActive);
    }

    [Fact]
    public async Task Hosts_NotOnTheAllowedList_AreRefusedAndNeverCalled()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await FreshAsync();
        var admin = await app.ActorAsync(DemoUsers.Admin);
        await AllowAsync("127.0.0.1");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);

        var elsewhere = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Webhooks.CreateAsync(director, null, "BI", "https://collector.example.com/hook", [WebhookEvents.ScoreRevised], None));
        var plain = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Webhooks.CreateAsync(director, null, "BI", "http://ministry.example.gov/hook", [WebhookEvents.ScoreRevised], None));
        var created = await Webhooks.CreateAsync(director, null, "BI", receiver.Url, [WebhookEvents.ScoreRevised], None);
        await Webhooks.SetAllowedHostsAsync(admin, "ministry.example.gov\n*.example.gov", None);
        var ping = await Webhooks.PingAsync(director, created.Row.Id, None);

        Assert.Equal("Webhooks_HostNotAllowed", elsewhere.Message);
        Assert.Equal("Webhooks_UrlNotHttps", plain.Message);
        Assert.Equal(WebhookDeliveryStatus.Failed, ping.Status);
        Assert.Null(ping.StatusCode);
        Assert.Contains("allowed", ping.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
        Assert.Equal(new[] { "ministry.example.gov", "*.example.gov" }, (await Webhooks.AllowedHostsAsync(director, None)).ToArray());
        await Assert.ThrowsAsync<AccessDeniedException>(() => Webhooks.SetAllowedHostsAsync(director, "127.0.0.1", None));
    }

    [Fact]
    public async Task OtherInstitution_CannotSeeOrChangeASubscription_NorCanContributorsOrTokens()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await FreshAsync();
        var created = await SubscribeAsync(DemoUsers.DirectorMoh, receiver.Url, WebhookEvents.SubmissionApproved);
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);
        var mohDirector = await app.ActorAsync(DemoUsers.DirectorMoh);
        var token = mohDirector with { UserId = Actor.ApiTokenUserId(99) };
        var mohId = await app.InstitutionIdAsync("MOH");

        Assert.DoesNotContain(await Webhooks.ListAsync(east, None), r => r.Id == created.Row.Id);
        await Assert.ThrowsAsync<NotFoundException>(() => Webhooks.DeliveriesAsync(east, created.Row.Id, 10, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Webhooks.PingAsync(east, created.Row.Id, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Webhooks.SetActiveAsync(east, created.Row.Id, false, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Webhooks.DeleteAsync(east, created.Row.Id, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Webhooks.CreateAsync(east, mohId, "x", receiver.Url, [WebhookEvents.SubmissionApproved], None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Webhooks.ListAsync(contributor, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Webhooks.ListAsync(token, None));
        var official = await app.ActorAsync(DemoUsers.Official);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Webhooks.ListAsync(official, None));
        Assert.True((await Webhooks.ListAsync(mohDirector, None)).Single(r => r.Id == created.Row.Id).IsActive);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task TwoSenders_SendOneDeliveryOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await FreshAsync();
        var created = await SubscribeAsync(DemoUsers.Admin, receiver.Url, WebhookEvents.PeriodPublished);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await PendingDeliveryAsync(created.Row.Id, clock);

        var sent = await Task.WhenAll(Sender(clock, 100).SendDueAsync(None), Sender(clock, 100).SendDueAsync(None));

        Assert.Equal(1, sent.Sum());
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task TimeBasedEvent_FromItsOnceOnlyNotification_IsDeliveredOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await FreshAsync();
        var created = await SubscribeAsync(DemoUsers.DirectorEast, receiver.Url, WebhookEvents.InquiryBreached);
        var notifications = app.Service<NotificationService>();
        var eastId = await app.InstitutionIdAsync("AMN-EAST");

        for (var run = 0; run < 2; run++)
        {
            await notifications.PublishAsync(
                NotificationKind.InquiryBreached, NotificationAudience.Directors(eastId),
                [NotificationArg.Ltr("x"), NotificationArg.Ltr("answer"), NotificationArg.Ltr("2026-12-01 10:00")], "inquiries/42", "inq:42:answer:breach", None);
        }

        await DeliverAsync();

        var request = Assert.Single(receiver.Requests);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(42, body.RootElement.GetProperty("data").GetProperty("id").GetInt32());
        Assert.Single(await DeliveriesAsync(created.Row.Id));
    }

    [Fact]
    public async Task RotatedSecret_SignsBesideTheNewOneDuringTheOverlap_ThenOnlyTheNewSigns_NeitherIsAudited()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await FreshAsync();
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var created = await SubscribeAsync(DemoUsers.Admin, receiver.Url, WebhookEvents.PeriodPublished);
        var rotated = await Webhooks.RotateSecretAsync(admin, created.Row.Id, None);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sender = Sender(clock, 100);

        await PendingDeliveryAsync(created.Row.Id, clock);
        await sender.SendDueAsync(None);
        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await PendingDeliveryAsync(created.Row.Id, clock);
        await sender.SendDueAsync(None);

        Assert.NotEqual(created.Secret, rotated.Secret);
        Assert.InRange(rotated.PreviousUntil!.Value, DateTime.UtcNow.AddHours(23.9), DateTime.UtcNow.AddHours(24));
        Assert.Equal(rotated.PreviousUntil, (await Webhooks.ListAsync(admin, None)).Single(r => r.Id == created.Row.Id).PreviousSecretUntil);
        Assert.Equal(2, receiver.Requests.Count);
        var (during, after) = (receiver.Requests.ElementAt(0), receiver.Requests.ElementAt(1));
        Assert.Equal($"{Sign(rotated.Secret, during)}, {Sign(created.Secret, during)}", during.Headers["X-StrategyGov-Signature"]);
        Assert.Equal(Sign(rotated.Secret, after), after.Headers["X-StrategyGov-Signature"]);
        await using var db = await app.DbAsync();
        var key = created.Row.Id.ToString(CultureInfo.InvariantCulture);
        var audit = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(WebhookSubscription) && e.EntityKey == key).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.Contains(nameof(WebhookSubscription.PreviousSecretUntil), audit[1].After, StringComparison.Ordinal);
        Assert.All(audit, e => Assert.DoesNotContain("Secret\"", (e.Before ?? "") + e.After, StringComparison.Ordinal));
        Assert.All(audit, e => Assert.DoesNotContain(WebhookSecrets.Prefix, (e.Before ?? "") + e.After, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_ChangesUrlAndEvents_UnderTheAllowedHostsOnly_Audited_AnotherInstitutionGets404()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await FreshAsync();
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var created = await SubscribeAsync(DemoUsers.DirectorMoh, receiver.Url, WebhookEvents.SubmissionApproved);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Webhooks.UpdateAsync(director, created.Row.Id, "نظام المتابعة", "https://hooks.elsewhere.example/in", [WebhookEvents.SubmissionApproved], None));
        var noEvents = await Assert.ThrowsAsync<RuleViolationException>(() => Webhooks.UpdateAsync(director, created.Row.Id, "x", receiver.Url, [], None));
        await Assert.ThrowsAsync<NotFoundException>(() => Webhooks.UpdateAsync(east, created.Row.Id, "x", receiver.Url + "/east", [WebhookEvents.SubmissionApproved], None));
        await Assert.ThrowsAsync<NotFoundException>(() => Webhooks.RotateSecretAsync(east, created.Row.Id, None));
        var updated = await Webhooks.UpdateAsync(
            director, created.Row.Id, "نظام المتابعة الجديد", receiver.Url + "/v2", [WebhookEvents.AnswersChanged, WebhookEvents.SubmissionApproved], None);

        Assert.Equal(("Webhooks_HostNotAllowed", "Webhooks_NoEvents"), (refused.Message, noEvents.Message));
        Assert.Equal(("نظام المتابعة الجديد", receiver.Url + "/v2"), (updated.Name, updated.Url));
        Assert.Equal([WebhookEvents.SubmissionApproved, WebhookEvents.AnswersChanged], updated.Events.Order(StringComparer.Ordinal).Reverse());
        await using var db = await app.DbAsync();
        var key = created.Row.Id.ToString(CultureInfo.InvariantCulture);
        var change = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(WebhookSubscription) && e.EntityKey == key).OrderBy(e => e.Sequence).LastAsync();
        Assert.Equal(director.UserId, change.ActorUserId);
        Assert.Contains("/v2", change.After, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookSecrets.Prefix, (change.Before ?? "") + change.After, StringComparison.Ordinal);
    }

    private static string Sign(string secret, WebhookReceiver.Received request) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{request.Headers["X-StrategyGov-Timestamp"]}.{request.Body}")));

    // Every test starts from no subscription, the receiver's host allowed and the audit cursor at the present.
    private async Task FreshAsync()
    {
        await using (var db = await app.DbAsync())
        {
            await db.WebhookSubscriptions.ExecuteDeleteAsync();
        }

        await AllowAsync("127.0.0.1");
        await Outbox.FeedFromAuditAsync(None);
    }

    private async Task<CreatedWebhook> SubscribeAsync(string email, string url, string type) =>
        await Webhooks.CreateAsync(await app.ActorAsync(email), null, "نظام المتابعة", url, [type], None);

    private async Task AllowAsync(string host) =>
        await Webhooks.SetAllowedHostsAsync(await app.ActorAsync(DemoUsers.Admin), host, None);

    private async Task DeliverAsync()
    {
        int moved;
        do
        {
            moved = await Outbox.FeedFromAuditAsync(None) + await app.Service<WebhookSender>().SendDueAsync(None);
        }
        while (moved > 0);
    }

    private WebhookSender Sender(TimeProvider clock, int disableAfter) =>
        ActivatorUtilities.CreateInstance<WebhookSender>(
            app.Services, clock, Options.Create(new WebhookOptions { DisableAfterFailures = disableAfter, AllowHttpLoopback = true, TimeoutSeconds = 5 }));

    private async Task<long> PendingDeliveryAsync(int subscriptionId, TimeProvider clock)
    {
        await using var db = await app.DbAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var delivery = WebhookOutbox.NewDelivery(subscriptionId, WebhookEvents.PeriodPublished, $"test:{Guid.NewGuid():N}",
            WebhookOutbox.Payload(WebhookEvents.PeriodPublished, now, new { periodId = 1 }), now);
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    }

    private async Task<WebhookDelivery> StoredAsync(long deliveryId)
    {
        await using var db = await app.DbAsync();
        return await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId);
    }

    private async Task<List<WebhookDelivery>> DeliveriesAsync(int subscriptionId)
    {
        await using var db = await app.DbAsync();
        return await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscriptionId).ToListAsync();
    }

    private async Task<int> NotificationCountAsync(string email)
    {
        await using var db = await app.DbAsync();
        var userId = await app.UserIdAsync(email);
        return await db.Notifications.CountAsync(n => n.RecipientUserId == userId && n.Kind == NotificationKind.WebhookDisabled);
    }
}
