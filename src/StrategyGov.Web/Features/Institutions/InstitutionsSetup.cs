using Microsoft.AspNetCore.Http.HttpResults;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Institutions;

public static class InstitutionsSetup
{
    public static IServiceCollection AddInstitutions(this IServiceCollection services)
    {
        services.AddScoped<InstitutionService>();
        services.AddScoped<InstitutionWorkbook>();
        return services;
    }

    /// <summary>The registry's Excel export (the service decides who may read it).</summary>
    public static IEndpointRouteBuilder MapInstitutionsEndpoints(this IEndpointRouteBuilder app)
    {
        var institutions = app.MapGroup("/institutions").RequireAuthorization();
        institutions.MapGet("/export.xlsx", async Task<FileContentHttpResult> (Actor actor, InstitutionWorkbook workbook, CancellationToken ct) =>
            (await workbook.ExportAsync(actor, ct)).ToResult());
        return app;
    }
}
