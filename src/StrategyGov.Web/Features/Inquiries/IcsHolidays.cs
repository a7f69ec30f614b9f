namespace StrategyGov.Web.Features.Inquiries;

/// <summary>A day off read from an iCalendar file: its UID, its name and its days (both included).</summary>
public sealed record IcsHoliday(string Uid, string Name, DateOnly From, DateOnly To);

/// <summary>
/// Reads public holidays from an iCalendar (.ics) file with Ical.Net: every all-day event (VEVENT with
/// DATE values) is a holiday; DTEND is the day after the last (RFC 5545). Anything else is an error the
/// whole import stops on: not a calendar, an event with a time of day, a recurring event (Islamic holidays
/// move every Gregorian year: such files list each year's dates), an event longer than an exception may be.
/// </summary>
public static class IcsHolidays
{
    public const long MaxBytes = 2 * 1024 * 1024;

    public static async Task<(IReadOnlyList<IcsHoliday> Holidays, IReadOnlyList<IcsError> Errors)> ReadAsync(Stream file, CancellationToken ct)
    {
        string text;
        try
        {
            using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var buffer = new char[MaxBytes + 1];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
            if (read > MaxBytes)
            {
                return ([], [new IcsError(0, string.Empty, "InquirySettings_IcsTooLarge", MaxBytes / (1024 * 1024))]);
            }

            text = new string(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or System.Text.DecoderFallbackException)
        {
            return ([], [NotACalendar()]);
        }

        if (!text.TrimStart('\uFEFF', ' ', '\r', '\n', '\t').StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            return ([], [NotACalendar()]);
        }

        Ical.Net.Calendar? calendar;
        try
        {
            calendar = Ical.Net.Calendar.Load(text);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ([], [NotACalendar()]);
        }

        if (calendar is null || calendar.Events.Count == 0)
        {
            return ([], [new IcsError(0, string.Empty, "InquirySettings_IcsNoEvents")]);
        }

        var holidays = new List<IcsHoliday>();
        var errors = new List<IcsError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var e in calendar.Events)
        {
            n++;
            var summary = (e.Summary ?? string.Empty).Trim();
            if (summary.Length == 0)
            {
                errors.Add(new IcsError(n, summary, "InquirySettings_IcsNoSummary"));
                continue;
            }

            if (e.DtStart is null)
            {
                errors.Add(new IcsError(n, summary, "InquirySettings_IcsNoStart"));
                continue;
            }

            if (e.DtStart.HasTime || e.DtEnd?.HasTime == true)
            {
                errors.Add(new IcsError(n, summary, "InquirySettings_IcsTimedEvent"));
                continue;
            }

            if (e.RecurrenceRule is not null)
            {
                errors.Add(new IcsError(n, summary, "InquirySettings_IcsRecurring"));
                continue;
            }

            var from = e.DtStart.Date;
            var to = e.DtEnd is { } end ? end.Date.AddDays(-1) : from;
            if (to < from)
            {
                to = from;
            }

            var problem = InquirySettingsService.CheckException(new ExceptionInput(from, to, summary, summary, null, null));
            if (problem is not null)
            {
                errors.Add(new IcsError(n, summary, problem.Value.Key, problem.Value.Arguments));
                continue;
            }

            var uid = string.IsNullOrWhiteSpace(e.Uid) ? $"{from:yyyyMMdd}-{summary}" : e.Uid.Trim();
            if (uid.Length > 300 || !seen.Add(uid))
            {
                errors.Add(new IcsError(n, summary, "InquirySettings_IcsDuplicateUid"));
                continue;
            }

            holidays.Add(new IcsHoliday(uid, summary.Length > 200 ? summary[..200] : summary, from, to));
        }

        return errors.Count > 0 ? ([], errors) : (holidays, []);
    }

    private static IcsError NotACalendar() => new(0, string.Empty, "InquirySettings_IcsNotACalendar");
}
