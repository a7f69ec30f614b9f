using MudBlazor.Services;
using StrategyGov.Web.Features.Account;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Features.Dashboards;
using StrategyGov.Web.Features.Periods;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Reports;

namespace StrategyGov.Web.Hosting;

public static class FeatureSetup
{
    /// <summary>Feature services: each owns the queries of its feature and takes the actor on every call.</summary>
    public static void AddStrategyGovFeatures(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddScoped<EntraSignIn>();
        services.AddSingleton<FrameworkCache>();
        services.AddScoped<PeriodService>();
        services.AddScoped<SubmissionService>();
        services.AddScoped<ReviewService>();
        services.AddScoresFeature();
        services.AddDashboardsFeature();
        services.AddApiFeature();
    }

    public static void AddStrategyGovReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PdfOptions>().BindConfiguration(PdfOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PdfRenderer>();
        builder.Services.AddScoped<ComponentHtmlRenderer>();
        builder.Services.AddScoped<ReportService>();
    }

    public static void AddStrategyGovUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();

        // Write Arabic as characters, not as &#x...; entities (pages a third of the size, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddMudServices();
    }
}
