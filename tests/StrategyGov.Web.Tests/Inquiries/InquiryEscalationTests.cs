using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StrategyGov.Data;
using StrategyGov.Data.Notifications;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Inquiries;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Tests.Support;
using static StrategyGov.Web.Tests.Support.InquiryData;

namespace StrategyGov.Web.Tests.Inquiries;

/// <summary>
/// The escalation job's work (ADR 0098 §Escalation) on a fake clock: a media inquiry of the Ministry of Health
/// received on Sunday 1 November 2026 at 09:00 (first response due 13:00, answer due Tuesday 09:00) that
/// nobody handles. Warnings go to the institution's staff, breaches to its director, the answer still
/// missing a working day later to the center; each once, however often the job runs.
/// </summary>
public sealed class InquiryEscalationTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    [Fact]
    public async Task RunOnce_AsTheClocksRun_WarnsThenEscalatesEachStepOnce()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var id = await app.LogAsync(director, Form("2026-11-01 09:00", "طلب تعليق عاجل على تقرير الانتظار في الطوارئ"));
        var clock = new FakeTimeProvider(new DateTimeOffset(Utc("2026-11-01 12:05")));
        var escalation = new InquiryEscalation(
            app.Services.GetRequiredService<IDbContextFactory<StrategyGovDbContext>>(), app.Service<NotificationService>(), clock, app.Services.GetRequiredService<IOptions<PlatformOptions>>());

        // Demo inquiries of other institutions run on the same clock: count this inquiry's notifications only.
        var counts = new List<int>();
        foreach (var now in new[]
        {
            "2026-11-01 12:05",   // first response: 55 working minutes left
            "2026-11-01 12:10",   // again: nothing new
            "2026-11-01 13:30",   // first response 30 minutes late
            "2026-11-03 08:30",   // answer: 810 of 840 used
            "2026-11-03 10:00",   // answer late
            "2026-11-04 08:59",   // 1,259 of 840 + 420
            "2026-11-04 09:00",   // a working day past the target: the center
            "2026-11-20 09:00",   // all announced already
        })
        {
            clock.SetUtcNow(Utc(now));
            var before = await SentAsync(id);
            await escalation.RunOnceAsync(CancellationToken.None);
            counts.Add(await SentAsync(id) - before);
        }

        Assert.Equal([2, 0, 1, 2, 1, 0, 2, 0], counts);
        await using var db = await app.DbAsync();
        var sent = await db.Notifications.Where(n => n.OnceKey != null && n.OnceKey.StartsWith($"inq:{id}:")).ToListAsync();
        var users = await db.Users.ToDictionaryAsync(u => u.Id, u => u.Email);
        Assert.Equal(
            [
                ("inq:" + id + ":answer:breach", NotificationKind.InquiryBreached, DemoUsers.DirectorMoh),
                ("inq:" + id + ":answer:risk", NotificationKind.InquiryAtRisk, DemoUsers.ContributorMoh),
                ("inq:" + id + ":answer:risk", NotificationKind.InquiryAtRisk, DemoUsers.DirectorMoh),
                ("inq:" + id + ":center", NotificationKind.InquiryEscalated, DemoUsers.Admin),
                ("inq:" + id + ":center", NotificationKind.InquiryEscalated, DemoUsers.Reviewer),
                ("inq:" + id + ":first:breach", NotificationKind.InquiryBreached, DemoUsers.DirectorMoh),
                ("inq:" + id + ":first:risk", NotificationKind.InquiryAtRisk, DemoUsers.ContributorMoh),
                ("inq:" + id + ":first:risk", NotificationKind.InquiryAtRisk, DemoUsers.DirectorMoh),
            ],
            sent.Select(n => (n.OnceKey!, n.Kind, users[n.RecipientUserId]!)).Order().ToList());
        Assert.All(sent, n => Assert.Equal($"inquiries/{id}", n.Link));
    }

    private async Task<int> SentAsync(int id)
    {
        await using var db = await app.DbAsync();
        return await db.Notifications.CountAsync(n => n.OnceKey != null && n.OnceKey.StartsWith($"inq:{id}:"));
    }

    [Fact]
    public async Task RunOnce_WaitingOnTheRequesterOrAnswered_NotifiesNobody()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var waiting = await app.LogAsync(director, Form("2026-11-08 09:00", "بانتظار الصحفي"));
        await app.ActAsync(director, waiting, InquiryActionKind.WaitOnRequester, "2026-11-08 09:10", "طلبنا تحديد السؤال");
        var answered = await app.LogAsync(director, Form("2026-11-08 09:00", "أجيب سريعاً"));
        await app.ActAsync(director, answered, InquiryActionKind.Answer, "2026-11-08 09:20", "الرد");
        var clock = new FakeTimeProvider(new DateTimeOffset(Utc("2026-11-12 14:00")));
        var escalation = new InquiryEscalation(
            app.Services.GetRequiredService<IDbContextFactory<StrategyGovDbContext>>(), app.Service<NotificationService>(), clock, app.Services.GetRequiredService<IOptions<PlatformOptions>>());

        await escalation.RunOnceAsync(CancellationToken.None);

        await using var db = await app.DbAsync();
        Assert.False(await db.Notifications.AnyAsync(n => n.OnceKey!.StartsWith($"inq:{waiting}:") || n.OnceKey!.StartsWith($"inq:{answered}:")));
    }
}
