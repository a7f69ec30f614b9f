namespace StrategyGov.Web.Features.Notifications;

/// <summary>A pass of reminders that <see cref="HourlyReminderJob{TPass}"/> runs at start-up and then once an hour.</summary>
public interface IReminderPass
{
    /// <summary>Sends what is due now, each reminder once however often it runs (once-keys); returns how many were written.</summary>
    Task<int> RunOnceAsync(CancellationToken ct);
}

/// <summary>Runs a reminder pass (a singleton) at start-up and then once an hour.</summary>
public sealed class HourlyReminderJob<TPass>(TPass reminders, TimeProvider clock, ILogger<TPass> logger) : BackgroundService
    where TPass : IReminderPass
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var sent = await reminders.RunOnceAsync(stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("Sent {Count} reminders", sent);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next hour tries again; a reminder is never lost, only late.
                logger.LogError(e, "Reminders failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
