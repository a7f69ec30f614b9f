using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api.Write;

/// <summary>
/// What an evidence write did: <see cref="Added"/> with the new item (201), or not, when the same file (same
/// SHA-256) is already evidence of this answer under <see cref="AlreadyAttachedAs"/> (200, ADR 0109).
/// <see cref="AlsoOn"/> lists the submission's other indicators that have the same file; <see cref="Message"/> says
/// either in the caller's language.
/// </summary>
public sealed record EvidenceWrittenDto(
    bool Added, string Indicator, EvidenceItem? Evidence, string? AlreadyAttachedAs, IReadOnlyList<string> AlsoOn, string? Message);

/// <summary>
/// Evidence through the API (ADR 0110): <c>POST /api/v1/submissions/{id}/evidence</c> (a file, multipart/form-data),
/// <c>POST …/evidence/links</c> (a link, JSON) and <c>DELETE /api/v1/evidence/{id}</c>, each through the evidence
/// service the answer page uses, so the same limits, content check, duplicate rule and audit apply.
/// </summary>
public static class EvidenceWrites
{
    public const string FileExample = """{"indicator":"P1.1.1","file":"(the file's bytes) خطة الاتصال ٢٠٢٦.pdf","validUntil":"2027-12-31"}""";

    public const string LinkExample = """{"indicator":"P1.1.1","url":"https://moh.gov.sa/ar/media/plan-2026","title":"خطة الاتصال المعتمدة ٢٠٢٦","validUntil":"2027-12-31"}""";

    public static RouteGroupBuilder MapEvidenceWrites(this RouteGroupBuilder api)
    {
        api.MapPost("/submissions/{submissionId:int}/evidence", UploadAsync)
            .RequireScope(ApiScopes.EvidenceWrite)
            .Accepts<FileForm>("multipart/form-data")
            .Produces<EvidenceWrittenDto>(StatusCodes.Status201Created)
            .Produces<EvidenceWrittenDto>()
            .Produces<ApiErrorDto>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorDto>(StatusCodes.Status409Conflict)
            .Produces<ApiErrorDto>(StatusCodes.Status413PayloadTooLarge)
            .Produces<ApiErrorDto>(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample("multipart/form-data", FileExample)
            .WithTags("Reporting")
            .WithName("UploadEvidence")
            .WithSummary("Attaches a file to an answer of the institution's open draft (multipart/form-data: indicator = its code, file, optional validUntil yyyy-mm-dd). " +
                "The file must be what its name says (checked by content: PDF, Word, Excel, PowerPoint, PNG, JPG) and within the size limit. 201 with the item and Location; " +
                "200 with added=false when the same file is already evidence of this answer. 409 when the submission is no longer a draft. Idempotency-Key replays a repeated upload.");

        api.MapPost("/submissions/{submissionId:int}/evidence/links", LinkAsync)
            .RequireScope(ApiScopes.EvidenceWrite)
            .Accepts<LinkBody>("application/json")
            .Produces<EvidenceWrittenDto>(StatusCodes.Status201Created)
            .Produces<ApiErrorDto>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorDto>(StatusCodes.Status409Conflict)
            .Produces<ApiErrorDto>(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample("application/json", LinkExample)
            .WithTags("Reporting")
            .WithName("AddEvidenceLink")
            .WithSummary("Adds a link (http or https) as evidence of an answer of the institution's open draft, with an optional title and validUntil. " +
                "201 with the item and Location; 409 when the submission is no longer a draft. Idempotency-Key replays a repeated request.");

        api.MapDelete("/evidence/{evidenceId:guid}", DeleteAsync)
            .RequireScope(ApiScopes.EvidenceWrite)
            .Produces(StatusCodes.Status204NoContent)
            .Produces<ApiErrorDto>(StatusCodes.Status409Conflict)
            .WithTags("Reporting")
            .WithName("DeleteEvidence")
            .WithSummary("Takes an evidence item off its answer while the submission is the institution's open draft (204); 409 once it is submitted.");
        return api;
    }

    /// <summary>The form of an upload (documented for clients; the form is read by hand).</summary>
    public sealed class FileForm
    {
        /// <summary>The indicator's code, e.g. P1.1.1 (either case, any digits).</summary>
        public required string Indicator { get; init; }

        public required IFormFile File { get; init; }

        /// <summary>Until when the evidence is valid, yyyy-mm-dd; absent for always.</summary>
        public string? ValidUntil { get; init; }
    }

    public sealed record LinkBody(string? Indicator, string? Url, string? Title, string? ValidUntil);

    private static async Task<IResult> UploadAsync(
        int submissionId, HttpContext http, Actor actor, EvidenceService evidence, ApiIdempotency idempotency,
        IStringLocalizer<SharedResource> localizer, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return Refuse(http, StatusCodes.Status400BadRequest, localizer["Api_EvidenceNotMultipart"].Value);
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return Refuse(http, StatusCodes.Status400BadRequest, localizer["Api_EvidenceNotMultipart"].Value);
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return Refuse(http, StatusCodes.Status400BadRequest, localizer["Api_EvidenceFileMissing"].Value);
        }

        var fileName = FileName(file);
        var indicator = form["indicator"].ToString();
        var validUntil = form["validUntil"].ToString();

        // The boundary is random per request: two sends of one upload are the same by their fields and the file's hash.
        string sha256;
        await using (var content = file.OpenReadStream())
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
        }

        var fingerprint = Encoding.UTF8.GetBytes($"{indicator}\n{validUntil}\n{fileName}\n{sha256}");
        return await idempotency.RunAsync(http, actor, fingerprint, () => RefusalsAsync(async () =>
        {
            var indicatorId = await evidence.IndicatorIdAsync(actor, submissionId, indicator, ct);
            await using var content = file.OpenReadStream();
            var upload = await evidence.UploadAsync(actor, submissionId, indicatorId, fileName, content, ApiBodies.Day(validUntil), ct);
            var code = Code(indicator);
            if (upload.Added is null)
            {
                return ApiWriteResponse.Of(StatusCodes.Status200OK, new EvidenceWrittenDto(
                    false, code, null, upload.AlreadyAttachedAs, upload.AlsoOn, localizer["Evidence_AlreadyAttached", upload.AlreadyAttachedAs!].Value));
            }

            return ApiWriteResponse.Of(StatusCodes.Status201Created, new EvidenceWrittenDto(
                true, code, upload.Added, null, upload.AlsoOn,
                upload.AlsoOn.Count > 0 ? localizer["Evidence_AlsoAttachedTo", string.Join("، ", upload.AlsoOn)].Value : null));
        }, localizer), ct, "multipart/form-data", Location);
    }

    private static async Task<IResult> LinkAsync(
        int submissionId, HttpContext http, Actor actor, EvidenceService evidence, ApiIdempotency idempotency,
        IOptions<JsonOptions> json, IStringLocalizer<SharedResource> localizer, CancellationToken ct)
    {
        var body = await ApiBodies.ReadAsync(http.Request, 64 * 1024, ct);
        if (body is null)
        {
            return Refuse(http, StatusCodes.Status413PayloadTooLarge, localizer["Import_TooLarge"].Value);
        }

        return await idempotency.RunAsync(http, actor, body, () => RefusalsAsync(async () =>
        {
            if (ApiBodies.Deserialize<LinkBody>(body, json.Value.SerializerOptions) is not { } link)
            {
                return ApiWriteResponse.Of(StatusCodes.Status400BadRequest, new ApiErrorDto(localizer["Api_BadBody"].Value));
            }

            var indicatorId = await evidence.IndicatorIdAsync(actor, submissionId, link.Indicator, ct);
            var added = await evidence.AddLinkAsync(actor, submissionId, indicatorId, link.Url ?? string.Empty, link.Title, ApiBodies.Day(link.ValidUntil), ct);
            return ApiWriteResponse.Of(StatusCodes.Status201Created, new EvidenceWrittenDto(true, Code(link.Indicator), added, null, [], null));
        }, localizer), ct, location: Location);
    }

    private static async Task<IResult> DeleteAsync(
        Guid evidenceId, HttpContext http, Actor actor, EvidenceService evidence, IStringLocalizer<SharedResource> localizer, CancellationToken ct)
    {
        var response = await RefusalsAsync(async () =>
        {
            await evidence.RemoveAsync(actor, evidenceId, ct);
            return new ApiWriteResponse(StatusCodes.Status204NoContent, string.Empty);
        }, localizer);
        return response.Status == StatusCodes.Status204NoContent ? Results.NoContent() : response.ToResult(http);
    }

    /// <summary>
    /// The services' refusals as HTTP: a submission that is no longer a draft (or a period no longer open) is a
    /// conflict with the record's state (409), a file over the limit 413, any other rule 422 with its message.
    /// </summary>
    private static Task<ApiWriteResponse> RefusalsAsync(Func<Task<ApiWriteResponse>> write, IStringLocalizer<SharedResource> localizer) =>
        ApiRefusals.RefusalsAsync(async () =>
        {
            try
            {
                return await write();
            }
            catch (RuleViolationException rule) when (rule.Message is "Submission_Locked" or "Period_NotOpen")
            {
                return ApiWriteResponse.Of(StatusCodes.Status409Conflict, new ApiErrorDto(localizer[rule.Message, rule.Arguments].Value));
            }
            catch (RuleViolationException rule) when (rule.Message == "Evidence_TooLarge")
            {
                return ApiWriteResponse.Of(StatusCodes.Status413PayloadTooLarge, new ApiErrorDto(localizer[rule.Message, rule.Arguments].Value));
            }
        }, localizer);

    private static IResult Refuse(HttpContext http, int status, string message) => ApiWriteResponse.Of(status, new ApiErrorDto(message)).ToResult(http);

    /// <summary>Where the item a 201 created is read: <c>GET /api/v1/evidence/{id}</c>.</summary>
    private static string? Location(ApiWriteResponse response)
    {
        if (response.Status != StatusCodes.Status201Created)
        {
            return null;
        }

        using var document = System.Text.Json.JsonDocument.Parse(response.Json);
        return $"/api/v1/evidence/{document.RootElement.GetProperty("evidence").GetProperty("id").GetString()}";
    }

    private static string Code(string? indicator) => Media.MediaInput.Clean(Media.MediaInput.Digits(indicator))?.ToUpperInvariant() ?? string.Empty;

    /// <summary>
    /// The file's name as the client sent it: RFC 5987 <c>filename*</c> when present (HttpClient sends Arabic names so),
    /// else <c>filename</c> (curl sends UTF-8 there).
    /// </summary>
    private static string FileName(IFormFile file) =>
        ContentDispositionHeaderValue.TryParse(file.ContentDisposition, out var disposition) && disposition.FileNameStar.HasValue && disposition.FileNameStar.Length > 0
            ? disposition.FileNameStar.Value!
            : file.FileName;
}
