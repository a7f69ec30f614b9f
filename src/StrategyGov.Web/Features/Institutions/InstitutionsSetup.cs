using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Institutions;

public static class InstitutionsSetup
{
    public static IServiceCollection AddInstitutionsFeature(this IServiceCollection services)
    {
        services.AddScoped<InstitutionService>();
        services.AddScoped<InstitutionWorkbook>();
        return services;
    }

    /// <summary>The registry's Excel export (the service decides who may read it).</summary>
    public static void MapInstitutionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/institutions/export.xlsx", async (HttpContext context, InstitutionWorkbook workbook) =>
        {
            var file = await workbook.ExportAsync(Actor.From(context.User), context.RequestAborted);
            return Results.File(file.Content, InstitutionWorkbook.ContentType, file.FileName);
        }).RequireAuthorization();
    }
}
