using Microsoft.AspNetCore.Http.HttpResults;

namespace StrategyGov.Web.Features.Shared;

/// <summary>A file a service produced for the user to download: a report, an export, a template.</summary>
public sealed record FileDownload(byte[] Content, string FileName, string ContentType)
{
    public const string PdfContentType = "application/pdf";

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string JsonContentType = "application/json";

    public static FileDownload Pdf(byte[] content, string fileName) => new(content, fileName, PdfContentType);

    public static FileDownload Xlsx(byte[] content, string fileName) => new(content, fileName, XlsxContentType);

    public static FileDownload Json(byte[] content, string fileName) => new(content, fileName, JsonContentType);

    /// <summary>The download as an endpoint's answer: an attachment under its file name.</summary>
    public FileContentHttpResult ToResult() => TypedResults.File(Content, ContentType, FileName);
}
