using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;

namespace StrategyGov.Web.Features.Scores;

/// <summary>
/// A period's scores computed once per change, not once per page (ADR 0106). Every change to the data is
/// in the audit log, whose sequence is gap-free and shared by every instance through the database; an
/// entry remembers the sequence it was computed at, and a read asks only for the events after it. The
/// entry is kept while none of them can move the period's scores: a change of a submission, period,
/// snapshot, objection or institution, or of an answer of an institution whose submission counts.
/// Answers of drafts (the bulk of changes while a period is open) are not scored, so they keep it.
/// </summary>
public sealed class ScoreboardCache(IDbContextFactory<StrategyGovDbContext> dbFactory)
{
    /// <summary>Periods kept at once (the current and previous ones are what pages read).</summary>
    public const int Capacity = 8;

    /// <summary>More new events than this since an entry was computed: recompute rather than read them all.</summary>
    public const int MaxEventsToInspect = 500;

    private static readonly string[] ScoreTypes =
    [
        nameof(Submission), nameof(Answer), nameof(ReportingPeriod), nameof(ScoreSnapshot), nameof(Objection),
        nameof(Data.Institutions.Institution), nameof(Data.Institutions.InstitutionType),
    ];

    private readonly ConcurrentDictionary<int, Entry> _entries = new();
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _locks = new();
    private readonly ConditionalWeakTable<PeriodScores, Derived> _derived = new();
    private long _hits;
    private long _misses;

    public (long Hits, long Misses) Counts => (Interlocked.Read(ref _hits), Interlocked.Read(ref _misses));

    /// <summary>The period's scores from the cache when nothing that moves them has changed, else from <paramref name="compute"/>.</summary>
    public async Task<PeriodScores> GetAsync(int periodId, Func<CancellationToken, Task<PeriodScores>> compute, CancellationToken ct)
    {
        if (_entries.TryGetValue(periodId, out var entry) && await StillValidAsync(entry, ct))
        {
            Interlocked.Increment(ref _hits);
            return entry.Touch().Scores;
        }

        var gate = _locks.GetOrAdd(periodId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            // Another request may have computed it while this one waited.
            if (_entries.TryGetValue(periodId, out entry) && await StillValidAsync(entry, ct))
            {
                Interlocked.Increment(ref _hits);
                return entry.Touch().Scores;
            }

            Interlocked.Increment(ref _misses);
            var sequence = await LatestSequenceAsync(ct);
            var scores = await compute(ct);
            _entries[periodId] = new Entry(scores, sequence);
            Trim();
            return scores;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// A figure computed from two periods' scores (the national trend) once per pair of scoreboards: kept beside
    /// <paramref name="current"/> for as long as both it and <paramref name="previous"/> are the cached ones.
    /// </summary>
    public T Between<T>(PeriodScores previous, PeriodScores current, Func<T> compute)
        where T : class
    {
        var derived = _derived.GetOrCreateValue(current);
        lock (derived)
        {
            if (!ReferenceEquals(derived.Previous, previous) || derived.Value is not T value)
            {
                value = compute();
                (derived.Previous, derived.Value) = (previous, value);
            }

            return value;
        }
    }

    // Reads the events after the entry's sequence; moves the entry on past those that cannot change it.
    private async Task<bool> StillValidAsync(Entry entry, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var seen = entry.Sequence;
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Sequence > seen)
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.EntityType, e.InstitutionId })
            .Take(MaxEventsToInspect + 1)
            .ToListAsync(ct);
        if (events.Count == 0)
        {
            return true;
        }

        if (events.Count > MaxEventsToInspect)
        {
            return false;
        }

        foreach (var change in events)
        {
            if (Array.IndexOf(ScoreTypes, change.EntityType) < 0)
            {
                continue;
            }

            var draftAnswer = change.EntityType == nameof(Answer)
                && change.InstitutionId is { } institutionId
                && !entry.CountedInstitutions.Contains(institutionId);
            if (!draftAnswer)
            {
                return false;
            }
        }

        entry.MoveTo(events[^1].Sequence);
        return true;
    }

    private async Task<long> LatestSequenceAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEvents.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
    }

    // Drops the least recently read periods beyond the capacity.
    private void Trim()
    {
        while (_entries.Count > Capacity)
        {
            var oldest = _entries.MinBy(pair => pair.Value.LastRead);
            _entries.TryRemove(oldest.Key, out _);
        }
    }

    private sealed class Entry(PeriodScores scores, long sequence)
    {
        private long _sequence = sequence;
        private long _lastRead = Environment.TickCount64;

        public PeriodScores Scores { get; } = scores;

        /// <summary>Institutions whose submission is scored: a change to their answers can move the scores.</summary>
        public HashSet<int> CountedInstitutions { get; } = scores.Institutions.Values
            .Where(i => i.Status is SubmissionStatus.Submitted or SubmissionStatus.Approved)
            .Select(i => i.Id)
            .ToHashSet();

        public long Sequence => Interlocked.Read(ref _sequence);

        public long LastRead => Interlocked.Read(ref _lastRead);

        public Entry Touch()
        {
            Interlocked.Exchange(ref _lastRead, Environment.TickCount64);
            return this;
        }

        // Only forwards: two readers may validate the same entry at once.
        public void MoveTo(long sequence)
        {
            long current;
            while ((current = Interlocked.Read(ref _sequence)) < sequence
                && Interlocked.CompareExchange(ref _sequence, sequence, current) != current)
            {
            }
        }
    }

    private sealed class Derived
    {
        public PeriodScores? Previous { get; set; }

        public object? Value { get; set; }
    }
}
