using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Notifications;

/// <summary>One argument of a notification's message, in both languages (codes and dates are the same in both).</summary>
public sealed record NotificationArg(string Ar, string En)
{
    /// <summary>A code, date or number: the same in both languages, kept left-to-right inside Arabic.</summary>
    public static NotificationArg Ltr(string text) => new(Bidi.Ltr(text), Bidi.Ltr(text));

    public string In(CultureInfo culture) => Bilingual.IsArabic(culture) ? Ar : En;
}

/// <summary>Stores a notification's arguments and renders its message in the reader's language.</summary>
public static class NotificationText
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(IReadOnlyList<NotificationArg> arguments) => JsonSerializer.Serialize(arguments, Json);

    public static IReadOnlyList<NotificationArg> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<NotificationArg>>(json, Json) ?? [];

    /// <summary>The message in the current UI language.</summary>
    public static string Render(IStringLocalizer<SharedResource> localizer, string messageKey, IReadOnlyList<NotificationArg> arguments) =>
        localizer[messageKey, arguments.Select(a => (object)a.In(CultureInfo.CurrentUICulture)).ToArray()];

    /// <summary>The message in a given language (e-mails, which go out in both).</summary>
    public static string Render(IStringLocalizer<SharedResource> localizer, string messageKey, IReadOnlyList<NotificationArg> arguments, CultureInfo culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return Render(localizer, messageKey, arguments);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
