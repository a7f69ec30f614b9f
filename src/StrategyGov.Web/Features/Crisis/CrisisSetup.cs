using Microsoft.AspNetCore.Http.HttpResults;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Crisis;

public static class CrisisSetup
{
    public static IServiceCollection AddCrisis(this IServiceCollection services)
    {
        services.AddScoped<CrisisService>();
        services.AddSingleton<IComputedSource, CrisisTeamComputedSource>();
        services.AddSingleton<IComputedSource, CrisisDrillsComputedSource>();
        services.AddSingleton<IComputedSource, CrisisPlanComputedSource>();
        return services;
    }

    /// <summary>The national readiness as Excel; the service decides who may read it.</summary>
    public static IEndpointRouteBuilder MapCrisisEndpoints(this IEndpointRouteBuilder app)
    {
        var crisis = app.MapGroup("/crisis").RequireAuthorization();
        crisis.MapGet("/readiness.xlsx", async Task<FileContentHttpResult> (string? type, ReadinessStatus? status, Actor actor, CrisisService service, CancellationToken ct) =>
            (await service.ExportReadinessAsync(actor, new ReadinessFilter(type, status), ct)).ToResult());
        return app;
    }
}
