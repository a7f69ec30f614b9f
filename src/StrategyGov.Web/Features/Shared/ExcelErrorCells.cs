using System.IO.Compression;
using System.Xml.Linq;

namespace StrategyGov.Web.Features.Shared;

/// <summary>
/// The cells of a sheet that hold an Excel error value (#DIV/0!, #N/A, #VALUE!, …). ClosedXML 0.95 reads
/// such a cell as empty, so an import would take "#DIV/0!" for "no answer" and wipe a stored value; imports
/// read the file once more here and refuse those cells (docs/decisions/0100).
/// </summary>
public static class ExcelErrorCells
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>Each error cell of the named sheet with its value (e.g. "#DIV/0!"); empty when there is none or the file cannot be read so.</summary>
    public static IReadOnlyDictionary<(int Row, int Column), string> Find(Stream xlsx, string sheetName)
    {
        var found = new Dictionary<(int, int), string>();
        try
        {
            using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
            var workbook = Load(zip, "xl/workbook.xml");
            var relations = Load(zip, "xl/_rels/workbook.xml.rels");
            var relationId = workbook?.Descendants(Main + "sheet")
                .FirstOrDefault(s => (string?)s.Attribute("name") == sheetName)?.Attribute(Relationships + "id")?.Value;
            var target = relations?.Descendants(PackageRelationships + "Relationship")
                .FirstOrDefault(r => (string?)r.Attribute("Id") == relationId)?.Attribute("Target")?.Value;
            if (target is null)
            {
                return found;
            }

            var sheet = Load(zip, target.StartsWith('/') ? target[1..] : $"xl/{target}");
            foreach (var cell in sheet?.Descendants(Main + "c").Where(c => (string?)c.Attribute("t") == "e") ?? [])
            {
                if (Address((string?)cell.Attribute("r")) is { } address)
                {
                    found[address] = cell.Element(Main + "v")?.Value ?? "#ERROR";
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException)
        {
            // Not a readable package: ClosedXML refuses the file itself.
        }
        finally
        {
            xlsx.Position = 0;
        }

        return found;
    }

    /// <summary>"D12" → (12, 4).</summary>
    private static (int Row, int Column)? Address(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        return column > 0 && int.TryParse(reference.AsSpan(i), out var row) ? (row, column) : null;
    }

    private static XDocument? Load(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path);
        if (entry is null)
        {
            return null;
        }

        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}
