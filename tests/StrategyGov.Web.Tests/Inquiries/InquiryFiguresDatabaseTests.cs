using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StrategyGov.Data;
using StrategyGov.Data.Inquiries;
using StrategyGov.Data.Institutions;
using StrategyGov.Web.Features.Inquiries;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Tests.Support;
using static StrategyGov.Web.Tests.Support.InquiryData;

namespace StrategyGov.Web.Tests.Inquiries;

/// <summary>
/// The league table's figures as the databases count them (ADR 0098 §Figures: grouped counts and a histogram
/// of first-response minutes for the percentiles), on PostgreSQL and on SQLite, against a table worked out by hand. The window
/// is the fourth quarter of 2026 in Riyadh; "now" is Monday 7 December 2026, 12:00.
/// </summary>
/// <remarks>
/// | institution | first responses (working minutes) | median, p90 (nearest rank) | answered within / decided | overdue now | referred |
/// | AMN-A | 10 20 30 40 50 | 30, 50 | 2 / 4 (one answered late, one open past due; one open not due yet) | 2 (one from before the window) | 1 of 5 |
/// | MIN-B | 5 100 | 5, 100 | 2 / 2 | 0 | 0 |
/// | MIN-F | 60 | 60, 60 | 1 / 1 | 0 | 0 |
/// | AUTH-C | — | — | — (not ranked) | 0 | — |
/// | GOV-D (inactive) | 1 | left out | | | |
/// National: 8 received, first responses 5 10 20 30 40 50 60 100 → median (rank 4) 30, p90 (rank 8) 100; 5 of 7 within = 71.43 %.
/// Ranks: MIN-B and MIN-F 100 % share rank 1 (B first, its median is lower), AMN-A 50 % is 3, AUTH-C unranked.
/// </remarks>
public sealed class InquiryFiguresDatabaseTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly DateTime Now = Utc("2026-12-07 12:00");

    private static readonly InquiryWindow Q4 = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));

    [Fact]
    public async Task League_PostgreSql_CountsAsWorkedOutByHand()
    {
        var factory = new ContextFactory(postgres.ContextOptions());
        await SeedAsync(factory);

        await AssertLeagueAsync(factory);
    }

    [Fact]
    public async Task League_Sqlite_CountsAsWorkedOutByHand()
    {
        using var sqlite = new TemporarySqlite("inquiry-league");
        await SeedAsync(sqlite.Factory);

        await AssertLeagueAsync(sqlite.Factory);
    }

    // "Overdue now" reads the open inquiries through the partial index IX_Inquiries_Open,
    // which a database uses only when the query's WHERE implies the index's filter: Inquiry.Open must be written
    // by EF Core as that filter (constants, not parameters).
    [Fact]
    public async Task OpenInquiries_Sqlite_ReadThroughThePartialIndex()
    {
        using var sqlite = new TemporarySqlite("inquiry-open-index");
        await using var db = sqlite.Factory.CreateDbContext();
        await db.Database.MigrateAsync();

        var plan = await PlanAsync(db, "EXPLAIN QUERY PLAN ");

        Assert.True(plan.Contains("IX_Inquiries_Open", StringComparison.Ordinal), plan);
    }

    [Fact]
    public async Task OpenInquiries_PostgreSql_ReadThroughThePartialIndex()
    {
        await using var db = new StrategyGovDbContext(postgres.ContextOptions());
        await db.Database.MigrateAsync();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");   // an empty table is otherwise read whole

        var plan = await PlanAsync(db, "EXPLAIN ");

        Assert.True(plan.Contains("IX_Inquiries_Open", StringComparison.Ordinal), plan);
    }

    private static async Task<string> PlanAsync(StrategyGovDbContext db, string explain)
    {
        var sql = db.Inquiries.Where(Inquiry.Open).GroupBy(i => i.InstitutionId).Select(g => new { g.Key, Count = g.Count() }).ToQueryString();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = explain + sql;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)));
        }

        return sql + "\n" + string.Join('\n', lines);
    }

    private static async Task AssertLeagueAsync(IDbContextFactory<StrategyGovDbContext> factory)
    {
        var service = new InquiryFiguresService(factory, new FakeTimeProvider(new DateTimeOffset(Now)), Options.Create(new PlatformOptions()), new MemoryCache(new MemoryCacheOptions()));
        await using var db = await factory.CreateDbContextAsync();

        var league = await service.LeagueAsync(db, Q4, new LeagueFilter(), CancellationToken.None);
        var ministries = await service.LeagueAsync(db, Q4, new LeagueFilter(TypeCode: "ministry"), CancellationToken.None);

        Assert.Equal(["MIN-B", "MIN-F", "AMN-A", "AUTH-C"], league.Rows.Select(r => r.Code));
        Assert.Equal(new int?[] { 1, 1, 3, null }, league.Rows.Select(r => r.Rank));
        var a = league.Rows.Single(r => r.Code == "AMN-A").Figures;
        Assert.Equal((5, 30, 50), (a.Volume, a.MedianFirstResponseMinutes, a.P90FirstResponseMinutes));
        Assert.Equal((3, 4, 2, 50m), (a.Answered, a.Decided, a.WithinTarget, a.WithinTargetRate));
        Assert.Equal((2, 3, 1, 20m), (a.OverdueNow, a.OpenNow, a.Referred, a.ReferralRate));
        Assert.Equal((2, 1, 50m), (a.DeadlinesDecided, a.DeadlinesMet, a.DeadlinesMetRate));
        var b = league.Rows.Single(r => r.Code == "MIN-B").Figures;
        Assert.Equal((2, 5, 100, 100m), (b.Volume, b.MedianFirstResponseMinutes, b.P90FirstResponseMinutes, b.WithinTargetRate));
        var c = league.Rows.Single(r => r.Code == "AUTH-C").Figures;
        Assert.Equal((0, (int?)null, (decimal?)null), (c.Volume, c.MedianFirstResponseMinutes, c.WithinTargetRate));
        var n = league.National;
        Assert.Equal((8, 30, 100), (n.Volume, n.MedianFirstResponseMinutes, n.P90FirstResponseMinutes));
        Assert.Equal((5, 7, 71.43m, 2, 12.5m), (n.WithinTarget, n.Decided, n.WithinTargetRate, n.OverdueNow, n.ReferralRate));
        Assert.Equal(["MIN-B", "MIN-F"], ministries.Rows.Select(r => r.Code));
        Assert.Equal((3, 60, 100, 100m), (ministries.National.Volume, ministries.National.MedianFirstResponseMinutes, ministries.National.P90FirstResponseMinutes, ministries.National.WithinTargetRate));
    }

    private static async Task SeedAsync(IDbContextFactory<StrategyGovDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        var types = new[] { "ministry", "authority", "municipality", "governorate" }
            .ToDictionary(code => code, code => new InstitutionType { Code = code, NameAr = code, NameEn = code });
        Institution Make(string code, string type, bool active = true) => new() { Code = code, NameAr = code, NameEn = code, Type = types[type], IsActive = active };
        var a = Make("AMN-A", "municipality");
        var b = Make("MIN-B", "ministry");
        var f = Make("MIN-F", "ministry");
        var c = Make("AUTH-C", "authority");
        var d = Make("GOV-D", "governorate", active: false);
        db.Institutions.AddRange(a, b, f, c, d);
        await db.SaveChangesAsync();

        var n = 0;
        Inquiry Make2(Institution institution, string received, int? first, int? answer, string? answerDue = null, bool referred = false, string? deadline = null)
        {
            n++;
            var at = Utc(received);
            return new Inquiry
            {
                InstitutionId = institution.Id,
                ExternalId = $"T-{n}",
                Kind = InquiryKind.MediaInquiry,
                Channel = InquiryChannel.Newspaper,
                Outlet = "صحيفة",
                Topic = $"موضوع {n}",
                ReceivedAt = at,
                FirstResponseAt = first is null ? null : at.AddMinutes(first.Value),
                AnsweredAt = answer is null ? null : at.AddMinutes(answer.Value),
                FirstResponseMinutes = first,
                AnswerMinutes = answer,
                FirstResponseTargetMinutes = 240,
                AnswerTargetMinutes = 840,
                AnswerDueAt = answerDue is null ? at.AddDays(3) : Utc(answerDue),
                Status = answer is null ? InquiryStatus.InProgress : InquiryStatus.Answered,
                ReferredAt = referred ? at.AddMinutes(5) : null,
                RequesterDeadline = deadline is null ? null : Utc(deadline),
                CreatedAt = at,
                UpdatedAt = at,
            };
        }

        db.Inquiries.AddRange(
            Make2(a, "2026-10-05 09:00", 50, 100, deadline: "2026-10-06 09:00"),                    // within; the journalist's deadline met
            Make2(a, "2026-10-06 09:00", 10, 900, referred: true, deadline: "2026-10-06 10:00"),    // late; referred; deadline missed
            Make2(a, "2026-11-10 09:00", 40, null, answerDue: "2026-11-12 09:00"),                   // open, past due: missed and overdue
            Make2(a, "2026-12-06 09:00", 30, null, answerDue: "2026-12-08 09:00"),                   // open, not due yet: not decided
            Make2(a, "2026-12-01 09:00", 20, 840),                                                   // exactly the target: within
            Make2(a, "2026-09-20 09:00", 15, null, answerDue: "2026-09-22 09:00"),                   // before the window, still open: overdue now only
            Make2(b, "2026-10-10 09:00", 5, 60),
            Make2(b, "2026-10-11 09:00", 100, 300),
            Make2(f, "2026-10-12 09:00", 60, 120),
            Make2(d, "2026-10-12 09:00", 1, 2),                                                      // an inactive institution is left out
            Make2(b, "2027-01-02 09:00", 7, 8));                                                     // after the window
        await db.SaveChangesAsync();
    }
}
