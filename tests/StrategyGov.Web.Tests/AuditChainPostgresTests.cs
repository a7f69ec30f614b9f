using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Institutions;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The chain on PostgreSQL, where concurrent transactions really do read the same head (READ COMMITTED):
/// appenders queue on an advisory lock, and should two still read one head the loser retries after its
/// savepoint (ADR 0080). Far more writers than the 20 attempts: before the lock, 50 directors saving at once in
/// the national-scale soak (scripts/soak.sh) lost the race past the attempts and their saves failed (addendum).
/// </summary>
public sealed class AuditChainPostgresTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    private const int Writers = 48;

    [Fact]
    public async Task Save_FarMoreWritersThanRetriesAtOnce_EverySaveRecordedInOneChain()
    {
        IDbContextFactory<StrategyGovDbContext> factory = new ContextFactory(postgres.ContextOptions());
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            var type = new InstitutionType { Code = "MIN", NameAr = "وزارة", NameEn = "Ministry" };
            db.Institutions.AddRange(Enumerable.Range(1, Writers).Select(i => new Institution { Code = $"I{i:00}", NameAr = $"جهة {i}", NameEn = $"Institution {i}", Type = type }));
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
