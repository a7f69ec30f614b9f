using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Calendar;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Calendar;

/// <summary>
/// <c>calendar.high-profile-clashes</c>: the clashes the unified calendar shows between the institution's
/// high-profile entries and other institutions' high-profile entries for the same audience, on days within
/// the window (ADR 0060's rules; cancelled entries do not clash). A clash the institutions coordinated away
/// (one of them moved or cancelled) is no longer a clash, so it is not counted.
/// </summary>
public sealed class CalendarComputedSource : IComputedSource
{
    public const string HighProfileClashes = "calendar.high-profile-clashes";

    public string Key => HighProfileClashes;

    public ComputedKind Kind => ComputedKind.Count;

    public async Task<IReadOnlyDictionary<int, ComputedResult>> ComputeAsync(StrategyGovDbContext db, ComputeRequest request, CancellationToken ct)
    {
        // Every institution's entries: a clash involves another institution's entry too.
        var entries = await db.CalendarEntries.AsNoTracking()
            .Where(e => e.IsHighProfile && e.Status != CalendarEntryStatus.Cancelled)
            .Where(e => e.StartsAt < request.ToUtcExclusive && e.EndsAt > request.FromUtc)
            .Select(e => new
            {
                e.Id, e.InstitutionId, e.TitleAr, e.TitleEn, e.StartsAt, e.EndsAt,
                InstitutionAr = e.Institution.NameAr, InstitutionEn = e.Institution.NameEn,
                Audiences = e.Audiences.Select(a => a.Id).ToList(),
            })
            .ToListAsync(ct);
        var entered = entries.Select(e =>
        {
            var (first, last) = ClashDetector.DaysOf(Local(e.StartsAt, request.TimeZone), Local(e.EndsAt, request.TimeZone));
            return new Entry(new ClashCandidate(e.Id, e.InstitutionId, first, last, e.Audiences.ToHashSet(), true), e.TitleAr, e.TitleEn, e.InstitutionAr, e.InstitutionEn);
        }).ToList();
        return request.InstitutionIds.ToDictionary(id => id, id => Calculate(id, entered, request.From, request.To));
    }

    public sealed record Entry(ClashCandidate Candidate, string TitleAr, string TitleEn, string InstitutionAr, string InstitutionEn);

    /// <summary>Pure: each clash of one of the institution's entries whose shared days fall (at least partly) in the window counts once.</summary>
    public static ComputedResult Calculate(int institutionId, IReadOnlyList<Entry> entries, DateOnly from, DateOnly to)
    {
        var byId = entries.ToDictionary(e => e.Candidate.Id);
        var records = ClashDetector.Find(entries.Select(e => e.Candidate))
            .Where(c => c.From <= to && c.To >= from)
            .Select(c => (Clash: c, Own: byId[c.FirstId].Candidate.InstitutionId == institutionId ? byId[c.FirstId] : byId[c.SecondId]))
            .Where(x => x.Own.Candidate.InstitutionId == institutionId)
            .Select(x =>
            {
                var other = byId[x.Clash.Other(x.Own.Candidate.Id)];
                return new ComputedRecord(
                    "calendar-clash",
                    $"{x.Clash.FirstId}-{x.Clash.SecondId}",
                    $"{Bidi.Isolate(x.Own.TitleAr)} ↔ {Bidi.Isolate(other.TitleAr)} ({Bidi.Isolate(other.InstitutionAr)})",
                    $"{Bidi.Isolate(x.Own.TitleEn)} ↔ {Bidi.Isolate(other.TitleEn)} ({Bidi.Isolate(other.InstitutionEn)})",
                    $"/calendar?date={x.Clash.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                    Counts: true,
                    On: x.Clash.From);
            })
            .ToList();
        return new ComputedResult(records.Count, records, records.Count);
    }

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
