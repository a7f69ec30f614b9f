using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Downloads;

public sealed record InstitutionOption(int Id, string Code, string NameAr, string NameEn);

/// <summary>What the downloads page offers to choose from.</summary>
public sealed class DownloadsService(IDbContextFactory<StrategyGovDbContext> dbFactory)
{
    /// <summary>The institutions whose reports the actor may download: all active ones, or the actor's own.</summary>
    public async Task<IReadOnlyList<InstitutionOption>> InstitutionsAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Institutions.AsNoTracking().Where(i => i.IsActive);
        if (!actor.SeesAllInstitutions)
        {
            query = query.Where(i => i.Id == actor.InstitutionId);
        }

        var rows = await query.Select(i => new InstitutionOption(i.Id, i.Code, i.NameAr, i.NameEn)).ToListAsync(ct);
        return rows.OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
    }
}
