using Microsoft.AspNetCore.Http.HttpResults;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Evidence;

public static class EvidenceSetup
{
    /// <summary>The evidence store (options section <c>Evidence</c>: Path, MaxBytes, MaxBatchFiles, MaxBatchBytes) and service.</summary>
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EvidenceStore>();
        services.AddScoped<EvidenceService>();
        services.AddScoped<EvidenceBatchService>();
        return services;
    }

    /// <summary>
    /// Evidence downloads by id (a random GUID); the service decides who may read it (404 for others).
    /// Always an attachment under its original name (RFC 5987 for non-ASCII names), never sniffed
    /// or run as a page.
    /// </summary>
    public static IEndpointRouteBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder app)
    {
        var evidence = app.MapGroup("/evidence").RequireAuthorization();
        evidence.MapGet("/{id:guid}", async Task<FileStreamHttpResult> (Guid id, Actor actor, HttpContext context, EvidenceService service) =>
        {
            var file = await service.OpenAsync(actor, id, context.RequestAborted);
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.ContentSecurityPolicy = "sandbox";
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        });
        return app;
    }
}
