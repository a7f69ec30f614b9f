using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Inquiries;
using StrategyGov.Web.Features.Inquiries.Clock;

namespace StrategyGov.Web.Features.Inquiries;

/// <summary>The response-time targets of one kind of inquiry, in working minutes.</summary>
public readonly record struct TargetPair(int FirstResponseMinutes, int AnswerMinutes);

/// <summary>
/// The working calendar, the targets per kind and the escalation settings as the clocks use them, read
/// from the database for each operation (no cache: several app instances see a change at once). A
/// database without them (never seeded) runs on the defaults.
/// </summary>
public sealed class InquirySettings
{
    public const string DefaultTimeZone = "Asia/Riyadh";

    public static readonly IReadOnlyList<DayOfWeek> DefaultDays =
        [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday];

    public static readonly TimeOnly DefaultStart = new(8, 0);

    public static readonly TimeOnly DefaultEnd = new(15, 0);

    public const int DefaultWarnBeforeMinutes = 60;

    public const int DefaultCenterGraceMinutes = 7 * 60;

    /// <summary>First response and answer, in working minutes (a working day is seven hours by default).</summary>
    public static readonly IReadOnlyDictionary<InquiryKind, TargetPair> DefaultTargets = new Dictionary<InquiryKind, TargetPair>
    {
        [InquiryKind.MediaInquiry] = new(4 * 60, 2 * 7 * 60),
        [InquiryKind.CitizenComplaint] = new(4 * 60, 5 * 7 * 60),
        [InquiryKind.SocialMediaPost] = new(2 * 60, 7 * 60),
        [InquiryKind.Correspondence] = new(7 * 60, 10 * 7 * 60),
    };

    public required WorkingCalendarRules Calendar { get; init; }

    public required IReadOnlyDictionary<InquiryKind, TargetPair> Targets { get; init; }

    public required int WarnBeforeMinutes { get; init; }

    public required int CenterGraceMinutes { get; init; }

    public TargetPair TargetOf(InquiryKind kind) => Targets.TryGetValue(kind, out var target) ? target : DefaultTargets[kind];

    public static async Task<InquirySettings> LoadAsync(StrategyGovDbContext db, CancellationToken ct)
    {
        var calendar = await db.WorkingCalendars.AsNoTracking().SingleOrDefaultAsync(c => c.Id == WorkingCalendar.SingletonId, ct);
        var exceptions = await db.WorkingDayExceptions.AsNoTracking()
            .Select(e => new DayException(e.FromDate, e.ToDate, e.StartsAt != null && e.EndsAt != null ? new DayHours(e.StartsAt.Value, e.EndsAt.Value) : null))
            .ToListAsync(ct);
        var targets = await db.InquiryTargets.AsNoTracking().ToDictionaryAsync(t => t.Kind, t => new TargetPair(t.FirstResponseMinutes, t.AnswerMinutes), ct);
        return new InquirySettings
        {
            Calendar = new WorkingCalendarRules(
                TimeZoneInfo.FindSystemTimeZoneById(calendar?.TimeZone ?? DefaultTimeZone),
                calendar is null ? DefaultDays : ParseDays(calendar.WorkingDays),
                new DayHours(calendar?.DayStartsAt ?? DefaultStart, calendar?.DayEndsAt ?? DefaultEnd),
                exceptions),
            Targets = DefaultTargets.ToDictionary(t => t.Key, t => targets.GetValueOrDefault(t.Key, t.Value)),
            WarnBeforeMinutes = calendar?.WarnBeforeMinutes ?? DefaultWarnBeforeMinutes,
            CenterGraceMinutes = calendar?.CenterGraceMinutes ?? DefaultCenterGraceMinutes,
        };
    }

    public static IReadOnlyList<DayOfWeek> ParseDays(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Enum.Parse<DayOfWeek>).Distinct().Order().ToList();

    public static string FormatDays(IEnumerable<DayOfWeek> days) => string.Join(',', days.Distinct().Order());
}
