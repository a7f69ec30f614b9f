namespace StrategyGov.Web.Features.Scores;

public static class ScoresSetup
{
    /// <summary>Scores (live and snapshots), their trends and the frameworks they are computed on.</summary>
    public static IServiceCollection AddScores(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<FrameworkCache>();
        services.AddSingleton<ScoreboardCache>();
        services.AddScoped<PeriodScoreLoader>();
        services.AddScoped<ScoreSnapshotService>();
        services.AddScoped<ScoreService>();
        return services;
    }
}
