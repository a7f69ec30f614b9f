namespace StrategyGov.Web.Features.Calendar;

/// <summary>What the clash rules need to know about one entry (days are local days of the platform time zone, both inclusive).</summary>
public sealed record ClashCandidate(int Id, int InstitutionId, DateOnly FirstDay, DateOnly LastDay, IReadOnlySet<int> AudienceIds, bool IsHighProfile)
{
    public int Days => LastDay.DayNumber - FirstDay.DayNumber + 1;
}

/// <summary>Two entries competing for the same audience on the same days; <see cref="FirstId"/> &lt; <see cref="SecondId"/>.</summary>
public sealed record CalendarClash(int FirstId, int SecondId, DateOnly From, DateOnly To, IReadOnlySet<int> SharedAudienceIds)
{
    public int Other(int entryId) => entryId == FirstId ? SecondId : FirstId;
}

/// <summary>
/// The unified calendar's clash rules, pure (no database, no clock). Two entries clash when both are
/// high-profile, belong to different institutions, share at least one audience and share at least one
/// day: edges are inclusive, so an entry ending on the day another starts clashes with it (audiences
/// cannot attend to two national campaigns on that day either). Callers pass only entries that are not
/// cancelled (ADR 0060).
/// </summary>
public static class ClashDetector
{
    /// <summary>The local days an entry covers. An end at exactly midnight (all-day entries, or an event ending at 00:00) belongs to the day before.</summary>
    public static (DateOnly First, DateOnly Last) DaysOf(DateTime startsLocal, DateTime endsLocal)
    {
        var first = DateOnly.FromDateTime(startsLocal);
        var last = DateOnly.FromDateTime(endsLocal);
        if (endsLocal.TimeOfDay == TimeSpan.Zero && endsLocal > startsLocal)
        {
            last = last.AddDays(-1);
        }

        return (first, last < first ? first : last);
    }

    public static bool Overlaps(ClashCandidate a, ClashCandidate b) => a.FirstDay <= b.LastDay && b.FirstDay <= a.LastDay;

    public static bool Clashes(ClashCandidate a, ClashCandidate b) =>
        a.Id != b.Id
        && a.IsHighProfile && b.IsHighProfile
        && a.InstitutionId != b.InstitutionId
        && a.AudienceIds.Overlaps(b.AudienceIds)
        && Overlaps(a, b);

    /// <summary>Every clashing pair once, ordered by the first shared day.</summary>
    public static IReadOnlyList<CalendarClash> Find(IEnumerable<ClashCandidate> entries)
    {
        var sorted = entries.Where(e => e.IsHighProfile).OrderBy(e => e.FirstDay).ThenBy(e => e.Id).ToList();
        var clashes = new List<CalendarClash>();
        for (var i = 0; i < sorted.Count; i++)
        {
            // Sorted by first day: once an entry starts after this one ends, no later one can overlap it.
            for (var j = i + 1; j < sorted.Count && sorted[j].FirstDay <= sorted[i].LastDay; j++)
            {
                var (a, b) = (sorted[i], sorted[j]);
                if (Clashes(a, b))
                {
                    clashes.Add(new CalendarClash(
                        Math.Min(a.Id, b.Id),
                        Math.Max(a.Id, b.Id),
                        a.FirstDay > b.FirstDay ? a.FirstDay : b.FirstDay,
                        a.LastDay < b.LastDay ? a.LastDay : b.LastDay,
                        a.AudienceIds.Intersect(b.AudienceIds).ToHashSet()));
                }
            }
        }

        return clashes.OrderBy(c => c.From).ThenBy(c => c.FirstId).ThenBy(c => c.SecondId).ToList();
    }

    /// <summary>
    /// The nearest first day at or after the entry's own first day on which an entry of the same length
    /// would clash with none of <paramref name="others"/> (the entry itself and its own institution's
    /// entries are ignored, as they never clash with it).
    /// </summary>
    public static DateOnly SuggestFreeStart(ClashCandidate entry, IEnumerable<ClashCandidate> others)
    {
        var rivals = others.Where(o => o.Id != entry.Id).ToList();
        var start = entry.FirstDay;
        while (true)
        {
            var moved = entry with { FirstDay = start, LastDay = start.AddDays(entry.Days - 1) };
            var blocking = rivals.Where(r => Clashes(moved, r)).Select(r => (DateOnly?)r.LastDay).Max();
            if (blocking is null)
            {
                return start;
            }

            // Every rival overlapping the moved entry ends by `blocking`: the next candidate is the day after.
            start = blocking.Value.AddDays(1);
        }
    }
}
