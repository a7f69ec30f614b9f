using Microsoft.AspNetCore.Http.HttpResults;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Roles;

public static class RolesSetup
{
    public static IServiceCollection AddRoles(this IServiceCollection services)
    {
        services.AddOptions<RolesOptions>().BindConfiguration(RolesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RoleRegister>();
        services.AddScoped<RoleCatalogService>();
        services.AddScoped<RoleAssignmentService>();
        services.AddScoped<GovernanceGapsService>();
        services.AddScoped<IGovernanceGapSource, ReportGovernanceGaps>();
        services.AddSingleton<IComputedSource, RolesComputedSource>();
        return services;
    }

    /// <summary>Excel exports; the service decides who may read which institution (404 for the others, 403 for the national register).</summary>
    public static IEndpointRouteBuilder MapRolesEndpoints(this IEndpointRouteBuilder app)
    {
        var roles = app.MapGroup("/roles").RequireAuthorization();
        roles.MapGet("/register.xlsx", async Task<FileContentHttpResult> (string? type, bool? gaps, Actor actor, RoleAssignmentService service, CancellationToken ct) =>
            (await service.ExportRegisterAsync(actor, new RegisterFilter(type, gaps ?? false), ct)).ToResult());
        roles.MapGet("/institutions/{institutionId:int}/roles.xlsx", async Task<FileContentHttpResult> (int institutionId, Actor actor, RoleAssignmentService service, CancellationToken ct) =>
            (await service.ExportInstitutionAsync(actor, institutionId, ct)).ToResult());
        return app;
    }
}
