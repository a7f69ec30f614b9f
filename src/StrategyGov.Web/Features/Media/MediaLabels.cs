using System.Globalization;
using Microsoft.Extensions.Localization;
using StrategyGov.Data.Media;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Media;

/// <summary>
/// The UI string keys of the media feature's enumerations (<c>Media_Role_Reporter</c>, …), and reading an
/// enumeration back from what a person typed in a workbook: its name, or its label in Arabic or English.
/// </summary>
public static class MediaLabels
{
    public static string Key<T>(T value)
        where T : struct, Enum => $"{Prefix<T>()}{value}";

    // Prefixes, not keys: the keys are the prefix and the value's name (every one in both resource files).
    private static readonly Dictionary<Type, string> Prefixes = new()
    {
        [typeof(JournalistRole)] = "Media_Role_",
        [typeof(MediaBeat)] = "Media_Beat_",
        [typeof(ContactChannel)] = "Media_Channel_",
        [typeof(MediaLanguage)] = "Media_Language_",
        [typeof(OutletKind)] = "Media_OutletKind_",
        [typeof(RegisterStatus)] = "Media_Status_",
        [typeof(InteractionKind)] = "Media_Kind_",
        [typeof(CoverageTone)] = "Media_Tone_",
        [typeof(CampaignStatus)] = "Campaign_Status_",
        [typeof(EvaluationStage)] = "Campaign_Stage_",
    };

    public static string Prefix<T>()
        where T : struct, Enum => Prefixes.TryGetValue(typeof(T), out var prefix)
            ? prefix
            : throw new ArgumentOutOfRangeException(nameof(T), typeof(T).Name, "No labels for this enumeration.");

    /// <summary>The value named by <paramref name="text"/> (its name, or its label in either language, any case), or null.</summary>
    public static T? Parse<T>(string? text, IStringLocalizer localizer)
        where T : struct, Enum
    {
        var wanted = text?.Trim();
        if (string.IsNullOrEmpty(wanted))
        {
            return null;
        }

        if (Enum.TryParse<T>(wanted, ignoreCase: true, out var named) && Enum.IsDefined(named) && !wanted.All(char.IsAsciiDigit))
        {
            return named;
        }

        foreach (var culture in new[] { Bilingual.CreateCulture(Bilingual.Arabic), Bilingual.CreateCulture(Bilingual.English) })
        {
            foreach (var value in Enum.GetValues<T>())
            {
                if (string.Equals(localizer.WithCulture(culture, Key(value)), wanted, StringComparison.CurrentCultureIgnoreCase))
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>Several values in one cell, separated by commas (Latin or Arabic) or semicolons; null when one is unknown.</summary>
    public static List<T>? ParseList<T>(string? text, IStringLocalizer localizer)
        where T : struct, Enum
    {
        var values = new List<T>();
        foreach (var part in (text ?? string.Empty).Split([',', '،', ';', '؛'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Parse<T>(part, localizer) is not { } value)
            {
                return null;
            }

            values.Add(value);
        }

        return values.Distinct().ToList();
    }

    /// <summary>Values joined with the comma of the current UI language, each as its label.</summary>
    public static string Join<T>(IEnumerable<T> values, IStringLocalizer localizer)
        where T : struct, Enum =>
        string.Join(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Bilingual.Arabic ? "، " : ", ", values.Select(v => localizer[Key(v)].Value));
}
