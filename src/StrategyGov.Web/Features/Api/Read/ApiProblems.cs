namespace StrategyGov.Web.Features.Api.Read;

/// <summary>
/// Every error answer under <c>/api</c> carries a problem+json body (RFC 9457), whichever layer set the
/// status: the sign-in challenge (401), a missing scope (403), a service's NotFoundException (404). Runs
/// outermost, so it sees the final status after the pipeline turned exceptions into codes.
/// </summary>
internal sealed class ApiProblemsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            await nextMiddleware(context);
            var response = context.Response;
            if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType)
                && context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                await TypedResults.Problem(statusCode: response.StatusCode).ExecuteAsync(context);
            }
        });
        next(app);
    };
}

/// <summary>A bad query (cursor, limit, changedSince) is the caller's mistake: 400 with what was wrong.</summary>
internal static class ApiBadRequestFilter
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ApiBadRequestException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: e.Message);
        }
    }
}
