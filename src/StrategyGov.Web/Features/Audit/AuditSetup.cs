namespace StrategyGov.Web.Features.Audit;

public static class AuditSetup
{
    /// <summary>The audit trail's pages; the recording itself is the context's interceptor (StrategyGov.Data.Auditing).</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<AuditService>();
}
