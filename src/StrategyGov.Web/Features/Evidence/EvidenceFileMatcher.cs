using System.Text;

namespace StrategyGov.Web.Features.Evidence;

/// <summary>
/// Finds the indicator an evidence file is for by the indicator's code in its name (or in its folders,
/// inside a zip): "P1.2.3 خطة الأزمات.pdf" → P1.2.3. Letters in either case and Arabic-Indic digits are
/// read as the code; a code counts only as a whole (P1.2.3 is not found in P1.2.31 or XP1.2.3).
/// </summary>
public static class EvidenceFileMatcher
{
    /// <summary>The codes of <paramref name="codes"/> named in <paramref name="path"/>, in the order they appear, each once.</summary>
    public static IReadOnlyList<string> CodesIn(string path, IEnumerable<string> codes)
    {
        var name = Normalise(path);
        var found = new List<(int At, string Code)>();
        foreach (var code in codes.Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (FirstWhole(name, code.ToUpperInvariant()) is { } at)
            {
                found.Add((at, code));
            }
        }

        return found.OrderBy(f => f.At).Select(f => f.Code).ToList();
    }

    private static int? FirstWhole(string name, string code)
    {
        for (var at = name.IndexOf(code, StringComparison.Ordinal); at >= 0; at = name.IndexOf(code, at + 1, StringComparison.Ordinal))
        {
            var end = at + code.Length;
            var startsWhole = at == 0 || !char.IsAsciiLetterOrDigit(name[at - 1]);
            var endsWhole = end == name.Length
                || !(char.IsAsciiDigit(name[end]) || (name[end] == '.' && end + 1 < name.Length && char.IsAsciiDigit(name[end + 1])));
            if (startsWhole && endsWhole)
            {
                return at;
            }
        }

        return null;
    }

    // Upper case Latin letters and ASCII digits, so "p١.٢.٣" reads as "P1.2.3".
    private static string Normalise(string path)
    {
        var builder = new StringBuilder(path.Length);
        foreach (var c in path.Normalize(NormalizationForm.FormKC))
        {
            builder.Append(c switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                _ => char.ToUpperInvariant(c),
            });
        }

        return builder.ToString();
    }
}
