using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Institutions;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The chain on PostgreSQL, where concurrent transactions really do read the same head (READ
/// COMMITTED): the losers of the race on the sequence retry after their savepoint (ADR 0080).
/// </summary>
public sealed class AuditChainPostgresTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    private const int Writers = 12;

    [Fact]
    public async Task Save_ManyWritersAtOnce_KeepOneUnbrokenChain()
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
