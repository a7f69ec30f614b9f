using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Institutions;
using StrategyGov.Testing;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The move of an embedded SQLite database (demo data, answers, accounts, Data Protection keys) to a new
/// PostgreSQL database: every table of the model, row for row, with the ids continuing afterwards; the
/// answers packed again for scoring (ADR 0092).
/// </summary>
public sealed class DatabaseMoveTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Move_SeededSqliteToEmptyPostgreSql_EveryTableMatchesRowForRow()
    {
        await using var app = new StrategyGovAppFactory().With("DataProtection:PersistKeysToDatabase", "true");
        (await app.SignedInClientAsync(DemoUsers.DirectorMoh)).Dispose();
        await using var source = await app.DbAsync();
        await using var target = await FreshTargetAsync();

        var tables = await DatabaseMove.MoveAsync(source, target, CancellationToken.None);

        // Every table but the derived one, whose values the move packs again from the copied answers.
        var modelTables = source.Model.GetEntityTypes().Select(t => t.GetTableName()!).Distinct().Where(t => t != "PackedAnswers").Order().ToList();
        Assert.Equal(modelTables, tables.Select(t => t.Table).Order().ToList());
        var submissions = await target.Submissions.Select(s => s.Id).ToListAsync();
        Assert.Equal(submissions.Count, await target.PackedAnswers.CountAsync());
        foreach (var submissionId in submissions)
        {
            await Packing.AssertPackedAsync(target, submissionId);
        }

        Assert.All(tables, t => Assert.True(t.Matches, $"{t.Table}: {t.SourceRows} → {t.TargetRows} rows, {t.SourceChecksum} → {t.TargetChecksum}"));
        Assert.Equal(await source.Answers.CountAsync(), await target.Answers.CountAsync());
        Assert.True(tables.Single(t => t.Table == "Answers").TargetRows > 1000);
        Assert.True(tables.Single(t => t.Table == "DataProtectionKeys").TargetRows >= 1);
        Assert.Equal(6, tables.Single(t => t.Table == "AspNetUsers").TargetRows);
    }

    [Fact]
    public async Task Move_ThenInsert_IdentityContinuesAfterTheCopiedIds()
    {
        await using var app = new StrategyGovAppFactory();
        await using var source = await app.DbAsync();
        await using var target = await FreshTargetAsync();
        await DatabaseMove.MoveAsync(source, target, CancellationToken.None);
        var highest = await target.InstitutionTypes.MaxAsync(t => t.Id);

        var added = new InstitutionType { Code = "NEW", NameAr = "جديد", NameEn = "New", Order = 99 };
        target.InstitutionTypes.Add(added);
        await target.SaveChangesAsync();

        Assert.Equal(highest + 1, added.Id);
    }

    [Fact]
    public async Task Move_IntoADatabaseWithRows_IsRefused()
    {
        await using var app = new StrategyGovAppFactory();
        await using var source = await app.DbAsync();
        await using var target = await FreshTargetAsync();
        target.InstitutionTypes.Add(new InstitutionType { Code = "X", NameAr = "س", NameEn = "X", Order = 1 });
        await target.SaveChangesAsync();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseMove.MoveAsync(source, target, CancellationToken.None));

        Assert.Contains("InstitutionTypes", failure.Message, StringComparison.Ordinal);
    }

    // The tests of this class share one database: each starts from a freshly migrated, empty one.
    private async Task<StrategyGovDbContext> FreshTargetAsync()
    {
        var target = new StrategyGovDbContext(postgres.ContextOptions());
        await target.Database.EnsureDeletedAsync();
        await target.Database.MigrateAsync();
        return target;
    }
}
