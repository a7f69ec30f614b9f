using Microsoft.AspNetCore.Http.HttpResults;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Features.Media.Campaigns;
using StrategyGov.Web.Features.Media.Interactions;
using StrategyGov.Web.Features.Media.Journalists;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Media;

/// <summary>Media relations and campaigns (ADR 0099): the journalist register, the interaction log, campaign plans.</summary>
public static class MediaSetup
{
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddScoped<JournalistService>();
        services.AddScoped<JournalistWorkbook>();
        services.AddScoped<InteractionService>();
        services.AddScoped<InteractionExport>();
        services.AddScoped<CampaignService>();
        services.AddScoped<CampaignExport>();
        services.AddScoped<CampaignReportService>();
        services.AddScoped<MediaDashboardService>();
        services.AddSingleton<IComputedSource, PressConferencesComputedSource>();
        services.AddSingleton<IComputedSource, BackgroundMeetingsComputedSource>();
        services.AddSingleton<IComputedSource, CampaignsWithPlanComputedSource>();
        services.AddSingleton<IComputedSource, CampaignsEvaluatedComputedSource>();
        services.AddSingleton<IComputedSource, CampaignsMetObjectivesComputedSource>();
        return services;
    }

    /// <summary>The register, log and campaign workbooks and the campaign PDF; the services decide who may read what (404 for other institutions, 403 for other roles).</summary>
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/media").RequireAuthorization();

        media.MapGet("/journalists/export.xlsx", async Task<FileContentHttpResult> (Actor actor, JournalistWorkbook workbook, CancellationToken ct) =>
            (await workbook.ExportAsync(actor, ct)).ToResult());

        media.MapGet("/interactions/export.xlsx", async Task<FileContentHttpResult> (DateOnly? from, DateOnly? to, int? institutionId, Actor actor, InteractionExport export, CancellationToken ct) =>
            (await export.ExportAsync(actor, from, to, institutionId, ct)).ToResult());

        media.MapGet("/campaigns/export.xlsx", async Task<FileContentHttpResult> (Actor actor, CampaignExport export, CancellationToken ct) =>
            (await export.ExportAsync(actor, ct)).ToResult());

        media.MapGet("/campaigns/{campaignId:int}/plan.pdf", async Task<FileContentHttpResult> (int campaignId, string? lang, Actor actor, CampaignReportService reports, CancellationToken ct) =>
            (await reports.PdfAsync(actor, campaignId, lang, ct)).ToResult());
        return app;
    }
}
