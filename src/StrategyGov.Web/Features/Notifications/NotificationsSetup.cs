namespace StrategyGov.Web.Features.Notifications;

public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddSingleton<NotificationMailQueue>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<DueDateReminders>();
        services.AddScoped<NotificationsChanged>();
        services.AddHostedService<NotificationMailSender>();
        services.AddHostedService<DueDateReminderJob>();
        return services;
    }
}

/// <summary>Tells the bell of this circuit that the unread count changed (a notification was read).</summary>
public sealed class NotificationsChanged
{
    public event Func<Task>? Changed;

    public Task RaiseAsync() => Changed?.Invoke() ?? Task.CompletedTask;
}
