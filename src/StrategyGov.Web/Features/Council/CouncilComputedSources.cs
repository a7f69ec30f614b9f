using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Council;
using StrategyGov.Web.Features.Computed;

namespace StrategyGov.Web.Features.Council;

/// <summary>
/// <c>council.attendance</c>: of the council meetings the institution was invited to and that were held in
/// the window (by the day read; cancelled ones never count) and whose attendance the center recorded, the
/// share it attended by its own people or by a delegate the center approved (docs/decisions/0097).
/// </summary>
public sealed class CouncilAttendanceComputedSource : IComputedSource
{
    public const string Attendance = "council.attendance";

    public string Key => Attendance;

    public ComputedKind Kind => ComputedKind.Percentage;

    public async Task<IReadOnlyDictionary<int, ComputedResult>> ComputeAsync(StrategyGovDbContext db, ComputeRequest request, CancellationToken ct)
    {
        var ids = request.InstitutionIds;
        var facts = (await db.CouncilInvitations.AsNoTracking()
                .Where(i => ids.Contains(i.InstitutionId))
                .Where(i => i.Meeting.StartsAt >= request.FromUtc && i.Meeting.StartsAt < request.ToUtcExclusive)
                .Select(i => new
                {
                    i.InstitutionId, i.MeetingId, i.Meeting.TitleAr, i.Meeting.TitleEn, i.Meeting.StartsAt,
                    Cancelled = i.Meeting.Status == CouncilMeetingStatus.Cancelled, i.Attendance, i.DelegateApproved, i.AttendeeName,
                })
                .ToListAsync(ct))
            .Select(i => new AttendanceFact(
                i.InstitutionId, i.MeetingId, i.TitleAr, i.TitleEn,
                DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(i.StartsAt, DateTimeKind.Utc), request.TimeZone)),
                i.Cancelled, i.Attendance, i.DelegateApproved, i.AttendeeName))
            .ToLookup(f => f.InstitutionId);
        return ids.ToDictionary(id => id, id => Calculate(facts[id], request.From, request.To, request.AsOf));
    }

    /// <summary>One invitation of the institution to a meeting, with the meeting's local day.</summary>
    public sealed record AttendanceFact(
        int InstitutionId, int MeetingId, string TitleAr, string TitleEn, DateOnly HeldOn, bool Cancelled,
        CouncilAttendance Attendance, bool DelegateApproved, string? AttendeeName);

    /// <summary>
    /// Pure: meetings on days from <paramref name="from"/> to <paramref name="to"/> and not after
    /// <paramref name="asOf"/>, not cancelled, attendance recorded, count in the denominator; those attended
    /// in person or by an approved delegate in the numerator.
    /// </summary>
    public static ComputedResult Calculate(IEnumerable<AttendanceFact> facts, DateOnly from, DateOnly to, DateOnly asOf)
    {
        var records = facts
            .Where(f => !f.Cancelled && f.HeldOn >= from && f.HeldOn <= to && f.HeldOn <= asOf && f.Attendance != CouncilAttendance.NotRecorded)
            .OrderBy(f => f.HeldOn).ThenBy(f => f.MeetingId)
            .Select(f => new ComputedRecord(
                "council-meeting",
                f.MeetingId.ToString(CultureInfo.InvariantCulture),
                $"{f.TitleAr} — {AttendanceAr(f)}",
                $"{f.TitleEn} — {AttendanceEn(f)}",
                $"/council/meetings/{f.MeetingId}",
                Counts: CouncilRules.CountsAsAttended(f.Attendance, f.DelegateApproved),
                On: f.HeldOn))
            .ToList();
        return ComputedResult.Share(records.Count(r => r.Counts == true), records.Count, records, "Computed_NoCouncilMeetings");
    }

    private static string AttendanceAr(AttendanceFact f) => f.Attendance switch
    {
        CouncilAttendance.Present => "حضر",
        CouncilAttendance.Delegate when f.DelegateApproved => "حضر مندوب معتمد",
        CouncilAttendance.Delegate => "حضر مندوب غير معتمد",
        CouncilAttendance.Apologised => "اعتذر",
        _ => "غاب",
    } + (f.AttendeeName is { } name ? $" ({name})" : string.Empty);

    private static string AttendanceEn(AttendanceFact f) => f.Attendance switch
    {
        CouncilAttendance.Present => "attended",
        CouncilAttendance.Delegate when f.DelegateApproved => "approved delegate attended",
        CouncilAttendance.Delegate => "delegate not approved",
        CouncilAttendance.Apologised => "apologised",
        _ => "absent",
    } + (f.AttendeeName is { } name ? $" ({name})" : string.Empty);
}

/// <summary>
/// <c>council.decisions-implemented</c>: of the council decisions assigned to the institution whose due day
/// falls in the window, the share it did on time — reported done on or before the due day, and that "done"
/// accepted by the center. A "not applicable" the center accepted leaves the count; a "done" or "not
/// applicable" still awaiting acceptance does not count yet; a decision due after the day read counts only
/// once it is accepted as done (docs/decisions/0097).
/// </summary>
public sealed class CouncilDecisionsComputedSource : IComputedSource
{
    public const string DecisionsImplemented = "council.decisions-implemented";

    public string Key => DecisionsImplemented;

    public ComputedKind Kind => ComputedKind.Percentage;

    public async Task<IReadOnlyDictionary<int, ComputedResult>> ComputeAsync(StrategyGovDbContext db, ComputeRequest request, CancellationToken ct)
    {
        var ids = request.InstitutionIds;
        var facts = (await db.CouncilDecisionOwners.AsNoTracking()
                .Where(o => ids.Contains(o.InstitutionId))
                .Where(o => o.Decision.Meeting.Status == CouncilMeetingStatus.Closed)
                .Where(o => o.Decision.DueOn >= request.From && o.Decision.DueOn <= request.To)
                .Select(o => new DecisionFact(
                    o.Id, o.InstitutionId, o.Decision.Meeting.Number, o.Decision.MeetingId, o.Decision.Sequence, o.Decision.TextAr, o.Decision.TextEn,
                    o.Decision.DueOn, o.Status, o.DoneOn, o.AcceptedAt != null))
                .ToListAsync(ct))
            .ToLookup(f => f.InstitutionId);
        return ids.ToDictionary(id => id, id => Calculate(facts[id], request.From, request.To, request.AsOf));
    }

    /// <summary>One assignment of a decision of a closed meeting to the institution.</summary>
    public sealed record DecisionFact(
        int OwnerId, int InstitutionId, int? MeetingNumber, int MeetingId, int Sequence, string TextAr, string TextEn,
        DateOnly DueOn, CouncilOwnerStatus Status, DateOnly? DoneOn, bool Accepted);

    /// <summary>Pure: the rules above over the institution's assignments.</summary>
    public static ComputedResult Calculate(IEnumerable<DecisionFact> facts, DateOnly from, DateOnly to, DateOnly asOf)
    {
        var records = facts
            .Where(f => f.DueOn >= from && f.DueOn <= to)
            .Where(f => !(f.Status == CouncilOwnerStatus.NotApplicable && f.Accepted))
            .Where(f => f.DueOn <= asOf || (f.Status == CouncilOwnerStatus.Done && f.Accepted))
            .OrderBy(f => f.DueOn).ThenBy(f => f.MeetingId).ThenBy(f => f.Sequence)
            .Select(f =>
            {
                var reference = CouncilRules.Reference(f.MeetingNumber, f.MeetingId, f.Sequence);
                return new ComputedRecord(
                    "council-decision",
                    f.OwnerId.ToString(CultureInfo.InvariantCulture),
                    $"{reference}: {Shorten(f.TextAr)} — {StateAr(f)}",
                    $"{reference}: {Shorten(f.TextEn)} — {StateEn(f)}",
                    $"/council/assignments/{f.OwnerId}",
                    Counts: OnTime(f),
                    On: f.DueOn);
            })
            .ToList();
        return ComputedResult.Share(records.Count(r => r.Counts == true), records.Count, records, "Computed_NoCouncilDecisionsDue");
    }

    /// <summary>Done on or before the due day, and that accepted by the center.</summary>
    public static bool OnTime(DecisionFact f) => f.Status == CouncilOwnerStatus.Done && f.Accepted && f.DoneOn is { } done && done <= f.DueOn;

    private static string StateAr(DecisionFact f) => f switch
    {
        _ when OnTime(f) => $"نُفِّذ في {Day(f.DoneOn)} واعتمده المركز",
        { Status: CouncilOwnerStatus.Done, Accepted: true } => $"نُفِّذ متأخراً في {Day(f.DoneOn)}",
        { Status: CouncilOwnerStatus.Done or CouncilOwnerStatus.NotApplicable } => "بانتظار اعتماد المركز",
        { Status: CouncilOwnerStatus.InProgress } => "قيد التنفيذ",
        _ => "لم يبدأ",
    };

    private static string StateEn(DecisionFact f) => f switch
    {
        _ when OnTime(f) => $"done on {Day(f.DoneOn)}, accepted by the center",
        { Status: CouncilOwnerStatus.Done, Accepted: true } => $"done late, on {Day(f.DoneOn)}",
        { Status: CouncilOwnerStatus.Done or CouncilOwnerStatus.NotApplicable } => "awaiting the center's acceptance",
        { Status: CouncilOwnerStatus.InProgress } => "in progress",
        _ => "not started",
    };

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..119] + "…";
}
