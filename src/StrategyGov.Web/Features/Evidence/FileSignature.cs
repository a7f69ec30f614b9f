using System.IO.Compression;
using System.Text;

namespace StrategyGov.Web.Features.Evidence;

/// <summary>A file type accepted as evidence: what its content must start with, and its extensions.</summary>
public sealed record EvidenceFileType(string ContentType, IReadOnlyList<string> Extensions);

/// <summary>
/// Recognises evidence files by their content, never by their name: PDF, PNG and JPEG by their magic
/// bytes; Word, Excel and PowerPoint documents as ZIP containers whose <c>[Content_Types].xml</c>
/// declares the main part of that kind (macro-enabled variants declare another and are refused).
/// </summary>
public static class FileSignature
{
    public static readonly EvidenceFileType Pdf = new("application/pdf", [".pdf"]);
    public static readonly EvidenceFileType Png = new("image/png", [".png"]);
    public static readonly EvidenceFileType Jpeg = new("image/jpeg", [".jpg", ".jpeg"]);
    public static readonly EvidenceFileType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly EvidenceFileType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly EvidenceFileType Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);

    public static readonly IReadOnlyList<EvidenceFileType> All = [Pdf, Png, Jpeg, Docx, Xlsx, Pptx];

    /// <summary>The extensions a browser's file picker should offer.</summary>
    public static string AcceptAttribute => string.Join(",", All.SelectMany(t => t.Extensions));

    private static readonly (EvidenceFileType Type, string Folder, string MainContentType)[] Office =
    [
        (Docx, "word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
        (Xlsx, "xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
        (Pptx, "ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
    ];

    /// <summary>The type of the (seekable) content, or null when it is none of the accepted types.</summary>
    public static EvidenceFileType? Detect(Stream content)
    {
        Span<byte> head = stackalloc byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        return head.StartsWith("PK\x03\x04"u8) ? DetectOffice(content) : null;
    }

    private static EvidenceFileType? DetectOffice(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > 1024 * 1024)
            {
                return null;
            }

            string declared;
            using (var reader = new StreamReader(types.Open(), Encoding.UTF8))
            {
                declared = reader.ReadToEnd();
            }

            foreach (var (type, folder, main) in Office)
            {
                if (declared.Contains(main, StringComparison.Ordinal) && zip.Entries.Any(e => e.FullName.StartsWith(folder, StringComparison.Ordinal)))
                {
                    return type;
                }
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
