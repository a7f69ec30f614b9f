using System.Globalization;
using System.Text;

namespace StrategyGov.Web.Features.Calendar;

/// <summary>One VEVENT. Timed events are written in UTC ("Z"), so no VTIMEZONE is needed; all-day events as DATE values.</summary>
public sealed record ICalendarEvent(
    string Uid,
    string Summary,
    string? Description,
    string? Location,
    DateTime StartsUtc,
    DateTime EndsUtc,
    bool IsAllDay,
    DateOnly FirstDay,
    DateOnly LastDay,
    string Status,
    IReadOnlyList<string> Categories,
    DateTime LastModifiedUtc);

/// <summary>
/// Writes an RFC 5545 calendar: CRLF line ends, TEXT values escaped (backslash, semicolon, comma, newline),
/// content lines folded at 75 octets without splitting a UTF-8 sequence (Arabic letters are two octets).
/// </summary>
public static class ICalendarWriter
{
    private const int MaxLineOctets = 75;

    public static string Write(string calendarName, string timeZoneId, IEnumerable<ICalendarEvent> events, DateTime stampUtc)
    {
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//StrategyGov//Unified calendar//AR");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, "X-WR-CALNAME:" + Escape(calendarName));
        Line(text, "X-WR-TIMEZONE:" + timeZoneId);
        Line(text, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        foreach (var e in events)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, "UID:" + e.Uid);
            Line(text, "DTSTAMP:" + Utc(stampUtc));
            if (e.IsAllDay)
            {
                Line(text, "DTSTART;VALUE=DATE:" + Date(e.FirstDay));
                Line(text, "DTEND;VALUE=DATE:" + Date(e.LastDay.AddDays(1)));
            }
            else
            {
                Line(text, "DTSTART:" + Utc(e.StartsUtc));
                Line(text, "DTEND:" + Utc(e.EndsUtc));
            }

            Line(text, "SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrEmpty(e.Description))
            {
                Line(text, "DESCRIPTION:" + Escape(e.Description));
            }

            if (!string.IsNullOrEmpty(e.Location))
            {
                Line(text, "LOCATION:" + Escape(e.Location));
            }

            if (e.Categories.Count > 0)
            {
                Line(text, "CATEGORIES:" + string.Join(',', e.Categories.Select(Escape)));
            }

            Line(text, "STATUS:" + e.Status);
            Line(text, "LAST-MODIFIED:" + Utc(e.LastModifiedUtc));
            Line(text, "TRANSP:TRANSPARENT");
            Line(text, "END:VEVENT");
        }

        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>RFC 5545 §3.3.11: backslash, semicolon and comma escaped, line breaks as \n.</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>RFC 5545 §3.1: a line longer than 75 octets continues on the next line after CRLF and one space.</summary>
    public static void Line(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = MaxLineOctets;
        for (var i = 0; i < line.Length; i++)
        {
            // A surrogate pair is one UTF-8 sequence of four octets: never split it.
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = MaxLineOctets - 1;
            }

            text.Append(line, i, length);
            octets += size;
            i += length - 1;
        }

        text.Append("\r\n");
    }

    private static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Date(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
