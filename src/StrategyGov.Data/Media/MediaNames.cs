using System.Globalization;
using System.Text;

namespace StrategyGov.Data.Media;

/// <summary>
/// Names of the register compared the way a person reads them: "فهد بن عبدالله العتيبي" and "فَهد عبد الله
/// العتيبى" are the same journalist. Pure.
/// </summary>
public static class MediaNames
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "بن", "بنت", "ابن", "bin", "bint", "ibn" };

    /// <summary>
    /// The comparison key of a name: Arabic diacritics and tatweel removed, alef/hamza, yaa and taa marbuta in
    /// one form each, "عبد ال…" joined, the connectors بن/بنت dropped, Latin letters lower-case, single spaces.
    /// </summary>
    public static string Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var text = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (c is >= '\u064B' and <= '\u065F' || c is '\u0670' or '\u0640')
            {
                continue; // diacritics (tashkeel), superscript alef, tatweel
            }

            text.Append(c switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ى' => 'ي',
                'ة' => 'ه',
                'ؤ' => 'و',
                'ئ' => 'ي',
                '.' or ',' or '،' or '-' or '_' => ' ',
                _ => char.ToLower(c, CultureInfo.InvariantCulture),
            });
        }

        var words = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Connectors.Contains(w)).ToList();

        // "عبد الله" and "عبدالله" are one name.
        for (var i = words.Count - 2; i >= 0; i--)
        {
            if (words[i] == "عبد")
            {
                words[i] += words[i + 1];
                words.RemoveAt(i + 1);
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>
    /// Two keys that may name the same person: the same first and last names (a middle name left out, as
    /// people often do). The center decides whether to merge; identical keys are refused on entry.
    /// </summary>
    public static bool PossiblySame(string key, string other)
    {
        if (key.Length == 0 || other.Length == 0)
        {
            return false;
        }

        var a = key.Split(' ');
        var b = other.Split(' ');
        return a.Length > 1 && b.Length > 1 && a[0] == b[0] && a[^1] == b[^1];
    }
}
