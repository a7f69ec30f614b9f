using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using StrategyGov.Data;
using StrategyGov.Testing;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// A database built by the nine migrations that were squashed into one Initial (ADR 0093) is carried
/// over: its history is rewritten to the Initial, after which nothing is pending; one with only part of
/// them is refused. The old migrations are gone, so such a database is made here from the Initial (the
/// schema is the same, ADR 0093) with the old chain's rows written into its history.
/// </summary>
public sealed class SquashedMigrationsTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task CarryOver_WholeOldChain_Sqlite_RewritesTheHistoryToInitial()
    {
        using var sqlite = new TemporarySqlite("squashed");
        await using var db = sqlite.Factory.CreateDbContext();

        await AssertCarriesOverAsync(db);
    }

    [Fact]
    public async Task CarryOver_WholeOldChain_PostgreSql_RewritesTheHistoryToInitial()
    {
        await using var db = PostgresDatabase("carry");
        try
        {
            await AssertCarriesOverAsync(db);
        }
        finally
        {
            await db.Database.EnsureDeletedAsync();
        }
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(5, false)]
    [InlineData(9, true)]
    public async Task CarryOver_PartOfTheOldChainOrMore_Sqlite_IsRefusedAndChangesNothing(int applied, bool another)
    {
        using var sqlite = new TemporarySqlite("squashed-part");
        await using var db = sqlite.Factory.CreateDbContext();

        await AssertRefusedAsync(db, applied, another);
    }

    [Fact]
    public async Task CarryOver_PartOfTheOldChain_PostgreSql_IsRefusedAndChangesNothing()
    {
        await using var db = PostgresDatabase("part");
        try
        {
            await AssertRefusedAsync(db, applied: 5, another: false);
        }
        finally
        {
            await db.Database.EnsureDeletedAsync();
        }
    }

    [Fact]
    public async Task CarryOver_NewOrCurrentDatabase_ChangesNothing()
    {
        using var sqlite = new TemporarySqlite("squashed-new");
        await using var db = sqlite.Factory.CreateDbContext();

        var onNew = await SquashedMigrations.CarryOverAsync(db, CancellationToken.None);
        await db.Database.MigrateAsync();
        var onCurrent = await SquashedMigrations.CarryOverAsync(db, CancellationToken.None);

        Assert.False(onNew);
        Assert.False(onCurrent);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    /// <summary>The app's own start-up (SQLite migrates there) carries such a database over and starts on it.</summary>
    [Fact]
    public async Task Start_SqliteBuiltByTheOldChain_CarriesItOverAndStarts()
    {
        await using var app = new StrategyGovAppFactory();
        var options = new DbContextOptionsBuilder<StrategyGovDbContext>();
        DataSetup.Configure(options, DatabaseProviders.Sqlite, $"Data Source={app.DatabasePath}", app.Folder);
        await using (var db = new StrategyGovDbContext(options.Options))
        {
            await BuildWithOldHistoryAsync(db, SquashedMigrations.ReplacedBy(db));
        }

        using var client = app.CreateClient();
        var login = await client.GetAsync("/account/login");

        Assert.True(login.IsSuccessStatusCode, $"The sign-in page answered {login.StatusCode}.");
        await using var after = new StrategyGovDbContext(options.Options);
        Assert.Equal(after.Database.GetMigrations(), await after.Database.GetAppliedMigrationsAsync());
        Assert.True(await after.Institutions.AnyAsync(), "The carried-over database was not seeded.");
    }

    private static async Task AssertCarriesOverAsync(StrategyGovDbContext db)
    {
        var replaced = SquashedMigrations.ReplacedBy(db);
        var initial = await BuildWithOldHistoryAsync(db, replaced);
        Assert.Equal(9, replaced.Count);
        Assert.Equal(replaced, await db.Database.GetAppliedMigrationsAsync());

        var carried = await SquashedMigrations.CarryOverAsync(db, CancellationToken.None);

        Assert.True(carried);
        Assert.Equal([initial], await db.Database.GetAppliedMigrationsAsync());
        // Only migrations added after the squash (none yet) remain to be applied; the Initial's tables
        // exist already, so migrating again would fail if it tried to create them.
        Assert.Equal(db.Database.GetMigrations().Skip(1), await db.Database.GetPendingMigrationsAsync());
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.False(await SquashedMigrations.CarryOverAsync(db, CancellationToken.None));
    }

    private static async Task AssertRefusedAsync(StrategyGovDbContext db, int applied, bool another)
    {
        var history = SquashedMigrations.ReplacedBy(db).Take(applied).Concat(another ? ["20261201000000_Elsewhere"] : []).ToList();
        await BuildWithOldHistoryAsync(db, history);

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => SquashedMigrations.CarryOverAsync(db, CancellationToken.None));

        Assert.Contains("ADR 0093", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(another ? "20261201000000_Elsewhere" : "previous release", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(history.Order(StringComparer.Ordinal), await db.Database.GetAppliedMigrationsAsync());
    }

    /// <summary>
    /// The schema of the Initial, as the old chain built it (ADR 0093), with the given rows in the
    /// history instead of the Initial's. Returns the Initial's id.
    /// </summary>
    private static async Task<string> BuildWithOldHistoryAsync(StrategyGovDbContext db, IEnumerable<string> history)
    {
        var initial = db.Database.GetMigrations().First();
        await db.GetService<IMigrator>().MigrateAsync(initial);
        var repository = db.GetService<IHistoryRepository>();
        var script = repository.GetDeleteScript(initial)
            + string.Concat(history.Select(id => repository.GetInsertScript(new HistoryRow(id, "10.0.15"))));
        await db.Database.ExecuteSqlRawAsync(script);
        return initial;
    }

    /// <summary>A database of its own on the test server (each test rewrites the history its own way).</summary>
    private StrategyGovDbContext PostgresDatabase(string name)
    {
        var connection = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = $"{postgres.DatabaseName}_{name}" };
        var options = new DbContextOptionsBuilder<StrategyGovDbContext>();
        DataSetup.Configure(options, DatabaseProviders.PostgreSql, connection.ConnectionString, AppContext.BaseDirectory);
        return new StrategyGovDbContext(options.Options);
    }
}
