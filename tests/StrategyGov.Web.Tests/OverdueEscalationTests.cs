using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StrategyGov.Data;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Notifications;
using StrategyGov.Data.Reporting;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Features.Periods;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Escalation of submissions not submitted by the due date (issue 25, ADR 0109), at chosen moments of a
/// fake clock: the directors the first day after it, once; the center after the period's days, once;
/// submitted institutions never; a returned one too; the status board's days overdue.
/// 2026-Q4 is due on 2026-12-20 (seed-data/periods.json); MOH and AMN-EAST are empty drafts, every
/// other institution has submitted.
/// </summary>
public sealed class OverdueEscalationTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RunOnce_AfterTheDueDate_TellsTheDirectorsOnceThenTheCenterOnce()
    {
        await using var own = new StrategyGovAppFactory();
        var clock = new FakeTimeProvider(Riyadh(20, 23));
        var reminders = Reminders(own, clock);

        var onTheDueDate = await reminders.RunOnceAsync(None);
        clock.SetUtcNow(Riyadh(21, 0).AddMinutes(5));
        var firstDay = await reminders.RunOnceAsync(None);
        clock.Advance(TimeSpan.FromHours(1));
        var nextHour = await reminders.RunOnceAsync(None);
        clock.SetUtcNow(Riyadh(22));
        var secondDay = await reminders.RunOnceAsync(None);
        clock.SetUtcNow(Riyadh(23));
        var thirdDay = await reminders.RunOnceAsync(None);
        clock.Advance(TimeSpan.FromHours(1));
        var thirdDayAgain = await reminders.RunOnceAsync(None);

        Assert.Equal(0, onTheDueDate);
        Assert.Equal(2, firstDay); // the directors of MOH and AMN-EAST; not MOH's contributor
        Assert.Equal(0, nextHour);
        Assert.Equal(0, secondDay);
        Assert.True(thirdDay >= 4); // every reviewer and admin (the demo ones among them), about each of the two
        Assert.Equal(0, thirdDayAgain);

        var moh = await own.SubmissionIdAsync("MOH", SeededData.OpenPeriod);
        var director = Assert.Single(await OverdueAsync(own, DemoUsers.DirectorMoh));
        Assert.Equal(NotificationKind.SubmissionOverdue, director.Kind);
        Assert.Equal($"submissions/{moh}", director.Link);
        Assert.Equal(new[] { "2026-Q4", "2026-12-20", "1" }, director.Arguments.Select(a => Bidi.Strip(a.En)));
        Assert.Equal($"submissions/{await own.SubmissionIdAsync("AMN-EAST", SeededData.OpenPeriod)}", Assert.Single(await OverdueAsync(own, DemoUsers.DirectorEast)).Link);
        Assert.Empty(await OverdueAsync(own, DemoUsers.ContributorMoh));
        Assert.Empty(await OverdueAsync(own, DemoUsers.Official));

        var periodId = await own.PeriodIdAsync(SeededData.OpenPeriod);
        var center = await OverdueAsync(own, DemoUsers.Reviewer);
        Assert.Equal(await UnsubmittedAsync(own), center.Count); // institutions without users of their own are escalated too
        Assert.All(center, n => Assert.Equal(NotificationKind.SubmissionOverdueCenter, n.Kind));
        Assert.All(center, n => Assert.Equal($"status?period={periodId}", n.Link));
        Assert.Equal(new[] { "2026-Q4", "2026-12-20", "3" }, center[0].Arguments.Skip(1).Select(a => Bidi.Strip(a.En)));
        Assert.Equal(center.Count, (await OverdueAsync(own, DemoUsers.Admin)).Count);
    }

    [Fact]
    public async Task RunOnce_SubmittedInstitution_IsNotEscalatedButOnceReturnedItIs()
    {
        await using var own = new StrategyGovAppFactory();
        var east = await own.SubmittedAsync("AMN-EAST", DemoUsers.DirectorEast);
        var clock = new FakeTimeProvider(Riyadh(21));
        var reminders = Reminders(own, clock);

        var whileSubmitted = await reminders.RunOnceAsync(None);
        var eastWhileSubmitted = await OverdueAsync(own, DemoUsers.DirectorEast);
        await own.Service<ReviewService>().ReturnAsync(await own.ActorAsync(DemoUsers.Reviewer), east, "أكملوا الشواهد", None);
        clock.Advance(TimeSpan.FromHours(1));
        var onceReturned = await reminders.RunOnceAsync(None);

        Assert.Equal(1, whileSubmitted); // MOH's director only
        Assert.Empty(eastWhileSubmitted);
        Assert.Equal(1, onceReturned);
        Assert.Equal($"submissions/{east}", Assert.Single(await OverdueAsync(own, DemoUsers.DirectorEast)).Link);
        Assert.Single(await OverdueAsync(own, DemoUsers.DirectorMoh));
        Assert.Empty(await OverdueAsync(own, DemoUsers.Reviewer));
    }

    private static async Task<int> UnsubmittedAsync(StrategyGovAppFactory target)
    {
        await using var db = await target.DbAsync();
        return await db.Submissions.CountAsync(s => s.Period.Code == SeededData.OpenPeriod
            && (s.Status == SubmissionStatus.Draft || s.Status == SubmissionStatus.Returned) && s.Institution.IsActive);
    }

    [Fact]
    public async Task StatusBoard_PastTheDueDate_ShowsDaysOverdueForUnsubmittedAndReturnedOnly()
    {
        await using var own = new StrategyGovAppFactory();
        var east = await own.SubmittedAsync("AMN-EAST", DemoUsers.DirectorEast);
        await own.Service<ReviewService>().ReturnAsync(await own.ActorAsync(DemoUsers.Reviewer), east, "أكملوا الشواهد", None);
        var periodId = await own.PeriodIdAsync(SeededData.OpenPeriod);
        var reviewer = await own.ActorAsync(DemoUsers.Reviewer);
        var clock = new FakeTimeProvider(Riyadh(20, 23));

        var onTheDueDate = await Board(own, clock).GetAsync(reviewer, periodId, None);
        clock.SetUtcNow(Riyadh(24, 1)); // 22:00 UTC on the 23rd: already the 24th in Riyadh
        var fourDaysLater = await Board(own, clock).GetAsync(reviewer, periodId, None);
        using var workbook = new XLWorkbook(new MemoryStream((await Board(own, clock).ExportAsync(reviewer, periodId, None)).Content));

        Assert.All(onTheDueDate.Rows, r => Assert.Null(r.DaysOverdue));
        Assert.Equal(4, Row(fourDaysLater, "MOH").DaysOverdue);
        Assert.Equal((BoardStatus.Returned, 4), (Row(fourDaysLater, "AMN-EAST").Status, Row(fourDaysLater, "AMN-EAST").DaysOverdue));
        Assert.All(fourDaysLater.Rows.Where(r => r.Status is BoardStatus.Submitted or BoardStatus.Approved), r => Assert.Null(r.DaysOverdue));
        Assert.Contains(fourDaysLater.Rows, r => r.Status == BoardStatus.Submitted);
        var sheet = workbook.Worksheets.First();
        var mohRow = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "MOH");
        Assert.Equal(4, mohRow.Cell(10).GetValue<int>());
        Assert.NotEmpty(sheet.Cell(1, 10).GetString());
        Assert.True(sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "AMN-EAST").Cell(10).GetValue<int>() == 4);
    }

    [Fact]
    public async Task SetOverdueEscalation_FiveDays_TheCenterHearsOnTheFifthDayAndTheChangeIsAudited()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var periodId = await app.PeriodIdAsync(SeededData.OpenPeriod);
        var clock = new FakeTimeProvider(Riyadh(23));
        var reminders = Reminders(app, clock);

        await app.Service<PeriodService>().SetOverdueEscalationAsync(admin, periodId, 5, None);
        var thirdDay = await reminders.RunOnceAsync(None);
        var centerOnTheThirdDay = await OverdueAsync(app, DemoUsers.Reviewer);
        clock.SetUtcNow(Riyadh(25));
        var fifthDay = await reminders.RunOnceAsync(None);

        Assert.Equal(2, thirdDay); // the two directors
        Assert.Empty(centerOnTheThirdDay);
        Assert.True(fifthDay >= 4);
        Assert.Equal(await UnsubmittedAsync(app), (await OverdueAsync(app, DemoUsers.Admin)).Count);
        Assert.Equal("5", Bidi.Strip((await OverdueAsync(app, DemoUsers.Reviewer))[0].Arguments[3].En));
        Assert.Equal(5, (await app.Service<PeriodService>().ListAllAsync(admin, None)).Single(p => p.Id == periodId).OverdueEscalationDays);
        await using var db = await app.DbAsync();
        var audited = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(ReportingPeriod) && e.EntityKey == periodId.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Action == AuditAction.Changed)
            .OrderByDescending(e => e.Sequence)
            .FirstAsync();
        Assert.Contains("OverdueEscalationDays", audited.After, StringComparison.Ordinal);
        Assert.Equal(admin.UserId, audited.ActorUserId);
    }

    [Theory]
    [InlineData(DemoUsers.DirectorMoh)]
    [InlineData(DemoUsers.Reviewer)]
    [InlineData(DemoUsers.Official)]
    public async Task SetOverdueEscalation_NotACenterAdmin_IsRefused(string email)
    {
        var user = await app.ActorAsync(email);
        var periodId = await app.PeriodIdAsync(SeededData.OpenPeriod);

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.Service<PeriodService>().SetOverdueEscalationAsync(user, periodId, 7, None));
    }

    [Theory]
    [InlineData(SeededData.OpenPeriod, 0, "Period_EscalationDaysRange")]
    [InlineData(SeededData.OpenPeriod, 61, "Period_EscalationDaysRange")]
    [InlineData(SeededData.PublishedPeriod, 7, "Period_EscalationClosed")]
    public async Task SetOverdueEscalation_OutOfRangeOrClosedPeriod_IsRefusedAndChangesNothing(string period, int days, string expectedKey)
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var periodId = await app.PeriodIdAsync(period);
        var before = (await app.Service<PeriodService>().ListAllAsync(admin, None)).Single(p => p.Id == periodId).OverdueEscalationDays;

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.Service<PeriodService>().SetOverdueEscalationAsync(admin, periodId, days, None));

        Assert.Equal(expectedKey, refused.Message);
        Assert.Equal(before, (await app.Service<PeriodService>().ListAllAsync(admin, None)).Single(p => p.Id == periodId).OverdueEscalationDays);
    }

    [Fact]
    public async Task Create_WithoutEscalationDays_TakesThePlatformDefault()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var strategy = (await app.Service<PeriodService>().PublishedStrategiesAsync(admin, None))[0];
        var input = new NewPeriod("2041-Q1", strategy.Id, new DateOnly(2041, 1, 1), new DateOnly(2041, 3, 20), new DateOnly(2041, 3, 31));

        var id = await app.Service<PeriodService>().CreateAsync(admin, input, None);
        var idWithTen = await app.Service<PeriodService>().CreateAsync(admin, input with { Code = "2041-Q2", OverdueEscalationDays = 10 }, None);

        var periods = await app.Service<PeriodService>().ListAllAsync(admin, None);
        Assert.Equal(3, periods.Single(p => p.Id == id).OverdueEscalationDays);
        Assert.Equal(10, periods.Single(p => p.Id == idWithTen).OverdueEscalationDays);
    }

    private static DateTimeOffset Riyadh(int day, int hour = 9) => new(2026, 12, day, hour, 0, 0, TimeSpan.FromHours(3));

    private static StatusBoardRow Row(StatusBoard board, string code) => board.Rows.Single(r => r.InstitutionCode == code);

    private static async Task<List<NotificationItem>> OverdueAsync(StrategyGovAppFactory target, string email)
    {
        var items = await target.Service<NotificationService>().ListAsync(await target.ActorAsync(email), None);
        return items.Where(n => n.Kind is NotificationKind.SubmissionOverdue or NotificationKind.SubmissionOverdueCenter).ToList();
    }

    private static OverdueReminders Reminders(StrategyGovAppFactory target, TimeProvider clock) => new(
        target.Services.GetRequiredService<IDbContextFactory<StrategyGovDbContext>>(),
        target.Services.GetRequiredService<NotificationService>(),
        clock,
        target.Services.GetRequiredService<IOptions<PlatformOptions>>());

    private static StatusBoardService Board(StrategyGovAppFactory target, TimeProvider clock) => new(
        target.Services.GetRequiredService<IDbContextFactory<StrategyGovDbContext>>(),
        clock,
        target.Services.GetRequiredService<IOptions<PlatformOptions>>(),
        target.Services.GetRequiredService<IStringLocalizer<SharedResource>>());
}
