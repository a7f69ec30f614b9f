using System.Globalization;
using System.Text;

namespace StrategyGov.Web.Features.Inquiries;

/// <summary>
/// Numbers and times typed or pasted by people: Arabic-Indic (٠–٩) and Persian (۰–۹) digits and the Arabic
/// decimal separator are read as the Latin ones, so "٢٫٥" is 2.5 and "٢٠٢٦-١٠-٠٥ ٠٩:٣٠" a time.
/// </summary>
public static class InquiryText
{
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm";

    private static readonly string[] DateTimeFormats =
        ["yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy-MM-dd"];

    public static string NormalizeDigits(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                '\u066B' => '.',   // Arabic decimal separator
                '\u066C' => ',',   // Arabic thousands separator
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>Hours as typed ("4", "2.5", "٢٫٥") in whole minutes; null when it is not a number of hours from 0 to 10,000.</summary>
    public static int? ParseHoursAsMinutes(string? text)
    {
        var normalized = NormalizeDigits(text ?? string.Empty).Trim();
        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) && hours is >= 0 and <= 10_000
            ? (int)Math.Round(hours * 60m, MidpointRounding.AwayFromZero)
            : null;
    }

    /// <summary>Minutes shown as hours, e.g. 150 → "2.5".</summary>
    public static string Hours(int minutes) => (minutes / 60m).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A local time typed as "yyyy-MM-dd HH:mm" (or a date alone, meaning midnight), in any digits.</summary>
    public static DateTime? ParseLocalDateTime(string? text)
    {
        var normalized = NormalizeDigits(text ?? string.Empty).Trim();
        return DateTime.TryParseExact(normalized, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Unspecified)
            : null;
    }

    /// <summary>
    /// A local time as <see cref="ParseLocalDateTime"/> reads it, or an ISO 8601 instant with its offset
    /// ("2026-10-05T09:30:00+04:00", "…Z"), returned in UTC (<see cref="DateTimeKind.Utc"/>), as systems send.
    /// </summary>
    public static DateTime? ParseDateTime(string? text)
    {
        if (ParseLocalDateTime(text) is { } local)
        {
            return local;
        }

        var normalized = NormalizeDigits(text ?? string.Empty).Trim();
        var hasOffset = normalized.Length > 16 && (normalized.EndsWith('Z') || normalized[^6] is '+' or '-');
        return hasOffset && DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant.UtcDateTime
            : null;
    }

    /// <summary>A time of day typed as "HH:mm", in any digits.</summary>
    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(NormalizeDigits(text ?? string.Empty).Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>A day typed as "yyyy-MM-dd", in any digits.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(NormalizeDigits(text ?? string.Empty).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Text trimmed, or null when empty.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
