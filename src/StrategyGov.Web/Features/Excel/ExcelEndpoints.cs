using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Excel;

public static class ExcelEndpoints
{
    /// <summary>Workbook downloads; the services decide who may read what (404 for other institutions, 403 for other roles).</summary>
    public static void MapExcelEndpoints(this IEndpointRouteBuilder app)
    {
        var excel = app.MapGroup("/excel").RequireAuthorization();

        excel.MapGet("/periods/{periodId:int}/export.xlsx", async (
            int periodId, string? lang, HttpContext context, PeriodExportService service) =>
        {
            var file = await service.ExportAsync(Actor.From(context.User), periodId, lang ?? "ar", context.RequestAborted);
            return Results.File(file.Content, file.ContentType, file.FileName);
        });

        excel.MapGet("/institutions/{institutionId:int}/periods/{periodId:int}/template.xlsx", async (
            int institutionId, int periodId, string? lang, HttpContext context, AnswerImportService service) =>
        {
            var file = await service.TemplateAsync(Actor.From(context.User), institutionId, periodId, lang ?? "ar", context.RequestAborted);
            return Results.File(file.Content, file.ContentType, file.FileName);
        });
    }
}
