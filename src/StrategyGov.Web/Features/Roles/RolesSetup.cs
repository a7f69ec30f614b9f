using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Roles;

public static class RolesSetup
{
    public static void AddRolesFeature(this IServiceCollection services)
    {
        services.AddOptions<RolesOptions>().BindConfiguration(RolesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RoleRegister>();
        services.AddScoped<RoleCatalogService>();
        services.AddScoped<RoleAssignmentService>();
        services.AddScoped<GovernanceGapsService>();
    }

    /// <summary>Excel exports; the service decides who may read which institution (404 for the others, 403 for the national register).</summary>
    public static void MapRolesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/roles").RequireAuthorization();
        group.MapGet("/register.xlsx", async (string? type, bool? gaps, HttpContext context, RoleAssignmentService service) =>
            Results.File(
                await service.ExportRegisterAsync(Actor.From(context.User), new RegisterFilter(type, gaps ?? false), context.RequestAborted),
                ExcelSheet.ContentType,
                "roles-register.xlsx"));
        group.MapGet("/institutions/{institutionId:int}/roles.xlsx", async (int institutionId, HttpContext context, RoleAssignmentService service) =>
            Results.File(
                await service.ExportInstitutionAsync(Actor.From(context.User), institutionId, context.RequestAborted),
                ExcelSheet.ContentType,
                $"roles-{institutionId}.xlsx"));
    }
}
