using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Identity;
using StrategyGov.Data.Notifications;
using StrategyGov.Web.Features.Webhooks;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Notifications;

/// <summary>Who receives a notification: an institution's directors and contributors (or its directors only), or the center's reviewers and admins.</summary>
public readonly record struct NotificationAudience(int? InstitutionId, bool DirectorsOnly = false)
{
    public static readonly NotificationAudience Center = new(null);

    public static NotificationAudience Institution(int institutionId) => new(institutionId);

    /// <summary>Only the institution's directors (escalations).</summary>
    public static NotificationAudience Directors(int institutionId) => new(institutionId, DirectorsOnly: true);
}

public sealed record NotificationItem(
    long Id,
    NotificationKind Kind,
    string MessageKey,
    IReadOnlyList<NotificationArg> Arguments,
    string? Link,
    DateTime CreatedAt,
    DateTime? ReadAt);

/// <summary>
/// In-app notifications (and e-mail when SMTP is configured). Publishing resolves the recipients and
/// writes one row each; reading is confined to the actor's own notifications. A singleton: the
/// review workflow and the background reminder job both publish through it.
/// </summary>
public sealed class NotificationService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    TimeProvider clock,
    NotificationMailQueue mailQueue,
    WebhookOutbox webhooks,
    IOptions<SmtpOptions> smtp,
    IStringLocalizer<SharedResource> localizer,
    ILogger<NotificationService> logger)
{
    private const int ListLimit = 200;

    /// <summary>
    /// Notifies every recipient of <paramref name="audience"/>; the message is the UI string
    /// <c>Notification_{kind}</c> filled with <paramref name="arguments"/>. With a
    /// <paramref name="onceKey"/> a recipient who already has a notification of this kind and key is
    /// skipped, so repeating the call (a job running again) notifies nobody twice. Returns how many were written.
    /// </summary>
    public async Task<int> PublishAsync(
        NotificationKind kind,
        NotificationAudience audience,
        IReadOnlyList<NotificationArg> arguments,
        string? link,
        string? onceKey,
        CancellationToken ct)
    {
        // Time-based events (a decision overdue, an inquiry breached) have no row change to read from the
        // audit log; their once-only notification is the one place they happen (ADR 0108).
        await webhooks.FromNotificationAsync(kind, audience.InstitutionId, link, onceKey, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recipients = await RecipientsAsync(db, audience, ct);
        if (onceKey is not null)
        {
            var already = await db.Notifications
                .Where(n => n.Kind == kind && n.OnceKey == onceKey)
                .Select(n => n.RecipientUserId)
                .ToListAsync(ct);
            recipients = recipients.Where(r => !already.Contains(r.Id)).ToList();
        }

        if (recipients.Count == 0)
        {
            return 0;
        }

        var messageKey = $"Notification_{kind}";
        var stored = NotificationText.Serialize(arguments);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Notifications.AddRange(recipients.Select(r => new Notification
        {
            RecipientUserId = r.Id,
            InstitutionId = audience.InstitutionId,
            Kind = kind,
            MessageKey = messageKey,
            Arguments = stored,
            Link = link,
            OnceKey = onceKey,
            CreatedAt = now,
        }));

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (onceKey is not null)
        {
            // Another instance of the job wrote the same once-only notifications first (unique index).
            logger.LogInformation("Notification {Kind} {OnceKey} was already published", kind, onceKey);
            return 0;
        }

        QueueMails(recipients, messageKey, arguments, link);
        return recipients.Count;
    }

    public Task<int> SubmissionReturnedAsync(int submissionId, CancellationToken ct) =>
        AboutSubmissionAsync(NotificationKind.SubmissionReturned, submissionId, [], ct);

    public Task<int> SubmissionApprovedAsync(int submissionId, CancellationToken ct) =>
        AboutSubmissionAsync(NotificationKind.SubmissionApproved, submissionId, [], ct);

    /// <summary>The reviewer upheld or dismissed an institution's objection to the verified value of <paramref name="indicatorCode"/>.</summary>
    public Task<int> ObjectionAnsweredAsync(int submissionId, string indicatorCode, CancellationToken ct) =>
        AboutSubmissionAsync(NotificationKind.ObjectionAnswered, submissionId, [NotificationArg.Ltr(indicatorCode)], ct);

    /// <summary>A period was opened: every active institution's users hear of it (once per period).</summary>
    public async Task<int> PeriodOpenedAsync(int periodId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.Periods.AsNoTracking().Where(p => p.Id == periodId).Select(p => new { p.Code, p.DueOn }).SingleAsync(ct);
        var institutions = await db.Institutions.AsNoTracking().Where(i => i.IsActive).Select(i => i.Id).ToListAsync(ct);
        var count = 0;
        foreach (var institutionId in institutions)
        {
            count += await PublishAsync(
                NotificationKind.PeriodOpened,
                NotificationAudience.Institution(institutionId),
                [NotificationArg.Ltr(period.Code), NotificationArg.Ltr(DateText(period.DueOn))],
                string.Empty,
                $"opened:{periodId}",
                ct);
        }

        return count;
    }

    /// <summary>The actor's own notifications, newest first.</summary>
    public async Task<IReadOnlyList<NotificationItem>> ListAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientUserId == actor.UserId)
            .OrderByDescending(n => n.Id)
            .Take(ListLimit)
            .ToListAsync(ct);
        return rows.Select(n => new NotificationItem(
            n.Id, n.Kind, n.MessageKey, NotificationText.Deserialize(n.Arguments), n.Link, n.CreatedAt, n.ReadAt)).ToList();
    }

    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.RecipientUserId == actor.UserId && n.ReadAt == null, ct);
    }

    /// <summary>Marks one of the actor's notifications read; anyone else's is not found.</summary>
    public async Task MarkReadAsync(Actor actor, long notificationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.RecipientUserId == actor.UserId, ct)
            ?? throw new NotFoundException();
        notification.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    public async Task MarkAllReadAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications
            .Where(n => n.RecipientUserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), ct);
    }

    internal static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<int> AboutSubmissionAsync(NotificationKind kind, int submissionId, NotificationArg[] leading, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submission = await db.Submissions.AsNoTracking()
            .Where(s => s.Id == submissionId)
            .Select(s => new { s.InstitutionId, PeriodCode = s.Period.Code })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        return await PublishAsync(
            kind,
            NotificationAudience.Institution(submission.InstitutionId),
            [.. leading, NotificationArg.Ltr(submission.PeriodCode)],
            $"submissions/{submissionId}",
            onceKey: null,
            ct);
    }

    private static async Task<List<Recipient>> RecipientsAsync(StrategyGovDbContext db, NotificationAudience audience, CancellationToken ct)
    {
        var roles = audience.InstitutionId is null
            ? new[] { AppRoles.CenterAdmin, AppRoles.CenterReviewer }
            : audience.DirectorsOnly
                ? new[] { AppRoles.InstitutionDirector }
                : new[] { AppRoles.InstitutionDirector, AppRoles.InstitutionContributor };
        var institutionId = audience.InstitutionId;
        var recipients = await (
                from user in db.Users
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where roles.Contains(role.Name!) && (institutionId == null || user.InstitutionId == institutionId)
                    && user.DeactivatedAt == null
                select new Recipient(user.Id, user.Email))
            .ToListAsync(ct);
        return recipients.DistinctBy(r => r.Id).ToList();
    }

    // Both languages in one mail: the reader's preference is not known outside the app.
    private void QueueMails(IReadOnlyList<Recipient> recipients, string messageKey, IReadOnlyList<NotificationArg> arguments, string? link)
    {
        var options = smtp.Value;
        if (!options.IsConfigured)
        {
            return;
        }

        var arabic = Bidi.Strip(NotificationText.Render(localizer, messageKey, arguments, Bilingual.CreateCulture(Bilingual.Arabic)));
        var english = Bidi.Strip(NotificationText.Render(localizer, messageKey, arguments, Bilingual.CreateCulture(Bilingual.English)));
        var url = options.PublicBaseUrl is { Length: > 0 } baseUrl && link is not null ? $"{baseUrl.TrimEnd('/')}/{link}" : null;
        var body = string.Join("\n\n", new[] { arabic, english, url }.Where(s => s is not null));
        foreach (var recipient in recipients.Where(r => !string.IsNullOrWhiteSpace(r.Email)))
        {
            if (!mailQueue.TryEnqueue(new NotificationMail(recipient.Email!, $"{arabic} | {english}", body)))
            {
                logger.LogWarning("The e-mail queue is full; notification e-mail to {Recipient} dropped", recipient.Email);
            }
        }
    }

    private sealed record Recipient(string Id, string? Email);
}
