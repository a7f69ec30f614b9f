using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Raci;

public static class RaciSetup
{
    public static void AddRaciFeature(this IServiceCollection services) => services.AddScoped<RaciService>();

    public static void MapRaciEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/raci/institutions/{institutionId:int}/expected.xlsx", async (int institutionId, HttpContext context, RaciService service) =>
            Results.File(
                await service.ExportExpectationsAsync(Actor.From(context.User), institutionId, context.RequestAborted),
                ExcelSheet.ContentType,
                $"raci-expected-{institutionId}.xlsx"))
        .RequireAuthorization();
}
