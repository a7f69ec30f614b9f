using Microsoft.EntityFrameworkCore;
using Npgsql;
using StrategyGov.Data;
using StrategyGov.Web.Hosting;

namespace StrategyGov.Web.Tests.Support;

/// <summary>
/// An empty PostgreSQL database of its own for one test class, on the real server the test command
/// starts (<c>bash scripts/test.sh</c> runs a private cluster and sets <see cref="Variable"/>); dropped
/// afterwards. Without the variable every test that asks for the database fails and says how to run
/// them: a PostgreSQL test that silently skips would let a broken provider through.
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    public const string Variable = "STRATEGYGOV_TEST_POSTGRES";

    private readonly string? _server = Environment.GetEnvironmentVariable(Variable);
    private string? _connectionString;

    public string DatabaseName { get; } = $"strategygov_test_{Guid.NewGuid():N}";

    /// <summary>The connection string of this fixture's database.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException(
        $"{Variable} is not set, so there is no PostgreSQL server to test against. Run the tests with " +
        "`bash scripts/test.sh`: it starts a private throw-away PostgreSQL cluster and sets the variable.");

    /// <summary>Context options exactly as the app builds them for <c>Database:Provider=PostgreSql</c>.</summary>
    public DbContextOptions<StrategyGovDbContext> ContextOptions()
    {
        var options = new DbContextOptionsBuilder<StrategyGovDbContext>();
        DataSetup.Configure(options, DatabaseProviders.PostgreSql, ConnectionString, AppContext.BaseDirectory);
        return options.Options;
    }

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(_server))
        {
            return;
        }

        await ExecuteOnServerAsync($"CREATE DATABASE \"{DatabaseName}\" ENCODING 'UTF8'");
        _connectionString = new NpgsqlConnectionStringBuilder(_server) { Database = DatabaseName }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_connectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
