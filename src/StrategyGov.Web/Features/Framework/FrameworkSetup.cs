using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Framework;

public static class FrameworkSetup
{
    public static IServiceCollection AddFrameworkFeature(this IServiceCollection services)
    {
        services.AddScoped<FrameworkService>();
        services.AddScoped<FrameworkTreeService>();
        services.AddScoped<FrameworkTransfer>();
        services.AddScoped<FrameworkWorkbook>();
        return services;
    }

    /// <summary>
    /// Downloads for the editor, and a small JSON API for scripted maintenance. The services decide who
    /// may do what; a refused rule (e.g. editing a published version) answers 409 with its message key.
    /// </summary>
    public static void MapFrameworkEndpoints(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("/framework").RequireAuthorization();
        downloads.MapGet("/{versionId:int}/export.json", async (int versionId, HttpContext context, FrameworkService frameworks, FrameworkTransfer transfer) =>
        {
            var actor = Actor.From(context.User);
            var tree = await frameworks.GetTreeAsync(actor, versionId, context.RequestAborted);
            return Results.File(await transfer.ExportAsync(actor, versionId, context.RequestAborted), "application/json", FrameworkTransfer.FileName(tree.Version));
        });
        downloads.MapGet("/{versionId:int}/export.xlsx", async (int versionId, string? lang, HttpContext context, FrameworkWorkbook workbook) =>
        {
            var file = await workbook.ExportAsync(Actor.From(context.User), versionId, lang ?? "ar", context.RequestAborted);
            return Results.File(file.Content, FrameworkWorkbook.ContentType, file.FileName);
        });

        var api = app.MapGroup("/api/framework").RequireAuthorization().AddEndpointFilter(async (invocation, next) =>
        {
            try
            {
                return await next(invocation);
            }
            catch (RuleViolationException rule)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: rule.Message);
            }

            // Answered here with a body: the status-code pages would re-execute a POST as a page request.
            catch (AccessDeniedException)
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden);
            }
            catch (NotFoundException)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound);
            }
        });
        api.MapPost("/import", async (HttpContext context, FrameworkTransfer transfer) =>
        {
            var result = await transfer.ImportAsync(Actor.From(context.User), context.Request.Body, context.RequestAborted);
            return result.Succeeded
                ? Results.Created($"/framework/{result.VersionId}", new { id = result.VersionId })
                : Results.BadRequest(new { errors = result.Errors.Select(e => new { path = e.Path, reason = e.MessageKey }) });
        });
        api.MapPost("/versions/{versionId:int}/pillars", async (int versionId, PillarForm form, HttpContext context, FrameworkTreeService tree) =>
        {
            var id = await tree.AddPillarAsync(Actor.From(context.User), versionId, form, context.RequestAborted);
            return Results.Created($"/framework/{versionId}", new { id });
        });
        api.MapPost("/versions/{versionId:int}/publish", async (int versionId, HttpContext context, FrameworkService frameworks) =>
        {
            await frameworks.PublishAsync(Actor.From(context.User), versionId, context.RequestAborted);
            return Results.NoContent();
        });
    }
}
