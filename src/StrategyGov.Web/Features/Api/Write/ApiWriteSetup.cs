using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace StrategyGov.Web.Features.Api.Write;

/// <summary>Writes through the API: idempotency keys, the per-token call log and rate limits (ADR 0105).</summary>
public static class ApiWriteSetup
{
    public static IServiceCollection AddApiWrites(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiIdempotency>();
        services.AddSingleton<ApiCallLog>();

        // One fixed one-minute window per token (its own rate, or Api:RequestsPerMinute); people are not
        // limited here. Each instance counts its own requests (ADR 0105).
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiOptions>>((limiter, api) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.User.FindFirst(ApiClaims.TokenId)?.Value is not { } token)
                {
                    return RateLimitPartition.GetNoLimiter("people");
                }

                var rate = int.TryParse(context.User.FindFirst(ApiClaims.RequestsPerMinute)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var own)
                    ? own
                    : api.Value.RequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter($"{token}/{rate}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = rate,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    /// <summary>The call log: before the services' exceptions become status codes, so it logs the status sent.</summary>
    public static void UseApiCallLog(this IApplicationBuilder app) => app.Use(ApiCallLog.MiddlewareAsync);

    /// <summary>The rate limits: after authorisation, which is where a bearer token becomes the request's user.</summary>
    public static void UseApiRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    /// <summary>Every write endpoint, under <c>/api/v1</c>.</summary>
    public static RouteGroupBuilder MapApiWrites(this RouteGroupBuilder api) => api
        .MapAnswerWrites()
        .MapEvidenceWrites()
        .MapInquiryWrites()
        .MapMediaWrites()
        .MapCouncilWrites()
        .MapRoleWrites()
        .MapCalendarWrites();
}
