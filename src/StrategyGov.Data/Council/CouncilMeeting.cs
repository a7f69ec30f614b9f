using StrategyGov.Data.Auditing;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Institutions;

namespace StrategyGov.Data.Council;

/// <summary>Open (agenda being prepared) → InProgress (being held) → Closed (outcomes locked), or Cancelled.</summary>
public enum CouncilMeetingStatus
{
    Open,
    InProgress,
    Closed,
    Cancelled,
}

/// <summary>How an invited institution attended: by its own invited people, by a delegate, or not at all.</summary>
public enum CouncilAttendance
{
    NotRecorded,
    Present,
    Delegate,
    Absent,
    Apologised,
}

/// <summary>
/// A recurring meeting of the coordination council (e.g. the center's periodic meeting of the
/// institutions' media directors): its meetings are numbered within it ("the tenth periodic meeting").
/// </summary>
public class CouncilSeries : IAudited
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string TitleAr { get; set; }

    public required string TitleEn { get; set; }

    public string? DescriptionAr { get; set; }

    public string? DescriptionEn { get; set; }

    /// <summary>Where its meetings are usually held (prefilled for a new meeting).</summary>
    public string? DefaultPlace { get; set; }

    public int DefaultDurationMinutes { get; set; } = 120;

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// One meeting the center convenes. Times are UTC instants shown in the platform's time zone. It
/// belongs to no single institution: the center keeps it, the invited institutions read it.
/// </summary>
public class CouncilMeeting : IAudited
{
    public int Id { get; set; }

    public int? SeriesId { get; set; }

    public CouncilSeries? Series { get; set; }

    /// <summary>Its number within the series (9 for "the ninth periodic meeting").</summary>
    public int? Number { get; set; }

    public required string TitleAr { get; set; }

    public required string TitleEn { get; set; }

    public DateTime StartsAt { get; set; }

    public int DurationMinutes { get; set; }

    public string? Place { get; set; }

    /// <summary>An http(s) link to join online.</summary>
    public string? OnlineUrl { get; set; }

    public CouncilMeetingStatus Status { get; set; }

    /// <summary>Minutes in Arabic: plain paragraphs with a little Markdown (headings, lists, bold), never HTML.</summary>
    public string? MinutesAr { get; set; }

    public string? MinutesEn { get; set; }

    public string? CancelReason { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? ClosedByName { get; set; }

    public int Version { get; set; }

    public List<CouncilAgendaItem> AgendaItems { get; set; } = [];

    public List<CouncilInvitation> Invitations { get; set; } = [];

    public List<CouncilDecision> Decisions { get; set; } = [];

    public List<CouncilAttachment> Attachments { get; set; } = [];
}

/// <summary>An item of a meeting's agenda: who presents it, for how long, and the pillar or practice it serves.</summary>
public class CouncilAgendaItem : IAudited
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public CouncilMeeting Meeting { get; set; } = null!;

    public int Order { get; set; }

    public required string TitleAr { get; set; }

    public required string TitleEn { get; set; }

    public string? NotesAr { get; set; }

    public string? NotesEn { get; set; }

    public string? PresenterName { get; set; }

    public int DurationMinutes { get; set; }

    public int? PillarId { get; set; }

    public Pillar? Pillar { get; set; }

    public int? PracticeId { get; set; }

    public Practice? Practice { get; set; }
}

/// <summary>An institution invited to a meeting, with the people invited and how it attended.</summary>
public class CouncilInvitation : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public CouncilMeeting Meeting { get; set; } = null!;

    public int InstitutionId { get; set; }

    public Institution Institution { get; set; } = null!;

    public DateTime InvitedAt { get; set; }

    public List<CouncilInvitee> People { get; set; } = [];

    public CouncilAttendance Attendance { get; set; }

    /// <summary>Who attended for the institution: one of its invited people, or the delegate.</summary>
    public string? AttendeeName { get; set; }

    public string? AttendeeTitle { get; set; }

    /// <summary>A delegate the center accepted as the institution's representative (counts as attending).</summary>
    public bool DelegateApproved { get; set; }

    public string? AttendanceNote { get; set; }

    public DateTime? AttendanceRecordedAt { get; set; }

    public string? AttendanceRecordedByName { get; set; }
}

/// <summary>A person invited for an institution, copied from the role register when invited.</summary>
public class CouncilInvitee : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public int InvitationId { get; set; }

    public CouncilInvitation Invitation { get; set; } = null!;

    public int InstitutionId { get; set; }

    public required string PersonName { get; set; }

    public string? PersonTitle { get; set; }

    public string? Email { get; set; }

    /// <summary>The role of the register they hold (e.g. COMM-DIRECTOR).</summary>
    public string? RoleCode { get; set; }
}

/// <summary>A file attached to a meeting (presentation, signed minutes), kept in the evidence store.</summary>
public class CouncilAttachment : IAudited
{
    public Guid Id { get; set; }

    public int MeetingId { get; set; }

    public CouncilMeeting Meeting { get; set; } = null!;

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    public required string Sha256 { get; set; }

    public string? UploadedById { get; set; }

    public required string UploadedByName { get; set; }

    public DateTime UploadedAt { get; set; }
}
