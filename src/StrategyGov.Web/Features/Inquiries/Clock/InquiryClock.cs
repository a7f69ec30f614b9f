using StrategyGov.Data.Inquiries;

namespace StrategyGov.Web.Features.Inquiries.Clock;

/// <summary>Where one timer (first response or answer) of an inquiry stands.</summary>
public enum TimerState
{
    /// <summary>Done within its target.</summary>
    Met,

    /// <summary>Done, but after its target.</summary>
    Missed,

    /// <summary>Running, with time to spare.</summary>
    Running,

    /// <summary>Running, with no more than the warning time left.</summary>
    AtRisk,

    /// <summary>Running past its target.</summary>
    Breached,

    /// <summary>Stopped while the institution waits on the requester (and not yet past its target).</summary>
    Paused,
}

/// <summary>One timer as shown: its state, the working minutes used (so far, or in all), its target and its deadline.</summary>
public sealed record TimerView(TimerState State, int UsedMinutes, int TargetMinutes, DateTime? DueAt)
{
    public bool IsDone => State is TimerState.Met or TimerState.Missed;
}

/// <summary>What the clocks of an inquiry are computed from.</summary>
public sealed record ClockFacts(
    DateTime ReceivedAt,
    DateTime? FirstResponseAt,
    DateTime? AnsweredAt,
    int FirstResponseTargetMinutes,
    int AnswerTargetMinutes,
    IReadOnlyList<TimeRange> Pauses)
{
    public static IReadOnlyList<TimeRange> PausesOf(IEnumerable<InquiryPause> pauses) =>
        pauses.Select(p => new TimeRange(p.StartedAt, p.EndedAt ?? TimeRange.Open)).ToList();

    public static ClockFacts Of(Inquiry inquiry, IEnumerable<InquiryPause> pauses) => new(
        inquiry.ReceivedAt, inquiry.FirstResponseAt, inquiry.AnsweredAt, inquiry.FirstResponseTargetMinutes, inquiry.AnswerTargetMinutes, PausesOf(pauses));
}

/// <summary>
/// The two clocks of an inquiry (docs/decisions/0098): the first response and the answer, both counted in
/// working time from receipt, pauses (waiting on the requester) excluded; a referral does not stop them.
/// Pure, like the calendar it runs on.
/// </summary>
public static class InquiryClock
{
    /// <summary>Whole minutes, half a minute and more rounded up.</summary>
    public static int Minutes(TimeSpan span) => (int)Math.Round(span.TotalMinutes, MidpointRounding.AwayFromZero);

    /// <summary>Working hours of a number of minutes, two decimals (half away from zero).</summary>
    public static decimal Hours(int minutes) => Math.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);

    /// <summary>Recomputes the stored clock columns of <paramref name="inquiry"/> (deadlines and minutes used).</summary>
    public static void Apply(Inquiry inquiry, WorkingCalendarRules calendar, IEnumerable<InquiryPause> pauses)
    {
        var facts = ClockFacts.Of(inquiry, pauses);
        inquiry.FirstResponseDueAt = DueAt(calendar, facts.ReceivedAt, facts.FirstResponseTargetMinutes, facts.Pauses, facts.FirstResponseAt);
        inquiry.AnswerDueAt = DueAt(calendar, facts.ReceivedAt, facts.AnswerTargetMinutes, facts.Pauses, facts.AnsweredAt);
        inquiry.FirstResponseMinutes = facts.FirstResponseAt is { } first ? Minutes(calendar.WorkingTime(facts.ReceivedAt, first, facts.Pauses)) : null;
        inquiry.AnswerMinutes = facts.AnsweredAt is { } answered ? Minutes(calendar.WorkingTime(facts.ReceivedAt, answered, facts.Pauses)) : null;
        inquiry.AnswerElapsedMinutes = facts.AnsweredAt is { } at ? Minutes(WorkingCalendarRules.ElapsedTime(facts.ReceivedAt, at, facts.Pauses)) : null;
    }

    /// <summary>
    /// The deadline of a timer: <paramref name="targetMinutes"/> of working time after receipt, pauses
    /// excluded. A timer already done only counts the pauses that began before it was done. Null while paused.
    /// </summary>
    public static DateTime? DueAt(WorkingCalendarRules calendar, DateTime receivedAt, int targetMinutes, IReadOnlyList<TimeRange> pauses, DateTime? doneAt) =>
        calendar.AddWorkingTime(receivedAt, TimeSpan.FromMinutes(targetMinutes), doneAt is { } done ? pauses.Where(p => p.Start < done).ToList() : pauses);

    /// <summary>The first-response timer as of <paramref name="now"/>.</summary>
    public static TimerView FirstResponse(ClockFacts facts, WorkingCalendarRules calendar, DateTime now, int warnBeforeMinutes) =>
        Timer(facts, calendar, facts.FirstResponseTargetMinutes, facts.FirstResponseAt, now, warnBeforeMinutes);

    /// <summary>The answer timer as of <paramref name="now"/>.</summary>
    public static TimerView Answer(ClockFacts facts, WorkingCalendarRules calendar, DateTime now, int warnBeforeMinutes) =>
        Timer(facts, calendar, facts.AnswerTargetMinutes, facts.AnsweredAt, now, warnBeforeMinutes);

    private static TimerView Timer(ClockFacts facts, WorkingCalendarRules calendar, int target, DateTime? doneAt, DateTime now, int warn)
    {
        var due = DueAt(calendar, facts.ReceivedAt, target, facts.Pauses, doneAt);
        if (doneAt is { } done)
        {
            var used = Minutes(calendar.WorkingTime(facts.ReceivedAt, done, facts.Pauses));
            return new TimerView(used <= target ? TimerState.Met : TimerState.Missed, used, target, due);
        }

        var soFar = Minutes(calendar.WorkingTime(facts.ReceivedAt, now, facts.Pauses));
        var paused = facts.Pauses.Any(p => p.Start <= now && p.End > now);
        var state = soFar > target ? TimerState.Breached
            : paused ? TimerState.Paused
            : target - soFar <= warn ? TimerState.AtRisk
            : TimerState.Running;
        return new TimerView(state, soFar, target, due);
    }
}
