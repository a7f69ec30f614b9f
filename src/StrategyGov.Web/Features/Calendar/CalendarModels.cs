using StrategyGov.Data.Calendar;

namespace StrategyGov.Web.Features.Calendar;

/// <summary>Which entries to list: local days [From, To] (inclusive) and optional filters.</summary>
public sealed record CalendarQuery(
    DateOnly From,
    DateOnly To,
    int? InstitutionId = null,
    CalendarEntryKind? Kind = null,
    int? PillarId = null,
    int? AudienceId = null);

public sealed record NamedRef(int Id, string Code, string NameAr, string NameEn);

/// <summary>A clash of a listed entry with another entry the viewer can see, and where the listed entry would be free.</summary>
public sealed record ClashInfo(
    int OtherEntryId,
    string OtherTitleAr,
    string OtherTitleEn,
    string OtherInstitutionAr,
    string OtherInstitutionEn,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<NamedRef> SharedAudiences,
    DateOnly SuggestedStart);

/// <summary>One entry as the calendar shows it; times are local (platform time zone). With a <c>Link</c> it is another feature's read-only entry.</summary>
public sealed record CalendarEntryRow(
    int Id,
    NamedRef Institution,
    string TitleAr,
    string TitleEn,
    string? Description,
    CalendarEntryKind Kind,
    NamedRef Pillar,
    IReadOnlyList<NamedRef> Audiences,
    IReadOnlyList<CalendarChannel> Channels,
    DateTime StartsLocal,
    DateTime EndsLocal,
    DateTime StartsUtc,
    DateTime EndsUtc,
    bool IsAllDay,
    DateOnly FirstDay,
    DateOnly LastDay,
    string? Location,
    bool IsHighProfile,
    CalendarEntryStatus Status,
    DateTime UpdatedUtc,
    bool CanEdit,
    bool CanDecide,
    IReadOnlyList<ClashInfo> Clashes,
    string? Link = null,
    int? CampaignPlanId = null)
{
    public bool Covers(DateOnly day) => FirstDay <= day && day <= LastDay;

    /// <summary>The iCalendar UID: a calendar entry's, or that of the record another feature links to (<see cref="ICalendarEntrySource"/>).</summary>
    public string FeedUid => Link is null ? $"calendar-entry-{Id}@strategygov" : $"{Link.Trim('/').Replace('/', '-')}@strategygov";
}

/// <summary>The choices of the filters and the entry form.</summary>
public sealed record CalendarLookups(IReadOnlyList<NamedRef> Institutions, IReadOnlyList<NamedRef> Pillars, IReadOnlyList<NamedRef> Audiences);

/// <summary>What an institution user types in: local dates and times (no time for all-day entries).</summary>
public sealed class CalendarEntryForm
{
    public int? Id { get; set; }

    public string TitleAr { get; set; } = string.Empty;

    public string TitleEn { get; set; } = string.Empty;

    public string? Description { get; set; }

    public CalendarEntryKind Kind { get; set; } = CalendarEntryKind.Campaign;

    public int PillarId { get; set; }

    public IReadOnlyCollection<int> AudienceIds { get; set; } = [];

    public IReadOnlyCollection<CalendarChannel> Channels { get; set; } = [];

    public bool IsAllDay { get; set; } = true;

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public TimeOnly StartTime { get; set; } = new(9, 0);

    public TimeOnly EndTime { get; set; } = new(12, 0);

    public string? Location { get; set; }

    public bool IsHighProfile { get; set; }
}
