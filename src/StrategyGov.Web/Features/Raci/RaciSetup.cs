using Microsoft.AspNetCore.Http.HttpResults;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Raci;

public static class RaciSetup
{
    public static IServiceCollection AddRaci(this IServiceCollection services) => services.AddScoped<RaciService>();

    /// <summary>An institution's expected duties as Excel (404 for another institution's).</summary>
    public static IEndpointRouteBuilder MapRaciEndpoints(this IEndpointRouteBuilder app)
    {
        var raci = app.MapGroup("/raci").RequireAuthorization();
        raci.MapGet("/institutions/{institutionId:int}/expected.xlsx", async Task<FileContentHttpResult> (int institutionId, Actor actor, RaciService service, CancellationToken ct) =>
            (await service.ExportExpectationsAsync(actor, institutionId, ct)).ToResult());
        return app;
    }
}
