using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using StrategyGov.Web.Features.Excel;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api.Write;

/// <summary>A refusal: the message in the caller's language (<c>Accept-Language</c>) and, for rows, each one's place and reason.</summary>
public sealed record ApiErrorDto(string Message, IReadOnlyList<ApiRowErrorDto>? Errors = null);

/// <summary>One row error: <see cref="Source"/> is the sheet, file or JSON array; <see cref="Row"/> its line or item (1-based).</summary>
public sealed record ApiRowErrorDto(string Source, int Row, string Column, string Reason)
{
    public static ApiRowErrorDto From(ImportError e) => new(e.Sheet, e.Row, e.Column, e.Reason);
}

/// <summary>
/// A write's response as it is sent and, under an idempotency key, stored and replayed byte for byte:
/// status, JSON body and the ETag of the record after the write.
/// </summary>
public sealed record ApiWriteResponse(int Status, string Json, string? ETag = null)
{
    // Enumerations by name, as every read of the API sends them (ApiReadSetup).
    internal static readonly JsonSerializerOptions Json_ = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static ApiWriteResponse Of<T>(int status, T body, string? etag = null) => new(status, JsonSerializer.Serialize(body, Json_), etag);

    /// <summary>A record after a write, exactly as its read answers it (the API's JSON options), with the read's ETag.</summary>
    public static ApiWriteResponse AsRead<T>(T view, JsonSerializerOptions options)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(view, options);
        return new(StatusCodes.Status200OK, Encoding.UTF8.GetString(body), Read.ApiResult.ETagOf(body));
    }

    public IResult ToResult(HttpContext http, bool replayed = false, string? location = null)
    {
        if (ETag is not null)
        {
            http.Response.Headers.ETag = ETag;
        }

        if (location is not null)
        {
            http.Response.Headers.Location = location;
        }

        if (replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return Results.Content(Json, "application/json; charset=utf-8", Encoding.UTF8, Status);
    }
}

internal static class ApiRefusals
{
    /// <summary>
    /// Runs a write and turns the services' refusals into HTTP: a rule → 422 with its message, a stale
    /// <c>If-Match</c> → 412; 404 and 403 pass through to the pipeline as for every endpoint.
    /// </summary>
    public static async Task<ApiWriteResponse> RefusalsAsync(Func<Task<ApiWriteResponse>> write, IStringLocalizer<SharedResource> localizer)
    {
        try
        {
            return await write();
        }
        catch (ConcurrencyConflictException conflict)
        {
            return ApiWriteResponse.Of(StatusCodes.Status412PreconditionFailed, new ApiErrorDto(localizer[conflict.Message, conflict.Arguments].Value));
        }
        catch (RuleViolationException rule)
        {
            return ApiWriteResponse.Of(StatusCodes.Status422UnprocessableEntity, new ApiErrorDto(localizer[rule.Message, rule.Arguments].Value));
        }
    }

    /// <summary>
    /// Refuses (412) a write whose <c>If-Match</c> is not the ETag the record's read answers now; without the
    /// header (or with *), nothing to check.
    /// </summary>
    public static void EnsureMatches<T>(string? ifMatch, T view, JsonSerializerOptions options)
    {
        if (ifMatch is not null && ifMatch != "*" && Read.ApiResult.ETagOf(JsonSerializer.SerializeToUtf8Bytes(view, options)) != ifMatch)
        {
            throw new ConcurrencyConflictException();
        }
    }

    /// <summary>The tag of an <c>If-Match</c> header (a weak tag compares as its strong form); null without one.</summary>
    public static string? IfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        return value.Length == 0 ? null : value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
    }
}
