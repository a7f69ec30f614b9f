using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Periods;

public static class PeriodEndpoints
{
    /// <summary>The status board as Excel; the service decides who may read it.</summary>
    public static void MapPeriodEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/periods/{periodId:int}/status.xlsx", async (int periodId, HttpContext context, StatusBoardService board) =>
        {
            var file = await board.ExportAsync(Actor.From(context.User), periodId, context.RequestAborted);
            return Results.File(file.Content, ExcelSheets.XlsxContentType, file.FileName);
        }).RequireAuthorization();
    }
}
