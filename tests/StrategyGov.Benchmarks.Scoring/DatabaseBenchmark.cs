using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using StrategyGov.Data;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Institutions;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Hosting;

namespace StrategyGov.Benchmarks.Scoring;

/// <summary>
/// 3,000,000 answers (10,000 institutions × 300 indicators) in a fresh database with the real
/// migrations, scored through the app's own loader: on SQLite (a temporary file) and on PostgreSQL
/// (`STRATEGYGOV_BENCH_POSTGRES`, or a private throw-away cluster started with scripts/postgres-cluster.sh).
/// </summary>
internal static class DatabaseBenchmark
{
    private const int Institutions = 10_000;

    public static async Task RunAsync(LoadedFramework framework, string provider)
    {
        if (provider == DatabaseProviders.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"strategygov-bench-{Guid.NewGuid():N}.db");
            try
            {
                await MeasureAsync(framework, provider, $"Data Source={path}");
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                File.Delete(path);
            }

            return;
        }

        await using var cluster = await PostgresCluster.StartAsync();
        var database = $"bench_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(cluster.ConnectionString))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }

        try
        {
            await MeasureAsync(framework, provider, $"{cluster.ConnectionString};Database={database}");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(cluster.ConnectionString);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
    }

    private static async Task MeasureAsync(LoadedFramework framework, string provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<StrategyGovDbContext>();
        DataSetup.Configure(builder, provider, connectionString, Path.GetTempPath());
        var factory = new Factory(builder.Options);

        var watch = Stopwatch.StartNew();
        var periodId = await SeedAsync(factory, framework.Scoring);
        Console.WriteLine($"  (seeded {Institutions:N0} institutions and their answers in {watch.Elapsed.TotalSeconds:0.0} s)");
        watch.Restart();
        await using (var db = factory.CreateDbContext())
        {
            await AnswerPacking.RefreshMissingAsync(db, CancellationToken.None);
        }

        Console.WriteLine($"  (packed the answers of {Institutions:N0} submissions in {watch.Elapsed.TotalSeconds:0.0} s, as the app does at start-up)");

        var frameworks = new FrameworkCache(factory);
        var loader = new PeriodScoreLoader(factory, frameworks);
        var period = await loader.PeriodAsync(periodId, CancellationToken.None);
        var loaded = await frameworks.GetAsync(period.StrategyVersionId, CancellationToken.None);
        var layout = new AnswerSheetLayout(loaded.Scoring);
        var submissions = (await loader.InstitutionsAsync(periodId, CancellationToken.None)).Select(i => i.SubmissionId).ToList();
        Dictionary<int, string> codes;
        await using (var db = factory.CreateDbContext())
        {
            codes = await db.Indicators.Where(i => i.Practice.Pillar.StrategyVersionId == period.StrategyVersionId).ToDictionaryAsync(i => i.Id, i => i.Code);
        }

        Measure.Median("raw query: every answer of the period, packed (PeriodAnswerReader)", 5, () => PeriodAnswerReader.ReadAsync(factory, layout, codes, submissions, CancellationToken.None));
        Measure.Median("raw query: every answer of the period, a row each (packed: false)", 5, () => PeriodAnswerReader.ReadAsync(factory, layout, codes, submissions, CancellationToken.None, packed: false));
        Measure.Median("end to end: PeriodScoreLoader.LoadLiveAsync (query + score)", 5, () => loader.LoadLiveAsync(periodId, CancellationToken.None));
    }

    private static async Task<int> SeedAsync(Factory factory, ScoringFramework scoring)
    {
        await using var db = factory.CreateDbContext();
        await db.Database.MigrateAsync();
        var types = Synthetic.Types.Select((code, i) => new InstitutionType { Code = code, NameAr = code, NameEn = code, Order = i }).ToList();
        var strategy = Synthetic.Strategy();
        var period = new ReportingPeriod
        {
            Code = "BENCH-Q1", StrategyVersion = strategy, Status = PeriodStatus.Open,
            OpensOn = new DateOnly(2026, 1, 1), DueOn = new DateOnly(2026, 3, 20), ClosesOn = new DateOnly(2026, 3, 31),
        };
        var submitted = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        var submissions = Enumerable.Range(1, Institutions).Select(n => new Submission
        {
            Institution = new Institution { Code = $"I{n:D5}", NameAr = $"جهة {n}", NameEn = $"Institution {n}", Type = types[n % types.Count] },
            Period = period, Status = SubmissionStatus.Submitted, CreatedAt = submitted, SubmittedAt = submitted, FirstSubmittedAt = submitted, LastActivityAt = submitted,
        }).ToList();
        db.AddRange(types);
        db.Add(strategy);
        db.Add(period);
        db.AddRange(submissions);
        await db.SaveChangesAsync();

        var indicatorIds = strategy.Pillars.SelectMany(p => p.Practices).SelectMany(p => p.Indicators).ToDictionary(i => i.Code, i => i.Id);
        var random = new Random(7);
        var indicators = scoring.Indicators.ToArray();
        var rows = submissions.SelectMany(submission => indicators
            .Select(indicator => (Submission: submission.Id, Indicator: indicatorIds[indicator.Code], Answer: Synthetic.Answer(indicator, random)))
            .Where(row => row.Answer is not null)
            .Select(row => (row.Submission, row.Indicator, Answer: row.Answer!.Value)));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        if (connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, rows, submitted);
        }
        else
        {
            await InsertAsync((SqliteConnection)connection, rows, submitted);
        }

        return period.Id;
    }

    private static async Task InsertAsync(SqliteConnection connection, IEnumerable<(int Submission, int Indicator, AnswerInput Answer)> rows, DateTime updated)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO Answers (SubmissionId, IndicatorId, Value, NotApplicable, UpdatedAt, Decision, VerifiedValue, Version) VALUES ($s, $i, $v, $na, $u, $d, $vv, 0)";
        var parameters = new[] { "$s", "$i", "$v", "$na", "$u", "$d", "$vv" }.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        insert.Prepare();
        parameters[4].Value = updated.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        foreach (var (submission, indicator, answer) in rows)
        {
            parameters[0].Value = submission;
            parameters[1].Value = indicator;
            parameters[2].Value = (object?)answer.Value?.ToString(CultureInfo.InvariantCulture) ?? DBNull.Value;
            parameters[3].Value = answer.NotApplicable ? 1 : 0;
            parameters[5].Value = (object?)answer.Decision?.ToString() ?? DBNull.Value;
            parameters[6].Value = (object?)answer.VerifiedValue?.ToString(CultureInfo.InvariantCulture) ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();

        // A database at rest: the bulk insert's write-ahead log folded into the file.
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await checkpoint.ExecuteNonQueryAsync();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IEnumerable<(int Submission, int Indicator, AnswerInput Answer)> rows, DateTime updated)
    {
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY \"Answers\" (\"SubmissionId\", \"IndicatorId\", \"Value\", \"NotApplicable\", \"UpdatedAt\", \"Decision\", \"VerifiedValue\", \"Version\") FROM STDIN (FORMAT BINARY)"))
        {
            copy.Timeout = TimeSpan.FromMinutes(10);
            foreach (var (submission, indicator, answer) in rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(submission, NpgsqlDbType.Integer);
                await copy.WriteAsync(indicator, NpgsqlDbType.Integer);
                await WriteNullableAsync(copy, answer.Value, NpgsqlDbType.Numeric);
                await copy.WriteAsync(answer.NotApplicable, NpgsqlDbType.Boolean);
                await copy.WriteAsync(updated, NpgsqlDbType.TimestampTz);
                await WriteNullableAsync(copy, answer.Decision?.ToString(), NpgsqlDbType.Text);
                await WriteNullableAsync(copy, answer.VerifiedValue, NpgsqlDbType.Numeric);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
            }

            await copy.CompleteAsync();
        }

        // A database at rest: statistics gathered and the visibility map set, as autovacuum would.
        await new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 }.ExecuteNonQueryAsync();
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) =>
        value is null ? copy.WriteNullAsync() : copy.WriteAsync(value, type);

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
