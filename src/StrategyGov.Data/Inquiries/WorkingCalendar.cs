using StrategyGov.Data.Auditing;

namespace StrategyGov.Data.Inquiries;

/// <summary>
/// The working-hours calendar every inquiry clock runs on (one row, kept by the center): the working days
/// of the week, the daily hours and the time zone, plus the escalation settings. Days off and days with
/// other hours are <see cref="WorkingDayException"/> rows.
/// </summary>
public class WorkingCalendar : IAudited
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    /// <summary>IANA time zone of the working hours (Asia/Riyadh by default).</summary>
    public required string TimeZone { get; set; }

    /// <summary>Days of the week worked, as names (e.g. "Sunday,Monday,Tuesday,Wednesday,Thursday").</summary>
    public required string WorkingDays { get; set; }

    public TimeOnly DayStartsAt { get; set; }

    public TimeOnly DayEndsAt { get; set; }

    /// <summary>Warn the institution when this many working minutes or fewer remain before a target.</summary>
    public int WarnBeforeMinutes { get; set; }

    /// <summary>Escalate to the center once a target has been breached for this many working minutes.</summary>
    public int CenterGraceMinutes { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedByName { get; set; }
}

/// <summary>
/// A public holiday (closed all day) or a run of days with other hours (e.g. Ramadan), from one day to
/// another, both included, in the calendar's time zone.
/// </summary>
public class WorkingDayException : IAudited
{
    public int Id { get; set; }

    public DateOnly FromDate { get; set; }

    public DateOnly ToDate { get; set; }

    public required string NameAr { get; set; }

    public required string NameEn { get; set; }

    /// <summary>Both null: closed all day. Both set: worked from one to the other.</summary>
    public TimeOnly? StartsAt { get; set; }

    public TimeOnly? EndsAt { get; set; }

    /// <summary>The UID of the iCalendar event it was imported from, so that importing again updates it.</summary>
    public string? ImportUid { get; set; }
}

/// <summary>The response-time targets of one kind of inquiry, in working minutes.</summary>
public class InquiryTarget : IAudited
{
    public int Id { get; set; }

    public InquiryKind Kind { get; set; }

    public int FirstResponseMinutes { get; set; }

    public int AnswerMinutes { get; set; }
}
