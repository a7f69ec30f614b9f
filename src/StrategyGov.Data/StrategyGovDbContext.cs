using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Identity;
using StrategyGov.Data.Institutions;
using StrategyGov.Data.Reporting;

namespace StrategyGov.Data;

/// <summary>
/// The one model of the platform, shared by SQLite (embedded default) and PostgreSQL. Each provider has
/// its own migrations assembly; keep the model provider-neutral (UTC times, no provider SQL).
/// </summary>
public class StrategyGovDbContext(DbContextOptions<StrategyGovDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<StrategyVersion> StrategyVersions => Set<StrategyVersion>();

    public DbSet<MaturityBandDefinition> MaturityBands => Set<MaturityBandDefinition>();

    public DbSet<Pillar> Pillars => Set<Pillar>();

    public DbSet<Practice> Practices => Set<Practice>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<InstitutionType> InstitutionTypes => Set<InstitutionType>();

    public DbSet<Institution> Institutions => Set<Institution>();

    public DbSet<ReportingPeriod> Periods => Set<ReportingPeriod>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<Answer> Answers => Set<Answer>();

    public DbSet<ScoreSnapshot> ScoreSnapshots => Set<ScoreSnapshot>();

    public DbSet<ScoreSnapshotEntry> ScoreSnapshotEntries => Set<ScoreSnapshotEntry>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(StrategyGovDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Weights, values and scores: exact decimals. SQLite stores them as text, so never order or
        // compare them on the server; services compute in memory.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 6);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
