using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Inquiries;
using StrategyGov.Web.Features.Inquiries.Clock;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Inquiries;

public sealed record ExceptionRow(int Id, DateOnly From, DateOnly To, string NameAr, string NameEn, TimeOnly? StartsAt, TimeOnly? EndsAt, bool Imported);

public sealed record TargetRow(InquiryKind Kind, int FirstResponseMinutes, int AnswerMinutes);

/// <summary>The working calendar as the settings page shows it.</summary>
public sealed record CalendarSettingsView(
    string TimeZone,
    IReadOnlyList<DayOfWeek> Days,
    TimeOnly StartsAt,
    TimeOnly EndsAt,
    int WarnBeforeMinutes,
    int CenterGraceMinutes,
    IReadOnlyList<ExceptionRow> Exceptions,
    IReadOnlyList<TargetRow> Targets,
    DateTime? UpdatedAt,
    string? UpdatedByName,
    bool CanEdit);

public sealed record CalendarInput(string TimeZone, IReadOnlyList<DayOfWeek> Days, TimeOnly StartsAt, TimeOnly EndsAt, int WarnBeforeMinutes, int CenterGraceMinutes);

public sealed record ExceptionInput(DateOnly From, DateOnly To, string NameAr, string NameEn, TimeOnly? StartsAt, TimeOnly? EndsAt);

/// <summary>One event of an iCalendar file that could not be imported (the file then imports nothing).</summary>
public sealed record IcsError(int Event, string Summary, string MessageKey, params object[] Arguments);

public sealed record IcsImportResult(int Created, int Updated, IReadOnlyList<IcsError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// The working calendar, its days off and other hours, and the response-time targets: everyone signed in
/// reads them (institutions must know what they are measured against); only a center administrator
/// changes them. A change of the calendar recomputes the clocks it affects; a change of the targets applies
/// to inquiries logged from then on (ADR 0098). Every change is audited.
/// </summary>
public sealed class InquirySettingsService(IDbContextFactory<StrategyGovDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The longest run of days one exception may cover (a season of other hours, not a permanent change).</summary>
    public const int MaxExceptionDays = 92;

    /// <summary>The largest target, in working minutes (a hundred working days of seven hours).</summary>
    public const int MaxTargetMinutes = 100 * 7 * 60;

    public async Task<CalendarSettingsView> GetAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calendar = await db.WorkingCalendars.AsNoTracking().SingleOrDefaultAsync(c => c.Id == WorkingCalendar.SingletonId, ct);
        var settings = await InquirySettings.LoadAsync(db, ct);
        var exceptions = await db.WorkingDayExceptions.AsNoTracking().OrderBy(e => e.FromDate).ThenBy(e => e.Id)
            .Select(e => new ExceptionRow(e.Id, e.FromDate, e.ToDate, e.NameAr, e.NameEn, e.StartsAt, e.EndsAt, e.ImportUid != null))
            .ToListAsync(ct);
        return new CalendarSettingsView(
            calendar?.TimeZone ?? InquirySettings.DefaultTimeZone,
            settings.Calendar.Days.Order().ToList(),
            settings.Calendar.Hours.Start,
            settings.Calendar.Hours.End,
            settings.WarnBeforeMinutes,
            settings.CenterGraceMinutes,
            exceptions,
            settings.Targets.OrderBy(t => t.Key).Select(t => new TargetRow(t.Key, t.Value.FirstResponseMinutes, t.Value.AnswerMinutes)).ToList(),
            calendar?.UpdatedAt,
            calendar?.UpdatedByName,
            actor.IsCenterAdmin);
    }

    /// <summary>Changes the week, the hours, the time zone or the escalation settings; every clock is recomputed.</summary>
    public async Task SaveCalendarAsync(Actor actor, CalendarInput input, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        if (input.Days.Count == 0)
        {
            throw new RuleViolationException("InquirySettings_NoDays");
        }

        if (input.EndsAt <= input.StartsAt)
        {
            throw new RuleViolationException("InquirySettings_HoursOrder");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(input.TimeZone?.Trim() ?? string.Empty, out _))
        {
            throw new RuleViolationException("InquirySettings_TimeZoneUnknown", input.TimeZone ?? string.Empty);
        }

        if (input.WarnBeforeMinutes is < 0 or > MaxTargetMinutes || input.CenterGraceMinutes is < 0 or > MaxTargetMinutes)
        {
            throw new RuleViolationException("InquirySettings_OutOfRange", 0, MaxTargetMinutes / 60);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var calendar = await db.WorkingCalendars.SingleOrDefaultAsync(c => c.Id == WorkingCalendar.SingletonId, ct);
        if (calendar is null)
        {
            calendar = new WorkingCalendar { Id = WorkingCalendar.SingletonId, TimeZone = string.Empty, WorkingDays = string.Empty };
            db.WorkingCalendars.Add(calendar);
        }

        var clocksChange = calendar.TimeZone != input.TimeZone!.Trim() || calendar.WorkingDays != InquirySettings.FormatDays(input.Days)
            || calendar.DayStartsAt != input.StartsAt || calendar.DayEndsAt != input.EndsAt;
        calendar.TimeZone = input.TimeZone.Trim();
        calendar.WorkingDays = InquirySettings.FormatDays(input.Days);
        calendar.DayStartsAt = input.StartsAt;
        calendar.DayEndsAt = input.EndsAt;
        calendar.WarnBeforeMinutes = input.WarnBeforeMinutes;
        calendar.CenterGraceMinutes = input.CenterGraceMinutes;
        calendar.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        calendar.UpdatedByName = actor.Name;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (clocksChange)
        {
            await InquiryRecompute.RunAsync(db, since: null, clock.GetUtcNow().UtcDateTime, ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>Changes the targets of each kind, for inquiries logged from now on.</summary>
    public async Task SaveTargetsAsync(Actor actor, IReadOnlyList<TargetRow> targets, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        foreach (var target in targets)
        {
            if (!Enum.IsDefined(target.Kind))
            {
                throw new RuleViolationException("Inquiry_KindUnknown", target.Kind.ToString());
            }

            if (target.FirstResponseMinutes is <= 0 or > MaxTargetMinutes || target.AnswerMinutes is <= 0 or > MaxTargetMinutes)
            {
                throw new RuleViolationException("InquirySettings_TargetRange", MaxTargetMinutes / 60);
            }

            if (target.AnswerMinutes < target.FirstResponseMinutes)
            {
                throw new RuleViolationException("InquirySettings_AnswerBeforeFirst");
            }
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var existing = await db.InquiryTargets.ToDictionaryAsync(t => t.Kind, ct);
        foreach (var target in targets)
        {
            if (!existing.TryGetValue(target.Kind, out var row))
            {
                row = new InquiryTarget { Kind = target.Kind };
                db.InquiryTargets.Add(row);
            }

            row.FirstResponseMinutes = target.FirstResponseMinutes;
            row.AnswerMinutes = target.AnswerMinutes;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds (<paramref name="id"/> null) or changes a holiday or a run of days with other hours.</summary>
    public async Task<int> SaveExceptionAsync(Actor actor, int? id, ExceptionInput input, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        var problem = CheckException(input);
        if (problem is not null)
        {
            throw new RuleViolationException(problem.Value.Key, problem.Value.Arguments);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var exception = id is null ? null : await db.WorkingDayExceptions.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException();
        var earliest = exception is null ? input.From : Min(exception.FromDate, input.From);
        if (exception is null)
        {
            exception = new WorkingDayException { NameAr = string.Empty, NameEn = string.Empty };
            db.WorkingDayExceptions.Add(exception);
        }

        exception.FromDate = input.From;
        exception.ToDate = input.To;
        exception.NameAr = input.NameAr.Trim();
        exception.NameEn = input.NameEn.Trim();
        exception.StartsAt = input.StartsAt;
        exception.EndsAt = input.EndsAt;
        await SaveAndRecomputeAsync(db, earliest, ct);
        return exception.Id;
    }

    public async Task DeleteExceptionAsync(Actor actor, int id, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var exception = await db.WorkingDayExceptions.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFoundException();
        db.WorkingDayExceptions.Remove(exception);
        await SaveAndRecomputeAsync(db, exception.FromDate, ct);
    }

    /// <summary>
    /// Imports the days off of an iCalendar (.ics) file: each all-day event is a holiday from its first day
    /// to its last. An event imported before (same UID) is updated. All or nothing: a file that is not a
    /// calendar, an event with a time of day, a recurring event or an event too long imports nothing.
    /// </summary>
    public async Task<IcsImportResult> ImportIcsAsync(Actor actor, Stream file, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        var (holidays, errors) = await IcsHolidays.ReadAsync(file, ct);
        if (errors.Count > 0)
        {
            return new IcsImportResult(0, 0, errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var byUid = await db.WorkingDayExceptions.Where(e => e.ImportUid != null).ToDictionaryAsync(e => e.ImportUid!, StringComparer.Ordinal, ct);
        int created = 0, updated = 0;
        var earliest = DateOnly.MaxValue;
        foreach (var holiday in holidays)
        {
            if (!byUid.TryGetValue(holiday.Uid, out var exception))
            {
                exception = new WorkingDayException { NameAr = holiday.Name, NameEn = holiday.Name, ImportUid = holiday.Uid };
                db.WorkingDayExceptions.Add(exception);
                byUid[holiday.Uid] = exception;
                created++;
            }
            else
            {
                earliest = Min(earliest, exception.FromDate);
                updated++;
            }

            exception.FromDate = holiday.From;
            exception.ToDate = holiday.To;
            exception.StartsAt = null;
            exception.EndsAt = null;
            earliest = Min(earliest, holiday.From);
        }

        await SaveAndRecomputeAsync(db, holidays.Count == 0 ? null : earliest, ct);
        return new IcsImportResult(created, updated, []);
    }

    internal static (string Key, object[] Arguments)? CheckException(ExceptionInput input)
    {
        if (string.IsNullOrWhiteSpace(input.NameAr) || string.IsNullOrWhiteSpace(input.NameEn))
        {
            return ("InquirySettings_NameRequired", []);
        }

        if (input.NameAr.Trim().Length > 200 || input.NameEn.Trim().Length > 200)
        {
            return ("Inquiry_TooLong", [200]);
        }

        if (input.To < input.From)
        {
            return ("InquirySettings_DatesOrder", []);
        }

        if (input.To.DayNumber - input.From.DayNumber + 1 > MaxExceptionDays)
        {
            return ("InquirySettings_TooManyDays", [MaxExceptionDays]);
        }

        if ((input.StartsAt is null) != (input.EndsAt is null))
        {
            return ("InquirySettings_BothTimes", []);
        }

        if (input.StartsAt is { } start && input.EndsAt is { } end && end <= start)
        {
            return ("InquirySettings_HoursOrder", []);
        }

        return null;
    }

    private async Task SaveAndRecomputeAsync(StrategyGovDbContext db, DateOnly? earliest, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (earliest is { } day)
        {
            await InquiryRecompute.RunAsync(db, day, clock.GetUtcNow().UtcDateTime, ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
