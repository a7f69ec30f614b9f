using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using StrategyGov.Web.Features.Excel;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api.Write;

/// <summary>What an answers write did, or would do on a dry run.</summary>
public sealed record AnswersWrittenDto(bool DryRun, bool Saved, int Changed, IReadOnlyList<AnswerDiff> Changes, IReadOnlyList<ApiRowErrorDto> Errors);

/// <summary>
/// <c>POST /api/v1/institutions/{id}/periods/{id}/answers</c>: a whole submission's answers in one request,
/// as JSON or CSV, through the workbook import's rules and messages (ADR 0105).
/// </summary>
public static class AnswerWrites
{
    /// <summary>The CSV header and the JSON fields, in the order of the workbook's input columns.</summary>
    public static readonly IReadOnlyList<(string Name, int Column)> Fields =
    [
        ("indicator", AnswerWorkbook.Code),
        ("value", AnswerWorkbook.Value),
        ("notApplicable", AnswerWorkbook.NotApplicable),
        ("justification", AnswerWorkbook.Justification),
        ("comment", AnswerWorkbook.Comment),
    ];

    public static RouteGroupBuilder MapAnswerWrites(this RouteGroupBuilder api)
    {
        api.MapPost("/institutions/{institutionId:int}/periods/{periodId:int}/answers", WriteAsync)
            .RequireScope(ApiScopes.AnswersWrite)
            .Accepts<AnswersBody>("application/json", "text/csv")
            .Produces<AnswersWrittenDto>()
            .Produces<AnswersWrittenDto>(StatusCodes.Status422UnprocessableEntity)
            .Produces<ApiErrorDto>(StatusCodes.Status412PreconditionFailed)
            .WithRequestExample("application/json", """{"answers":[{"indicator":"P1.1.1","value":"نعم","comment":"معتمد بقرار الوزير"},{"indicator":"P1.1.2","value":87.5}]}""")
            .WithRequestExample("text/csv", "indicator,value,notApplicable,justification,comment\nP1.1.1,نعم,,,\"معتمد، بقرار الوزير\"\nP1.1.2,87.5,,,\n")
            .WithName("WriteAnswers")
            .WithSummary("Answers of the institution's open draft, all or nothing: JSON {\"answers\":[{indicator, value, notApplicable, justification, comment}]} or CSV with those headers. dryRun=true returns the changes and every row error without saving. If-Match (the ETag) refuses a draft changed meanwhile (412); Idempotency-Key replays a repeated request.");

        api.MapGet("/institutions/{institutionId:int}/periods/{periodId:int}/answers/etag", async Task<Results<Ok<AnswersETag>, StatusCodeHttpResult>> (
                int institutionId, int periodId, Actor actor, AnswerImportService answers, HttpContext http, CancellationToken ct) =>
            {
                var tag = await answers.TagAsync(actor, institutionId, periodId, ct);
                http.Response.Headers.ETag = tag;
                http.Response.Headers.CacheControl = "private, no-cache";

                // Unchanged since the caller's copy: nothing to send (RFC 9110 §13.1.2).
                return Read.ApiResult.Matches(http.Request.Headers.IfNoneMatch, tag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(new AnswersETag(tag));
            })
            .RequireScope(ApiScopes.AnswersRead)
            .WithName("GetAnswersETag")
            .WithSummary("The current ETag of a submission's answers, for If-Match (answers:write includes answers:read).");
        return api;
    }

    /// <summary>The JSON shape (documented for clients; the body is read by hand to keep each value's JSON type).</summary>
    public sealed record AnswersBody(IReadOnlyList<AnswerBodyRow> Answers);

    public sealed record AnswerBodyRow(string Indicator, JsonElement? Value, bool? NotApplicable, string? Justification, string? Comment);

    private static async Task<IResult> WriteAsync(
        int institutionId, int periodId, bool? dryRun, HttpContext http, Actor actor,
        AnswerImportService answers, ApiIdempotency idempotency, IStringLocalizer<SharedResource> localizer, CancellationToken ct)
    {
        var body = await ApiBodies.ReadAsync(http.Request, AnswerImportService.MaxFileBytes, ct);
        if (body is null)
        {
            return ApiWriteResponse.Of(StatusCodes.Status413PayloadTooLarge, new ApiErrorDto(localizer["Import_TooLarge"].Value)).ToResult(http);
        }

        var csv = ApiBodies.IsCsv(http.Request);
        var ifMatch = ApiRefusals.IfMatch(http.Request);
        return await idempotency.RunAsync(http, actor, body, () => ApiRefusals.RefusalsAsync(async () =>
        {
            var (rows, problem) = csv ? Csv(body, localizer) : Json(body, localizer);
            if (rows is null)
            {
                return ApiWriteResponse.Of(StatusCodes.Status400BadRequest, new ApiErrorDto(problem!));
            }

            var result = await answers.WriteAsync(actor, institutionId, periodId, rows, dryRun == true, ifMatch, ct);
            var dto = new AnswersWrittenDto(
                result.DryRun, result.Succeeded && !result.DryRun && result.Changes.Count > 0, result.Changes.Count, result.Changes,
                result.Errors.Select(ApiRowErrorDto.From).ToList());
            return result.Succeeded
                ? ApiWriteResponse.Of(StatusCodes.Status200OK, dto, result.ETag)
                : ApiWriteResponse.Of(StatusCodes.Status422UnprocessableEntity, dto with { Changes = [] }, result.ETag);
        }, localizer), ct);
    }

    /// <summary>CSV with a header row naming the <see cref="Fields"/> (any order); rows are numbered by the line they start on.</summary>
    private static (AnswerRows? Rows, string? Problem) Csv(byte[] body, IStringLocalizer localizer)
    {
        var records = ApiBodies.Csv(body);
        if (records.Count == 0)
        {
            return (null, localizer["Import_Empty"].Value);
        }

        var header = records[0].Fields.Select(f => f.Trim()).ToList();
        var positions = Fields.ToDictionary(f => f.Column, f => header.FindIndex(h => string.Equals(h, f.Name, StringComparison.OrdinalIgnoreCase)));
        if (positions[AnswerWorkbook.Code] < 0)
        {
            return (null, localizer["Api_CsvHeader", string.Join(",", Fields.Select(f => f.Name))].Value);
        }

        var rows = records.Skip(1).Select(r => new AnswerRow(r.Line, Enumerable.Range(1, AnswerWorkbook.HeaderKeys.Length)
            .Select(column => positions.TryGetValue(column, out var at) && at >= 0 && at < r.Fields.Count ? CsvCell(r.Fields[at]) : AnswerCell.Empty)
            .ToArray())).ToList();
        return (new AnswerRows("csv", rows, Label), null);
    }

    /// <summary>JSON: an object with "answers" (or a bare array); a number stays a number, true/false a yes/no.</summary>
    private static (AnswerRows? Rows, string? Problem) Json(byte[] body, IStringLocalizer localizer)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, localizer["Api_NotJson"].Value);
        }

        using (document)
        {
            if (ApiBodies.Array(document, "answers") is not { } array)
            {
                return (null, localizer["Api_NotJson"].Value);
            }

            var rows = new List<AnswerRow>();
            var number = 0;
            foreach (var item in array.EnumerateArray())
            {
                number++;
                rows.Add(new AnswerRow(number, Enumerable.Range(1, AnswerWorkbook.HeaderKeys.Length)
                    .Select(column => Fields.FirstOrDefault(f => f.Column == column) is { Name: not null } field && item.ValueKind == JsonValueKind.Object && ApiBodies.TryGet(item, field.Name, out var v)
                        ? Cell(v) : AnswerCell.Empty)
                    .ToArray()));
            }

            return (new AnswerRows("answers", rows, Label), null);
        }
    }

    /// <summary>
    /// A CSV field is text; 1/0 and true/false are read as a workbook reads those typed cells (yes/no, or
    /// the number), every other value through the same number parser as typed text.
    /// </summary>
    private static AnswerCell CsvCell(string field) => field.Trim() switch
    {
        "1" => new AnswerCell(field, Number: 1),
        "0" => new AnswerCell(field, Number: 0),
        var t when t.Equals("true", StringComparison.OrdinalIgnoreCase) => new AnswerCell(field, Boolean: true),
        var t when t.Equals("false", StringComparison.OrdinalIgnoreCase) => new AnswerCell(field, Boolean: false),
        _ => new AnswerCell(field),
    };

    private static AnswerCell Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => new AnswerCell(value.GetRawText(), value.GetDouble()),
        JsonValueKind.True => new AnswerCell("true", Boolean: true),
        JsonValueKind.False => new AnswerCell("false", Boolean: false),
        JsonValueKind.String => new AnswerCell(value.GetString() ?? ""),
        JsonValueKind.Null or JsonValueKind.Undefined => AnswerCell.Empty,
        _ => new AnswerCell(value.GetRawText()),
    };

    private static string Label(int column) =>
        Fields.FirstOrDefault(f => f.Column == column).Name ?? column.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The current ETag of a submission's answers: send it back as <c>If-Match</c> with the next write.</summary>
public sealed record AnswersETag(string ETag);
