namespace StrategyGov.Web.Features.Inquiries.Clock;

/// <summary>A span of time from <see cref="Start"/> (included) to <see cref="End"/> (excluded), UTC.</summary>
public readonly record struct TimeRange(DateTime Start, DateTime End)
{
    /// <summary>The end of a pause that has not ended yet.</summary>
    public static readonly DateTime Open = DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc);

    public TimeSpan Length => End - Start;

    public bool IsOpenEnded => End == Open;
}

/// <summary>Working hours of one day, in the calendar's time zone (the start before the end, on the same day).</summary>
public readonly record struct DayHours(TimeOnly Start, TimeOnly End);

/// <summary>
/// Days, from one date to another (both included), that are closed (<see cref="Hours"/> null: a public
/// holiday) or worked with other hours (e.g. shorter hours in Ramadan).
/// </summary>
public sealed record DayException(DateOnly From, DateOnly To, DayHours? Hours);

/// <summary>
/// A working-hours calendar and the arithmetic of its clock: working time between two instants and the
/// instant a number of working minutes after another, with pauses taken out (docs/decisions/0098). Pure:
/// no database, no clock of its own; every instant is UTC and every day is a day of <see cref="Zone"/>.
/// </summary>
public sealed class WorkingCalendarRules
{
    /// <summary>How far ahead a deadline is looked for before the calendar is declared to have no working time.</summary>
    private const int MaxDaysAhead = 3660;

    private readonly HashSet<DayOfWeek> _days;
    private readonly Dictionary<DateOnly, DayHours?> _exceptions = [];

    public WorkingCalendarRules(TimeZoneInfo zone, IEnumerable<DayOfWeek> days, DayHours hours, IEnumerable<DayException>? exceptions = null)
    {
        if (hours.End <= hours.Start)
        {
            throw new ArgumentException("The working day must end after it starts.", nameof(hours));
        }

        Zone = zone;
        _days = days.ToHashSet();
        Hours = hours;

        // Expanded day by day. Where exceptions overlap, a closed day wins over other hours, and of two
        // runs of other hours the shorter day wins: the calendar never gives more working time than one of them says.
        foreach (var exception in exceptions ?? [])
        {
            if (exception.Hours is { } h && h.End <= h.Start)
            {
                throw new ArgumentException("An exception's working day must end after it starts.", nameof(exceptions));
            }

            for (var day = exception.From; day <= exception.To; day = day.AddDays(1))
            {
                if (!_exceptions.TryGetValue(day, out var existing))
                {
                    _exceptions[day] = exception.Hours;
                }
                else if (existing is { } current && (exception.Hours is null || Length(exception.Hours.Value) < Length(current)))
                {
                    _exceptions[day] = exception.Hours;
                }
            }
        }
    }

    public TimeZoneInfo Zone { get; }

    public IReadOnlySet<DayOfWeek> Days => _days;

    /// <summary>The hours of an ordinary working day.</summary>
    public DayHours Hours { get; }

    /// <summary>Sunday to Thursday, 08:00–15:00, Riyadh time: the default of a fresh installation.</summary>
    public static WorkingCalendarRules Default(IEnumerable<DayException>? exceptions = null) => new(
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh"),
        [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday],
        new DayHours(new TimeOnly(8, 0), new TimeOnly(15, 0)),
        exceptions);

    /// <summary>The working hours of a day, or null when the day is not worked.</summary>
    public DayHours? HoursOn(DateOnly day) =>
        _exceptions.TryGetValue(day, out var exception) ? exception : _days.Contains(day.DayOfWeek) ? Hours : null;

    /// <summary>The working time of a day as UTC instants, or null when the day is not worked.</summary>
    public TimeRange? WorkingRangeOn(DateOnly day) =>
        HoursOn(day) is { } hours ? new TimeRange(ToUtc(day, hours.Start), ToUtc(day, hours.End)) : null;

    /// <summary>The calendar's date of a UTC instant.</summary>
    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Utc(utc), Zone));

    /// <summary>A local day and time as a UTC instant; a time skipped by a daylight-saving change moves to the first valid minute after it.</summary>
    public DateTime ToUtc(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        for (var i = 0; i < 24 * 60 && Zone.IsInvalidTime(local); i++)
        {
            local = local.AddMinutes(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>
    /// Working time from <paramref name="from"/> to <paramref name="to"/>: the parts of working days between
    /// them that fall in no pause. Zero when <paramref name="to"/> is not after <paramref name="from"/>.
    /// </summary>
    public TimeSpan WorkingTime(DateTime from, DateTime to, IReadOnlyList<TimeRange>? pauses = null)
    {
        from = Utc(from);
        to = Utc(to);
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var merged = Merge(pauses);
        var total = TimeSpan.Zero;
        for (var day = LocalDate(from); day <= LocalDate(to); day = day.AddDays(1))
        {
            if (WorkingRangeOn(day) is not { } range)
            {
                continue;
            }

            var start = Max(range.Start, from);
            var end = Min(range.End, to);
            if (end > start)
            {
                total += end - start - Overlap(merged, start, end);
            }
        }

        return total;
    }

    /// <summary>
    /// The instant at which <paramref name="work"/> of working time has passed since <paramref name="start"/>,
    /// pauses excluded: a start outside working hours counts from the next working minute; a deadline that
    /// falls exactly at the end of a working day is that end, not the next morning. Null when a pause that
    /// has not ended stops the clock before the time is used up.
    /// </summary>
    public DateTime? AddWorkingTime(DateTime start, TimeSpan work, IReadOnlyList<TimeRange>? pauses = null)
    {
        start = Utc(start);
        if (work <= TimeSpan.Zero)
        {
            return start;
        }

        var merged = Merge(pauses);
        DateTime? pausedFrom = merged.Count > 0 && merged[^1].IsOpenEnded ? merged[^1].Start : null;
        var remaining = work;
        var day = LocalDate(start);
        for (var n = 0; n < MaxDaysAhead; n++, day = day.AddDays(1))
        {
            // Everything from this day on falls in a pause that has not ended: the clock is stopped.
            if (pausedFrom is { } paused && ToUtc(day, TimeOnly.MinValue) >= paused)
            {
                return null;
            }

            if (WorkingRangeOn(day) is not { } range)
            {
                continue;
            }

            var from = Max(range.Start, start);
            foreach (var free in Free(merged, from, range.End))
            {
                if (free.Length >= remaining)
                {
                    return free.Start + remaining;
                }

                remaining -= free.Length;
            }
        }

        if (pausedFrom is not null)
        {
            return null;
        }

        throw new InvalidOperationException($"The calendar has no working time in the {MaxDaysAhead} days after {start:u}.");
    }

    /// <summary>Clock time from <paramref name="from"/> to <paramref name="to"/>, pauses excluded (weekends and nights count).</summary>
    public static TimeSpan ElapsedTime(DateTime from, DateTime to, IReadOnlyList<TimeRange>? pauses = null)
    {
        from = Utc(from);
        to = Utc(to);
        return to <= from ? TimeSpan.Zero : to - from - Overlap(Merge(pauses), from, to);
    }

    /// <summary>Pauses sorted and merged where they overlap or touch.</summary>
    public static IReadOnlyList<TimeRange> Merge(IReadOnlyList<TimeRange>? pauses)
    {
        if (pauses is null || pauses.Count == 0)
        {
            return [];
        }

        var sorted = pauses.Select(p => new TimeRange(Utc(p.Start), Utc(p.End))).Where(p => p.End > p.Start).OrderBy(p => p.Start).ToList();
        var merged = new List<TimeRange>(sorted.Count);
        foreach (var pause in sorted)
        {
            if (merged.Count > 0 && pause.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Max(merged[^1].End, pause.End) };
            }
            else
            {
                merged.Add(pause);
            }
        }

        return merged;
    }

    private static TimeSpan Overlap(IReadOnlyList<TimeRange> merged, DateTime start, DateTime end)
    {
        var total = TimeSpan.Zero;
        foreach (var pause in merged)
        {
            var s = Max(pause.Start, start);
            var e = Min(pause.End, end);
            if (e > s)
            {
                total += e - s;
            }
        }

        return total;
    }

    /// <summary>The parts of [start, end) outside every pause, in order.</summary>
    private static IEnumerable<TimeRange> Free(IReadOnlyList<TimeRange> merged, DateTime start, DateTime end)
    {
        var cursor = start;
        foreach (var pause in merged)
        {
            if (cursor >= end)
            {
                yield break;
            }

            if (pause.End <= cursor || pause.Start >= end)
            {
                continue;
            }

            if (pause.Start > cursor)
            {
                yield return new TimeRange(cursor, pause.Start);
            }

            cursor = Max(cursor, pause.End);
        }

        if (cursor < end)
        {
            yield return new TimeRange(cursor, end);
        }
    }

    private static TimeSpan Length(DayHours hours) => hours.End - hours.Start;

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
