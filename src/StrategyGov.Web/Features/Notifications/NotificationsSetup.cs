namespace StrategyGov.Web.Features.Notifications;

public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddSingleton<NotificationMailQueue>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<DueDateReminders>();
        services.AddSingleton<OverdueReminders>();
        services.AddScoped<NotificationsChanged>();
        services.AddHostedService<NotificationMailSender>();
        services.AddHostedService<HourlyReminderJob<DueDateReminders>>();
        services.AddHostedService<HourlyReminderJob<OverdueReminders>>();
        return services;
    }
}
