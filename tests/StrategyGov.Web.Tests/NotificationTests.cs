using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StrategyGov.Data;
using StrategyGov.Data.Notifications;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Notifications through the services: the right people hear of a return or an approval, nobody reads
/// or marks anyone else's, no SMTP means in-app only, and the due-date reminder goes out once.
/// </summary>
public sealed class NotificationTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private NotificationService Notifications => app.Service<NotificationService>();

    [Fact]
    public async Task Return_NotifiesTheInstitutionsDirectorAndContributorsOnly()
    {
        var submissionId = await app.SubmittedAsync("MOH", DemoUsers.DirectorMoh);
        var before = await CountsAsync(NotificationKind.SubmissionReturned);

        await app.Service<ReviewService>().ReturnAsync(await app.ActorAsync(DemoUsers.Reviewer), submissionId, "أكملوا الشواهد", None);

        var after = await CountsAsync(NotificationKind.SubmissionReturned);
        Assert.Equal(before[DemoUsers.DirectorMoh] + 1, after[DemoUsers.DirectorMoh]);
        Assert.Equal(before[DemoUsers.ContributorMoh] + 1, after[DemoUsers.ContributorMoh]);
        Assert.Equal(before[DemoUsers.DirectorEast], after[DemoUsers.DirectorEast]);
        Assert.Equal(before[DemoUsers.Reviewer], after[DemoUsers.Reviewer]);
        var latest = (await Notifications.ListAsync(await app.ActorAsync(DemoUsers.DirectorMoh), None))[0];
        Assert.Equal(NotificationKind.SubmissionReturned, latest.Kind);
        Assert.Equal($"submissions/{submissionId}", latest.Link);
        Assert.Null(latest.ReadAt);
        Assert.Equal(SeededData.OpenPeriod, Localization.Bidi.Strip(Assert.Single(latest.Arguments).En));
    }

    [Fact]
    public async Task Approve_NotifiesTheInstitutionsUsers()
    {
        var submissionId = await app.SubmittedAsync("AMN-EAST", DemoUsers.DirectorEast);
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var review = app.Service<ReviewService>();
        await review.AcceptRemainingAsync(reviewer, submissionId, None);
        var before = await CountsAsync(NotificationKind.SubmissionApproved);

        await review.ApproveAsync(reviewer, submissionId, None);

        var after = await CountsAsync(NotificationKind.SubmissionApproved);
        Assert.Equal(before[DemoUsers.DirectorEast] + 1, after[DemoUsers.DirectorEast]);
        Assert.Equal(before[DemoUsers.DirectorMoh], after[DemoUsers.DirectorMoh]);
        Assert.Equal(before[DemoUsers.ContributorMoh], after[DemoUsers.ContributorMoh]);
    }

    [Fact]
    public async Task Publish_ToTheCenter_ReachesReviewersAndAdminsOnly()
    {
        var before = await CountsAsync(NotificationKind.ObjectionAnswered);

        var written = await Notifications.PublishAsync(
            NotificationKind.ObjectionAnswered, NotificationAudience.Center, [NotificationArg.Ltr("P1.1.1"), NotificationArg.Ltr("2026-Q3")], "review", null, None);

        var after = await CountsAsync(NotificationKind.ObjectionAnswered);
        Assert.Equal(2, written);
        Assert.Equal(before[DemoUsers.Admin] + 1, after[DemoUsers.Admin]);
        Assert.Equal(before[DemoUsers.Reviewer] + 1, after[DemoUsers.Reviewer]);
        Assert.Equal(before[DemoUsers.DirectorMoh], after[DemoUsers.DirectorMoh]);
        Assert.Equal(before[DemoUsers.Official], after[DemoUsers.Official]);
    }

    [Fact]
    public async Task OtherUser_CannotSeeOrMarkSomeoneElsesNotification()
    {
        var mohId = await app.InstitutionIdAsync("MOH");
        await Notifications.PublishAsync(NotificationKind.PeriodOpened, NotificationAudience.Institution(mohId), [NotificationArg.Ltr("2027-Q1"), NotificationArg.Ltr("2027-03-20")], "", null, None);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var notification = (await Notifications.ListAsync(director, None))[0];
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);

        var eastList = await Notifications.ListAsync(east, None);
        await Assert.ThrowsAsync<NotFoundException>(() => Notifications.MarkReadAsync(east, notification.Id, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Notifications.MarkReadAsync(contributor, notification.Id, None));
        await Notifications.MarkAllReadAsync(east, None);

        Assert.DoesNotContain(eastList, n => n.Id == notification.Id);
        Assert.Null((await StoredAsync(notification.Id)).ReadAt);
    }

    [Fact]
    public async Task MarkRead_Own_ClearsItFromTheUnreadCount()
    {
        var mohId = await app.InstitutionIdAsync("MOH");
        await Notifications.PublishAsync(NotificationKind.PeriodOpened, NotificationAudience.Institution(mohId), [NotificationArg.Ltr("2027-Q2"), NotificationArg.Ltr("2027-06-20")], "", null, None);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var unread = await Notifications.UnreadCountAsync(director, None);
        var notification = (await Notifications.ListAsync(director, None))[0];

        await Notifications.MarkReadAsync(director, notification.Id, None);

        Assert.Equal(unread - 1, await Notifications.UnreadCountAsync(director, None));
        Assert.NotNull((await StoredAsync(notification.Id)).ReadAt);

        await Notifications.MarkAllReadAsync(director, None);

        Assert.Equal(0, await Notifications.UnreadCountAsync(director, None));
    }

    [Fact]
    public async Task Publish_WithoutSmtp_WritesInAppOnlyWithoutError()
    {
        Assert.False(app.Services.GetRequiredService<IOptions<SmtpOptions>>().Value.IsConfigured);
        var mohId = await app.InstitutionIdAsync("MOH");

        var written = await Notifications.PublishAsync(NotificationKind.PeriodOpened, NotificationAudience.Institution(mohId), [NotificationArg.Ltr("2027-Q3"), NotificationArg.Ltr("2027-09-20")], "", null, None);

        Assert.Equal(2, written);
    }

    [Fact]
    public async Task Approve_WithAnUnreachableMailServer_StillSucceedsAndNotifiesInApp()
    {
        await using var unreachable = new StrategyGovAppFactory().With("Smtp:Host", "127.0.0.1").With("Smtp:Port", "9");
        var submissionId = await unreachable.SubmittedAsync("MOH", DemoUsers.DirectorMoh);
        var reviewer = await unreachable.ActorAsync(DemoUsers.Reviewer);
        var review = unreachable.Service<ReviewService>();
        await review.AcceptRemainingAsync(reviewer, submissionId, None);

        await review.ApproveAsync(reviewer, submissionId, None);

        var director = await unreachable.ActorAsync(DemoUsers.DirectorMoh);
        var latest = (await unreachable.Service<NotificationService>().ListAsync(director, None))[0];
        Assert.Equal(NotificationKind.SubmissionApproved, latest.Kind);
        Assert.True(unreachable.Services.GetRequiredService<IOptions<SmtpOptions>>().Value.IsConfigured);
    }

    private async Task<Dictionary<string, int>> CountsAsync(NotificationKind kind)
    {
        string[] emails = [DemoUsers.Admin, DemoUsers.Reviewer, DemoUsers.DirectorMoh, DemoUsers.DirectorEast, DemoUsers.ContributorMoh, DemoUsers.Official];
        await using var db = await app.DbAsync();
        var counts = new Dictionary<string, int>();
        foreach (var email in emails)
        {
            var userId = (await app.ActorAsync(email)).UserId;
            counts[email] = await db.Notifications.CountAsync(n => n.RecipientUserId == userId && n.Kind == kind);
        }

        return counts;
    }

    private async Task<Notification> StoredAsync(long id)
    {
        await using var db = await app.DbAsync();
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id);
    }
}

/// <summary>The due-date reminder job's work, at chosen moments of a fake clock, on an app of its own.</summary>
public sealed class DueDateReminderTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RunOnce_AcrossTheDueWindow_RemindsUnsubmittedInstitutionsOnce()
    {
        // 2026-Q4 is due on 2026-12-20 (seed-data/periods.json); MOH and AMN-EAST are empty drafts.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(3)));
        var reminders = Reminders(app, clock);

        var tooEarly = await reminders.RunOnceAsync(None);
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 17, 9, 0, 0, TimeSpan.FromHours(3)));
        var inWindow = await reminders.RunOnceAsync(None);
        clock.Advance(TimeSpan.FromHours(1));
        var nextHour = await reminders.RunOnceAsync(None);
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 19, 9, 0, 0, TimeSpan.FromHours(3)));
        var dayBefore = await reminders.RunOnceAsync(None);

        Assert.Equal(0, tooEarly);
        Assert.Equal(3, inWindow); // MOH's director and contributor, AMN-EAST's director
        Assert.Equal(0, nextHour);
        Assert.Equal(0, dayBefore);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var reminder = Assert.Single(await app.Service<NotificationService>().ListAsync(director, None), n => n.Kind == NotificationKind.DueSoon);
        Assert.Equal("2026-12-20", Localization.Bidi.Strip(reminder.Arguments[1].En));
        Assert.Equal($"submissions/{await app.SubmissionIdAsync("MOH", SeededData.OpenPeriod)}", reminder.Link);
    }

    [Fact]
    public async Task RunOnce_SubmittedInstitution_IsNotReminded()
    {
        await using var own = new StrategyGovAppFactory();
        await own.SubmittedAsync("AMN-EAST", DemoUsers.DirectorEast);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 18, 9, 0, 0, TimeSpan.FromHours(3)));

        var sent = await Reminders(own, clock).RunOnceAsync(None);

        Assert.Equal(2, sent); // MOH's director and contributor
        var east = await own.ActorAsync(DemoUsers.DirectorEast);
        Assert.DoesNotContain(await own.Service<NotificationService>().ListAsync(east, None), n => n.Kind == NotificationKind.DueSoon);
    }

    private static DueDateReminders Reminders(StrategyGovAppFactory target, TimeProvider clock) => new(
        target.Services.GetRequiredService<IDbContextFactory<StrategyGovDbContext>>(),
        target.Services.GetRequiredService<NotificationService>(),
        clock,
        target.Services.GetRequiredService<IOptions<PlatformOptions>>());
}
