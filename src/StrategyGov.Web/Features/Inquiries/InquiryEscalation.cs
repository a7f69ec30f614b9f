using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Inquiries;
using StrategyGov.Data.Notifications;
using StrategyGov.Web.Features.Inquiries.Clock;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Inquiries;

/// <summary>
/// Escalation of the inquiry clocks (ADR 0098 §Escalation): an open inquiry whose answer target is near
/// (the warning time, in working minutes) is announced to the institution's staff; one past a target to
/// its director; one past its answer target by the center's grace (working minutes) to the center. Each
/// notification once per inquiry, target and step (once-keys), however often or on however many servers it runs.
/// A deadline that passed more than <see cref="Lookback"/> ago is not announced any more (an import of last
/// year's log, a server down for a week): it stays on the log and the dashboards as overdue.
/// </summary>
public sealed class InquiryEscalation(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    NotificationService notifications,
    TimeProvider clock,
    IOptions<PlatformOptions> platform)
{
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    /// <summary>Runs the checks due now; returns how many notifications were written.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await InquirySettings.LoadAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        // Only open inquiries can breach; those not paused whose deadlines are near, or any already past one.
        var horizon = settings.Calendar.AddWorkingTime(now, TimeSpan.FromMinutes(settings.WarnBeforeMinutes)) ?? now;
        // Deadlines that may still be announced: the center's comes a grace of working time (with nights and weekends) after the target's.
        var oldest = now - Lookback - TimeSpan.FromMinutes(settings.CenterGraceMinutes * 4) - TimeSpan.FromDays(4);
        var open = await db.Inquiries.AsNoTracking()
            .Where(Inquiry.Open)
            .Where(i => i.Status != InquiryStatus.WaitingOnRequester)
            .Where(i => (i.AnswerDueAt != null && i.AnswerDueAt <= horizon && i.AnswerDueAt >= oldest)
                || (i.FirstResponseAt == null && i.FirstResponseDueAt != null && i.FirstResponseDueAt <= horizon && i.FirstResponseDueAt >= oldest))
            .Select(i => new
            {
                i.Id, i.InstitutionId, i.Topic, i.ReceivedAt, i.FirstResponseAt, i.AnsweredAt, i.FirstResponseTargetMinutes, i.AnswerTargetMinutes,
                InstitutionAr = i.Institution.NameAr, InstitutionEn = i.Institution.NameEn,
            })
            .ToListAsync(ct);
        var ids = open.Select(o => o.Id).ToList();
        var pauses = (await db.InquiryPauses.AsNoTracking().Where(p => ids.Contains(p.InquiryId)).ToListAsync(ct)).ToLookup(p => p.InquiryId);

        var count = 0;
        foreach (var inquiry in open)
        {
            var facts = new ClockFacts(inquiry.ReceivedAt, inquiry.FirstResponseAt, inquiry.AnsweredAt, inquiry.FirstResponseTargetMinutes, inquiry.AnswerTargetMinutes, ClockFacts.PausesOf(pauses[inquiry.Id]));
            var link = $"inquiries/{inquiry.Id}";
            var topic = new NotificationArg(inquiry.Topic, inquiry.Topic);
            var first = InquiryClock.FirstResponse(facts, settings.Calendar, now, settings.WarnBeforeMinutes);
            var answer = InquiryClock.Answer(facts, settings.Calendar, now, settings.WarnBeforeMinutes);
            foreach (var (timer, name) in new[] { (first, "first"), (answer, "answer") })
            {
                var what = new NotificationArg(name == "first" ? "الرد الأول" : "الإجابة", name == "first" ? "first response" : "answer");
                var due = NotificationArg.Ltr(Local(timer.DueAt));
                if (timer.State == TimerState.AtRisk)
                {
                    count += await notifications.PublishAsync(
                        NotificationKind.InquiryAtRisk, NotificationAudience.Institution(inquiry.InstitutionId), [topic, what, due], link, $"inq:{inquiry.Id}:{name}:risk", ct);
                }
                else if (timer.State == TimerState.Breached && timer.DueAt >= now - Lookback)
                {
                    count += await notifications.PublishAsync(
                        NotificationKind.InquiryBreached, NotificationAudience.Directors(inquiry.InstitutionId), [topic, what, due], link, $"inq:{inquiry.Id}:{name}:breach", ct);
                }
            }

            // The center hears of an answer still missing after the grace.
            if (answer.State == TimerState.Breached && answer.UsedMinutes >= answer.TargetMinutes + settings.CenterGraceMinutes
                && InquiryClock.DueAt(settings.Calendar, inquiry.ReceivedAt, answer.TargetMinutes + settings.CenterGraceMinutes, facts.Pauses, null) >= now - Lookback)
            {
                count += await notifications.PublishAsync(
                    NotificationKind.InquiryEscalated,
                    NotificationAudience.Center,
                    [new NotificationArg(inquiry.InstitutionAr, inquiry.InstitutionEn), topic, NotificationArg.Ltr(InquiryText.Hours(answer.UsedMinutes))],
                    link,
                    $"inq:{inquiry.Id}:center",
                    ct);
            }
        }

        return count;
    }

    private string Local(DateTime? utc) => utc is { } value
        ? TimeZoneInfo.ConvertTimeFromUtc(value, platform.Value.TimeZoneInfo).ToString(InquiryText.DateTimeFormat, System.Globalization.CultureInfo.InvariantCulture)
        : "—";
}

/// <summary>Runs <see cref="InquiryEscalation"/> at start-up and then every five minutes.</summary>
public sealed class InquiryEscalationJob(InquiryEscalation escalation, TimeProvider clock, ILogger<InquiryEscalationJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var sent = await escalation.RunOnceAsync(stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("Sent {Count} inquiry escalation notification(s)", sent);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next run tries again: a notification is late, never lost (its once-key is not taken).
                logger.LogError(e, "Inquiry escalation failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
