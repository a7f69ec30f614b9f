using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Seeding;
using StrategyGov.Web.Hosting;

namespace StrategyGov.Web.Tests.Support;

/// <summary>Contexts over given options, for tests that build a database of their own.</summary>
public sealed class ContextFactory(DbContextOptions<StrategyGovDbContext> options) : IDbContextFactory<StrategyGovDbContext>
{
    public StrategyGovDbContext CreateDbContext() => new(options);
}

/// <summary>A SQLite file in a temporary folder, configured exactly as the app configures it; deleted on dispose.</summary>
public sealed class TemporarySqlite : IDisposable
{
    private readonly DirectoryInfo _folder;

    public TemporarySqlite(string name)
    {
        _folder = Directory.CreateTempSubdirectory($"strategygov-{name}-");
        var options = new DbContextOptionsBuilder<StrategyGovDbContext>();
        DataSetup.Configure(options, DatabaseProviders.Sqlite, $"Data Source={Path.Combine(_folder.FullName, $"{name}.db")}", _folder.FullName);
        Factory = new ContextFactory(options.Options);
    }

    public ContextFactory Factory { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}

/// <summary>The demo data of seed-data/, as the app seeds it at start-up (without packing the answers).</summary>
public static class DemoDatabase
{
    /// <summary>Migrates the database and seeds it if it is empty; false when it was seeded already.</summary>
    public static async Task<bool> MigrateAndSeedAsync(StrategyGovDbContext db)
    {
        await db.Database.MigrateAsync();
        var seedData = await SeedDataReader.ReadAsync(
            SeedDataReader.Locate(AppContext.BaseDirectory) ?? throw new InvalidOperationException("seed-data/ not found above the test output."),
            CancellationToken.None);
        return await DatabaseSeeder.SeedAsync(db, seedData, DateTime.UtcNow, CancellationToken.None);
    }
}
