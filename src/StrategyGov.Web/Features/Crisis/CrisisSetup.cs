using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Crisis;

public static class CrisisSetup
{
    public static void AddCrisisFeature(this IServiceCollection services) => services.AddScoped<CrisisService>();

    public static void MapCrisisEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/crisis/readiness.xlsx", async (string? type, ReadinessStatus? status, HttpContext context, CrisisService service) =>
            Results.File(
                await service.ExportReadinessAsync(Actor.From(context.User), new ReadinessFilter(type, status), context.RequestAborted),
                ExcelSheet.ContentType,
                "crisis-readiness.xlsx"))
        .RequireAuthorization();
}
