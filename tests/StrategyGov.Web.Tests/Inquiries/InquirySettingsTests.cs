using System.Text;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Inquiries;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Inquiries;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;
using static StrategyGov.Web.Tests.Support.InquiryData;

namespace StrategyGov.Web.Tests.Inquiries;

/// <summary>
/// The working calendar kept by the center (ADR 0098 §The calendar): a holiday added afterwards recomputes the
/// clocks it touches; the iCalendar import is all or nothing and updates by UID; bad settings are refused
/// with their message; new targets apply to inquiries logged afterwards.
/// </summary>
public sealed class InquirySettingsTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private InquirySettingsService Settings => app.Service<InquirySettingsService>();

    [Fact]
    public async Task Holiday_AddedAfterwards_RecomputesTheClocksItTouches_AndIsAudited()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        // Thursday 12 November 09:00 to Sunday 15 November 10:00: Thursday 360 + Sunday 120 = 480 working minutes.
        var id = await app.LogAsync(director, Form("2026-11-12 09:00", "قبل الإجازة وبعدها"));
        await app.ActAsync(director, id, InquiryActionKind.Answer, "2026-11-15 10:00", "رد بعد العطلة");
        Assert.Equal(480, (await app.StoredInquiryAsync(id)).AnswerMinutes);

        var holiday = await Settings.SaveExceptionAsync(admin, null, new ExceptionInput(new(2026, 11, 15), new(2026, 11, 15), "إجازة طارئة", "Extra holiday", null, null), None);

        Assert.Equal(360, (await app.StoredInquiryAsync(id)).AnswerMinutes);
        await Settings.DeleteExceptionAsync(admin, holiday, None);
        Assert.Equal(480, (await app.StoredInquiryAsync(id)).AnswerMinutes);
        await using var db = await app.DbAsync();
        var key = holiday.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([AuditAction.Created, AuditAction.Deleted], await db.AuditEvents.Where(e => e.EntityType == nameof(WorkingDayException) && e.EntityKey == key).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Ics_ValidFile_ImportsThenUpdatesByUid()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var file = Ics(Event("nd-2027@gov.example", "اليوم الوطني", "20270923", "20270924"), Event("eid-2027@gov.example", "Eid al-Adha", "20270516", "20270520"));

        var first = await Settings.ImportIcsAsync(admin, file, None);
        var again = await Settings.ImportIcsAsync(admin, Ics(Event("eid-2027@gov.example", "Eid al-Adha", "20270515", "20270520")), None);

        Assert.Equal((2, 0), (first.Created, first.Updated));
        Assert.Equal((0, 1), (again.Created, again.Updated));
        var view = await Settings.GetAsync(admin, None);
        var eid = Assert.Single(view.Exceptions, e => e.NameEn == "Eid al-Adha");
        Assert.Equal((new DateOnly(2027, 5, 15), new DateOnly(2027, 5, 19), true), (eid.From, eid.To, eid.Imported));
        Assert.Contains(view.Exceptions, e => e.NameAr == "اليوم الوطني" && e.From == new DateOnly(2027, 9, 23) && e.To == e.From);
    }

    [Theory]
    [InlineData("not a calendar at all", "InquirySettings_IcsNotACalendar")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nEND:VCALENDAR\r\n", "InquirySettings_IcsNoEvents")]
    public async Task Ics_NotACalendar_IsRefused(string text, string key)
    {
        var result = await Settings.ImportIcsAsync(await app.ActorAsync(DemoUsers.Admin), new MemoryStream(Encoding.UTF8.GetBytes(text)), None);

        Assert.Equal(key, Assert.Single(result.Errors).MessageKey);
    }

    [Fact]
    public async Task Ics_OneBadEvent_ImportsNothingAndNamesIt()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var before = (await Settings.GetAsync(admin, None)).Exceptions.Count;
        var timed = "BEGIN:VEVENT\r\nUID:meeting@x\r\nDTSTAMP:20261201T000000Z\r\nDTSTART:20261220T090000Z\r\nDTEND:20261220T100000Z\r\nSUMMARY:اجتماع\r\nEND:VEVENT\r\n";
        var recurring = "BEGIN:VEVENT\r\nUID:weekly@x\r\nDTSTAMP:20261201T000000Z\r\nDTSTART;VALUE=DATE:20261221\r\nDTEND;VALUE=DATE:20261222\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:متكرر\r\nEND:VEVENT\r\n";

        var result = await Settings.ImportIcsAsync(admin, Ics(Event("ok@x", "يوم صالح", "20261223", "20261224"), timed, recurring), None);

        Assert.False(result.Succeeded);
        Assert.Equal([(2, "InquirySettings_IcsTimedEvent"), (3, "InquirySettings_IcsRecurring")], result.Errors.Select(e => (e.Event, e.MessageKey)));
        Assert.Equal(before, (await Settings.GetAsync(admin, None)).Exceptions.Count);
    }

    [Theory]
    [InlineData("Mars/Olympus", "08:00", "15:00", "InquirySettings_TimeZoneUnknown")]
    [InlineData("Asia/Riyadh", "15:00", "08:00", "InquirySettings_HoursOrder")]
    public async Task Calendar_BadSettings_AreRefused(string zone, string start, string end, string key)
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Settings.SaveCalendarAsync(
            admin, new CalendarInput(zone, [DayOfWeek.Sunday], TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), 60, 420), None));

        Assert.Equal(key, refused.Message);
    }

    [Fact]
    public async Task Calendar_NoWorkingDay_IsRefused()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Settings.SaveCalendarAsync(
            admin, new CalendarInput("Asia/Riyadh", [], new(8, 0), new(15, 0), 60, 420), None));

        Assert.Equal("InquirySettings_NoDays", refused.Message);
    }

    [Theory]
    [InlineData(0, 60, "InquirySettings_TargetRange")]
    [InlineData(120, 60, "InquirySettings_AnswerBeforeFirst")]
    public async Task Targets_OutOfRange_AreRefused(int first, int answer, string key)
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Settings.SaveTargetsAsync(
            admin, [new TargetRow(InquiryKind.SocialMediaPost, first, answer)], None));

        Assert.Equal(key, refused.Message);
    }

    [Fact]
    public async Task Targets_Changed_ApplyToInquiriesLoggedAfterwards()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var before = await app.LogAsync(director, Form("2026-11-01 09:00", "قبل تغيير المستهدف", InquiryKind.Correspondence, InquiryChannel.Letter));

        await Settings.SaveTargetsAsync(admin, [new TargetRow(InquiryKind.Correspondence, 300, 2100)], None);
        var after = await app.LogAsync(director, Form("2026-11-01 09:00", "بعد تغيير المستهدف", InquiryKind.Correspondence, InquiryChannel.Letter));

        Assert.Equal((420, 4200), ((await app.StoredInquiryAsync(before)).FirstResponseTargetMinutes, (await app.StoredInquiryAsync(before)).AnswerTargetMinutes));
        Assert.Equal((300, 2100), ((await app.StoredInquiryAsync(after)).FirstResponseTargetMinutes, (await app.StoredInquiryAsync(after)).AnswerTargetMinutes));
    }

    [Fact]
    public void HoursTyped_InArabicIndicDigits_AreRead()
    {
        Assert.Equal(150, InquiryText.ParseHoursAsMinutes("٢٫٥"));
        Assert.Equal(240, InquiryText.ParseHoursAsMinutes("۴"));
        Assert.Null(InquiryText.ParseHoursAsMinutes("أربع"));
        Assert.Null(InquiryText.ParseHoursAsMinutes("-1"));
        Assert.Equal(new DateTime(2026, 11, 1, 9, 30, 0), InquiryText.ParseLocalDateTime("٢٠٢٦-١١-٠١ ٠٩:٣٠"));
    }

    private static string Event(string uid, string summary, string from, string to) =>
        $"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261201T000000Z\r\nDTSTART;VALUE=DATE:{from}\r\nDTEND;VALUE=DATE:{to}\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\n";

    private static MemoryStream Ics(params string[] events) =>
        new(Encoding.UTF8.GetBytes($"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//gov.example//holidays//AR\r\n{string.Concat(events)}END:VCALENDAR\r\n"));
}
