namespace StrategyGov.Web.Features.Periods;

public static class PeriodsSetup
{
    /// <summary>Periods administration, the reporting options and the center's status board.</summary>
    public static IServiceCollection AddPeriods(this IServiceCollection services)
    {
        services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<PeriodService>();
        services.AddScoped<StatusBoardService>();
        return services;
    }
}
