using StrategyGov.Web.Security;

namespace StrategyGov.Web.Reports;

public static class ReportEndpoints
{
    /// <summary>PDF downloads; the service decides who may read which institution (404 for the others).</summary>
    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports").RequireAuthorization();

        reports.MapGet("/institutions/{institutionId:int}/periods/{periodId:int}/report.pdf", async (
            int institutionId, int periodId, string? lang, HttpContext context, ReportService service) =>
        {
            var file = await service.InstitutionPdfAsync(Actor.From(context.User), institutionId, periodId, lang ?? "ar", context.RequestAborted);
            return Results.File(file.Content, "application/pdf", file.FileName);
        });
    }
}
