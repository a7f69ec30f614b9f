using Microsoft.AspNetCore.Http.HttpResults;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Framework;

public static class FrameworkSetup
{
    public static IServiceCollection AddFramework(this IServiceCollection services)
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
    public static IEndpointRouteBuilder MapFrameworkEndpoints(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("/framework").RequireAuthorization();
        downloads.MapGet("/{versionId:int}/export.json", async Task<FileContentHttpResult> (int versionId, Actor actor, FrameworkTransfer transfer, CancellationToken ct) =>
            (await transfer.ExportAsync(actor, versionId, ct)).ToResult());
        downloads.MapGet("/{versionId:int}/export.xlsx", async Task<FileContentHttpResult> (int versionId, string? lang, Actor actor, FrameworkWorkbook workbook, CancellationToken ct) =>
            (await workbook.ExportAsync(actor, versionId, lang ?? "ar", ct)).ToResult());

        var api = app.MapGroup("/api/framework").RequireAuthorization().AddEndpointFilter(async (invocation, next) =>
        {
            try
            {
                return await next(invocation);
            }
            catch (RuleViolationException rule)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: rule.Message);
            }

            // Answered here with a body: the status-code pages would re-execute a POST as a page request.
            catch (AccessDeniedException)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden);
            }
            catch (NotFoundException)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound);
            }
        });
        api.MapPost("/import", async Task<Results<Created<CreatedId>, BadRequest<FrameworkImportErrors>, StatusCodeHttpResult>> (HttpContext context, Actor actor, FrameworkTransfer transfer) =>
        {
            // Refused before reading when the client says it is too large; Kestrel enforces the same
            // limit (the metadata below) for a body sent without a length.
            if (context.Request.ContentLength > FrameworkTransfer.MaxImportBytes)
            {
                return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            var result = await transfer.ImportAsync(actor, context.Request.Body, context.RequestAborted);
            return result.Succeeded
                ? TypedResults.Created($"/framework/{result.VersionId}", new CreatedId(result.VersionId!.Value))
                : TypedResults.BadRequest(new FrameworkImportErrors(result.Errors.Select(e => new FrameworkImportError(e.Path, e.MessageKey)).ToList()));
        }).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(FrameworkTransfer.MaxImportBytes));
        api.MapPost("/versions/{versionId:int}/pillars", async Task<Created<CreatedId>> (int versionId, PillarForm form, Actor actor, FrameworkTreeService tree, CancellationToken ct) =>
        {
            var id = await tree.AddPillarAsync(actor, versionId, form, ct);
            return TypedResults.Created($"/framework/{versionId}", new CreatedId(id));
        });
        api.MapPost("/versions/{versionId:int}/publish", async Task<NoContent> (int versionId, Actor actor, FrameworkService frameworks, CancellationToken ct) =>
        {
            await frameworks.PublishAsync(actor, versionId, ct);
            return TypedResults.NoContent();
        });
        return app;
    }

    /// <summary>The id of a created record (<c>{ "id": 12 }</c>).</summary>
    public sealed record CreatedId(int Id);

    /// <summary>Why a framework file was refused: each error's JSON path and message key.</summary>
    public sealed record FrameworkImportErrors(IReadOnlyList<FrameworkImportError> Errors);

    public sealed record FrameworkImportError(string Path, string Reason);
}
