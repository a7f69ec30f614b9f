using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using StrategyGov.Data;
using StrategyGov.Data.Seeding;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Both providers' migrations build the current model from nothing: a model change without its two
/// migrations fails here, not on the first production start.
/// </summary>
public sealed class MigrationTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Sqlite_FreshFile_MigratesWithNoPendingModelChanges()
    {
        var folder = Directory.CreateTempSubdirectory("strategygov-migrations-");
        var options = new DbContextOptionsBuilder<StrategyGovDbContext>();
        DataSetup.Configure(options, DatabaseProviders.Sqlite, $"Data Source={Path.Combine(folder.FullName, "fresh.db")}", folder.FullName);
        try
        {
            await using var db = new StrategyGovDbContext(options.Options);

            await db.Database.MigrateAsync();

            Assert.Equal("StrategyGov.Data.Migrations.Sqlite", db.GetService<IMigrationsAssembly>().Assembly.GetName().Name);
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no SQLite migration captures: add a migration to both providers.");
            Assert.Equal(0, await db.Institutions.CountAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task PostgreSql_FreshDatabase_MigratesSeedsAndReadsArabicBack()
    {
        await using var db = new StrategyGovDbContext(postgres.ContextOptions());
        var seedData = await SeedDataReader.ReadAsync(
            SeedDataReader.Locate(AppContext.BaseDirectory) ?? throw new InvalidOperationException("seed-data/ not found above the test output."),
            CancellationToken.None);

        await db.Database.MigrateAsync();
        var seeded = await DatabaseSeeder.SeedAsync(db, seedData, DateTime.UtcNow, CancellationToken.None);

        Assert.Equal("StrategyGov.Data.Migrations.PostgreSql", db.GetService<IMigrationsAssembly>().Assembly.GetName().Name);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no PostgreSQL migration captures: add a migration to both providers.");
        Assert.True(seeded);
        db.ChangeTracker.Clear();
        Assert.Equal("وزارة الصحة", await db.Institutions.Where(i => i.Code == "MOH").Select(i => i.NameAr).SingleAsync());
        Assert.Equal(33, await db.Institutions.CountAsync());
        Assert.Equal(61, await db.Indicators.CountAsync());
    }
}
