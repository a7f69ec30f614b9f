using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
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
