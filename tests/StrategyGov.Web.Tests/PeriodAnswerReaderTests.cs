using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The bulk read of a period's answers (ADR 0090) against EF Core's own reading of the same rows, on
/// SQLite and PostgreSQL, with the values that are easy to get wrong: negative numbers, six decimals,
/// eighteen digits, trailing zeros, nulls, N/A, every decision and none, and on SQLite a number written
/// by hand in SQL. Each read twice: from the packed values (ADR 0092) and from the answer rows (the
/// fallback for a submission without a packed value).
/// </summary>
public sealed class PeriodAnswerReaderTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Read_Sqlite_GivesEveryAnswerExactlyAsEfCoreReadsIt(bool packed)
    {
        using var sqlite = new TemporarySqlite("reader");
        IDbContextFactory<StrategyGovDbContext> factory = sqlite.Factory;
        var periodId = await SeedWithEdgeValuesAsync(factory);
        await using (var db = await factory.CreateDbContextAsync())
        {
            // Written by hand, as an operator might: a TEXT column keeps the number as text '70'.
            await db.Database.ExecuteSqlRawAsync("UPDATE Answers SET VerifiedValue = 70, Decision = 'Adjusted' WHERE Id = (SELECT MIN(Id) FROM Answers)");
        }

        await PackAsync(factory, packed);
        await AssertReadsAsEfCoreAsync(factory, periodId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Read_PostgreSql_GivesEveryAnswerExactlyAsEfCoreReadsIt(bool packed)
    {
        IDbContextFactory<StrategyGovDbContext> factory = new ContextFactory(postgres.ContextOptions());
        var periodId = await SeedWithEdgeValuesAsync(factory);

        await PackAsync(factory, packed);
        await AssertReadsAsEfCoreAsync(factory, periodId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Read_SomeSubmissionsOnly_Sqlite_GivesExactlyTheirAnswers(bool packed)
    {
        using var sqlite = new TemporarySqlite("reader-subset");
        var periodId = await SeedWithEdgeValuesAsync(sqlite.Factory);
        await PackAsync(sqlite.Factory, packed);
        await AssertReadsOnlyWhatIsAskedAsync(sqlite.Factory, periodId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Read_SomeSubmissionsOnly_PostgreSql_GivesExactlyTheirAnswers(bool packed)
    {
        IDbContextFactory<StrategyGovDbContext> factory = new ContextFactory(postgres.ContextOptions());
        var periodId = await SeedWithEdgeValuesAsync(factory);
        await PackAsync(factory, packed);
        await AssertReadsOnlyWhatIsAskedAsync(factory, periodId);
    }

    /// <summary>
    /// Half of the submissions packed, the others not: each is read from where its answers are, and the
    /// unpacked ones are counted in the app's metrics.
    /// </summary>
    [Fact]
    public async Task Read_SomePacked_Sqlite_GivesEveryAnswerExactlyAsEfCoreReadsIt()
    {
        using var sqlite = new TemporarySqlite("reader-mixed");
        await AssertReadsHalfPackedAsync(sqlite.Factory);
    }

    [Fact]
    public async Task Read_SomePacked_PostgreSql_GivesEveryAnswerExactlyAsEfCoreReadsIt()
    {
        await AssertReadsHalfPackedAsync(new ContextFactory(postgres.ContextOptions()));
    }

    private static async Task AssertReadsHalfPackedAsync(IDbContextFactory<StrategyGovDbContext> factory)
    {
        var periodId = await SeedWithEdgeValuesAsync(factory);
        await PackAsync(factory, packed: true);
        int unpacked;
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.True(await db.PackedAnswers.Where(p => p.SubmissionId % 2 == 0).ExecuteDeleteAsync() > 0);
            unpacked = await db.Submissions.CountAsync(s => s.PeriodId == periodId && s.Id % 2 == 0);
        }

        // Other tests running meanwhile can only add to the count.
        var counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Telemetry.Name && instrument.Name == "strategygov.scoring.unpacked")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();

        await AssertReadsAsEfCoreAsync(factory, periodId);

        Assert.True(counted >= unpacked, $"{counted} unpacked submissions counted, {unpacked} expected at least.");
    }

    /// <summary>
    /// Packs every submission, or makes sure none is packed, so that the reader takes one path only:
    /// packed values or the answer rows.
    /// </summary>
    private static async Task PackAsync(IDbContextFactory<StrategyGovDbContext> factory, bool packed)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (packed)
        {
            await AnswerPacking.RefreshMissingAsync(db, CancellationToken.None);
        }
        else
        {
            await db.PackedAnswers.ExecuteDeleteAsync();
        }

        Assert.Equal(packed ? await db.Submissions.CountAsync() : 0, await db.PackedAnswers.CountAsync());
    }

    /// <summary>
    /// Every other submission (a range read whole, the others' rows dropped) and every fifth (few ids
    /// in a wide range: the ids are listed for the server): each sheet holds its own answers and no
    /// other submission gets one.
    /// </summary>
    private static async Task AssertReadsOnlyWhatIsAskedAsync(IDbContextFactory<StrategyGovDbContext> factory, int periodId)
    {
        var frameworks = new FrameworkCache(factory);
        var loader = new PeriodScoreLoader(factory, frameworks);
        var period = await loader.PeriodAsync(periodId, CancellationToken.None);
        var framework = await frameworks.GetAsync(period.StrategyVersionId, CancellationToken.None);
        await using var db = await factory.CreateDbContextAsync();
        var codes = await db.Indicators.AsNoTracking()
            .Where(i => i.Practice.Pillar.StrategyVersionId == period.StrategyVersionId)
            .ToDictionaryAsync(i => i.Id, i => i.Code);
        var rows = await db.Answers.AsNoTracking()
            .Where(a => a.Submission.PeriodId == periodId)
            .Select(a => new { a.SubmissionId, a.IndicatorId, a.Value, a.NotApplicable, a.Decision, a.VerifiedValue })
            .ToListAsync();
        var all = (await loader.InstitutionsAsync(periodId, CancellationToken.None)).Select(i => i.SubmissionId).Order().ToList();

        foreach (var step in new[] { 2, 5 })
        {
            var asked = all.Where((_, i) => i % step == 0).ToList();
            var sheets = await PeriodAnswerReader.ReadAsync(factory, new AnswerSheetLayout(framework.Scoring), codes, asked, CancellationToken.None);

            Assert.Equal(asked, sheets.Keys.Order());
            foreach (var submissionId in asked)
            {
                var expected = rows.Where(a => a.SubmissionId == submissionId && (a.Value != null || a.NotApplicable || a.Decision != null || a.VerifiedValue != null))
                    .ToDictionary(a => codes[a.IndicatorId], a => new AnswerInput(a.Value, a.NotApplicable, a.Decision, a.VerifiedValue));
                Assert.NotEmpty(expected);
                Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), sheets[submissionId].OrderBy(p => p.Key, StringComparer.Ordinal));
            }
        }
    }

    private static async Task AssertReadsAsEfCoreAsync(IDbContextFactory<StrategyGovDbContext> factory, int periodId)
    {
        var frameworks = new FrameworkCache(factory);
        var loader = new PeriodScoreLoader(factory, frameworks);
        var period = await loader.PeriodAsync(periodId, CancellationToken.None);
        var framework = await frameworks.GetAsync(period.StrategyVersionId, CancellationToken.None);
        var institutions = await loader.InstitutionsAsync(periodId, CancellationToken.None);

        // The reference: EF Core materialising the same rows, into plain dictionaries.
        await using var db = await factory.CreateDbContextAsync();
        var rows = await db.Answers.AsNoTracking()
            .Where(a => a.Submission.PeriodId == periodId)
            .Select(a => new { a.SubmissionId, a.Indicator.Code, a.Value, a.NotApplicable, a.Decision, a.VerifiedValue })
            .ToListAsync();
        var expected = rows
            .GroupBy(a => a.SubmissionId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(a => a.Code, a => new AnswerInput(a.Value, a.NotApplicable, a.Decision, a.VerifiedValue), StringComparer.Ordinal));
        var codes = await db.Indicators.AsNoTracking()
            .Where(i => i.Practice.Pillar.StrategyVersionId == period.StrategyVersionId)
            .ToDictionaryAsync(i => i.Id, i => i.Code);

        var sheets = await PeriodAnswerReader.ReadAsync(factory, new AnswerSheetLayout(framework.Scoring), codes, institutions.Select(i => i.SubmissionId).ToList(), CancellationToken.None);

        Assert.Equal(expected.Keys.Order(), sheets.Keys.Order());
        foreach (var (submissionId, answers) in expected)
        {
            var sheet = sheets[submissionId];
            // A row that holds nothing (no value, no N/A, no review) is no answer: it scores as missing either way.
            Assert.Equal(answers.Where(a => a.Value != default).Select(a => a.Key).Order(StringComparer.Ordinal), sheet.Keys.Order(StringComparer.Ordinal));
            foreach (var (code, answer) in answers)
            {
                Assert.Equal(answer, sheet.GetValueOrDefault(code));
                Assert.Equal(answer.Value?.Scale, sheet.GetValueOrDefault(code).Value?.Scale);
                Assert.Equal(answer.VerifiedValue?.Scale, sheet.GetValueOrDefault(code).VerifiedValue?.Scale);
            }
        }

        // And the whole scoreboard, explanation trees included, is the one the dictionaries give.
        var live = await loader.LoadLiveAsync(periodId, CancellationToken.None);
        var reference = Scoreboard.Build(framework.Scoring, institutions
            .Select(i => new InstitutionInput(i.Key, i.TypeCode, i.Status is SubmissionStatus.Submitted or SubmissionStatus.Approved, expected.GetValueOrDefault(i.SubmissionId) ?? []))
            .ToList());
        Assert.Equal(reference.Entries.Select(e => SnapshotJson.Write(e.Result)), live.Board.Entries.Select(e => SnapshotJson.Write(e.Result)));
    }

    /// <summary>The demo data, with the first approved answers of 2026-Q3 turned into edge values.</summary>
    private static async Task<int> SeedWithEdgeValuesAsync(IDbContextFactory<StrategyGovDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        await DemoDatabase.MigrateAndSeedAsync(db);

        var periodId = await db.Periods.Where(p => p.Code == "2026-Q3").Select(p => p.Id).SingleAsync();
        var answers = await db.Answers.Where(a => a.Submission.PeriodId == periodId).OrderBy(a => a.Id).Take(9).ToListAsync();
        (decimal? Value, bool NotApplicable, ReviewDecision? Decision, decimal? Verified)[] edges =
        [
            (-12.345678m, false, ReviewDecision.Adjusted, 0.000001m),
            (123456789012.123456m, false, ReviewDecision.Accepted, null),
            (12.50m, false, null, null),
            (null, true, ReviewDecision.Accepted, null),
            (null, true, ReviewDecision.Rejected, null),
            (null, false, null, null),
            (0m, false, ReviewDecision.Rejected, null),
            (100.000000m, false, ReviewDecision.Adjusted, 99.999999m),
            (3m, false, ReviewDecision.Adjusted, null),
        ];
        for (var i = 0; i < edges.Length; i++)
        {
            (answers[i].Value, answers[i].NotApplicable, answers[i].Decision, answers[i].VerifiedValue) = edges[i];
        }

        await db.SaveChangesAsync();
        return periodId;
    }

}
