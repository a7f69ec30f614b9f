using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Council;
using StrategyGov.Data.Identity;
using StrategyGov.Data.Reporting;
using StrategyGov.Data.Seeding;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Features.Inquiries;
using StrategyGov.Web.Features.Account;
using StrategyGov.Web.Features.Scores;

namespace StrategyGov.Web.Hosting;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Fill an empty database from seed-data/ at start-up.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where seed-data/ is; found by walking up from the app when not set.</summary>
    public string? Directory { get; set; }
}

public static class DatabaseStartup
{
    /// <summary>
    /// Migrates (the <c>migrate</c> command; SQLite always; PostgreSQL at start-up only when
    /// <c>Database:MigrateOnStartup</c> says so), seeds an empty database, creates roles and demo accounts.
    /// A PostgreSQL database with migrations still to apply is refused, naming the command. Before
    /// migrating, a database built by the migrations squashed in ADR 0093 is carried over.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool migrate = false)
    {
        var ct = app.Lifetime.ApplicationStopping;
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var logger = services.GetRequiredService<ILogger<Program>>();
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = services.GetRequiredService<StrategyGovDbContext>();

        var mayMigrate = migrate || database.Provider != DatabaseProviders.PostgreSql || database.MigrateOnStartup;

        // A database built by the migrations squashed into one Initial (ADR 0093) is relabelled first;
        // one on which only part of them was applied is refused, naming the previous release.
        if (mayMigrate && await SquashedMigrations.CarryOverAsync(db, ct))
        {
            logger.LogWarning("The migrations history named the nine migrations replaced by one Initial migration (ADR 0093); it now names the Initial");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            if (!mayMigrate)
            {
                throw new InvalidOperationException(
                    $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}). Apply them at deployment with " +
                    "`dotnet StrategyGov.Web.dll migrate` (same environment variables as the app), then start it; see docs/deployment.md.");
            }

            logger.LogWarning("Applying {Count} migration(s) to the {Provider} database: {Migrations}", pending.Count, database.Provider, string.Join(", ", pending));
            await db.Database.MigrateAsync(ct);
        }

        var seed = app.Configuration.GetSection(SeedOptions.Section).Get<SeedOptions>() ?? new SeedOptions();
        var seedDirectory = seed.Directory ?? SeedDataReader.Locate(app.Environment.ContentRootPath, AppContext.BaseDirectory);
        if (seed.Enabled)
        {
            if (seedDirectory is null)
            {
                throw new InvalidOperationException("seed-data/ was not found; set Seed:Directory or Seed:Enabled=false.");
            }

            var data = await SeedDataReader.ReadAsync(seedDirectory, ct);
            var seeded = await DatabaseSeeder.SeedAsync(db, data, DateTime.UtcNow, ct);
            if (seeded)
            {
                logger.LogInformation("Seeded the database from {Directory}", seedDirectory);
            }

            var calendar = await SeedDataReader.ReadFileAsync<CalendarSeed>(seedDirectory, CalendarSeeder.FileName, ct);
            var timeZone = services.GetRequiredService<IOptions<PlatformOptions>>().Value.TimeZoneInfo;
            await CalendarSeeder.SeedAsync(db, calendar, DateTime.UtcNow, timeZone, ct);
            var clock = services.GetRequiredService<TimeProvider>();
            await GovernanceSeeder.SeedAsync(db, seedDirectory, clock.GetUtcNow().UtcDateTime, PlatformToday(services), ct);
            await CouncilSeeder.SeedAsync(db, seedDirectory, clock.GetUtcNow().UtcDateTime, timeZone, ct);
            await InquirySeeder.SeedAsync(db, seedDirectory, clock.GetUtcNow().UtcDateTime, ct);

            // Demo journalists, interactions and campaigns only in a database seeded just now (never into real data).
            if (seeded)
            {
                await StrategyGov.Data.Media.MediaSeeder.SeedAsync(db, seedDirectory, clock.GetUtcNow().UtcDateTime, PlatformToday(services), ct);
            }

            // The demo answers of computed indicators come from the seeded records, as the app computes them.
            if (seeded && await services.GetRequiredService<ComputedIndicatorService>().FillSeededAsync(ct) is > 0 and var computed)
            {
                logger.LogInformation("Computed {Count} demo answer(s) from the seeded records", computed);
            }
        }

        // Every submission's answers packed for the scoring read (ADR 0092): seeded ones, and any changed
        // outside the app since.
        if (await AnswerPacking.RefreshMissingAsync(db, ct) is > 0 and var packed)
        {
            logger.LogInformation("Packed the answers of {Count} submission(s) for scoring", packed);
        }

        // Seeded (or imported) published periods get their frozen scores now rather than on first view.
        await services.GetRequiredService<ScoreSnapshotService>().CaptureMissingAsync(ct);

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var demo = services.GetRequiredService<IOptions<DemoAccountOptions>>().Value;
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        if (demo.Enabled)
        {
            var demoUsers = seedDirectory is null ? [] : await DemoAccounts.ReadAsync(seedDirectory, ct);
            await DemoAccounts.EnsureAsync(users, db, demoUsers, demo.Password, ct);
            logger.LogWarning(
                "Demo accounts (development only), password {Password}:{NewLine}{Accounts}",
                demo.Password == DemoAccountOptions.DevelopmentPassword ? demo.Password : "(as configured)",
                Environment.NewLine,
                string.Join(Environment.NewLine, demoUsers.Select(u => $"  {u.Role,-24}{u.Email}{(u.Institution is null ? "" : $"  ({u.Institution})")}")));
        }

        if (!app.Environment.IsDevelopment())
        {
            await DemoAccounts.EnsureNoDevelopmentPasswordAsync(users, db, ct);
        }
    }

    private static DateOnly PlatformToday(IServiceProvider services) =>
        PlatformDates.Today(services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IOptions<PlatformOptions>>().Value);
}
