using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// A submission's answers packed in one row for the scoring read (ADR 0092): the format keeps every
/// value bit for bit; the database triggers delete a packed value whenever its answers change, however
/// they are changed; a refresh on PostgreSQL waits for an answer change in flight and then includes it.
/// </summary>
public sealed class PackedAnswersTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    public static TheoryData<decimal> Decimals =>
    [
        0m, 1m, -1m, 12.5m, 12.50m, 12.3400m, -12.345678m, 0.000001m, 99.999999m, 123456789012.123456m, 999999999999.999999m,
        -999999999999.999999m, ulong.MaxValue, (decimal)ulong.MaxValue + 1, decimal.MaxValue, decimal.MinValue,
        0.0000000000000000000000000001m, -7.9228162514264337593543950335m, new decimal(0, 0, 0, isNegative: true, scale: 3),
    ];

    [Theory]
    [MemberData(nameof(Decimals))]
    public void Pack_EveryDecimal_ComesBackBitForBit(decimal value)
    {
        var answers = new[]
        {
            (1, new AnswerInput(value)),
            (2, new AnswerInput(3m, Decision: ReviewDecision.Adjusted, VerifiedValue: value)),
            (int.MaxValue, new AnswerInput(value, Decision: ReviewDecision.Adjusted, VerifiedValue: value)),
        };

        var unpacked = Packing.Unpack(AnswerPacking.Pack(answers));

        Assert.Equal(answers.Select(a => Packing.Row.Of(a.Item1, a.Item2)), unpacked);
        Assert.Equal(decimal.GetBits(value), decimal.GetBits(unpacked[0].Value!.Value));
        Assert.Equal(decimal.GetBits(value), decimal.GetBits(unpacked[2].Verified!.Value));
    }

    [Fact]
    public void Pack_EveryFlagAndDecision_InIndicatorOrder()
    {
        var answers = new List<(int, AnswerInput)>();
        var id = 1000;
        foreach (var decision in new ReviewDecision?[] { null, ReviewDecision.Accepted, ReviewDecision.Adjusted, ReviewDecision.Rejected })
        {
            foreach (var notApplicable in new[] { false, true })
            {
                foreach (var value in new decimal?[] { null, 40m })
                {
                    foreach (var verified in new decimal?[] { null, 35.5m })
                    {
                        answers.Add((id, new AnswerInput(value, notApplicable, decision, verified)));
                        id -= 7;
                    }
                }
            }
        }

        var unpacked = Packing.Unpack(AnswerPacking.Pack(answers));

        Assert.Equal(answers.OrderBy(a => a.Item1).Select(a => Packing.Row.Of(a.Item1, a.Item2)), unpacked);
        Assert.Empty(Packing.Unpack(AnswerPacking.Pack([])));
    }

    [Fact]
    public void Unpack_AnotherFormat_HandsNothing_AndACutValueThrows()
    {
        var packed = AnswerPacking.Pack([(5, new AnswerInput(12.5m, Decision: ReviewDecision.Adjusted, VerifiedValue: 10m))]);
        var sink = new CountingSink();

        Assert.False(AnswerPacking.TryUnpack([], ref sink));
        Assert.False(AnswerPacking.TryUnpack([(byte)(AnswerPacking.Format + 1), .. packed.AsSpan(1)], ref sink));
        Assert.Equal(0, sink.Count);
        Assert.ThrowsAny<Exception>(() =>
        {
            var cut = new CountingSink();
            AnswerPacking.TryUnpack(packed.AsSpan(0, packed.Length - 1), ref cut);
        });
        Assert.Throws<ArgumentException>(() => AnswerPacking.Pack([(5, new AnswerInput(1m)), (5, new AnswerInput(2m))]));
    }

    [Fact]
    public async Task ChangingAnswersInSql_DeletesOnlyTheirSubmissionsPackedValues_Sqlite()
    {
        using var sqlite = new TemporarySqlite("packed");
        await AssertTriggersAsync(sqlite.Factory);
    }

    [Fact]
    public async Task ChangingAnswersInSql_DeletesOnlyTheirSubmissionsPackedValues_PostgreSql()
    {
        await AssertTriggersAsync(new ContextFactory(postgres.ContextOptions()));
    }

    /// <summary>
    /// An answer changed in a transaction not yet committed holds its submission: a refresh started
    /// meanwhile waits for it (seen in pg_stat_activity, not by timing) and then packs the change.
    /// </summary>
    [Fact]
    public async Task Refresh_WhileAnAnswerChangeIsInFlight_WaitsAndPacksIt_PostgreSql()
    {
        IDbContextFactory<StrategyGovDbContext> factory = new ContextFactory(postgres.ContextOptions());
        var (submissionId, answerId) = await SeedAndPackAsync(factory);

        await using var writer = await factory.CreateDbContextAsync();
        await using var transaction = await writer.Database.BeginTransactionAsync();
        await writer.Database.ExecuteSqlAsync($"""UPDATE "Answers" SET "Value" = 4242.5, "Decision" = NULL, "VerifiedValue" = NULL WHERE "Id" = {answerId}""");

        await using var refresher = await factory.CreateDbContextAsync();
        await refresher.Database.OpenConnectionAsync();
        var refresherPid = ((NpgsqlConnection)refresher.Database.GetDbConnection()).ProcessID;
        var refresh = AnswerPacking.RefreshAsync(refresher, [submissionId], CancellationToken.None);

        await using (var monitor = await factory.CreateDbContextAsync())
        {
            string? waitsOn = null;
            for (var attempt = 0; attempt < 600 && waitsOn != "Lock"; attempt++)
            {
                await Task.Delay(50);
                waitsOn = await monitor.Database
                    .SqlQuery<string?>($"""SELECT wait_event_type AS "Value" FROM pg_stat_activity WHERE pid = {refresherPid}""")
                    .SingleAsync();
            }

            Assert.Equal("Lock", waitsOn);
        }

        Assert.False(refresh.IsCompleted);
        await transaction.CommitAsync();
        await refresh;

        await using var db = await factory.CreateDbContextAsync();
        await Packing.AssertPackedAsync(db, submissionId);
        var answer = await db.Answers.AsNoTracking().SingleAsync(a => a.Id == answerId);
        Assert.Contains(Packing.Unpack((await db.PackedAnswers.SingleAsync(p => p.SubmissionId == submissionId)).Data), r => r.IndicatorId == answer.IndicatorId && r.Value == 4242.5m);
    }

    private static async Task AssertTriggersAsync(IDbContextFactory<StrategyGovDbContext> factory)
    {
        var (submissionId, answerId) = await SeedAndPackAsync(factory);
        await using var db = await factory.CreateDbContextAsync();
        var all = await db.Submissions.Select(s => s.Id).ToListAsync();
        var others = all.Where(id => id != submissionId).ToList();
        var indicatorId = await db.Answers.Where(a => a.Id == answerId).Select(a => a.IndicatorId).SingleAsync();
        var unanswered = await db.Indicators
            .Where(i => !db.Answers.Any(a => a.SubmissionId == submissionId && a.IndicatorId == i.Id))
            .Select(i => i.Id).FirstAsync();

        // Only the comment: not a scored column, the packed value stays.
        await db.Database.ExecuteSqlAsync($"""UPDATE "Answers" SET "Comment" = 'تعليق' WHERE "Id" = {answerId}""");
        Assert.Equal(all.Order(), await PackedIdsAsync(db));

        FormattableString[] changes =
        [
            $"""UPDATE "Answers" SET "Value" = 1 WHERE "Id" = {answerId}""",
            $"""UPDATE "Answers" SET "NotApplicable" = NOT "NotApplicable" WHERE "Id" = {answerId}""",
            $"""UPDATE "Answers" SET "Decision" = 'Rejected' WHERE "Id" = {answerId}""",
            $"""UPDATE "Answers" SET "VerifiedValue" = 2 WHERE "Id" = {answerId}""",
            $"""UPDATE "Answers" SET "IndicatorId" = {unanswered} WHERE "Id" = {answerId}""",
            $"""UPDATE "Answers" SET "IndicatorId" = {indicatorId} WHERE "Id" = {answerId}""",
            $"""DELETE FROM "Answers" WHERE "SubmissionId" = {submissionId} AND "IndicatorId" = {indicatorId}""",
            $"""INSERT INTO "Answers" ("SubmissionId", "IndicatorId", "Value", "NotApplicable", "UpdatedAt", "Version") VALUES ({submissionId}, {indicatorId}, 3, FALSE, {DateTime.UtcNow}, 0)""",
        ];
        foreach (var change in changes)
        {
            await db.Database.ExecuteSqlAsync(change);
            Assert.Equal(others.Order(), await PackedIdsAsync(db));

            await AnswerPacking.RefreshAsync(db, [submissionId], CancellationToken.None);
            await Packing.AssertPackedAsync(db, submissionId);
        }

        // An answer moved to another submission: both lose their packed values.
        var other = others[0];
        var free = await db.Indicators.Where(i => !db.Answers.Any(a => a.SubmissionId == other && a.IndicatorId == i.Id)).Select(i => i.Id).FirstAsync();
        await db.Database.ExecuteSqlAsync($"""UPDATE "Answers" SET "SubmissionId" = {other}, "IndicatorId" = {free} WHERE "SubmissionId" = {submissionId} AND "IndicatorId" = {indicatorId}""");
        Assert.Equal(others.Skip(1).Order(), await PackedIdsAsync(db));
    }

    private static async Task<List<int>> PackedIdsAsync(StrategyGovDbContext db) =>
        await db.PackedAnswers.Select(p => p.SubmissionId).OrderBy(id => id).ToListAsync();

    /// <summary>
    /// The demo data (seeded once per database: the PostgreSQL tests share theirs), every submission
    /// packed; returns MOH's 2026-Q3 submission and one of its answers.
    /// </summary>
    private static async Task<(int SubmissionId, int AnswerId)> SeedAndPackAsync(IDbContextFactory<StrategyGovDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (await DemoDatabase.MigrateAndSeedAsync(db))
        {
            // The seeder writes answers only: nothing is packed until the app starts (or a service packs).
            Assert.Empty(await PackedIdsAsync(db));
        }

        await AnswerPacking.RefreshMissingAsync(db, CancellationToken.None);
        foreach (var id in await db.Submissions.Select(s => s.Id).ToListAsync())
        {
            await Packing.AssertPackedAsync(db, id);
        }

        var submissionId = await db.Submissions.Where(s => s.Institution.Code == "MOH" && s.Period.Code == "2026-Q3").Select(s => s.Id).SingleAsync();
        var answerId = await db.Answers.Where(a => a.SubmissionId == submissionId && a.Value != null).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        Assert.Equal(0, await AnswerPacking.RefreshMissingAsync(db, CancellationToken.None));
        return (submissionId, answerId);
    }

    private struct CountingSink : IPackedAnswerSink
    {
        public int Count { get; private set; }

        public void Set(int indicatorId, AnswerInput answer) => Count++;
    }
}
