using System.IO.Compression;
using System.Text;

namespace StrategyGov.Web.Tests.Support;

/// <summary>Small files whose content is (or pretends to be) each evidence type.</summary>
public static class SampleFiles
{
    public static byte[] Pdf(int size = 600)
    {
        var head = "%PDF-1.7\n%âãÏÓ\n"u8.ToArray();
        var bytes = new byte[Math.Max(size, head.Length)];
        head.CopyTo(bytes, 0);
        for (var i = head.Length; i < bytes.Length; i++)
        {
            bytes[i] = (byte)('a' + (i % 26));
        }

        return bytes;
    }

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    /// <summary>A Windows executable's first bytes ("MZ").</summary>
    public static byte[] Executable() => [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.")];

    /// <summary>A minimal Word document: a ZIP with [Content_Types].xml declaring the main part, and word/document.xml.</summary>
    public static byte[] Docx() => Zip(
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
        ("word/document.xml", """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>"""));

    /// <summary>A plain ZIP archive (no Office content types).</summary>
    public static byte[] PlainZip() => Zip(("notes.txt", "not an office document"));

    /// <summary>A ZIP archive of the given files (names may hold folders, or anything a hostile zip holds).</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The files of an evidence store, as paths relative to it ("ab/cd/&lt;sha256&gt;"), in order.</summary>
    public static List<string> StoreFiles(string evidencePath) => Directory.Exists(evidencePath)
        ? Directory.EnumerateFiles(evidencePath, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(evidencePath, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList()
        : [];

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }
}
