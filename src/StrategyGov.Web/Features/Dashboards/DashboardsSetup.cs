namespace StrategyGov.Web.Features.Dashboards;

public static class DashboardsSetup
{
    public static IServiceCollection AddDashboards(this IServiceCollection services) => services.AddScoped<DashboardService>();
}
