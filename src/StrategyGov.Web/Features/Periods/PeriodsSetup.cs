using Microsoft.AspNetCore.Http.HttpResults;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Periods;

public static class PeriodsSetup
{
    /// <summary>Periods administration, the reporting options and the center's status board.</summary>
    public static IServiceCollection AddPeriods(this IServiceCollection services)
    {
        services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<PeriodService>();
        services.AddScoped<StatusBoardService>();
        return services;
    }

    /// <summary>The status board as Excel; the service decides who may read it.</summary>
    public static IEndpointRouteBuilder MapPeriodsEndpoints(this IEndpointRouteBuilder app)
    {
        var periods = app.MapGroup("/periods").RequireAuthorization();
        periods.MapGet("/{periodId:int}/status.xlsx", async Task<FileContentHttpResult> (int periodId, Actor actor, StatusBoardService board, CancellationToken ct) =>
            (await board.ExportAsync(actor, periodId, ct)).ToResult());
        return app;
    }
}
