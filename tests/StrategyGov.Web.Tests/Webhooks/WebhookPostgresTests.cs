using System.Security.Cryptography;
using System.Text;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Features.Webhooks;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Webhooks;

/// <summary>
/// Two instances of the app on one PostgreSQL database, their background senders off: reading the audit
/// log at once adds one delivery, sending at once sends it once, and a secret protected by one instance
/// signs on the other (Data Protection keys in the database).
/// </summary>
public sealed class WebhookPostgresTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PostgreSql_TwoInstances_FeedAndSendOneEventOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var first = OnPostgres();
        var admin = await first.ActorAsync(DemoUsers.Admin);
        await using var second = OnPostgres();
        _ = second.Services;
        await first.Service<WebhookService>().SetAllowedHostsAsync(admin, "127.0.0.1", None);
        await first.Service<WebhookOutbox>().FeedFromAuditAsync(None);
        var created = await first.Service<WebhookService>().CreateAsync(admin, null, "مركز البيانات", receiver.Url, [WebhookEvents.SubmissionReturned], None);
        var submissionId = await first.SubmittedAsync("MOH", DemoUsers.DirectorMoh);
        await first.Service<ReviewService>().ReturnAsync(await first.ActorAsync(DemoUsers.Reviewer), submissionId, "أكملوا الشواهد", None);

        var added = await Task.WhenAll(first.Service<WebhookOutbox>().FeedFromAuditAsync(None), second.Service<WebhookOutbox>().FeedFromAuditAsync(None));
        var sent = await Task.WhenAll(second.Service<WebhookSender>().SendDueAsync(None), first.Service<WebhookSender>().SendDueAsync(None));

        Assert.Equal(1, added.Sum());
        Assert.Equal(1, sent.Sum());
        var request = Assert.Single(receiver.Requests);
        var timestamp = request.Headers["X-StrategyGov-Timestamp"];
        var expected = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(created.Secret), Encoding.UTF8.GetBytes($"{timestamp}.{request.Body}")));
        Assert.Equal(expected, request.Headers["X-StrategyGov-Signature"]);
        Assert.Equal(0, await second.Service<WebhookOutbox>().FeedFromAuditAsync(None));
    }

    private StrategyGovAppFactory OnPostgres() => new StrategyGovAppFactory()
        .With("Database:Provider", "PostgreSql")
        .With("Database:MigrateOnStartup", "true")
        .With("Webhooks:PollSeconds", "0")
        .With("ConnectionStrings:Default", postgres.ConnectionString);
}
