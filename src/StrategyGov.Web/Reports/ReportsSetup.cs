using Microsoft.AspNetCore.Http.HttpResults;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Reports;

public static class ReportsSetup
{
    /// <summary>The PDF reports: one shared Chromium (options section <c>Pdf</c>), report jobs with progress.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<PdfOptions>().BindConfiguration(PdfOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PdfRenderer>();
        services.AddScoped<ComponentHtmlRenderer>();
        services.AddScoped<ReportService>();
        services.AddSingleton<ReportJobs>();
        return services;
    }

    /// <summary>PDF downloads; the services decide who may read what (404 for other institutions, 403 for other roles).</summary>
    public static IEndpointRouteBuilder MapReportsEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports").RequireAuthorization();

        reports.MapGet("/institutions/{institutionId:int}/periods/{periodId:int}/report.pdf", async Task<FileContentHttpResult> (
            int institutionId, int periodId, string? lang, Actor actor, ReportService service, CancellationToken ct) =>
            (await service.InstitutionPdfAsync(actor, institutionId, periodId, lang ?? "ar", ct)).ToResult());

        reports.MapGet("/periods/{periodId:int}/national.pdf", async Task<FileContentHttpResult> (
            int periodId, string? lang, Actor actor, ReportService service, CancellationToken ct) =>
            (await service.NationalPdfAsync(actor, periodId, lang ?? "ar", null, ct)).ToResult());

        // A report produced in the background (with progress on the page), for the user who started it.
        reports.MapGet("/jobs/{jobId:guid}", FileContentHttpResult (Guid jobId, Actor actor, ReportJobs jobs) =>
            jobs.Download(actor, jobId).ToResult());
        return app;
    }
}
