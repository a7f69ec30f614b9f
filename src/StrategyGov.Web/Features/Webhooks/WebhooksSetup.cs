namespace StrategyGov.Web.Features.Webhooks;

public static class WebhooksSetup
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // No redirects (a receiver must not bounce a signed body elsewhere), no cookies, no proxy surprises.
        services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = TimeSpan.FromSeconds(10) });
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookService>();
        services.AddHostedService<WebhookJob>();
        return services;
    }
}
