namespace StrategyGov.Web.Features.Downloads;

public static class DownloadsSetup
{
    public static IServiceCollection AddDownloads(this IServiceCollection services) => services.AddScoped<DownloadsService>();
}
