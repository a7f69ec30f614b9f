using StrategyGov.Web.Security;

namespace StrategyGov.Web.Reports;

public static class ReportEndpoints
{
    /// <summary>PDF downloads; the services decide who may read what (404 for other institutions, 403 for other roles).</summary>
    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports").RequireAuthorization();

        reports.MapGet("/institutions/{institutionId:int}/periods/{periodId:int}/report.pdf", async (
            int institutionId, int periodId, string? lang, HttpContext context, ReportService service) =>
        {
            var file = await service.InstitutionPdfAsync(Actor.From(context.User), institutionId, periodId, lang ?? "ar", context.RequestAborted);
            return Results.File(file.Content, file.ContentType, file.FileName);
        });

        reports.MapGet("/periods/{periodId:int}/national.pdf", async (
            int periodId, string? lang, HttpContext context, ReportService service) =>
        {
            var file = await service.NationalPdfAsync(Actor.From(context.User), periodId, lang ?? "ar", null, context.RequestAborted);
            return Results.File(file.Content, file.ContentType, file.FileName);
        });

        // A report produced in the background (with progress on the page), for the user who started it.
        reports.MapGet("/jobs/{jobId:guid}", (Guid jobId, HttpContext context, ReportJobs jobs) =>
        {
            var file = jobs.Download(Actor.From(context.User), jobId);
            return Results.File(file.Content, file.ContentType, file.FileName);
        });
    }
}
