using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace StrategyGov.Web.Reports;

/// <summary>
/// Mends the text layer Chromium writes for Arabic letters that carry marks (shadda, tanween, harakat), so that the
/// words of a report come out of the PDF whole and in order — for search, copying and screen readers (issue 25,
/// ADR 0114). The page looks exactly as printed: only the marked-content tags around each such letter change.
/// <para>
/// Chromium (Skia) writes a right-to-left run as <c>/ReversedChars</c> content, glyphs in visual order, and wraps the
/// glyphs of one letter-with-marks cluster in a span whose <c>/ActualText</c> gives the cluster's characters. Two
/// things go wrong: the span's text is in logical order inside content marked as reversed, so a reader that puts the
/// run back in reading order puts the mark before its letter; and the span's first glyph is the mark, drawn at the
/// mark's offset over the letter, so the span appears to start part-way across the letter and a reader sees a gap —
/// a word break — before it. Here each such span's text is written in the run's (reversed) order, and the span
/// starts with an invisible copy of the letter's glyph at the letter's own position (text render mode 3, which
/// paints nothing), so it covers exactly the letter.
/// </para>
/// Only classic cross-reference tables (what Chromium writes) are handled; anything unexpected leaves the PDF as it was.
/// </summary>
public static partial class PdfArabicText
{
    private static readonly Encoding Bytes = Encoding.Latin1;

    /// <summary>The PDF with its Arabic mark clusters mended, or <paramref name="pdf"/> itself when there is nothing to mend or it cannot be read.</summary>
    public static byte[] Mend(byte[] pdf)
    {
        var file = Bytes.GetString(pdf);
        var startXref = file.LastIndexOf("startxref", StringComparison.Ordinal);
        if (startXref < 0 || !int.TryParse(file.AsSpan(startXref + 9).Trim().ToString().Split('\n')[0].Trim(), CultureInfo.InvariantCulture, out var xrefAt)
            || !file.AsSpan(xrefAt).StartsWith("xref"))
        {
            return pdf;
        }

        var entries = XrefEntry().Matches(file[xrefAt..file.IndexOf("trailer", xrefAt, StringComparison.Ordinal)]);
        var offsets = entries.Where(e => e.Groups[3].Value == "n").Select(e => int.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture)).Order().ToList();
        if (offsets.Count == 0)
        {
            return pdf;
        }

        var output = new StringBuilder(file.Length + 4096);
        output.Append(file, 0, offsets[0]);
        var moved = new Dictionary<int, int>();
        var changed = false;
        for (var i = 0; i < offsets.Count; i++)
        {
            var start = offsets[i];
            var end = i + 1 < offsets.Count ? offsets[i + 1] : xrefAt;
            var segment = file[start..end];
            moved[start] = output.Length;
            var mended = MendObject(segment);
            changed |= !ReferenceEquals(mended, segment);
            output.Append(mended);
        }

        if (!changed)
        {
            return pdf;
        }

        var newXrefAt = output.Length;
        var trailerAt = file.IndexOf("trailer", xrefAt, StringComparison.Ordinal);
        var xref = XrefEntry().Replace(file[xrefAt..trailerAt], e => e.Groups[3].Value == "n"
            ? $"{moved[int.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture)]:D10} {e.Groups[2].Value} n"
            : e.Value);
        output.Append(xref);
        output.Append(file, trailerAt, startXref - trailerAt);
        output.Append(CultureInfo.InvariantCulture, $"startxref\n{newXrefAt}\n%%EOF\n");
        return Bytes.GetBytes(output.ToString());
    }

    /// <summary>One object: a Flate content stream with Arabic mark clusters comes back mended, anything else as it was (the same instance).</summary>
    private static string MendObject(string segment)
    {
        var streamAt = segment.IndexOf("stream\n", StringComparison.Ordinal);
        if (streamAt < 0)
        {
            return segment;
        }

        var dictionary = segment[..streamAt];
        var length = StreamLength().Match(dictionary);
        if (!dictionary.Contains("/FlateDecode", StringComparison.Ordinal) || dictionary.Contains("/Subtype", StringComparison.Ordinal) || !length.Success)
        {
            return segment;
        }

        var dataAt = streamAt + "stream\n".Length;
        var dataLength = int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture);
        if (dataAt + dataLength > segment.Length)
        {
            return segment;
        }

        string content;
        try
        {
            content = Inflate(segment.Substring(dataAt, dataLength));
        }
        catch (InvalidDataException)
        {
            return segment;
        }

        // Render mode 3 is switched on and back off around the invisible glyph: only where the stream sets none itself.
        if (!content.Contains("/ActualText <FEFF", StringComparison.Ordinal) || RenderMode().IsMatch(content))
        {
            return segment;
        }

        var mended = MendContent(content);
        if (ReferenceEquals(mended, content))
        {
            return segment;
        }

        var data = Deflate(mended);
        var newDictionary = dictionary[..length.Index] + $"/Length {data.Length}" + dictionary[(length.Index + length.Length)..];
        return newDictionary + "stream\n" + data + segment[(dataAt + dataLength)..];
    }

    /// <summary>The content stream with each mark cluster of a reversed (right-to-left) run mended; the same instance when there is none.</summary>
    internal static string MendContent(string content)
    {
        var changed = false;
        var result = Cluster().Replace(content, match =>
        {
            var runStart = content.LastIndexOf("BT\n", match.Index, StringComparison.Ordinal);
            if (runStart < 0 || content.IndexOf("/ReversedChars BMC", runStart, match.Index - runStart, StringComparison.Ordinal) < 0)
            {
                return match.Value;
            }

            var mended = MendCluster(match.Groups["text"].Value, match.Groups["body"].Value);
            changed |= mended is not null;
            return mended ?? match.Value;
        });
        return changed ? result : content;
    }

    private sealed record Glyph(string? Font, decimal X, decimal Y, string Code);

    /// <summary>One span (its ActualText hex after FEFF, and its operators), mended; null to leave it as it is.</summary>
    private static string? MendCluster(string text, string body)
    {
        var units = Enumerable.Range(0, text.Length / 4).Select(i => Convert.ToInt32(text.Substring(i * 4, 4), 16)).ToList();
        if (units.Count < 2 || !units.Any(IsArabicMark))
        {
            return null;
        }

        // The operators Chromium writes in a span: font and text-matrix settings first, then one glyph per line
        // ("dx dy Td <code> Tj", positions relative to the line start), with a font switch between glyphs where the
        // cluster's glyphs sit in different font subsets.
        var leading = new List<string>();
        var glyphs = new List<Glyph>();
        string? font = null;
        decimal x = 0, y = 0;
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (GlyphOperator().Match(line) is { Success: true } glyph)
            {
                x += Number(glyph.Groups["dx"].Value);
                y += Number(glyph.Groups["dy"].Value);
                glyphs.Add(new Glyph(font, x, y, glyph.Groups["code"].Value));
            }
            else if (FontOperator().IsMatch(line))
            {
                font = line;
                if (glyphs.Count == 0)
                {
                    leading.Add(line);
                }
            }
            else if (glyphs.Count == 0 && MatrixOperator().IsMatch(line))
            {
                leading.Add(line);
            }
            else
            {
                return null;
            }
        }

        if (glyphs.Count == 0)
        {
            return null;
        }

        var reversed = string.Concat(units.AsEnumerable().Reverse().Select(u => u.ToString("X4", CultureInfo.InvariantCulture)));
        var output = new StringBuilder($"/Span<</ActualText <FEFF{reversed}> >> BDC\n");
        foreach (var line in leading)
        {
            output.Append(line).Append('\n');
        }

        var current = glyphs[0].Font;
        decimal atX = 0, atY = 0;
        if (glyphs.Count > 1)
        {
            // The letter is the cluster's last glyph (its marks come first in visual order): an invisible copy of it
            // where it stands makes the span start at the letter.
            var letter = glyphs[^1];
            if (letter.Font != current && (letter.Font is null || glyphs.Any(g => g.Font is null)))
            {
                return null;
            }

            if (letter.Font != current)
            {
                output.Append(letter.Font).Append('\n');
                current = letter.Font;
            }

            output.Append(CultureInfo.InvariantCulture, $"{Show(letter.X)} {Show(letter.Y)} Td 3 Tr <{letter.Code}> Tj 0 Tr\n");
            (atX, atY) = (letter.X, letter.Y);
        }

        foreach (var glyph in glyphs)
        {
            if (glyph.Font != current)
            {
                output.Append(glyph.Font).Append('\n');
                current = glyph.Font;
            }

            output.Append(CultureInfo.InvariantCulture, $"{Show(glyph.X - atX)} {Show(glyph.Y - atY)} Td <{glyph.Code}> Tj\n");
            (atX, atY) = (glyph.X, glyph.Y);
        }

        return output.Append("EMC\n").ToString();
    }

    /// <summary>Arabic harakat, tanween, shadda, sukun and the other combining marks of the Arabic block, and the superscript alef.</summary>
    private static bool IsArabicMark(int unit) => unit is >= 0x064B and <= 0x065F or 0x0670;

    private static decimal Number(string text) => text.Length == 0 ? 0 : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Show(decimal value) => value == 0 ? "0" : value.ToString("0.########", CultureInfo.InvariantCulture);

    private static string Inflate(string data)
    {
        using var input = new ZLibStream(new MemoryStream(Bytes.GetBytes(data)), CompressionMode.Decompress);
        using var text = new MemoryStream();
        input.CopyTo(text);
        return Bytes.GetString(text.ToArray());
    }

    private static string Deflate(string content)
    {
        using var data = new MemoryStream();
        using (var output = new ZLibStream(data, CompressionLevel.Optimal))
        {
            output.Write(Bytes.GetBytes(content));
        }

        return Bytes.GetString(data.ToArray());
    }

    [GeneratedRegex(@"(\d{10}) (\d{5}) ([nf])")]
    private static partial Regex XrefEntry();

    [GeneratedRegex(@"/Length (\d+)(?![\d ]*R)")]
    private static partial Regex StreamLength();

    [GeneratedRegex(@"(?:^|\s)\d Tr\b")]
    private static partial Regex RenderMode();

    [GeneratedRegex(@"/Span<</ActualText <FEFF(?<text>[0-9A-F]+)> >> BDC\n(?<body>(?:(?![^\n]*\b(?:BDC|BMC)\b)(?!EMC\n)[^\n]*\n)*?)EMC\n")]
    private static partial Regex Cluster();

    [GeneratedRegex(@"^(?:(?<dx>-?\d*\.?\d+) (?<dy>-?\d*\.?\d+) Td )?<(?<code>[0-9A-Fa-f]+)> Tj$")]
    private static partial Regex GlyphOperator();

    [GeneratedRegex(@"^/F\d+ -?\d*\.?\d+ Tf$")]
    private static partial Regex FontOperator();

    [GeneratedRegex(@"^(?:-?\d*\.?\d+ ){6}Tm$")]
    private static partial Regex MatrixOperator();
}
