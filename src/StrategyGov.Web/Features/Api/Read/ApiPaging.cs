using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace StrategyGov.Web.Features.Api.Read;

/// <summary>One page of a list: the items in ascending id order and the address of the next page (null on the last).</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>
/// The query every list takes: an opaque <c>cursor</c> from a previous page's <c>next</c>, a <c>limit</c>
/// (default 50, at most 200) and, where the records carry a change time, <c>changedSince</c> (ISO 8601).
/// </summary>
public sealed record ApiPageQuery([FromQuery(Name = "cursor")] string? Cursor, [FromQuery(Name = "limit")] int? Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}

/// <summary>The request asked for something the API cannot answer (HTTP 400 with a problem document).</summary>
public sealed class ApiBadRequestException(string detail) : Exception(detail);

/// <summary>
/// Keyset paging over the rows a service returned for the actor: rows ordered by id, the cursor is the
/// last id of the page, so a row added or removed between two calls neither repeats nor skips another
/// (ADR 0104). The cursor is opaque to clients and versioned, so its form may change.
/// </summary>
public static partial class ApiPaging
{
    private const string CursorPrefix = "v1:";

    /// <summary>
    /// The page of <paramref name="rows"/> after the cursor. A service that pages in the database passes
    /// the rows after <see cref="After"/>, at least <see cref="Limit"/> + 1 of them when there are more.
    /// </summary>
    public static ApiPage<T> Page<T>(IEnumerable<T> rows, Func<T, long> id, ApiPageQuery query, HttpRequest request)
    {
        var limit = Limit(query);
        var after = After(query);
        var items = rows.Where(r => id(r) > after).OrderBy(id).Take(limit + 1).ToList();
        string? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(limit);
            next = NextLink(request, EncodeCursor(id(items[^1])));
        }

        return new ApiPage<T>(items, next);
    }

    /// <summary>The last id of the previous page (0 on the first: ids are positive).</summary>
    public static long After(ApiPageQuery query) => query.Cursor is null ? 0 : DecodeCursor(query.Cursor);

    public static int Limit(ApiPageQuery query) => query.Limit is { } limit and (< 1 or > ApiPageQuery.MaxLimit)
        ? throw new ApiBadRequestException($"limit must be between 1 and {ApiPageQuery.MaxLimit}.")
        : query.Limit ?? ApiPageQuery.DefaultLimit;

    /// <summary>Parses <c>changedSince</c>: an ISO 8601 time with an offset or Z (a local time would be ambiguous).</summary>
    public static DateTime? ChangedSince(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!IsoWithOffset().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var since))
        {
            throw new ApiBadRequestException("changedSince must be an ISO 8601 date and time with an offset, e.g. 2026-03-01T00:00:00Z.");
        }

        return since.UtcDateTime;
    }

    private static string EncodeCursor(long lastId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CursorPrefix + lastId.ToString(CultureInfo.InvariantCulture)));

    private static long DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            {
                return id;
            }
        }
        catch (FormatException)
        {
        }

        throw new ApiBadRequestException("cursor is not one this API gave out.");
    }

    private static string NextLink(HttpRequest request, string cursor)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => p.Key != "cursor")
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("cursor", cursor));
        return QueryHelpers.AddQueryString($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}", query);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoWithOffset();
}
