using System.Globalization;
using StrategyGov.Web.Features.Inquiries.Clock;

namespace StrategyGov.Web.Tests.Inquiries;

/// <summary>
/// The working-time clock (docs/decisions/0098 §The clock) against values worked out by hand. The default
/// calendar: Sunday to Thursday, 08:00–15:00 Riyadh time (UTC+3, no daylight saving). The week used:
/// Thursday 3 December 2026, the weekend on the 4th and 5th, Sunday 6 to Thursday 10 December.
/// </summary>
public sealed class WorkingTimeTests
{
    private static readonly WorkingCalendarRules Riyadh = WorkingCalendarRules.Default();

    /// <summary>A Riyadh local time ("yyyy-MM-dd HH:mm") as a UTC instant.</summary>
    internal static DateTime R(string local) =>
        DateTime.SpecifyKind(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture).AddHours(-3), DateTimeKind.Utc);

    private static TimeRange P(string from, string? to) => new(R(from), to is null ? TimeRange.Open : R(to));

    private static WorkingCalendarRules With(params DayException[] exceptions) => WorkingCalendarRules.Default(exceptions);

    private static DayException Closed(string from, string to) => new(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture), null);

    [Theory]
    [InlineData("2026-12-06 09:00", "2026-12-06 11:30", 150)]   // inside one working day
    [InlineData("2026-12-06 14:00", "2026-12-07 09:00", 120)]   // over the night: 14–15 and 08–09
    [InlineData("2026-12-06 18:00", "2026-12-07 10:00", 120)]   // received after hours: counts from 08:00 next day
    [InlineData("2026-12-06 06:30", "2026-12-06 08:45", 45)]    // received before hours: counts from 08:00
    [InlineData("2026-12-03 14:00", "2026-12-06 09:00", 120)]   // over the weekend: Thursday 14–15, Sunday 08–09
    [InlineData("2026-12-04 10:00", "2026-12-06 08:30", 30)]    // received on Friday: nothing until Sunday 08:00
    [InlineData("2026-12-04 10:00", "2026-12-05 23:00", 0)]     // all within the weekend
    [InlineData("2026-12-06 15:00", "2026-12-07 08:00", 0)]     // from closing time to opening time
    [InlineData("2026-12-06 08:00", "2026-12-10 15:00", 2100)]  // a whole working week: 5 × 420
    [InlineData("2026-12-03 13:00", "2026-12-10 10:00", 1920)]  // Thu 120 + Sun–Wed 4 × 420 + Thu 120
    [InlineData("2026-12-06 11:00", "2026-12-06 11:00", 0)]     // no time
    [InlineData("2026-12-06 12:00", "2026-12-06 11:00", 0)]     // backwards is zero, never negative
    public void WorkingTime_DefaultCalendar(string from, string to, int minutes) =>
        Assert.Equal(minutes, InquiryClock.Minutes(Riyadh.WorkingTime(R(from), R(to))));

    [Theory]
    [InlineData("2026-12-03 14:00", "2026-12-07 09:00", 120)]   // Sunday a holiday: Thursday 14–15, Monday 08–09
    [InlineData("2026-12-06 10:00", "2026-12-06 14:00", 0)]     // all within the holiday
    [InlineData("2026-12-05 20:00", "2026-12-07 08:30", 30)]    // weekend then holiday: Monday 08:00–08:30
    public void WorkingTime_SundayIsAPublicHoliday(string from, string to, int minutes) =>
        Assert.Equal(minutes, InquiryClock.Minutes(With(Closed("2026-12-06", "2026-12-06")).WorkingTime(R(from), R(to))));

    [Fact]
    public void WorkingTime_HolidayOfThreeDays_SkipsThemAll()
    {
        var calendar = With(Closed("2026-12-06", "2026-12-08"));

        // Thursday 13–15 (120), Sunday to Tuesday closed, Wednesday 08–10 (120).
        Assert.Equal(240, InquiryClock.Minutes(calendar.WorkingTime(R("2026-12-03 13:00"), R("2026-12-09 10:00"))));
    }

    [Fact]
    public void WorkingTime_ShorterHours_CountOnlyThoseHours()
    {
        // Ramadan hours 10:00–15:00 on Sunday only.
        var calendar = With(new DayException(new DateOnly(2026, 12, 6), new DateOnly(2026, 12, 6), new DayHours(new TimeOnly(10, 0), new TimeOnly(15, 0))));

        Assert.Equal(120, InquiryClock.Minutes(calendar.WorkingTime(R("2026-12-06 08:00"), R("2026-12-06 12:00"))));
        Assert.Equal(new DayHours(new TimeOnly(10, 0), new TimeOnly(15, 0)), calendar.HoursOn(new DateOnly(2026, 12, 6)));
        Assert.Equal(Riyadh.Hours, calendar.HoursOn(new DateOnly(2026, 12, 7)));
    }

    [Fact]
    public void WorkingTime_OverlappingExceptions_TheClosedDayWins()
    {
        var calendar = With(
            new DayException(new DateOnly(2026, 12, 6), new DateOnly(2026, 12, 10), new DayHours(new TimeOnly(10, 0), new TimeOnly(15, 0))),
            Closed("2026-12-07", "2026-12-07"));

        Assert.Null(calendar.HoursOn(new DateOnly(2026, 12, 7)));
        Assert.Equal(new TimeOnly(10, 0), calendar.HoursOn(new DateOnly(2026, 12, 8))!.Value.Start);
    }

    [Fact]
    public void WorkingTime_PauseWithinTheDay_IsTakenOut() =>
        // 09:00–14:00 is 300 minutes, waiting 10:00–11:00 takes 60 out.
        Assert.Equal(240, InquiryClock.Minutes(Riyadh.WorkingTime(R("2026-12-06 09:00"), R("2026-12-06 14:00"), [P("2026-12-06 10:00", "2026-12-06 11:00")])));

    [Fact]
    public void WorkingTime_PauseOverTheWeekend_TakesOutOnlyItsWorkingPart() =>
        // Thursday 13:00 to Sunday 12:00 is 120 + 240 = 360 working minutes; waiting from Thursday 14:00 to
        // Sunday 10:00 covers 60 (Thursday) + 120 (Sunday) of them: 180 remain.
        Assert.Equal(180, InquiryClock.Minutes(Riyadh.WorkingTime(R("2026-12-03 13:00"), R("2026-12-06 12:00"), [P("2026-12-03 14:00", "2026-12-06 10:00")])));

    [Fact]
    public void WorkingTime_OverlappingPauses_AreCountedOnce() =>
        // 08:00–15:00 (420) minus the union 10:00–13:00 (180).
        Assert.Equal(240, InquiryClock.Minutes(Riyadh.WorkingTime(R("2026-12-06 08:00"), R("2026-12-06 15:00"),
            [P("2026-12-06 10:00", "2026-12-06 12:00"), P("2026-12-06 11:00", "2026-12-06 13:00")])));

    [Fact]
    public void WorkingTime_PauseStillOpen_StopsTheClockAtItsStart() =>
        // Received Sunday 09:00, waiting on the requester since 10:00 and still now (Monday 12:00): 60 minutes.
        Assert.Equal(60, InquiryClock.Minutes(Riyadh.WorkingTime(R("2026-12-06 09:00"), R("2026-12-07 12:00"), [P("2026-12-06 10:00", null)])));

    [Theory]
    [InlineData("2026-12-06 09:00", 240, "2026-12-06 13:00")]   // within the day
    [InlineData("2026-12-06 13:00", 240, "2026-12-07 10:00")]   // 120 on Sunday, 120 on Monday
    [InlineData("2026-12-03 13:00", 240, "2026-12-06 10:00")]   // over the weekend
    [InlineData("2026-12-04 11:00", 240, "2026-12-06 12:00")]   // received on Friday
    [InlineData("2026-12-06 18:00", 840, "2026-12-08 15:00")]   // two working days from the evening: ends at closing, not next morning
    [InlineData("2026-12-06 08:00", 420, "2026-12-06 15:00")]   // one working day exactly
    [InlineData("2026-12-06 15:00", 1, "2026-12-07 08:01")]     // at closing time: the next minute worked
    [InlineData("2026-12-10 14:30", 30, "2026-12-10 15:00")]    // ends exactly at Thursday's close
    [InlineData("2026-12-10 14:30", 31, "2026-12-13 08:01")]    // one minute more: after the weekend
    [InlineData("2026-12-06 09:17", 0, "2026-12-06 09:17")]     // no time to add
    public void Deadline_DefaultCalendar(string start, int minutes, string expected) =>
        Assert.Equal(R(expected), Riyadh.AddWorkingTime(R(start), TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void Deadline_OverAHoliday_SkipsIt() =>
        Assert.Equal(R("2026-12-07 10:00"), With(Closed("2026-12-06", "2026-12-06")).AddWorkingTime(R("2026-12-03 13:00"), TimeSpan.FromHours(4)));

    [Fact]
    public void Deadline_PauseInTheDay_MovesItByThePause() =>
        Assert.Equal(R("2026-12-06 14:30"), Riyadh.AddWorkingTime(R("2026-12-06 09:00"), TimeSpan.FromHours(4), [P("2026-12-06 10:00", "2026-12-06 11:30")]));

    [Fact]
    public void Deadline_PauseOverTheWeekend_ResumesOnSunday() =>
        // Thursday 13–14 uses 60; waiting until Sunday 10:00; 180 more: Sunday 13:00.
        Assert.Equal(R("2026-12-06 13:00"), Riyadh.AddWorkingTime(R("2026-12-03 13:00"), TimeSpan.FromHours(4), [P("2026-12-03 14:00", "2026-12-06 10:00")]));

    [Fact]
    public void Deadline_PauseStillOpen_HasNoDeadline() =>
        Assert.Null(Riyadh.AddWorkingTime(R("2026-12-06 09:00"), TimeSpan.FromHours(4), [P("2026-12-06 10:00", null)]));

    [Fact]
    public void Deadline_PauseStillOpenAfterTheDeadline_KeepsTheDeadline() =>
        Assert.Equal(R("2026-12-06 10:00"), Riyadh.AddWorkingTime(R("2026-12-06 09:00"), TimeSpan.FromHours(1), [P("2026-12-06 11:00", null)]));

    [Fact]
    public void Deadline_ReceivedDuringARamadanDay_CountsTheShorterHours()
    {
        var ramadan = With(new DayException(new DateOnly(2026, 12, 6), new DateOnly(2026, 12, 10), new DayHours(new TimeOnly(10, 0), new TimeOnly(15, 0))));

        // Sunday 09:00: nothing until 10:00; 5 hours a day: 14 working hours end on Tuesday at 14:00.
        Assert.Equal(R("2026-12-08 14:00"), ramadan.AddWorkingTime(R("2026-12-06 09:00"), TimeSpan.FromHours(14)));
    }

    /// <summary>
    /// Every half hour over three weeks (weekends, a holiday and Ramadan hours included), for targets from one
    /// minute to five working days: the deadline uses up exactly the working time asked for, and a minute
    /// before it uses up less (the deadline is the earliest such instant).
    /// </summary>
    [Fact]
    public void Deadline_AndWorkingTime_AreInverse_Everywhere()
    {
        var calendar = With(
            Closed("2026-12-09", "2026-12-09"),
            new DayException(new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 16), new DayHours(new TimeOnly(10, 0), new TimeOnly(15, 0))));
        var pauses = new[] { P("2026-12-07 10:00", "2026-12-07 11:00"), P("2026-12-10 14:00", "2026-12-13 09:00") };
        var checkedCount = 0;
        for (var start = R("2026-12-02 00:00"); start < R("2026-12-23 00:00"); start = start.AddMinutes(30))
        {
            foreach (var minutes in new[] { 1, 59, 60, 239, 240, 420, 421, 840, 2100 })
            {
                var deadline = calendar.AddWorkingTime(start, TimeSpan.FromMinutes(minutes), pauses)!.Value;

                Assert.Equal(minutes, InquiryClock.Minutes(calendar.WorkingTime(start, deadline, pauses)));
                Assert.True(calendar.WorkingTime(start, deadline.AddMinutes(-1), pauses) < TimeSpan.FromMinutes(minutes));
                checkedCount++;
            }
        }

        Assert.Equal(1008 * 9, checkedCount);
    }

    [Theory]
    [InlineData("2026-12-03 13:00", "2026-12-06 10:00", null, null, 4140)]                              // 69 hours, weekend included
    [InlineData("2026-12-03 13:00", "2026-12-06 10:00", "2026-12-03 14:00", "2026-12-06 09:00", 120)]  // minus 67 hours waiting
    [InlineData("2026-12-06 09:00", "2026-12-06 08:00", null, null, 0)]
    public void ElapsedTime_CountsNightsAndWeekendsButNotPauses(string from, string to, string? pauseFrom, string? pauseTo, int minutes)
    {
        IReadOnlyList<TimeRange> pauses = pauseFrom is null ? [] : [P(pauseFrom, pauseTo)];

        Assert.Equal(minutes, InquiryClock.Minutes(WorkingCalendarRules.ElapsedTime(R(from), R(to), pauses)));
    }

    /// <summary>
    /// A calendar in a zone with daylight saving (the clock is general, though Riyadh has none): on 29 March 2026
    /// London skips from 01:00 to 02:00, so a working day of 00:30–03:30 lasts two hours, and a day that would
    /// start at 01:30 (a time that does not exist) starts at 02:00.
    /// </summary>
    [Fact]
    public void WorkingTime_DaylightSavingChange_CountsTheRealHours()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var everyDay = Enum.GetValues<DayOfWeek>();
        var night = new WorkingCalendarRules(london, everyDay, new DayHours(new TimeOnly(0, 30), new TimeOnly(3, 30)));
        var skipped = new WorkingCalendarRules(london, everyDay, new DayHours(new TimeOnly(1, 30), new TimeOnly(4, 0)));
        var day = new DateTime(2026, 3, 29, 0, 0, 0, DateTimeKind.Utc);

        Assert.Equal(120, InquiryClock.Minutes(night.WorkingTime(day, day.AddHours(12))));
        Assert.Equal(180, InquiryClock.Minutes(night.WorkingTime(day.AddDays(-1), day.AddDays(-1).AddHours(12))));
        Assert.Equal(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc), skipped.WorkingRangeOn(new DateOnly(2026, 3, 29))!.Value.Start);
        Assert.Equal(120, InquiryClock.Minutes(skipped.WorkingTime(day, day.AddHours(12))));
    }

    [Fact]
    public void Calendar_DayThatEndsBeforeItStarts_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new WorkingCalendarRules(TimeZoneInfo.Utc, [DayOfWeek.Sunday], new DayHours(new TimeOnly(15, 0), new TimeOnly(8, 0))));

    [Fact]
    public void Deadline_CalendarWithoutWorkingDays_Throws()
    {
        var never = new WorkingCalendarRules(TimeZoneInfo.Utc, [], new DayHours(new TimeOnly(8, 0), new TimeOnly(15, 0)));

        Assert.Throws<InvalidOperationException>(() => never.AddWorkingTime(R("2026-12-06 09:00"), TimeSpan.FromHours(1)));
    }
}
