using System.Text;

namespace StrategyGov.Web.Features.Evidence;

/// <summary>
/// Makes an uploaded file's name safe to store and to send back in Content-Disposition: the last path
/// segment only, no control or reserved characters, no leading dots, at most 200 characters. Arabic
/// and other letters are kept as they are.
/// </summary>
public static class EvidenceFileName
{
    private const int MaxLength = 200;
    private static readonly char[] Reserved = ['<', '>', ':', '"', '|', '?', '*', '/', '\\'];

    public static string Sanitise(string? name)
    {
        var lastSegment = (name ?? string.Empty).Replace('\\', '/').Split('/').Last();
        var builder = new StringBuilder(lastSegment.Length);
        foreach (var c in lastSegment.Normalize(NormalizationForm.FormC))
        {
            var category = char.GetUnicodeCategory(c);
            var invisible = char.IsControl(c) || category is System.Globalization.UnicodeCategory.Format;
            builder.Append(invisible || Reserved.Contains(c) ? '_' : c);
        }

        var clean = builder.ToString().Trim().TrimStart('.').Trim();
        if (clean.Length > MaxLength)
        {
            var extension = Path.GetExtension(clean);
            clean = clean[..(MaxLength - extension.Length)] + extension;
        }

        return clean;
    }

    /// <summary>
    /// The name to keep for content of the detected type: the name itself when its extension fits,
    /// the name with the type's extension added when it has none, and null when its extension claims
    /// another type (content disguised by its name).
    /// </summary>
    public static string? FitToType(string name, EvidenceFileType type)
    {
        var extension = Path.GetExtension(name);
        if (string.IsNullOrEmpty(Path.GetFileNameWithoutExtension(name)))
        {
            return "evidence" + type.Extensions[0];
        }

        if (string.IsNullOrEmpty(extension))
        {
            return name + type.Extensions[0];
        }

        return type.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ? name : null;
    }
}
