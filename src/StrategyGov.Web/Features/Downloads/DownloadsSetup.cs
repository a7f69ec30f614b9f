namespace StrategyGov.Web.Features.Downloads;

public static class DownloadsSetup
{
    public static void AddDownloads(this IServiceCollection services) => services.AddScoped<DownloadsService>();
}
