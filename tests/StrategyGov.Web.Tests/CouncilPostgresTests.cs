using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Council;
using StrategyGov.Data.Seeding;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Calendar;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Features.Council;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The council's queries on a real PostgreSQL server (the SQLite side runs in every other council test):
/// the demo seeded on a fixed day and both computed indicators worked out by hand from council.json; then
/// the whole app on PostgreSQL, its lists, meeting view, follow-up and calendar as each role reads them.
/// </summary>
public sealed class CouncilPostgresTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly TimeZoneInfo Riyadh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");

    [Fact]
    public async Task PostgreSql_SeededOnAFixedDay_ComputedIndicatorsAreTheHandWorkedValues()
    {
        // Seeded on 7 December 2026 (Riyadh): the 9th meeting was on 29 August, the 10th on 7 November,
        // an extraordinary one on 18 October was cancelled (council.json).
        var now = new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
        var options = new DbContextOptionsBuilder<StrategyGovDbContext>(postgres.ContextOptions()).Options;
        await using var db = new StrategyGovDbContext(options);
        await db.Database.MigrateAsync(None);
        var directory = SeedDataReader.Locate(AppContext.BaseDirectory)!;
        await DatabaseSeeder.SeedAsync(db, await SeedDataReader.ReadAsync(directory, None), now, None);
        await GovernanceSeeder.SeedAsync(db, directory, now, new DateOnly(2026, 12, 7), None);
        Assert.True(await CouncilSeeder.SeedAsync(db, directory, now, Riyadh, None));
        Assert.False(await CouncilSeeder.SeedAsync(db, directory, now, Riyadh, None));
        var moh = await db.Institutions.Where(i => i.Code == "MOH").Select(i => i.Id).SingleAsync();
        var east = await db.Institutions.Where(i => i.Code == "AMN-EAST").Select(i => i.Id).SingleAsync();
        var q4 = new ComputeRequest([moh, east], new(2026, 10, 1), new(2026, 12, 31), new(2026, 12, 7), Riyadh);
        var q3 = new ComputeRequest([moh, east], new(2026, 7, 1), new(2026, 9, 30), new(2026, 9, 30), Riyadh);
        var attendance = new CouncilAttendanceComputedSource();
        var decisions = new CouncilDecisionsComputedSource();

        var attendanceQ4 = await attendance.ComputeAsync(db, q4, None);
        var attendanceQ3 = await attendance.ComputeAsync(db, q3, None);
        var decisionsQ4 = await decisions.ComputeAsync(db, q4, None);
        var decisionsQ3 = await decisions.ComputeAsync(db, q3, None);

        // Q4 attendance: only the 10th counts (the cancelled one never does); MOH attended, AMN-EAST was absent.
        Assert.Equal((100m, 1, 1), (attendanceQ4[moh].Value, attendanceQ4[moh].Numerator, attendanceQ4[moh].Denominator));
        Assert.Equal((0m, 0, 1), (attendanceQ4[east].Value, attendanceQ4[east].Numerator, attendanceQ4[east].Denominator));
        Assert.Equal(new DateOnly(2026, 11, 7), attendanceQ4[moh].Records.Single().On);
        // Q3 attendance: the 9th; AMN-EAST by an approved delegate.
        Assert.Equal(100m, attendanceQ3[moh].Value);
        Assert.Equal(100m, attendanceQ3[east].Value);
        // Q4 decisions of MOH: 9/2 (due 13 Oct, done 10 Oct, accepted) and 9/3 (due 28 Oct, done 23 Oct, accepted) on time;
        // 10/1 (due 28 Nov, done 25 Nov) awaits acceptance; 10/3 (due 17 Dec) is not due yet → 2 of 3.
        Assert.Equal((66.67m, 2, 3), (decisionsQ4[moh].Value, decisionsQ4[moh].Numerator, decisionsQ4[moh].Denominator));
        Assert.Equal(["9/2", "9/3", "10/1"], decisionsQ4[moh].Records.Select(r => r.LabelEn.Split(':')[0]));
        // AMN-EAST: 9/2 in progress and 10/1 not started, both overdue; 10/2 and 10/3 not due yet → 0 of 2.
        Assert.Equal((0m, 0, 2), (decisionsQ4[east].Value, decisionsQ4[east].Numerator, decisionsQ4[east].Denominator));
        // Q3: 9/1 due 23 Sep; MOH done 18 Sep (on time), AMN-EAST done 28 Sep (late).
        Assert.Equal(100m, decisionsQ3[moh].Value);
        Assert.Equal((0m, 0, 1), (decisionsQ3[east].Value, decisionsQ3[east].Numerator, decisionsQ3[east].Denominator));
        var tenth = await db.CouncilMeetings.SingleAsync(m => m.Number == 10);
        Assert.Equal(new DateTime(2026, 11, 7, 7, 0, 0, DateTimeKind.Utc), tenth.StartsAt);
        Assert.Equal("الاجتماع الدوري العاشر لمديري الإعلام", tenth.TitleAr);
    }

    [Fact]
    public async Task PostgreSql_App_ListsMeetingViewFollowUpAndCalendarAsEachRoleMaySee()
    {
        // A database of its own: the other test seeds the fixture's on a fixed day.
        var name = postgres.DatabaseName + "_app";
        await ExecuteAsync(postgres.ConnectionString, $"CREATE DATABASE \"{name}\" ENCODING 'UTF8'");
        try
        {
            await using var app = new StrategyGovAppFactory()
                .With("Database:Provider", "PostgreSql")
                .With("Database:MigrateOnStartup", "true")
                .With("ConnectionStrings:Default", new Npgsql.NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = name }.ConnectionString);
            await ReadAsEachRoleAsync(app);
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(postgres.ConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task ReadAsEachRoleAsync(StrategyGovAppFactory app)
    {
        var center = await app.ActorAsync(DemoUsers.Reviewer);
        var moh = await app.ActorAsync(DemoUsers.DirectorMoh);
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var meetings = app.Service<CouncilMeetingService>();
        var decisions = app.Service<CouncilDecisionService>();
        var (meetingId, itemId) = await app.ScheduleAsync(center, "PostgreSQL meeting", "MOH");
        var decisionId = await app.DecideAsync(center, meetingId, itemId, 3, "MOH");
        await app.HoldAndCloseAsync(center, meetingId);
        var ownerId = await app.OwnerIdAsync(decisionId, "MOH");
        await decisions.ReportAsync(moh, ownerId, new ProgressForm { Status = CouncilOwnerStatus.Done, Text = "نُفِّذ" }, [], None);
        await decisions.AcceptAsync(center, ownerId, null, None);

        var all = await meetings.ListAsync(center, new MeetingFilter(), None);
        var mohs = await meetings.ListAsync(moh, new MeetingFilter(Status: CouncilMeetingStatus.Closed), None);
        var easts = await meetings.ListAsync(east, new MeetingFilter(), None);
        var tenth = await meetings.GetAsync(moh, all.Single(r => r.Number == 10).Id, None);
        var lookups = await meetings.LookupsAsync(center, None);
        var mohFollowUp = await decisions.ListAsync(moh, new AssignmentFilter(), None);
        var overdue = await decisions.ListAsync(center, new AssignmentFilter(OverdueOnly: true), None);
        var awaiting = await decisions.ListAsync(center, new AssignmentFilter(AwaitingAcceptanceOnly: true), None);
        var assignment = await decisions.GetAsync(moh, ownerId, None);
        var today = app.Service<CouncilTime>().Today;
        var calendar = await app.Service<CalendarService>().ListAsync(east, new CalendarQuery(today.AddDays(-120), today.AddDays(30)), None);

        Assert.Equal(5, all.Count);
        Assert.All(mohs, r => Assert.Equal(CouncilMeetingStatus.Closed, r.Status));
        Assert.Contains(mohs, r => r.Id == meetingId);
        Assert.DoesNotContain(easts, r => r.Id == meetingId);
        Assert.Equal(4, tenth.Agenda.Count);
        Assert.Equal(3, tenth.Decisions.Count);
        Assert.Equal(12, lookups.Series.Single().NextNumber);
        Assert.All(mohFollowUp, r => Assert.Equal("MOH", r.Institution.Code));
        Assert.Contains(mohFollowUp, r => r.OwnerId == ownerId && r.Accepted);
        Assert.Contains(overdue, r => r.Institution.Code == "AMN-EAST");
        Assert.All(overdue, r => Assert.True(r.Overdue));
        Assert.Contains(awaiting, r => r.Institution.Code == "MOH" && r.Reference == "10/1");
        Assert.Equal(2, assignment.Notes.Count);
        Assert.Contains(calendar, r => r.Link == $"council/meetings/{tenth.Id}");
        Assert.DoesNotContain(calendar, r => r.Link == $"council/meetings/{meetingId}");
        await Assert.ThrowsAsync<NotFoundException>(() => decisions.GetAsync(east, ownerId, None));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
