using Microsoft.Extensions.Localization;
using StrategyGov.Web.Features.Inquiries;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api.Write;

/// <summary>What an inquiries write did, or would do on a dry run: row by row, each inquiry created or changed.</summary>
public sealed record InquiriesWrittenDto(bool DryRun, bool Saved, int Created, int Updated, IReadOnlyList<InquiryChange> Changes, IReadOnlyList<ApiRowErrorDto> Errors);

/// <summary>
/// <c>POST /api/v1/inquiries</c>: the institution's inquiries in bulk, as JSON or CSV, through the Excel
/// import's rules and messages; the institution's own external id makes a re-send an update (ADR 0107).
/// </summary>
public static class InquiryWrites
{
    private const string Source = "inquiries";

    public const string JsonExample = """
        {"inquiries":[{"externalId":"HD-2026-0412","kind":"MediaInquiry","channel":"Newspaper","outlet":"جريدة عُمان",
        "requester":"سالم الهنائي","receivedAt":"2026-10-05 09:30","topic":"مواعيد صرف الدعم السكني",
        "details":"يطلب الصحفي تصريحًا حول الجدول الزمني","requesterDeadline":"2026-10-06 12:00"}]}
        """;

    public const string CsvExample = "externalId,kind,channel,outlet,receivedAt,topic,answeredAt,responseText\n"
        + "HD-2026-0412,MediaInquiry,Newspaper,جريدة عُمان,2026-10-05 09:30,مواعيد صرف الدعم السكني,2026-10-05 14:00,\"أُرسل البيان، مع الجدول\"\n";

    public static RouteGroupBuilder MapInquiryWrites(this RouteGroupBuilder api)
    {
        api.MapPost("/inquiries", WriteAsync)
            .RequireScope(ApiScopes.InquiriesWrite)
            .Accepts<InquiriesBody>("application/json", "text/csv")
            .Produces<InquiriesWrittenDto>()
            .Produces<InquiriesWrittenDto>(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample("application/json", JsonExample)
            .WithRequestExample("text/csv", CsvExample)
            .WithTags("Media")
            .WithName("WriteInquiries")
            .WithSummary("The institution's inquiries in bulk, all or nothing: JSON {\"inquiries\":[{externalId, kind, channel, outlet, receivedAt, topic, …}]} or CSV with those headers (the Excel template's columns). A row whose externalId is already in the institution's log updates that inquiry; a field the row does not hold is left as it is. dryRun=true returns the changes and every row error without saving; Idempotency-Key replays a repeated request.");
        return api;
    }

    /// <summary>The JSON shape (documented for clients; the body is read by hand so that a field's absence is kept apart from an empty value).</summary>
    public sealed record InquiriesBody(IReadOnlyList<InquiryBodyRow> Inquiries);

    /// <summary>Times are local times of the platform's time zone ("yyyy-MM-dd HH:mm") or ISO 8601 instants with an offset.</summary>
    public sealed record InquiryBodyRow(
        string ExternalId, string Kind, string Channel, string Outlet, string ReceivedAt, string Topic,
        string? Requester, string? SourceUrl, string? Details, string? Pillar, string? RequesterDeadline, string? AssignedTo,
        string? FirstResponseAt, string? AnsweredAt, string? ResponseText, string? ClosedAt, string? ReferredTo, int? InstitutionId);

    private static async Task<IResult> WriteAsync(
        bool? dryRun, HttpContext http, Actor actor, InquiryWorkbook inquiries, ApiIdempotency idempotency, IStringLocalizer<SharedResource> localizer, CancellationToken ct)
    {
        var body = await ApiBodies.ReadAsync(http.Request, InquiryWorkbook.MaxBytes, ct);
        if (body is null)
        {
            return ApiWriteResponse.Of(StatusCodes.Status413PayloadTooLarge, new ApiErrorDto(localizer["Import_TooLarge"].Value)).ToResult(http);
        }

        var csv = ApiBodies.IsCsv(http.Request);
        return await idempotency.RunAsync(http, actor, body, () => ApiRefusals.RefusalsAsync(async () =>
        {
            if (ApiRows.Read<InquiryField>(body, csv, Source, inquiries.FieldOf, actor) is not { } parsed)
            {
                return ApiWriteResponse.Of(StatusCodes.Status400BadRequest, new ApiErrorDto(localizer["Api_NotJsonOf", Source].Value));
            }

            var (read, header, problems) = parsed;

            var source = csv ? "csv" : Source;
            var errors = problems.Select(p => new InquirySheetError(source, p.Row, p.Column, p.Key, p.Arguments)).ToList();
            if (csv)
            {
                inquiries.Columns(header, source, out var missing);
                errors.InsertRange(0, missing);
            }

            var rows = new InquiryRows(
                source, read.Select(r => new InquiryInputRow(r.Number, r.Cells.ToDictionary(c => c.Key, c => (c.Value.Header, new InquiryCell(c.Value.Text))))).ToList(), errors, ApiRows.JsonName);
            var result = await inquiries.WriteAsync(actor, rows, dryRun == true, ct);
            var dto = new InquiriesWrittenDto(
                dryRun == true, result.Succeeded && dryRun != true && result.Created + result.Updated > 0, result.Created, result.Updated, result.Changes ?? [],
                result.Errors.Select(e => new ApiRowErrorDto(e.Sheet, e.Row, e.Column, localizer[e.MessageKey, e.Arguments].Value)).ToList());
            return ApiWriteResponse.Of(result.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity, dto);
        }, localizer), ct);
    }
}
