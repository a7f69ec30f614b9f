using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Institutions;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Scores;

namespace StrategyGov.Benchmarks.Scoring;

/// <summary>3,000,000 answers in a fresh SQLite file (real migrations), scored through the app's own loader.</summary>
internal static class DatabaseBenchmark
{
    private const int Institutions = 10_000;

    public static async Task RunAsync(LoadedFramework framework)
    {
        var path = Path.Combine(Path.GetTempPath(), $"strategygov-bench-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<StrategyGovDbContext>()
            .UseSqlite($"Data Source={path}", sqlite => sqlite.MigrationsAssembly("StrategyGov.Data.Migrations.Sqlite"))
            .Options;
        var factory = new Factory(options);
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var periodId = await SeedAsync(factory, framework.Scoring);
            Console.WriteLine($"  (seeded {Institutions:N0} institutions and their answers in {watch.Elapsed.TotalSeconds:0.0} s)");

            var frameworks = new FrameworkCache(factory);
            var loader = new PeriodScoreLoader(factory, frameworks);
            Measure.Median("raw query: the loader's answer projection alone", 5, async () =>
            {
                await using var db = factory.CreateDbContext();
                await db.Answers.AsNoTracking()
                    .Where(a => a.Submission.PeriodId == periodId
                        && (a.Submission.Status == SubmissionStatus.Submitted || a.Submission.Status == SubmissionStatus.Approved))
                    .Select(a => new { a.SubmissionId, a.IndicatorId, a.Value, a.NotApplicable, a.Decision, a.VerifiedValue })
                    .ToListAsync();
            });
            Measure.Median("end to end: PeriodScoreLoader.LoadLiveAsync (query + map + score)", 5, () => loader.LoadLiveAsync(periodId, CancellationToken.None));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
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
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO Answers (SubmissionId, IndicatorId, Value, NotApplicable, UpdatedAt, Decision, VerifiedValue, Version) VALUES ($s, $i, $v, $na, $u, $d, $vv, 0)";
        var parameters = new[] { "$s", "$i", "$v", "$na", "$u", "$d", "$vv" }.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        insert.Prepare();
        var random = new Random(7);
        var indicators = scoring.Indicators.ToArray();
        var updated = submitted.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        foreach (var submission in submissions)
        {
            foreach (var indicator in indicators)
            {
                if (Synthetic.Answer(indicator, random) is not { } answer)
                {
                    continue;
                }

                parameters[0].Value = submission.Id;
                parameters[1].Value = indicatorIds[indicator.Code];
                parameters[2].Value = (object?)answer.Value?.ToString(CultureInfo.InvariantCulture) ?? DBNull.Value;
                parameters[3].Value = answer.NotApplicable ? 1 : 0;
                parameters[4].Value = updated;
                parameters[5].Value = (object?)answer.Decision?.ToString() ?? DBNull.Value;
                parameters[6].Value = (object?)answer.VerifiedValue?.ToString(CultureInfo.InvariantCulture) ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        return period.Id;
    }

    private sealed class Factory(DbContextOptions<StrategyGovDbContext> options) : IDbContextFactory<StrategyGovDbContext>
    {
        public StrategyGovDbContext CreateDbContext() => new(options);
    }
}
