namespace StrategyGov.Web.Features.Dashboards;

public static class DashboardsSetup
{
    public static void AddDashboardsFeature(this IServiceCollection services) => services.AddScoped<DashboardService>();
}
