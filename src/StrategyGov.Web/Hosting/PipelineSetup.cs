using StrategyGov.Web.Features.Api.Write;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Hosting;

public static class PipelineSetup
{
    public static void UseStrategyGovPipeline(this WebApplication app)
    {
        // First: the scheme and client address as the reverse proxy saw them (ForwardedHeaders:KnownProxies).
        app.UseForwardedHeaders();
        app.UseStrategyGovCorrelation();
        app.UseStrategyGovSecurityHeaders();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        // An API caller gets its status code as it is, not the not-found page (which re-executed an API
        // POST as a page request and answered 400 instead of 401).
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });
        app.UseRequestLocalization();

        app.UseApiCallLog();

        // Services throw these for endpoints as for pages; over HTTP they become status codes.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (NotFoundException) when (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
            catch (AccessDeniedException) when (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }
        });

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseApiRateLimits();
        app.UseAntiforgery();
        app.MapStaticAssets();
    }

    public static void MapStrategyGovEndpoints(this WebApplication app)
    {
        app.MapStrategyGovHealth();
        app.MapStrategyGovFeatures();
    }
}
