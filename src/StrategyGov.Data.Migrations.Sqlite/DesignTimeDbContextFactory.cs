using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace StrategyGov.Data.Migrations.Sqlite;

/// <summary>
/// Lets <c>dotnet ef</c> build the context for this provider without starting the web app.
/// </summary>
/// <remarks>
/// Add a migration (always in both providers, with the same name):
/// <code>
/// dotnet ef migrations add NAME --project src/StrategyGov.Data.Migrations.Sqlite
/// dotnet ef migrations add NAME --project src/StrategyGov.Data.Migrations.PostgreSql
/// </code>
/// </remarks>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<StrategyGovDbContext>
{
    public StrategyGovDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<StrategyGovDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(typeof(DesignTimeDbContextFactory).Assembly.GetName().Name))
            .Options;
        return new StrategyGovDbContext(options);
    }
}
