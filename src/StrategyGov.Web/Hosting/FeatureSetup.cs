using MudBlazor.Services;
using StrategyGov.Web.Features.Account;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Features.Audit;
using StrategyGov.Web.Features.Calendar;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Features.Council;
using StrategyGov.Web.Features.Crisis;
using StrategyGov.Web.Features.Dashboards;
using StrategyGov.Web.Features.Downloads;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Excel;
using StrategyGov.Web.Features.Framework;
using StrategyGov.Web.Features.Inquiries;
using StrategyGov.Web.Features.Institutions;
using StrategyGov.Web.Features.Media;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Features.Objections;
using StrategyGov.Web.Features.Periods;
using StrategyGov.Web.Features.Raci;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Features.Roles;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Features.Users;
using StrategyGov.Web.Features.Webhooks;
using StrategyGov.Web.Reports;

namespace StrategyGov.Web.Hosting;

/// <summary>
/// The table of contents of the features: each has one <c>XxxSetup</c> with <c>AddXxx()</c> (its services
/// and options) and, when it answers HTTP requests, <c>MapXxxEndpoints()</c> (ADR 0094).
/// </summary>
public static class FeatureSetup
{
    /// <summary>Feature services: each owns the queries of its feature and takes the actor on every call.</summary>
    public static IServiceCollection AddStrategyGovFeatures(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PlatformTime>();
        services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        return services
            .AddAccount()
            .AddUsers()
            .AddAudit()
            .AddNotifications()
            .AddFramework()
            .AddInstitutions()
            .AddRoles()
            .AddRaci()
            .AddCrisis()
            .AddCalendar()
            .AddCouncil()
            .AddInquiries()
            .AddMedia()
            .AddPeriods()
            .AddComputedIndicators()
            .AddSubmissions()
            .AddEvidence()
            .AddReview()
            .AddObjections()
            .AddScores()
            .AddDashboards()
            .AddReports()
            .AddExcel()
            .AddDownloads()
            .AddApi()
            .AddWebhooks();
    }

    public static IEndpointRouteBuilder MapStrategyGovFeatures(this IEndpointRouteBuilder app) => app
        .MapAccountEndpoints()
        .MapUsersEndpoints()
        .MapFrameworkEndpoints()
        .MapInstitutionsEndpoints()
        .MapRolesEndpoints()
        .MapRaciEndpoints()
        .MapCrisisEndpoints()
        .MapCalendarEndpoints()
        .MapCouncilEndpoints()
        .MapInquiriesEndpoints()
        .MapMediaEndpoints()
        .MapPeriodsEndpoints()
        .MapEvidenceEndpoints()
        .MapReportsEndpoints()
        .MapExcelEndpoints()
        .MapApiEndpoints();

    public static void AddStrategyGovUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();

        // How long a page that lost its connection can come back to its state on the server (README, settings);
        // after that it reloads and the answer form restores what was typed (ADR 0100).
        services.AddOptions<Microsoft.AspNetCore.Components.Server.CircuitOptions>().BindConfiguration("Circuits");

        // Write Arabic as characters, not as &#x...; entities (pages a third of the size, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddMudServices();
    }
}
