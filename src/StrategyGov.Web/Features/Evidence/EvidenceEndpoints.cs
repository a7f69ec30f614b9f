using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Evidence;

public static class EvidenceEndpoints
{
    /// <summary>
    /// Evidence downloads by id (a random GUID); the service decides who may read it (404 for others).
    /// Always an attachment under its original name (RFC 5987 for non-ASCII names), never sniffed
    /// or run as a page.
    /// </summary>
    public static void MapEvidenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/evidence/{id:guid}", async (Guid id, HttpContext context, EvidenceService service) =>
        {
            var file = await service.OpenAsync(Actor.From(context.User), id, context.RequestAborted);
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.ContentSecurityPolicy = "sandbox";
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization();
    }
}
