namespace StrategyGov.Web.Features.Scores;

public static class ScoresSetup
{
    /// <summary>Scores (live and snapshots) and their trends.</summary>
    public static void AddScoresFeature(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<PeriodScoreLoader>();
        services.AddScoped<ScoreSnapshotService>();
        services.AddScoped<ScoreService>();
    }
}
