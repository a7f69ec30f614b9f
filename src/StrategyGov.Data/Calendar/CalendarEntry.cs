using StrategyGov.Data.Auditing;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Institutions;

namespace StrategyGov.Data.Calendar;

public enum CalendarEntryKind
{
    Campaign,
    Event,
    Announcement,
    Conference,
    AwarenessActivity,
}

/// <summary>Draft (only its institution and the center see it) → Confirmed by the director, or Cancelled.</summary>
public enum CalendarEntryStatus
{
    Draft,
    Confirmed,
    Cancelled,
}

/// <summary>Where an entry is communicated; stored as codes.</summary>
public enum CalendarChannel
{
    Television,
    Radio,
    Press,
    SocialMedia,
    Website,
    TextMessages,
    Outdoor,
    InPerson,
}

/// <summary>
/// A planned campaign, event, announcement, conference or awareness activity of one institution on the
/// unified calendar. Times are UTC instants; an all-day entry runs from the platform time zone's midnight
/// of its first day to the midnight after its last day (end exclusive).
/// </summary>
public class CalendarEntry : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public Institution Institution { get; set; } = null!;

    public required string TitleAr { get; set; }

    public required string TitleEn { get; set; }

    public string? Description { get; set; }

    public CalendarEntryKind Kind { get; set; }

    /// <summary>A pillar of the published strategy version the entry serves.</summary>
    public int PillarId { get; set; }

    public Pillar Pillar { get; set; } = null!;

    public List<CalendarAudience> Audiences { get; set; } = [];

    public List<CalendarChannel> Channels { get; set; } = [];

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public bool IsAllDay { get; set; }

    public string? Location { get; set; }

    /// <summary>Ministerial or national profile: only such entries are checked for clashes.</summary>
    public bool IsHighProfile { get; set; }

    public CalendarEntryStatus Status { get; set; }

    /// <summary>The campaign plan this entry implements, if any (media relations and campaigns, ADR 0099).</summary>
    public int? CampaignPlanId { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedById { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    public string? ConfirmedById { get; set; }
}

/// <summary>An audience an entry is aimed at (general public, youth, women, business, …): data, not code.</summary>
public class CalendarAudience
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string NameAr { get; set; }

    public required string NameEn { get; set; }

    public int Order { get; set; }
}

/// <summary>
/// A user's private calendar-feed token. Only its SHA-256 is stored, so a leaked database does not
/// leak subscribable URLs; regenerating replaces it, revoking deletes it.
/// </summary>
public class CalendarFeedToken
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }
}
