using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Identity;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api.Write;

/// <summary>
/// <c>Idempotency-Key</c> on POST (ADR 0105): the first request with a key reserves it (a unique row per
/// caller and key), runs, and stores its response; the same key with the same request replays that
/// response without running anything again; the same key with another request is refused (422); while
/// the first is still running, a second gets 409. A write that throws (404, 403, 412) frees its key.
/// </summary>
public sealed class ApiIdempotency(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    TimeProvider clock,
    IOptions<ApiOptions> options,
    IStringLocalizer<SharedResource> localizer)
{
    public const string Header = "Idempotency-Key";

    private long _lastPrune;

    /// <summary>
    /// Runs <paramref name="write"/> under the request's key, if it has one. <paramref name="body"/> is what makes two requests
    /// the same: the raw body, or for a multipart upload a fingerprint of its fields and file (its boundary is
    /// random, so the same upload sent again differs byte for byte), with <paramref name="hashedContentType"/> in place of the
    /// request's content type. <paramref name="location"/> names the record a 201 created, for the first answer and its replays.
    /// </summary>
    public async Task<IResult> RunAsync(
        HttpContext http, Actor actor, byte[] body, Func<Task<ApiWriteResponse>> write, CancellationToken ct,
        string? hashedContentType = null, Func<ApiWriteResponse, string?>? location = null)
    {
        var key = http.Request.Headers[Header].ToString().Trim();
        if (key.Length == 0)
        {
            var once = await write();
            return once.ToResult(http, location: location?.Invoke(once));
        }

        if (key.Length > 200)
        {
            return ApiWriteResponse.Of(StatusCodes.Status400BadRequest, new ApiErrorDto(localizer["Api_IdempotencyKeyTooLong"].Value)).ToResult(http);
        }

        var hash = Hash(http.Request, hashedContentType ?? http.Request.ContentType, body);
        await PruneAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = new ApiIdempotencyRecord { CallerId = actor.UserId, Key = key, RequestHash = hash, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.ApiIdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var stored = await db.ApiIdempotencyRecords.AsNoTracking().SingleAsync(r => r.CallerId == actor.UserId && r.Key == key, ct);
            return stored.RequestHash != hash
                ? ApiWriteResponse.Of(StatusCodes.Status422UnprocessableEntity, new ApiErrorDto(localizer["Api_IdempotencyKeyReused"].Value)).ToResult(http)
                : stored.Status == 0
                    ? ApiWriteResponse.Of(StatusCodes.Status409Conflict, new ApiErrorDto(localizer["Api_IdempotencyInProgress"].Value)).ToResult(http)
                    : Replay(new ApiWriteResponse(stored.Status, stored.Body ?? "null", stored.ETag));
        }

        ApiWriteResponse response;
        try
        {
            response = await write();
        }
        catch
        {
            await db.ApiIdempotencyRecords.Where(r => r.Id == record.Id).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }

        // A stale If-Match is the caller's to correct and send again under the same key: not remembered.
        if (response.Status == StatusCodes.Status412PreconditionFailed)
        {
            await db.ApiIdempotencyRecords.Where(r => r.Id == record.Id).ExecuteDeleteAsync(CancellationToken.None);
            return response.ToResult(http);
        }

        record.Status = response.Status;
        record.Body = response.Json;
        record.ETag = response.ETag;
        record.ContentType = "application/json";
        await db.SaveChangesAsync(CancellationToken.None);
        return response.ToResult(http, location: location?.Invoke(response));

        IResult Replay(ApiWriteResponse stored) => stored.ToResult(http, replayed: true, location: location?.Invoke(stored));
    }

    private static string Hash(HttpRequest request, string? contentType, byte[] body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n{contentType}\n"));
        sha.AppendData(body);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Forgets keys older than <see cref="ApiOptions.IdempotencyHours"/>, at most once an hour per instance.</summary>
    private async Task PruneAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var last = Interlocked.Read(ref _lastPrune);
        if (now.Ticks - last < TimeSpan.TicksPerHour || Interlocked.CompareExchange(ref _lastPrune, now.Ticks, last) != last)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var before = now.AddHours(-options.Value.IdempotencyHours);
        await db.ApiIdempotencyRecords.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(ct);
    }
}
