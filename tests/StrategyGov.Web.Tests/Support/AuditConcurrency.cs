using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Auditing;

namespace StrategyGov.Web.Tests.Support;

/// <summary>Many contexts saving audited changes at the same moment, as concurrent users would.</summary>
public static class AuditConcurrency
{
    public static async Task<IReadOnlyList<string>> InstitutionCodesAsync(IDbContextFactory<StrategyGovDbContext> factory, int count)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Institutions.OrderBy(i => i.Code).Select(i => i.Code).Take(count).ToListAsync();
    }

    /// <summary>Each institution renamed by its own context; all saves released together.</summary>
    public static async Task RenameAllAtOnceAsync(IDbContextFactory<StrategyGovDbContext> factory, IReadOnlyList<string> codes)
    {
        using var start = new SemaphoreSlim(0);
        var writers = codes.Select(async (code, i) =>
        {
            await using var db = await factory.CreateDbContextAsync();
            db.AuditAs(new AuditIdentity($"writer-{i}", $"Writer {i}", null));
            var institution = await db.Institutions.SingleAsync(x => x.Code == code);
            institution.NameEn = $"{institution.NameEn} ({i})";
            await start.WaitAsync();
            await db.SaveChangesAsync();
        }).ToList();
        start.Release(codes.Count);
        await Task.WhenAll(writers);
    }
}
