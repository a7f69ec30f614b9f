namespace StrategyGov.Web.Features.Excel;

public static class ExcelSetup
{
    /// <summary>The period export and the answer template/import.</summary>
    public static void AddExcel(this IServiceCollection services)
    {
        services.AddScoped<PeriodExportService>();
        services.AddScoped<AnswerImportService>();
    }
}
