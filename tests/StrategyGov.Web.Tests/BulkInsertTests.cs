using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// <see cref="BulkInsert"/> (ADR 0091) against EF Core's own SaveChanges, on SQLite and PostgreSQL: the
/// same answers inserted both ways must be stored byte for byte alike (every column as the database
/// gives it back), get their generated ids, and leave the same audit events in an unbroken chain; a
/// rolled-back transaction must leave neither rows nor events.
/// </summary>
public sealed class BulkInsertTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly DateTime UpdatedAt = new(2026, 11, 23, 9, 41, 7, 123, 457, DateTimeKind.Utc);

    [Fact]
    public async Task Insert_Sqlite_StoresAndAuditsExactlyAsSaveChanges()
    {
        using var sqlite = new TemporarySqlite("bulk");
        await AssertLikeSaveChangesAsync(sqlite.Factory);
    }

    [Fact]
    public async Task Insert_PostgreSql_StoresAndAuditsExactlyAsSaveChanges()
    {
        await AssertLikeSaveChangesAsync(new ContextFactory(postgres.ContextOptions()));
    }

    private static async Task AssertLikeSaveChangesAsync(ContextFactory factory)
    {
        var (tracked, bulk, indicators) = await SeedAsync(factory);

        await using (var db = factory.CreateDbContext().AuditAs(new AuditIdentity("user-1", "مدير الإعلام", 7), "استيراد"))
        {
            db.Answers.AddRange(Answers(tracked, indicators));
            await db.SaveChangesAsync();
        }

        var inserted = Answers(bulk, indicators);
        await using (var db = factory.CreateDbContext().AuditAs(new AuditIdentity("user-1", "مدير الإعلام", 7), "استيراد"))
        {
            await BulkInsert.InsertAsync(db, inserted, CancellationToken.None);
        }

        await using var check = factory.CreateDbContext();

        // Every column as stored, the keys aside.
        var expected = await StoredAsync(check, tracked);
        var actual = await StoredAsync(check, bulk);
        Assert.Equal(indicators.Count, actual.Count);
        Assert.Equal(expected.Select(r => r.Columns), actual.Select(r => r.Columns));

        // The generated ids were read back into the entities.
        Assert.Equal(actual.Select(r => r.Id).Order(), inserted.Select(a => a.Id).Order());
        Assert.All(inserted, a => Assert.Equal(a.IndicatorId, actual.Single(r => r.Id == a.Id).IndicatorId));

        // The same audit events, in one unbroken chain.
        var events = await check.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(Answer)).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(2 * indicators.Count, events.Count);
        var byTracked = events.Take(indicators.Count).ToList();
        var byBulk = events.Skip(indicators.Count).ToList();
        Assert.Equal(byTracked.Select(Comparable).Order(StringComparer.Ordinal), byBulk.Select(Comparable).Order(StringComparer.Ordinal));
        Assert.Equal(inserted.Select(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), byBulk.Select(e => e.EntityKey).Order());
        Assert.All(byBulk, e => Assert.Equal(AuditAction.Created, e.Action));
        var institutionOfBulk = await check.Submissions.Where(s => s.Id == bulk).Select(s => s.InstitutionId).SingleAsync();
        Assert.All(byBulk, e => Assert.Equal(institutionOfBulk, e.InstitutionId));
        var verification = await AuditChain.VerifyAsync(check, CancellationToken.None);
        Assert.True(verification.IsIntact, verification.Break?.ToString());

        // Inside a transaction that is rolled back: no answer and no event is left.
        var eventsBefore = await check.AuditEvents.CountAsync();
        await using (var db = factory.CreateDbContext())
        {
            await check.Answers.Where(a => a.SubmissionId == bulk).ExecuteDeleteAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertAsync(db, Answers(bulk, indicators), CancellationToken.None);
            Assert.Equal(indicators.Count, await db.Answers.CountAsync(a => a.SubmissionId == bulk));
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await check.Answers.CountAsync(a => a.SubmissionId == bulk));
        Assert.Equal(eventsBefore, await check.AuditEvents.CountAsync());
    }

    /// <summary>The values that are easy to get wrong, one answer per indicator.</summary>
    private static List<Answer> Answers(int submissionId, IReadOnlyList<int> indicators)
    {
        (decimal? Value, bool NotApplicable, ReviewDecision? Decision, decimal? Verified, string? Text)[] values =
        [
            (-12.345678m, false, ReviewDecision.Adjusted, 0.000001m, "تبرير بالعربية"),
            (123456789012.123456m, false, ReviewDecision.Accepted, null, null),
            (12.50m, false, null, null, "line one\nline two, \"quoted\""),
            (null, true, ReviewDecision.Rejected, null, "لا ينطبق"),
            (0m, false, null, null, ""),
            (100.000000m, false, ReviewDecision.Adjusted, 99.999999m, null),
        ];
        return indicators.Select((indicator, i) =>
        {
            var (value, notApplicable, decision, verified, text) = values[i % values.Length];
            return new Answer
            {
                SubmissionId = submissionId,
                IndicatorId = indicator,
                Value = value,
                NotApplicable = notApplicable,
                Justification = text,
                Comment = text is null ? null : $"{text} {i}",
                UpdatedAt = UpdatedAt.AddDays(i),
                Decision = decision,
                VerifiedValue = verified,
                Version = i,
            };
        }).ToList();
    }

    private static async Task<List<(int Id, int IndicatorId, object[] Columns)>> StoredAsync(StrategyGovDbContext db, int submissionId)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"Answers\" WHERE \"SubmissionId\" = {submissionId} ORDER BY \"IndicatorId\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, int, object[])>();
        while (await reader.ReadAsync())
        {
            var columns = Enumerable.Range(0, reader.FieldCount)
                .Where(i => reader.GetName(i) is not ("Id" or "SubmissionId"))
                .Select(i => (object)$"{reader.GetName(i)}={reader.GetDataTypeName(i)}:{Raw(reader.GetValue(i))}")
                .ToArray();
            rows.Add((Convert.ToInt32(reader["Id"]), Convert.ToInt32(reader["IndicatorId"]), columns));
        }

        return rows;
    }

    private static string Raw(object value) => value switch
    {
        DBNull => "NULL",
        DateTime time => time.ToString("O"),
        decimal number => number.ToString(System.Globalization.CultureInfo.InvariantCulture) + $" (scale {number.Scale})",
        _ => $"{value.GetType().Name}:{Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}",
    };

    /// <summary>An event without what must differ: its place in the chain, the keys of its row and its institution.</summary>
    private static string Comparable(AuditEvent e)
    {
        var after = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(e.After!)!;
        after.Remove("Id");
        after.Remove("SubmissionId");
        return JsonSerializer.Serialize(new
        {
            e.OccurredAt.Kind, e.ActorUserId, e.ActorName, e.ActorInstitutionId, e.EntityType, e.Action, e.Before, e.Reason,
            After = after.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value.GetRawText()}"),
        });
    }

    /// <summary>The demo data; two institutions' drafts of 2026-Q4 emptied, and the indicators they can answer.</summary>
    private static async Task<(int Tracked, int Bulk, IReadOnlyList<int> Indicators)> SeedAsync(ContextFactory factory)
    {
        await using var db = factory.CreateDbContext();
        await DemoDatabase.MigrateAndSeedAsync(db);

        var period = await db.Periods.SingleAsync(p => p.Code == "2026-Q4");
        var submissions = await db.Submissions.Where(s => s.PeriodId == period.Id).OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync();
        await db.Answers.Where(a => submissions.Contains(a.SubmissionId)).ExecuteDeleteAsync();
        var indicators = await db.Indicators
            .Where(i => i.Practice.Pillar.StrategyVersionId == period.StrategyVersionId)
            .OrderBy(i => i.Id).Select(i => i.Id).Take(12).ToListAsync();
        return (submissions[0], submissions[1], indicators);
    }

}
