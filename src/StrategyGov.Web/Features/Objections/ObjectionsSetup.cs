namespace StrategyGov.Web.Features.Objections;

public static class ObjectionsSetup
{
    public static IServiceCollection AddObjections(this IServiceCollection services) => services.AddScoped<ObjectionService>();
}
