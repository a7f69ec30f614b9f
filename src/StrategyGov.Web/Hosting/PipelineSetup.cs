using StrategyGov.Web.Security;

namespace StrategyGov.Web.Hosting;

public static class PipelineSetup
{
    public static void UseStrategyGovPipeline(this WebApplication app)
    {
        // First: the scheme and client address as the reverse proxy saw them (ForwardedHeaders:KnownProxies).
        app.UseForwardedHeaders();
        app.UseStrategyGovCorrelation();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();

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
        app.UseAntiforgery();
        app.MapStaticAssets();
    }

    public static void MapStrategyGovEndpoints(this WebApplication app)
    {
        app.MapStrategyGovHealth();
        app.MapStrategyGovFeatures();
    }
}
