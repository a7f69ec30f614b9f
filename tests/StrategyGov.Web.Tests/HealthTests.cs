using System.Net;
using Npgsql;
using StrategyGov.Testing;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Liveness and readiness as a load balancer probes them: anonymous, status words only, and readiness
/// failing when the database is gone; the correlation id of a request comes back in its response.
/// </summary>
public sealed class HealthTests(StrategyGovAppFactory app, PostgresDatabaseFixture postgres)
    : IClassFixture<StrategyGovAppFactory>, IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Live_Anonymous_IsHealthy()
    {
        var response = await app.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_DatabaseAndChromiumUp_IsHealthy()
    {
        var response = await app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_DatabaseDropped_IsUnhealthyAndSaysNothingMore()
    {
        await using var onPostgres = new StrategyGovAppFactory()
            .With("Database:Provider", "PostgreSql")
            .With("Database:MigrateOnStartup", "true")
            .With("ConnectionStrings:Default", postgres.ConnectionString);
        var client = onPostgres.CreateClient();
        var before = await client.GetAsync("/health/ready");

        await DropAsync(postgres.ConnectionString);
        var after = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        Assert.Equal("Unhealthy", await after.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Theory]
    [InlineData("req-2026.11:abc_1", "req-2026.11:abc_1")]
    [InlineData("bad id\r\nforged: log", null)]
    public async Task Request_WithCorrelationHeader_EchoesAWellFormedIdOnly(string sent, string? echoed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", sent);

        var response = await app.CreateClient().SendAsync(request);

        var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        if (echoed is null)
        {
            Assert.NotEqual(sent, id);
            Assert.Matches("^[A-Za-z0-9._:-]+$", id);
        }
        else
        {
            Assert.Equal(echoed, id);
        }
    }

    private static async Task DropAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database;
        builder.Database = "postgres";
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
