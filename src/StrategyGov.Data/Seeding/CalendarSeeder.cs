using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Calendar;
using StrategyGov.Data.Framework;

namespace StrategyGov.Data.Seeding;

public sealed record CalendarSeed(IReadOnlyList<CalendarAudienceSeed> Audiences, IReadOnlyList<CalendarEntrySeed> Entries);

public sealed record CalendarAudienceSeed(string Code, string NameAr, string NameEn);

/// <summary>An entry of seed-data/calendar.json: days are offsets from the seeding day (end inclusive), times local.</summary>
public sealed record CalendarEntrySeed(
    string Institution,
    CalendarEntryKind Kind,
    string Pillar,
    CalendarEntryStatus Status,
    bool HighProfile,
    string TitleAr,
    string TitleEn,
    string? Description,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<CalendarChannel> Channels,
    int StartDay,
    int EndDay,
    bool AllDay,
    TimeOnly? StartTime,
    TimeOnly? EndTime,
    string? Location);

/// <summary>
/// Seeds the calendar's audiences, and demo entries placed around the seeding day so that the calendar
/// always shows the coming months. Each part runs only while its table is empty.
/// </summary>
public static class CalendarSeeder
{
    public const string FileName = "calendar.json";

    public static async Task<bool> SeedAsync(StrategyGovDbContext db, CalendarSeed seed, DateTime utcNow, TimeZoneInfo timeZone, CancellationToken ct)
    {
        if (!await db.CalendarAudiences.AnyAsync(ct))
        {
            db.CalendarAudiences.AddRange(seed.Audiences.Select((a, i) => new CalendarAudience { Code = a.Code, NameAr = a.NameAr, NameEn = a.NameEn, Order = i + 1 }));
            await db.SaveChangesAsync(ct);
        }

        if (await db.CalendarEntries.AnyAsync(ct) || !await db.Institutions.AnyAsync(ct))
        {
            return false;
        }

        var audiences = await db.CalendarAudiences.ToDictionaryAsync(a => a.Code, ct);
        var institutions = await db.Institutions.ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var pillars = await db.Pillars
            .Where(p => p.StrategyVersion.Status == StrategyStatus.Published)
            .ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, timeZone));

        foreach (var entry in seed.Entries)
        {
            var first = today.AddDays(entry.StartDay);
            var last = today.AddDays(entry.EndDay);
            var (starts, ends) = entry.AllDay
                ? (first.ToDateTime(TimeOnly.MinValue), last.AddDays(1).ToDateTime(TimeOnly.MinValue))
                : (first.ToDateTime(entry.StartTime ?? throw Invalid(entry, "startTime")), last.ToDateTime(entry.EndTime ?? throw Invalid(entry, "endTime")));
            db.CalendarEntries.Add(new CalendarEntry
            {
                InstitutionId = institutions.TryGetValue(entry.Institution, out var institution) ? institution : throw Invalid(entry, "institution"),
                PillarId = pillars.TryGetValue(entry.Pillar, out var pillar) ? pillar : throw Invalid(entry, "pillar"),
                Kind = entry.Kind,
                Status = entry.Status,
                IsHighProfile = entry.HighProfile,
                TitleAr = entry.TitleAr,
                TitleEn = entry.TitleEn,
                Description = entry.Description,
                Audiences = entry.Audiences.Select(code => audiences.TryGetValue(code, out var audience) ? audience : throw Invalid(entry, "audiences")).ToList(),
                Channels = entry.Channels.ToList(),
                IsAllDay = entry.AllDay,
                StartsAt = TimeZoneInfo.ConvertTimeToUtc(starts, timeZone),
                EndsAt = TimeZoneInfo.ConvertTimeToUtc(ends, timeZone),
                Location = entry.Location,
                CreatedAt = utcNow,
                UpdatedAt = utcNow,
                ConfirmedAt = entry.Status == CalendarEntryStatus.Confirmed ? utcNow : null,
            });
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    private static InvalidDataException Invalid(CalendarEntrySeed entry, string field) =>
        new($"{FileName}: '{entry.TitleEn}' has a missing or unknown {field}.");
}
