using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace StrategyGov.Web.Features.Media;

/// <summary>
/// How typed or imported values of the media registers are read: Arabic-Indic and Eastern Arabic-Indic
/// digits (٠١٢ / ۰۱۲) and the Arabic decimal and thousands separators are accepted as the digits they are;
/// anything else that is not what the field expects is refused with a message key. Pure.
/// </summary>
public static class MediaInput
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;

    /// <summary>The text with Arabic-Indic digits turned into ASCII digits and ٫ ٬ into . and , (null stays null).</summary>
    public static string? Digits(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                '\u066B' => '.',
                '\u066C' => ',',
                _ => c,
            });
        }

        return result.ToString();
    }

    /// <summary>Trimmed text, or null when empty.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A decimal in invariant notation (any digits), or null; false when the text is not a number.</summary>
    public static bool TryDecimal(string? text, out decimal? value)
    {
        value = null;
        var normalised = Clean(Digits(text))?.Replace(",", string.Empty, StringComparison.Ordinal);
        if (normalised is null)
        {
            return true;
        }

        if (decimal.TryParse(normalised, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    /// <summary>A whole number ≥ 0 (a reach), or null; false when the text is not one.</summary>
    public static bool TryCount(string? text, out long? value)
    {
        value = null;
        if (!TryDecimal(text, out var number))
        {
            return false;
        }

        if (number is null)
        {
            return true;
        }

        if (number < 0 || number != decimal.Truncate(number.Value) || number > long.MaxValue)
        {
            return false;
        }

        value = (long)number.Value;
        return true;
    }

    /// <summary>A day written yyyy-mm-dd (any digits), or null; false when the text is not such a day.</summary>
    public static bool TryDate(string? text, out DateOnly? value)
    {
        value = null;
        var normalised = Clean(Digits(text));
        if (normalised is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(normalised, ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = date;
            return true;
        }

        return false;
    }

    public static bool IsEmail(string? text)
    {
        if (Clean(text) is not { } email)
        {
            return true;
        }

        return MailAddress.TryCreate(email, out var address) && address.Address == email && email.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>A phone number: digits (any script), spaces, +, -, parentheses; 6 to 20 digits.</summary>
    public static bool IsPhone(string? text)
    {
        if (Clean(Digits(text)) is not { } phone)
        {
            return true;
        }

        return phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')') && phone.Count(char.IsAsciiDigit) is >= 6 and <= 20;
    }

    /// <summary>An absolute http(s) address.</summary>
    public static bool IsWebAddress(string? text) =>
        Clean(text) is not { } url || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http");
}
