using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Calendar;
using StrategyGov.Data.Seeding;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>The calendar's seed on PostgreSQL (the SQLite side runs in every app test): placed around today, idempotent, Arabic intact.</summary>
public sealed class CalendarSeedTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PostgreSql_CalendarSeed_PlacedAroundTodayAndSeededOnce()
    {
        await using var db = new StrategyGovDbContext(postgres.ContextOptions());
        var directory = SeedDataReader.Locate(AppContext.BaseDirectory) ?? throw new InvalidOperationException("seed-data/ not found above the test output.");
        var calendar = await SeedDataReader.ReadFileAsync<CalendarSeed>(directory, CalendarSeeder.FileName, None);
        var riyadh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");
        var now = new DateTime(2027, 3, 10, 22, 30, 0, DateTimeKind.Utc); // already 11 March in Riyadh
        await db.Database.MigrateAsync(None);
        await DatabaseSeeder.SeedAsync(db, await SeedDataReader.ReadAsync(directory, None), now, None);

        var first = await CalendarSeeder.SeedAsync(db, calendar, now, riyadh, None);
        var second = await CalendarSeeder.SeedAsync(db, calendar, now, riyadh, None);
        db.ChangeTracker.Clear();
        var flu = await db.CalendarEntries.Include(e => e.Audiences).SingleAsync(e => e.TitleEn == "National seasonal influenza vaccination campaign");

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(calendar.Entries.Count, await db.CalendarEntries.CountAsync());
        Assert.Equal("الحملة الوطنية للتطعيم ضد الإنفلونزا الموسمية", flu.TitleAr);
        Assert.Equal(new DateTime(2027, 3, 17, 0, 0, 0), TimeZoneInfo.ConvertTimeFromUtc(flu.StartsAt, riyadh));
        Assert.Equal(["elderly", "general-public"], flu.Audiences.Select(a => a.Code).Order());
        Assert.Contains(CalendarChannel.TextMessages, flu.Channels);
    }
}
