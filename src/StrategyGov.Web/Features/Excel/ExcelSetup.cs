using Microsoft.AspNetCore.Http.HttpResults;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Excel;

public static class ExcelSetup
{
    /// <summary>The period export and the answer template/import.</summary>
    public static IServiceCollection AddExcel(this IServiceCollection services)
    {
        services.AddScoped<PeriodExportService>();
        services.AddScoped<AnswerImportService>();
        return services;
    }

    /// <summary>Workbook downloads; the services decide who may read what (404 for other institutions, 403 for other roles).</summary>
    public static IEndpointRouteBuilder MapExcelEndpoints(this IEndpointRouteBuilder app)
    {
        var excel = app.MapGroup("/excel").RequireAuthorization();

        excel.MapGet("/periods/{periodId:int}/export.xlsx", async Task<FileContentHttpResult> (
            int periodId, string? lang, Actor actor, PeriodExportService service, CancellationToken ct) =>
            (await service.ExportAsync(actor, periodId, lang ?? "ar", ct)).ToResult());

        excel.MapGet("/institutions/{institutionId:int}/periods/{periodId:int}/template.xlsx", async Task<FileContentHttpResult> (
            int institutionId, int periodId, string? lang, Actor actor, AnswerImportService service, CancellationToken ct) =>
            (await service.TemplateAsync(actor, institutionId, periodId, lang ?? "ar", ct)).ToResult());
        return app;
    }
}
