using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Identity;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api.Write;

/// <summary>
/// Every call made with a token: method, path, status, time and duration, one row each, kept
/// <see cref="ApiOptions.CallLogDays"/> days (older rows pruned at most once an hour per instance).
/// </summary>
public sealed class ApiCallLog(IDbContextFactory<StrategyGovDbContext> dbFactory, TimeProvider clock, IOptions<ApiOptions> options)
{
    private long _lastPrune;

    public async Task RecordAsync(int tokenId, string method, string path, int status, TimeSpan elapsed)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync();
        db.ApiCalls.Add(new ApiCall
        {
            TokenId = tokenId,
            At = now,
            Method = method,
            Path = path.Length > 300 ? path[..300] : path,
            Status = status,
            DurationMs = (int)Math.Min(int.MaxValue, elapsed.TotalMilliseconds),
        });
        await db.SaveChangesAsync();

        var last = Interlocked.Read(ref _lastPrune);
        if (now.Ticks - last >= TimeSpan.TicksPerHour && Interlocked.CompareExchange(ref _lastPrune, now.Ticks, last) == last)
        {
            var before = now.AddDays(-options.Value.CallLogDays);
            await db.ApiCalls.Where(c => c.At < before).ExecuteDeleteAsync();
        }
    }

    /// <summary>
    /// Middleware placed before the services' exceptions become status codes, so that the status logged
    /// is the one sent; the token is known once authorisation has run further down the pipeline.
    /// </summary>
    public static async Task MiddlewareAsync(HttpContext context, Func<Task> next)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next();
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var status = 0;
        try
        {
            await next();
            status = context.Response.StatusCode;
        }
        catch (NotFoundException)
        {
            status = StatusCodes.Status404NotFound;
            throw;
        }
        catch (AccessDeniedException)
        {
            status = StatusCodes.Status403Forbidden;
            throw;
        }
        catch
        {
            status = StatusCodes.Status500InternalServerError;
            throw;
        }
        finally
        {
            if (int.TryParse(context.User.FindFirst(ApiClaims.TokenId)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var tokenId))
            {
                await context.RequestServices.GetRequiredService<ApiCallLog>()
                    .RecordAsync(tokenId, context.Request.Method, context.Request.Path.Value ?? "", status, Stopwatch.GetElapsedTime(started));
            }
        }
    }
}
