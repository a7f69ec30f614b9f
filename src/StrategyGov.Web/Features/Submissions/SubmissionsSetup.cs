namespace StrategyGov.Web.Features.Submissions;

public static class SubmissionsSetup
{
    /// <summary>An institution's self-report: answers, autosave and submission.</summary>
    public static IServiceCollection AddSubmissions(this IServiceCollection services) => services.AddScoped<SubmissionService>();
}
