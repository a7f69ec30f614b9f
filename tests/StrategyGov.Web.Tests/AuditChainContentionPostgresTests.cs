using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Institutions;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Found by the national-scale soak (scripts/soak.sh): 50 directors saving at once on PostgreSQL made some
/// appenders lose the race on the audit sequence more often than they retried, and their saves failed with
/// 23505 (HTTP 500). Many more writers than the old 20 attempts, released together, must all be recorded in one
/// unbroken chain (ADR 0080, addendum).
/// </summary>
public sealed class AuditChainContentionPostgresTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    private const int Writers = 48;

    [Fact]
    public async Task Save_FarMoreWritersThanRetries_EverySaveRecordedInOneChain()
    {
        IDbContextFactory<StrategyGovDbContext> factory = new ContextFactory(postgres.ContextOptions());
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            var type = new InstitutionType { Code = "MIN", NameAr = "وزارة", NameEn = "Ministry" };
            db.Institutions.AddRange(Enumerable.Range(1, Writers).Select(i => new Institution { Code = $"C{i:00}", NameAr = $"جهة {i}", NameEn = $"Institution {i}", Type = type }));
            await db.SaveChangesAsync();
        }

        var codes = await AuditConcurrency.InstitutionCodesAsync(factory, Writers);

        await AuditConcurrency.RenameAllAtOnceAsync(factory, codes);

        await using var check = await factory.CreateDbContextAsync();
        var result = await AuditChain.VerifyAsync(check, CancellationToken.None);
        Assert.True(result.IsIntact, result.Break?.ToString());
        Assert.Equal(1 + Writers + Writers, result.EventsChecked);
        Assert.Equal(Writers, await check.AuditEvents.Where(e => e.ActorUserId != null).Select(e => e.ActorUserId).Distinct().CountAsync());
    }
}
