using System.Globalization;
using System.Text;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Council;

/// <summary>
/// What people type into the council's forms, read the way they mean it: Arabic-Indic (٠١٢) and Persian
/// (۰۱۲) digits are digits, surrounding spaces are not content, and a bad value is refused with a message
/// key naming the field rather than silently dropped.
/// </summary>
public static class CouncilInput
{
    /// <summary>The text with Arabic-Indic and Eastern Arabic-Indic digits (and the Arabic decimal and thousands separators) made ASCII.</summary>
    public static string Digits(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                '\u066B' => '.',
                '\u066C' => ',',
                _ => c,
            });
        }

        return builder.ToString().Trim();
    }

    /// <summary>Trimmed text, or null when there is none.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Required text of at most <paramref name="maxLength"/> characters; otherwise the rule named.</summary>
    public static string Required(string? text, int maxLength, string requiredKey, string tooLongKey)
    {
        var clean = Clean(text) ?? throw new RuleViolationException(requiredKey);
        return clean.Length <= maxLength ? clean : throw new RuleViolationException(tooLongKey, maxLength);
    }

    /// <summary>Optional text of at most <paramref name="maxLength"/> characters.</summary>
    public static string? Optional(string? text, int maxLength, string tooLongKey)
    {
        var clean = Clean(text);
        return clean is null || clean.Length <= maxLength ? clean : throw new RuleViolationException(tooLongKey, maxLength);
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; the rule's arguments are the bounds.</summary>
    public static int Whole(string? text, int min, int max, string key)
    {
        var digits = Digits(text);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new RuleViolationException(key, min, max);
    }

    /// <summary>A day written yyyy-MM-dd (any digits), or the rule named.</summary>
    public static DateOnly Date(string? text, string key) =>
        DateOnly.TryParseExact(Digits(text), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new RuleViolationException(key);

    /// <summary>A time of day written HH:mm (any digits), or the rule named.</summary>
    public static TimeOnly Time(string? text, string key) =>
        TimeOnly.TryParseExact(Digits(text), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new RuleViolationException(key);

    /// <summary>An absolute http(s) address, or null when none was given.</summary>
    public static string? Url(string? text, string key)
    {
        var clean = Clean(text);
        if (clean is null)
        {
            return null;
        }

        return clean.Length <= 1000
            && Uri.TryCreate(clean, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host)
            ? uri.AbsoluteUri
            : throw new RuleViolationException(key);
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
