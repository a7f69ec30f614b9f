using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;

namespace StrategyGov.Web.Features.Periods;

public sealed record PeriodRow(
    int Id,
    string Code,
    PeriodStatus Status,
    DateOnly OpensOn,
    DateOnly DueOn,
    DateOnly ClosesOn,
    int StrategyVersionId,
    string StrategyNameAr,
    string StrategyNameEn);

/// <summary>Reporting periods; every signed-in user may list them.</summary>
public sealed class PeriodService(IDbContextFactory<StrategyGovDbContext> dbFactory)
{
    /// <summary>Periods that have opened (not Planned), newest first.</summary>
    public async Task<IReadOnlyList<PeriodRow>> ListStartedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var periods = await db.Periods.AsNoTracking()
            .Where(p => p.Status != PeriodStatus.Planned)
            .Select(p => new PeriodRow(p.Id, p.Code, p.Status, p.OpensOn, p.DueOn, p.ClosesOn, p.StrategyVersionId, p.StrategyVersion.NameAr, p.StrategyVersion.NameEn))
            .ToListAsync(ct);
        return periods.OrderByDescending(p => p.OpensOn).ToList();
    }

    /// <summary>The period users most likely mean: the latest open one, else the latest started one.</summary>
    public static PeriodRow? Current(IReadOnlyList<PeriodRow> startedNewestFirst) =>
        startedNewestFirst.FirstOrDefault(p => p.Status == PeriodStatus.Open) ?? startedNewestFirst.FirstOrDefault();
}
