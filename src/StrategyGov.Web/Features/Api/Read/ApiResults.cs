using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace StrategyGov.Web.Features.Api.Read;

/// <summary>Marks an operation that answers with a strong ETag and honours <c>If-None-Match</c> (304).</summary>
public sealed class ApiETagMetadata;

/// <summary>
/// A JSON answer with a strong ETag: the SHA-256 of the exact bytes sent, so equal ETags mean equal
/// bodies (RFC 9110 §8.8.3). A request whose <c>If-None-Match</c> holds it gets 304 and no body.
/// If-None-Match compares weakly (§13.1.2), so a W/ prefix a proxy added still matches. The representation
/// is built before the comparison: the saving is the transfer, not the read.
/// </summary>
public sealed class ApiResult<T>(T value) : IResult, IEndpointMetadataProvider
{
    public T Value { get; } = value;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(Value, options);
        var etag = ApiResult.ETagOf(body);
        var response = httpContext.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = "private, no-cache";
        response.Headers.Vary = "Authorization, Cookie";

        if (ApiResult.Matches(httpContext.Request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        builder.Metadata.Add(new ApiETagMetadata());
    }

}

public static class ApiResult
{
    public static ApiResult<T> Of<T>(T value) => new(value);

    /// <summary>The strong ETag of a JSON body: the first half of its SHA-256, so equal ETags mean equal bodies.</summary>
    public static string ETagOf(byte[] body) => $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"";

    /// <summary>Whether an <c>If-None-Match</c> header holds <paramref name="etag"/> (or *), compared weakly.</summary>
    public static bool Matches(Microsoft.Extensions.Primitives.StringValues header, string etag) =>
        EntityTagHeaderValue.TryParseList(header, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(etag, StringComparison.Ordinal));
}
