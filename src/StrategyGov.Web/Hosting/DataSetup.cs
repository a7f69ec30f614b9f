using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;

namespace StrategyGov.Web.Hosting;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default) or <c>PostgreSql</c>.</summary>
    [Required]
    [RegularExpression("^(Sqlite|PostgreSql)$", ErrorMessage = "Database:Provider must be Sqlite or PostgreSql.")]
    public string Provider { get; set; } = DatabaseProviders.Sqlite;

    /// <summary>
    /// Apply migrations when the app starts. Always done for SQLite (one embedded database); for
    /// PostgreSQL migrations belong to the deployment, so this is off unless switched on.
    /// </summary>
    public bool MigrateOnStartup { get; set; }
}

public static class DatabaseProviders
{
    public const string Sqlite = nameof(Sqlite);
    public const string PostgreSql = nameof(PostgreSql);
}

public static class DataSetup
{
    public static void AddStrategyGovData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var provider = builder.Configuration[$"{DatabaseOptions.Section}:Provider"] ?? DatabaseProviders.Sqlite;
        var connectionString = builder.Configuration.GetConnectionString("Default");

        // Services open one context per operation (a Blazor Server circuit lives too long for a scoped
        // context); ASP.NET Core Identity's stores still take the scoped context registered beside it.
        builder.Services.AddDbContextFactory<StrategyGovDbContext>(options =>
            Configure(options, provider, connectionString, builder.Environment.ContentRootPath));
    }

    public static void Configure(DbContextOptionsBuilder options, string provider, string? connectionString, string contentRoot)
    {
        if (provider == DatabaseProviders.PostgreSql)
        {
            options.UseNpgsql(
                connectionString ?? throw new InvalidOperationException("ConnectionStrings:Default is required for PostgreSql."),
                npgsql => npgsql.MigrationsAssembly("StrategyGov.Data.Migrations.PostgreSql"));
            return;
        }

        options.UseSqlite(
            SqliteConnectionString(connectionString, contentRoot),
            sqlite => sqlite.MigrationsAssembly("StrategyGov.Data.Migrations.Sqlite"));
    }

    // A relative SQLite file is placed under the content root, and its folder is created.
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(configured ?? "Data Source=data/strategygov.db");
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }
}
