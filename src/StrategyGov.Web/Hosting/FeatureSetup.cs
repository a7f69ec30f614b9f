using MudBlazor.Services;
using StrategyGov.Web.Features.Account;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Features.Audit;
using StrategyGov.Web.Features.Calendar;
using StrategyGov.Web.Features.Crisis;
using StrategyGov.Web.Features.Dashboards;
using StrategyGov.Web.Features.Downloads;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Excel;
using StrategyGov.Web.Features.Framework;
using StrategyGov.Web.Features.Institutions;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Features.Objections;
using StrategyGov.Web.Features.Periods;
using StrategyGov.Web.Features.Raci;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Features.Roles;
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
        services.AddPeriods();
        services.AddEvidence();
        services.AddObjections();
        services.AddScoped<SubmissionService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<ScoreService>();
        services.AddAuditTrail();
        services.AddNotifications();
        services.AddStrategyGovCalendar();
        services.AddFrameworkFeature();
        services.AddInstitutionsFeature();
        services.AddRolesFeature();
        services.AddRaciFeature();
        services.AddCrisisFeature();
        services.AddExcel();
        services.AddDownloads();
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
        builder.Services.AddSingleton<ReportJobs>();
        builder.Services.AddScoped<IGovernanceGapSource, ReportGovernanceGaps>();
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
