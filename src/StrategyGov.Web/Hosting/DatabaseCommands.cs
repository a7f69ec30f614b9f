using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;

namespace StrategyGov.Web.Hosting;

/// <summary>
/// Deployment commands run by the same binary instead of the web server (docs/deployment.md):
/// <code>
/// dotnet StrategyGov.Web.dll migrate
/// dotnet StrategyGov.Web.dll move-from-sqlite --source "Data Source=/var/lib/strategygov/strategygov.db"
/// </code>
/// Both read the same configuration as the app (environment variables, appsettings).
/// </summary>
public static class DatabaseCommands
{
    public const string Migrate = "migrate";
    public const string MoveFromSqlite = "move-from-sqlite";

    public static bool IsCommand(string[] args) => args is [Migrate or MoveFromSqlite, ..];

    /// <summary>Runs the command named by the first argument; the exit code says whether it succeeded.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var ct = app.Lifetime.ApplicationStopping;
        try
        {
            if (args[0] == Migrate)
            {
                await app.PrepareDatabaseAsync(migrate: true);
                Console.WriteLine("The database is migrated and seeded.");
                return 0;
            }

            return await MoveFromSqliteAsync(app, ct) ? 0 : 1;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static async Task<bool> MoveFromSqliteAsync(WebApplication app, CancellationToken ct)
    {
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (database.Provider != DatabaseProviders.PostgreSql)
        {
            throw new InvalidOperationException("move-from-sqlite copies into PostgreSQL: set Database__Provider=PostgreSql and ConnectionStrings__Default to the new database.");
        }

        var sourceConnection = app.Configuration["source"]
            ?? throw new InvalidOperationException("Name the SQLite database to copy: move-from-sqlite --source \"Data Source=/path/strategygov.db\".");
        var sourceOptions = new DbContextOptionsBuilder<StrategyGovDbContext>();
        DataSetup.Configure(sourceOptions, DatabaseProviders.Sqlite, sourceConnection, app.Environment.ContentRootPath);
        await using var source = new StrategyGovDbContext(sourceOptions.Options);
        await using var target = await app.Services.GetRequiredService<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync(ct);

        if ((await source.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            throw new InvalidOperationException("The SQLite database is not on the current version: start the current release on it once (SQLite migrates at start-up), then move it.");
        }

        await SquashedMigrations.CarryOverAsync(target, ct);
        await target.Database.MigrateAsync(ct);
        var tables = await DatabaseMove.MoveAsync(source, target, ct);

        Console.WriteLine($"{"table",-32} {"sqlite",8} {"postgres",8}  {"checksum (sqlite)",-16}  {"checksum (postgres)",-16}");
        foreach (var table in tables)
        {
            Console.WriteLine($"{table.Table,-32} {table.SourceRows,8} {table.TargetRows,8}  {table.SourceChecksum,-16}  {table.TargetChecksum,-16}  {(table.Matches ? "ok" : "DIFFERENT")}");
        }

        var matches = tables.All(t => t.Matches);
        Console.WriteLine(matches
            ? $"Moved {tables.Sum(t => t.TargetRows)} rows in {tables.Count} tables; every table matches row for row."
            : "The copy differs from the source (see DIFFERENT above); nothing was committed.");
        return matches;
    }
}
