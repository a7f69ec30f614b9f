using System.Globalization;
using Microsoft.Extensions.Options;
using StrategyGov.Data.Council;
using StrategyGov.Web.Hosting;

namespace StrategyGov.Web.Features.Council;

/// <summary>The platform's clock and time zone as the council reads them: meetings are stored in UTC and shown locally.</summary>
public sealed class CouncilTime(TimeProvider clock, IOptions<PlatformOptions> platform)
{
    public TimeZoneInfo Zone => platform.Value.TimeZoneInfo;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => platform.Value.Today(clock);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateTime ToUtc(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(time), DateTimeKind.Unspecified), Zone);

    public DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));
}

/// <summary>An institution, pillar, practice or series as the council's pages name it.</summary>
public sealed record CouncilRef(int Id, string Code, string NameAr, string NameEn);

public sealed record SeriesRef(int Id, string Code, string TitleAr, string TitleEn, string? DefaultPlace, int DefaultDurationMinutes, int NextNumber);

public sealed record PracticeRef(int Id, string Code, string NameAr, string NameEn, int PillarId);

public sealed record RoleRef(string Code, string TitleAr, string TitleEn);

/// <summary>The choices of the council's forms and filters.</summary>
public sealed record CouncilLookups(
    IReadOnlyList<SeriesRef> Series,
    IReadOnlyList<CouncilRef> Institutions,
    IReadOnlyList<CouncilRef> Pillars,
    IReadOnlyList<PracticeRef> Practices,
    IReadOnlyList<RoleRef> Roles);

/// <summary>Which meetings to list; <see cref="ChangedSince"/> (UTC): only those changed at or after it.</summary>
public sealed record MeetingFilter(int? SeriesId = null, CouncilMeetingStatus? Status = null, DateTime? ChangedSince = null);

/// <summary>One meeting in a list; times are local (platform time zone).</summary>
public sealed record MeetingRow(
    int Id,
    string? SeriesTitleAr,
    string? SeriesTitleEn,
    int? Number,
    string TitleAr,
    string TitleEn,
    DateTime StartsUtc,
    DateTime StartsLocal,
    DateTime EndsLocal,
    string? Place,
    string? OnlineUrl,
    CouncilMeetingStatus Status,
    int InvitedCount,
    int AgendaCount,
    int DecisionCount,
    DateTime UpdatedUtc);

public sealed record AgendaItemView(
    int Id, int Order, string TitleAr, string TitleEn, string? NotesAr, string? NotesEn, string? PresenterName, int DurationMinutes,
    CouncilRef? Pillar, CouncilRef? Practice);

public sealed record InviteeView(int Id, string PersonName, string? PersonTitle, string? Email, string? RoleCode);

public sealed record InvitationView(
    int Id,
    CouncilRef Institution,
    IReadOnlyList<InviteeView> People,
    CouncilAttendance Attendance,
    string? AttendeeName,
    string? AttendeeTitle,
    bool DelegateApproved,
    string? AttendanceNote)
{
    /// <summary>Attended by itself or by a delegate the center approved: what the attendance rate counts.</summary>
    public bool Attended => CouncilRules.CountsAsAttended(Attendance, DelegateApproved);
}

/// <summary>One owner of a decision; its follow-up is shown only to the center, officials and the owner itself.</summary>
public sealed record OwnerView(int Id, CouncilRef Institution, bool FollowUpVisible, CouncilOwnerStatus? Status, bool Accepted, bool Overdue);

public sealed record DecisionView(
    int Id, int AgendaItemId, string Reference, int Sequence, CouncilOutcomeKind Kind, string TextAr, string TextEn, DateOnly DueOn,
    IReadOnlyList<OwnerView> Owners);

public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long SizeBytes, string UploadedByName, DateTime UploadedLocal)
{
    public string Href => $"council/files/{Id}";
}

/// <summary>A meeting as its page, the minutes and the invite show it. Times are local.</summary>
public sealed record MeetingView(
    int Id,
    int? SeriesId,
    string? SeriesTitleAr,
    string? SeriesTitleEn,
    int? Number,
    string TitleAr,
    string TitleEn,
    DateTime StartsUtc,
    DateTime StartsLocal,
    DateTime EndsLocal,
    int DurationMinutes,
    string? Place,
    string? OnlineUrl,
    CouncilMeetingStatus Status,
    string? CancelReason,
    string? MinutesAr,
    string? MinutesEn,
    DateTime? ClosedLocal,
    string? ClosedByName,
    DateTime UpdatedUtc,
    IReadOnlyList<AgendaItemView> Agenda,
    IReadOnlyList<InvitationView> Invitations,
    IReadOnlyList<DecisionView> Decisions,
    IReadOnlyList<AttachmentView> Attachments,
    bool CanManage)
{
    /// <summary>Closed or cancelled: agenda, attendance, decisions and minutes no longer change.</summary>
    public bool IsLocked => Status is CouncilMeetingStatus.Closed or CouncilMeetingStatus.Cancelled;

    public bool CanEdit => CanManage && !IsLocked;

    public DateOnly Day => DateOnly.FromDateTime(StartsLocal);
}

/// <summary>What the center types for a meeting: local date and time, as text so that any digits are read.</summary>
public sealed class MeetingForm
{
    public int? Id { get; set; }

    public int? SeriesId { get; set; }

    public string? Number { get; set; }

    public string? TitleAr { get; set; }

    public string? TitleEn { get; set; }

    public string? Date { get; set; }

    public string? Time { get; set; } = "10:00";

    public string? Duration { get; set; } = "120";

    public string? Place { get; set; }

    public string? OnlineUrl { get; set; }
}

public sealed class SeriesForm
{
    public string? Code { get; set; }

    public string? TitleAr { get; set; }

    public string? TitleEn { get; set; }

    public string? DefaultPlace { get; set; }

    public string? Duration { get; set; } = "120";
}

public sealed class AgendaItemForm
{
    public int? Id { get; set; }

    public string? TitleAr { get; set; }

    public string? TitleEn { get; set; }

    public string? PresenterName { get; set; }

    public string? Duration { get; set; } = "15";

    public int? PillarId { get; set; }

    public int? PracticeId { get; set; }

    public string? NotesAr { get; set; }

    public string? NotesEn { get; set; }
}

public sealed class DecisionForm
{
    public int? Id { get; set; }

    public int AgendaItemId { get; set; }

    public CouncilOutcomeKind Kind { get; set; } = CouncilOutcomeKind.Decision;

    public string? TextAr { get; set; }

    public string? TextEn { get; set; }

    public string? DueOn { get; set; }

    public List<int> OwnerIds { get; set; } = [];
}

public sealed class AttendanceForm
{
    public CouncilAttendance Attendance { get; set; } = CouncilAttendance.Present;

    public string? AttendeeName { get; set; }

    public string? AttendeeTitle { get; set; }

    public bool DelegateApproved { get; set; } = true;

    public string? Note { get; set; }
}

/// <summary>Which assignments of decisions to list.</summary>
public sealed record AssignmentFilter(
    int? InstitutionId = null,
    CouncilOwnerStatus? Status = null,
    bool OverdueOnly = false,
    bool AwaitingAcceptanceOnly = false,
    int? MeetingId = null,
    DateTime? ChangedSince = null);

/// <summary>One institution's assignment of one decision, as the follow-up tracker lists it.</summary>
public sealed record AssignmentRow(
    int OwnerId,
    int DecisionId,
    string Reference,
    CouncilOutcomeKind Kind,
    string TextAr,
    string TextEn,
    int MeetingId,
    string MeetingTitleAr,
    string MeetingTitleEn,
    DateOnly MeetingDay,
    CouncilRef Institution,
    DateOnly DueOn,
    CouncilOwnerStatus Status,
    DateOnly? DoneOn,
    bool Accepted,
    bool Overdue,
    DateTime UpdatedUtc)
{
    /// <summary>Done or not applicable, reported and waiting for the center.</summary>
    public bool AwaitingAcceptance => CouncilRules.IsSettledStatus(Status) && !Accepted;

    public string Link => $"council/assignments/{OwnerId}";
}

public sealed record EvidenceFileView(Guid Id, string FileName, long SizeBytes)
{
    public string Href => $"council/files/{Id}";
}

public sealed record NoteView(int Id, string Text, CouncilOwnerStatus Status, bool ByCenter, string? Link, string AuthorName, DateTime CreatedLocal, IReadOnlyList<EvidenceFileView> Files);

/// <summary>An assignment with its whole follow-up, and what the actor may do with it.</summary>
public sealed record AssignmentView(
    AssignmentRow Row,
    string AgendaItemTitleAr,
    string AgendaItemTitleEn,
    int? MeetingNumber,
    bool MeetingClosed,
    string? NotApplicableReason,
    string? ReportedByName,
    DateTime? AcceptedLocal,
    string? AcceptedByName,
    IReadOnlyList<CouncilRef> OtherOwners,
    IReadOnlyList<NoteView> Notes,
    bool CanReport,
    bool CanSettle,
    bool CanDecide);

/// <summary>An institution's report on an assignment: the status it reaches, a note, evidence.</summary>
public sealed class ProgressForm
{
    public CouncilOwnerStatus Status { get; set; } = CouncilOwnerStatus.InProgress;

    public string? Text { get; set; }

    public string? Link { get; set; }

    public string? DoneOn { get; set; }

    public string? NotApplicableReason { get; set; }
}

/// <summary>A file received from a form, before it is checked and stored.</summary>
public sealed record IncomingFile(string Name, Stream Content);

/// <summary>The rules every part of the council applies the same way (pages, computed indicators, reminders, exports).</summary>
public static class CouncilRules
{
    /// <summary>Present, or a delegate the center approved.</summary>
    public static bool CountsAsAttended(CouncilAttendance attendance, bool delegateApproved) =>
        attendance == CouncilAttendance.Present || (attendance == CouncilAttendance.Delegate && delegateApproved);

    /// <summary>Done or not applicable: what the institution reports and the center accepts or reopens.</summary>
    public static bool IsSettledStatus(CouncilOwnerStatus status) => status is CouncilOwnerStatus.Done or CouncilOwnerStatus.NotApplicable;

    /// <summary>Still open (not started or in progress) after its due day.</summary>
    public static bool IsOverdue(CouncilOwnerStatus status, DateOnly dueOn, DateOnly today) => !IsSettledStatus(status) && dueOn < today;

    /// <summary>"10/3": the meeting's number (or its id, with #) and the decision's sequence in it.</summary>
    public static string Reference(int? meetingNumber, int meetingId, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{(meetingNumber is { } n ? n.ToString(CultureInfo.InvariantCulture) : "#" + meetingId)}/{sequence}");
}
