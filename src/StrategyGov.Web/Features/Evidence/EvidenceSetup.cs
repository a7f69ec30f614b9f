namespace StrategyGov.Web.Features.Evidence;

public static class EvidenceSetup
{
    /// <summary>The evidence store (options section <c>Evidence</c>: Path, MaxBytes) and service.</summary>
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EvidenceStore>();
        services.AddScoped<EvidenceService>();
        return services;
    }
}
