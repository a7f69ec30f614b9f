using System.Globalization;
using System.Text;

namespace StrategyGov.Web.Features.Shared;

/// <summary>
/// Numbers as people type them, in Arabic and in English (docs/decisions/0100): Western, Arabic-Indic
/// (٠–٩) and Persian (۰–۹) digits; a point or the Arabic decimal separator (٫) for fractions; commas or
/// the Arabic thousands separator (٬) only between whole groups of three digits; an optional leading
/// minus; a percent sign (% or ٪) where a percentage is asked for. Anything else is refused with the
/// reason, never guessed: "12,5" is not 125, "1e309" is not 1309, "-3" is not 0.
/// </summary>
public static class NumberText
{
    /// <summary>Largest magnitude stored exactly (the columns are numeric(18, 6)): below 10^12.</summary>
    public const decimal Max = 999_999_999_999.999999m;

    /// <summary>Most decimals stored exactly.</summary>
    public const int MaxDecimals = 6;

    /// <summary>
    /// The value of <paramref name="text"/>, or the resource key of what is wrong with it (the keys take
    /// the text typed as their argument). Empty text is valid and has no value.
    /// </summary>
    public static bool TryParse(string? text, out decimal? value, out string? problem)
    {
        value = null;
        problem = null;
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return true;
        }

        problem = Check(normalized);
        if (problem is not null)
        {
            return false;
        }

        var plain = normalized.Replace(",", string.Empty, StringComparison.Ordinal);
        if (!decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            || Math.Abs(parsed) > Max)
        {
            problem = "Number_TooLarge";
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>A stored value written back for editing: invariant digits, no trailing zeros, no grouping.</summary>
    public static string Format(decimal? value) =>
        value is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>
    /// The problem with a value that has already been parsed (an Excel number, an API field): too large or
    /// too precise to be stored exactly. Null when it can be stored as it is.
    /// </summary>
    public static string? CheckStorable(decimal value) =>
        Math.Abs(value) > Max ? "Number_TooLarge"
        : value.Scale > MaxDecimals && value != Math.Round(value, MaxDecimals) ? "Number_TooPrecise"
        : null;

    /// <summary>
    /// Western digits, '.' for fractions, ',' for groups, '-' for minus; no direction marks, no percent
    /// sign, no spaces around (a space inside is not a separator: "1 2" is refused, not read as 12).
    /// </summary>
    private static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            switch (c)
            {
                case >= '\u0660' and <= '\u0669':
                    builder.Append((char)('0' + (c - '\u0660')));
                    break;
                case >= '\u06F0' and <= '\u06F9':
                    builder.Append((char)('0' + (c - '\u06F0')));
                    break;
                case '\u066B':
                    builder.Append('.');
                    break;
                case '\u066C':
                    builder.Append(',');
                    break;
                case '\u2212' or '\u2013' or '\u2010':
                    builder.Append('-');
                    break;
                case '%' or '\u066A':
                case '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'):
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static string? Check(string text)
    {
        var body = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        if (body.Length == 0 || body.Any(c => c is not ((>= '0' and <= '9') or '.' or ',')))
        {
            return body.Any(c => c is 'e' or 'E') && body.All(c => char.IsAsciiDigit(c) || c is 'e' or 'E' or '.' or '+' or '-')
                ? "Number_Exponent"
                : "Number_NotANumber";
        }

        var point = body.IndexOf('.');
        if (point != body.LastIndexOf('.'))
        {
            return "Number_NotANumber";
        }

        var whole = point < 0 ? body : body[..point];
        var fraction = point < 0 ? string.Empty : body[(point + 1)..];
        if (fraction.Contains(','))
        {
            return "Number_DecimalComma";
        }

        // A comma only groups whole thousands ("1,234,567"); "12,5" or "1,23" is a decimal comma.
        if (whole.Contains(','))
        {
            var groups = whole.Split(',');
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return "Number_DecimalComma";
            }
        }

        if (whole.Length == 0 && fraction.Length == 0)
        {
            return "Number_NotANumber";
        }

        if (fraction.Length > MaxDecimals)
        {
            return "Number_TooPrecise";
        }

        return whole.Replace(",", string.Empty, StringComparison.Ordinal).TrimStart('0').Length > 12 ? "Number_TooLarge" : null;
    }
}
