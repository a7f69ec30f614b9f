using System.Globalization;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Shared;

/// <summary>Dates on screens as ISO days (kept left to right inside Arabic), and back from date inputs.</summary>
public static class DateText
{
    public const string Format = "yyyy-MM-dd";

    public static string Show(DateOnly? date) => date is { } d ? Bidi.Ltr(d.ToString(Format, CultureInfo.InvariantCulture)) : "—";

    /// <summary>The value of an &lt;input type="date"&gt;.</summary>
    public static string? Input(DateOnly? date) => date?.ToString(Format, CultureInfo.InvariantCulture);

    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
