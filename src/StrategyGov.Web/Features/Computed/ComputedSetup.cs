namespace StrategyGov.Web.Features.Computed;

public static class ComputedSetup
{
    /// <summary>
    /// The computation of indicator values from records. The calculations themselves (<see cref="IComputedSource"/>)
    /// are registered by the features that keep the records.
    /// </summary>
    public static IServiceCollection AddComputedIndicators(this IServiceCollection services) =>
        services.AddSingleton<ComputedCatalog>().AddScoped<ComputedIndicatorService>();
}
