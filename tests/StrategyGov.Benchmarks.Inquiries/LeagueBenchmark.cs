using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Npgsql;
using StrategyGov.Data;
using StrategyGov.Data.Inquiries;
using StrategyGov.Data.Institutions;
using StrategyGov.Web.Features.Inquiries;
using StrategyGov.Web.Features.Inquiries.Clock;
using StrategyGov.Web.Hosting;

namespace StrategyGov.Benchmarks.Inquiries;

/// <summary>
/// 100,000 inquiries received over the last twelve months by 300 institutions (a few large ministries and
/// many small municipalities, as in life), with their clocks computed by the app's own clock on the default
/// calendar, in a fresh database with the real migrations; then the league table as the center's page asks
/// for it (a year, a quarter, one type), one institution's figures, and a calendar change recomputing a month.
/// </summary>
internal static class LeagueBenchmark
{
    private const int Institutions = 300;
    private const int Inquiries = 100_000;

    public static async Task RunAsync(string provider)
    {
        if (provider == DatabaseProviders.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"strategygov-inquiries-{Guid.NewGuid():N}.db");
            try
            {
                await MeasureAsync(provider, $"Data Source={path}");
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                File.Delete(path);
            }

            return;
        }

        await using var cluster = await PostgresCluster.StartAsync();
        var database = $"bench_inquiries_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(cluster.ConnectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }

        try
        {
            await MeasureAsync(provider, $"{cluster.ConnectionString};Database={database}");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(cluster.ConnectionString);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
    }

    private static async Task MeasureAsync(string provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<StrategyGovDbContext>();
        DataSetup.Configure(builder, provider, connectionString, Path.GetTempPath());
        var factory = new Factory(builder.Options);
        var now = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        var (institutionId, typeCode) = await SeedAsync(factory, now);
        Console.WriteLine($"  (seeded {Institutions} institutions and {Inquiries:N0} inquiries with their clocks in {watch.Elapsed.TotalSeconds:0.0} s)");

        var platform = Options.Create(new PlatformOptions());
        var service = new InquiryFiguresService(factory, TimeProvider.System, platform, new MemoryCache(new MemoryCacheOptions()));
        var today = platform.Value.Today(TimeProvider.System);
        var year = new InquiryWindow(today.AddYears(-1).AddDays(1), today);
        var quarter = InquiryWindow.QuarterOf(today);
        var check = await LeagueAsync(factory, service, year, new LeagueFilter());
        Console.WriteLine($"  (league of the year: {check.Rows.Count} institutions, {check.National.Volume:N0} inquiries, national median first response {check.National.MedianFirstResponseMinutes} min, p90 {check.National.P90FirstResponseMinutes} min, {check.National.WithinTargetRate}% within target, {check.National.OverdueNow} overdue now)");

        Measure.Median("league table, last twelve months (100,000 inquiries)", 11, () => LeagueAsync(factory, service, year, new LeagueFilter()));
        Measure.Median("league table, this quarter", 11, () => LeagueAsync(factory, service, quarter, new LeagueFilter()));
        Measure.Median("league table, last twelve months, municipalities only", 11, () => LeagueAsync(factory, service, year, new LeagueFilter(typeCode)));
        Measure.Median("league table, last twelve months, media inquiries only", 11, () => LeagueAsync(factory, service, year, new LeagueFilter(Kind: InquiryKind.MediaInquiry)));
        var actor = new StrategyGov.Web.Security.Actor("bench", "bench", new HashSet<string> { StrategyGov.Data.Identity.AppRoles.CenterReviewer }, null);
        Measure.Median("one institution's figures, last twelve months", 11, () => service.FiguresAsync(actor, institutionId, year, null, CancellationToken.None));

        // A holiday announced late: the clocks of the last month (and everything still open) are recomputed.
        await using (var db = factory.CreateDbContext())
        {
            watch.Restart();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var count = await InquiryRecompute.RunAsync(db, DateOnly.FromDateTime(now.AddDays(-30)), now, CancellationToken.None);
            await transaction.RollbackAsync();
            Console.WriteLine($"  calendar changed a month back: {count:N0} inquiries recomputed in {watch.Elapsed.TotalMilliseconds:N0} ms (once, rolled back)");
        }
    }

    private static async Task<LeagueTable> LeagueAsync(Factory factory, InquiryFiguresService service, InquiryWindow window, LeagueFilter filter)
    {
        await using var db = factory.CreateDbContext();
        return await service.LeagueAsync(db, window, filter, CancellationToken.None);
    }

    private static async Task<(int InstitutionId, string TypeCode)> SeedAsync(Factory factory, DateTime now)
    {
        await using var db = factory.CreateDbContext();
        await db.Database.MigrateAsync();
        db.Audit.Suppressed = true;
        var types = new[] { "ministry", "authority", "municipality", "governorate" }.Select((code, i) => new InstitutionType { Code = code, NameAr = code, NameEn = code, Order = i }).ToList();
        var institutions = Enumerable.Range(1, Institutions).Select(n => new Institution
        {
            Code = $"I{n:D3}", NameAr = $"جهة {n}", NameEn = $"Institution {n}", Type = types[n % types.Count],
        }).ToList();
        db.AddRange(types);
        db.AddRange(institutions);
        await db.SaveChangesAsync();

        var settings = await InquirySettings.LoadAsync(db, CancellationToken.None);
        var calendar = settings.Calendar;
        var random = new Random(19);

        // Sizes follow a long tail: institution n receives a share proportional to 1 / (n + 10).
        var weights = institutions.Select((_, n) => 1.0 / (n + 10)).ToArray();
        var total = weights.Sum();
        var cumulative = weights.Select((w, n) => weights.Take(n + 1).Sum() / total).ToArray();
        var kinds = Enum.GetValues<InquiryKind>();
        var rows = new List<Inquiry>(Inquiries);
        for (var i = 0; i < Inquiries; i++)
        {
            var pick = random.NextDouble();
            var index = Array.FindIndex(cumulative, c => c >= pick);
            var kind = kinds[random.Next(kinds.Length)];
            var target = settings.TargetOf(kind);
            var received = now.AddMinutes(-random.Next(60, 365 * 24 * 60));
            var inquiry = new Inquiry
            {
                InstitutionId = institutions[index < 0 ? Institutions - 1 : index].Id,
                ExternalId = $"B-{i}",
                Kind = kind,
                Channel = kind == InquiryKind.SocialMediaPost ? InquiryChannel.SocialMedia : (InquiryChannel)random.Next(0, 9),
                Outlet = "صحيفة",
                Topic = "استفسار",
                ReceivedAt = received,
                Status = InquiryStatus.InProgress,
                CreatedAt = received,
                UpdatedAt = received,
                FirstResponseTargetMinutes = target.FirstResponseMinutes,
                AnswerTargetMinutes = target.AnswerMinutes,
                ReferredAt = random.NextDouble() < 0.05 ? received.AddHours(1) : null,
                RequesterDeadline = kind == InquiryKind.MediaInquiry && random.NextDouble() < 0.4 ? received.AddHours(random.Next(2, 48)) : null,
            };
            var first = calendar.AddWorkingTime(received, TimeSpan.FromMinutes(random.Next(5, target.FirstResponseMinutes * 2)))!.Value;
            var answered = calendar.AddWorkingTime(received, TimeSpan.FromMinutes(random.Next(30, target.AnswerMinutes * 2)))!.Value;
            inquiry.FirstResponseAt = first < now ? first : null;
            inquiry.AnsweredAt = answered < now && random.NextDouble() < 0.97 ? answered : null;
            if (inquiry.AnsweredAt is not null)
            {
                inquiry.FirstResponseAt ??= inquiry.AnsweredAt;
                inquiry.Status = InquiryStatus.Answered;
            }

            InquiryClock.Apply(inquiry, calendar, []);
            rows.Add(inquiry);
        }

        await BulkInsert.InsertAsync(db, rows, CancellationToken.None);
        if (db.Database.GetDbConnection() is NpgsqlConnection)
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        return (institutions[0].Id, "municipality");
    }

    private sealed class Factory(DbContextOptions<StrategyGovDbContext> options) : IDbContextFactory<StrategyGovDbContext>
    {
        public StrategyGovDbContext CreateDbContext() => new(options);
    }

    /// <summary>`STRATEGYGOV_BENCH_POSTGRES`, or a private cluster of scripts/postgres-cluster.sh for the run.</summary>
    private sealed class PostgresCluster(string connectionString, string? folder) : IAsyncDisposable
    {
        public string ConnectionString => connectionString;

        public static async Task<PostgresCluster> StartAsync()
        {
            if (Environment.GetEnvironmentVariable("STRATEGYGOV_BENCH_POSTGRES") is { Length: > 0 } given)
            {
                return new PostgresCluster(given, null);
            }

            var folder = Directory.CreateTempSubdirectory("strategygov-bench-pg-").FullName;
            var started = await ScriptAsync("start", folder);
            return new PostgresCluster(started.Trim(), folder);
        }

        public async ValueTask DisposeAsync()
        {
            if (folder is not null)
            {
                await ScriptAsync("stop", folder);
                Directory.Delete(folder, recursive: true);
            }
        }

        private static async Task<string> ScriptAsync(string verb, string folder)
        {
            var script = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../scripts/postgres-cluster.sh"));
            using var process = Process.Start(new ProcessStartInfo("bash", [script, verb, folder]) { RedirectStandardOutput = true })!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{script} {verb} failed ({process.ExitCode}).");
        }
    }
}
