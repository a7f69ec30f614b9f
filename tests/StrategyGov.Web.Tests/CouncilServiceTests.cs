using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StrategyGov.Data.Council;
using StrategyGov.Data.Notifications;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Audit;
using StrategyGov.Web.Features.Calendar;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Features.Council;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The coordination council through its services on SQLite (docs/decisions/0097): the seeded meetings as
/// each role reads them, a meeting held from agenda to closing, the follow-up of a decision until the
/// center accepts it and the indicator counts it, every refusal as the wrong role (403) and as another
/// institution (404), bad input, locking, auditing, reminders and the calendar.
/// </summary>
public sealed class CouncilServiceTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private CouncilMeetingService Meetings => app.Service<CouncilMeetingService>();

    private CouncilAgendaService Agenda => app.Service<CouncilAgendaService>();

    private CouncilDecisionService Decisions => app.Service<CouncilDecisionService>();

    private DateOnly Today => app.Service<CouncilTime>().Today;

    [Fact]
    public async Task Seeded_TenthMeeting_InvitedDirectorReadsItWithOwnFollowUpOnly()
    {
        var moh = await app.ActorAsync(DemoUsers.DirectorMoh);
        var id = await app.MeetingIdAsync(CouncilData.TenthTitleEn);

        var meeting = await Meetings.GetAsync(moh, id, None);

        Assert.Equal(CouncilMeetingStatus.Closed, meeting.Status);
        Assert.Equal(10, meeting.Number);
        Assert.False(meeting.CanManage);
        Assert.Equal(4, meeting.Agenda.Count);
        Assert.Equal(8, meeting.Invitations.Count);
        Assert.Equal(CouncilAttendance.Absent, meeting.Invitations.Single(i => i.Institution.Code == "AMN-EAST").Attendance);
        var owners = meeting.Decisions.SelectMany(d => d.Owners).ToList();
        Assert.All(owners.Where(o => o.Institution.Code == "MOH"), o => Assert.True(o.FollowUpVisible && o.Status is not null));
        Assert.All(owners.Where(o => o.Institution.Code != "MOH"), o => Assert.True(!o.FollowUpVisible && o.Status is null && !o.Accepted && !o.Overdue));
        Assert.Equal(TimeOnly.Parse("10:00"), TimeOnly.FromDateTime(meeting.StartsLocal));
        Assert.Equal(TimeOnly.Parse("07:00"), TimeOnly.FromDateTime(meeting.StartsUtc));
    }

    [Fact]
    public async Task List_Institution_SeesOnlyMeetingsItWasInvitedTo_CenterAndOfficialsSeeAll()
    {
        var center = await app.ActorAsync(DemoUsers.Reviewer);
        var (meetingId, _) = await app.ScheduleAsync(center, "Municipal affairs only", "MOMRA");

        var moh = await Meetings.ListAsync(await app.ActorAsync(DemoUsers.DirectorMoh), new MeetingFilter(), None);
        var official = await Meetings.ListAsync(await app.ActorAsync(DemoUsers.Official), new MeetingFilter(), None);
        var admin = await Meetings.ListAsync(await app.ActorAsync(DemoUsers.Admin), new MeetingFilter(), None);

        Assert.DoesNotContain(moh, r => r.Id == meetingId);
        Assert.Contains(moh, r => r.TitleEn == CouncilData.TenthTitleEn);
        Assert.Contains(official, r => r.Id == meetingId);
        Assert.Equal(admin.Select(r => r.Id).Order(), official.Select(r => r.Id).Order());
        await Assert.ThrowsAsync<NotFoundException>(async () => await Meetings.GetAsync(await app.ActorAsync(DemoUsers.ContributorMoh), meetingId, None));
    }

    [Fact]
    public async Task Journey_HeldClosedReportedDoneAccepted_CountsInMohsP122()
    {
        var center = await app.ActorAsync(DemoUsers.Admin);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var (meetingId, itemId) = await app.ScheduleAsync(center, "Journey meeting", "MOH", "AMN-EAST");
        var decisionId = await app.DecideAsync(center, meetingId, itemId, 5, "MOH");
        await app.HoldAndCloseAsync(center, meetingId);
        var ownerId = await app.OwnerIdAsync(decisionId, "MOH");

        await Decisions.ReportAsync(director, ownerId, new ProgressForm { Status = CouncilOwnerStatus.Done, Text = "سُجّلت الحملات كلها", Link = "https://calendar.moh.gov.example/q1" }, [], None);
        var reported = await Decisions.GetAsync(director, ownerId, None);
        await Decisions.AcceptAsync(await app.ActorAsync(DemoUsers.Reviewer), ownerId, null, None);

        var accepted = await Decisions.GetAsync(director, ownerId, None);
        Assert.True(reported.Row.AwaitingAcceptance);
        Assert.True(accepted.Row.Accepted);
        Assert.Equal(Today, accepted.Row.DoneOn);
        Assert.False(accepted.CanReport);
        Assert.Equal(["سُجّلت الحملات كلها", ""], accepted.Notes.Select(n => n.Text));
        Assert.Equal([false, true], accepted.Notes.Select(n => n.ByCenter));

        var submissionId = await app.SubmissionIdAsync("MOH", SeededData.OpenPeriod);
        await app.Service<ComputedIndicatorService>().RefreshAsync(director, submissionId, None);
        var item = await app.Service<SubmissionService>().ItemAsync(director, submissionId, "P1.2.2");
        var record = item.Basis!.Records.Single(r => r.Id == ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(item.IsComputed);
        Assert.True(record.Counts);
        Assert.Equal($"/council/assignments/{ownerId}", record.Url);
        Assert.Equal(Math.Round(100m * item.Basis.Numerator!.Value / item.Basis.Denominator!.Value, 2), item.Value);
    }

    [Fact]
    public async Task Change_InvitedDirectorOrOfficial_IsAccessDenied()
    {
        var center = await app.ActorAsync(DemoUsers.Reviewer);
        var (meetingId, itemId) = await app.ScheduleAsync(center, "Refusals by role", "MOH");
        var decisionId = await app.DecideAsync(center, meetingId, itemId, 3, "MOH");
        var invitationId = (await Meetings.GetAsync(center, meetingId, None)).Invitations.Single().Id;

        foreach (var email in new[] { DemoUsers.DirectorMoh, DemoUsers.ContributorMoh, DemoUsers.Official })
        {
            var user = await app.ActorAsync(email);
            await Meetings.GetAsync(user, meetingId, None);
            await Assert.ThrowsAsync<AccessDeniedException>(() => Meetings.SaveAsync(user, new MeetingForm { TitleAr = "أ", TitleEn = "A", Date = CouncilInput.Iso(Today), Place = "x" }, None));
            await Assert.ThrowsAsync<AccessDeniedException>(() => Meetings.StartAsync(user, meetingId, None));
            await Assert.ThrowsAsync<AccessDeniedException>(() => Meetings.SaveMinutesAsync(user, meetingId, "محضر", null, None));
            await Assert.ThrowsAsync<AccessDeniedException>(() => Agenda.SaveItemAsync(user, meetingId, new AgendaItemForm { TitleAr = "أ", TitleEn = "A" }, None));
            await Assert.ThrowsAsync<AccessDeniedException>(() => Agenda.RecordAttendanceAsync(user, invitationId, new AttendanceForm(), None));
            await Assert.ThrowsAsync<AccessDeniedException>(() => Decisions.RemoveAsync(user, decisionId, None));
        }

        Assert.Single((await Meetings.GetAsync(center, meetingId, None)).Decisions);
    }

    [Fact]
    public async Task Everything_AnotherInstitutionsDirector_IsNotFoundAndUnchanged()
    {
        var center = await app.ActorAsync(DemoUsers.Reviewer);
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var (meetingId, itemId) = await app.ScheduleAsync(center, "Not for the east", "MOH");
        var decisionId = await app.DecideAsync(center, meetingId, itemId, 3, "MOH");
        var invitationId = (await Meetings.GetAsync(center, meetingId, None)).Invitations.Single().Id;
        var attachment = await app.Service<CouncilFileService>().AttachAsync(center, meetingId, new IncomingFile("عرض.pdf", new MemoryStream(SampleFiles.Pdf())), None);
        await app.HoldAndCloseAsync(center, meetingId);
        var ownerId = await app.OwnerIdAsync(decisionId, "MOH");

        await Assert.ThrowsAsync<NotFoundException>(() => Meetings.GetAsync(east, meetingId, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Meetings.CancelAsync(east, meetingId, "لا", None));
        await Assert.ThrowsAsync<NotFoundException>(() => Agenda.RemoveItemAsync(east, itemId, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Agenda.RecordAttendanceAsync(east, invitationId, new AttendanceForm(), None));
        await Assert.ThrowsAsync<NotFoundException>(() => Decisions.GetAsync(east, ownerId, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Decisions.ReportAsync(east, ownerId, new ProgressForm { Status = CouncilOwnerStatus.Done }, [], None));
        await Assert.ThrowsAsync<NotFoundException>(() => app.Service<CouncilFileService>().OpenAsync(east, attachment.Id, None));
        Assert.DoesNotContain(await Decisions.ListAsync(east, new AssignmentFilter(), None), r => r.OwnerId == ownerId);
        Assert.All(await Decisions.ListAsync(east, new AssignmentFilter(), None), r => Assert.Equal("AMN-EAST", r.Institution.Code));
        Assert.Equal(CouncilOwnerStatus.NotStarted, (await Decisions.GetAsync(center, ownerId, None)).Row.Status);
    }

    [Fact]
    public async Task Report_ContributorReportsProgress_OnlyTheDirectorReportsDone_OnlyTheCenterAccepts()
    {
        var center = await app.ActorAsync(DemoUsers.Reviewer);
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var (meetingId, itemId) = await app.ScheduleAsync(center, "Who reports what", "MOH");
        var decisionId = await app.DecideAsync(center, meetingId, itemId, 3, "MOH");
        await app.HoldAndCloseAsync(center, meetingId);
        var ownerId = await app.OwnerIdAsync(decisionId, "MOH");

        await Decisions.ReportAsync(contributor, ownerId, new ProgressForm { Status = CouncilOwnerStatus.InProgress, Text = "بدأ العمل" }, [], None);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Decisions.ReportAsync(contributor, ownerId, new ProgressForm { Status = CouncilOwnerStatus.Done }, [], None));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Decisions.ReportAsync(await app.ActorAsync(DemoUsers.Official), ownerId, new ProgressForm { Text = "x" }, [], None));
        await Decisions.ReportAsync(director, ownerId, new ProgressForm { Status = CouncilOwnerStatus.NotApplicable, NotApplicableReason = "لا تنظم الوزارة فعاليات في الربع القادم" }, [], None);
        await Decisions.ReportAsync(contributor, ownerId, new ProgressForm { Status = CouncilOwnerStatus.NotApplicable, Text = "مرفق خطاب الوكيل" }, [], None);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Decisions.ReportAsync(contributor, ownerId, new ProgressForm { Status = CouncilOwnerStatus.InProgress, Text = "تراجع" }, [], None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Decisions.AcceptAsync(director, ownerId, null, None));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Decisions.ReopenAsync(await app.ActorAsync(DemoUsers.Official), ownerId, "لا", None));

        var view = await Decisions.GetAsync(center, ownerId, None);
        Assert.Equal(CouncilOwnerStatus.NotApplicable, view.Row.Status);
        Assert.True(view.Row.AwaitingAcceptance);
        Assert.True(view.CanDecide);
        Assert.Equal("لا تنظم الوزارة فعاليات في الربع القادم", view.NotApplicableReason);
        Assert.Equal(["بدأ العمل", "لا تنظم الوزارة فعاليات في الربع القادم", "مرفق خطاب الوكيل"], view.Notes.Select(n => n.Text));
    }

    [Fact]
    public async Task Reopen_AcceptedDone_GoesBackInProgressAndNoLongerCounts()
    {
        var center = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var (meetingId, itemId) = await app.ScheduleAsync(center, "Reopened", "MOH");
        var decisionId = await app.DecideAsync(center, meetingId, itemId, 0, "MOH");
        await app.HoldAndCloseAsync(center, meetingId);
        var ownerId = await app.OwnerIdAsync(decisionId, "MOH");
        await Decisions.ReportAsync(director, ownerId, new ProgressForm { Status = CouncilOwnerStatus.Done, Text = "تم" }, [], None);
        await Decisions.AcceptAsync(center, ownerId, "تحقق المركز من الروزنامة", None);

        var refused = await Record.ExceptionAsync(() => Decisions.ReportAsync(director, ownerId, new ProgressForm { Text = "إضافة" }, [], None));
        var noReason = await Record.ExceptionAsync(() => Decisions.ReopenAsync(center, ownerId, "  ", None));
        await Decisions.ReopenAsync(center, ownerId, "الحملة الثالثة غير مسجلة في الروزنامة", None);

        var view = await Decisions.GetAsync(director, ownerId, None);
        Assert.Equal("Council_AlreadyAccepted", Assert.IsType<RuleViolationException>(refused).Message);
        Assert.Equal("Council_ReopenReasonRequired", Assert.IsType<RuleViolationException>(noReason).Message);
        Assert.Equal(CouncilOwnerStatus.InProgress, view.Row.Status);
        Assert.False(view.Row.Accepted);
        Assert.Null(view.Row.DoneOn);
        Assert.True(view.CanReport);
        Assert.True(view.Notes[^1].ByCenter);
        await using var db = await app.DbAsync();
        var fact = await db.CouncilDecisionOwners.Where(o => o.Id == ownerId)
            .Select(o => new CouncilDecisionsComputedSource.DecisionFact(o.Id, o.InstitutionId, null, o.Decision.MeetingId, 1, "", "", o.Decision.DueOn, o.Status, o.DoneOn, o.AcceptedAt != null))
            .SingleAsync();
        Assert.False(CouncilDecisionsComputedSource.OnTime(fact));
    }

    [Fact]
    public async Task Close_AttendanceNotRecorded_IsRefusedNamingHowMany_ThenOutcomesAreLocked()
    {
        var center = await app.ActorAsync(DemoUsers.Admin);
        var (meetingId, itemId) = await app.ScheduleAsync(center, "Locked after closing", "MOH", "AMN-EAST", "MOMRA");
        await app.DecideAsync(center, meetingId, itemId, 2, "MOH");
        await Meetings.StartAsync(center, meetingId, None);
        var invitations = (await Meetings.GetAsync(center, meetingId, None)).Invitations;
        await Agenda.RecordAttendanceAsync(center, invitations[0].Id, new AttendanceForm { Attendance = CouncilAttendance.Absent }, None);

        var early = Assert.IsType<RuleViolationException>(await Record.ExceptionAsync(() => Meetings.CloseAsync(center, meetingId, None)));
        var delegateWithoutName = Assert.IsType<RuleViolationException>(await Record.ExceptionAsync(() =>
            Agenda.RecordAttendanceAsync(center, invitations[1].Id, new AttendanceForm { Attendance = CouncilAttendance.Delegate, AttendeeName = "سالم" }, None)));
        await Agenda.RecordAttendanceAsync(center, invitations[1].Id, new AttendanceForm { Attendance = CouncilAttendance.Delegate, AttendeeName = "سالم", AttendeeTitle = "منسق", DelegateApproved = true }, None);
        await Agenda.RecordAttendanceAsync(center, invitations[2].Id, new AttendanceForm { Attendance = CouncilAttendance.Apologised }, None);
        await Meetings.CloseAsync(center, meetingId, None);

        Assert.Equal("Council_CloseAttendanceMissing", early.Message);
        Assert.Equal([2], early.Arguments);
        Assert.Equal("Council_DelegateRequired", delegateWithoutName.Message);
        foreach (var change in new Func<Task>[]
        {
            () => Agenda.SaveItemAsync(center, meetingId, new AgendaItemForm { TitleAr = "أ", TitleEn = "A" }, None),
            () => Agenda.RecordAttendanceAsync(center, invitations[0].Id, new AttendanceForm(), None),
            () => Meetings.SaveMinutesAsync(center, meetingId, "تعديل", null, None),
            () => Meetings.CancelAsync(center, meetingId, "سبب", None),
            () => app.DecideAsync(center, meetingId, itemId, 4, "MOH"),
        })
        {
            Assert.Equal("Council_Locked", Assert.IsType<RuleViolationException>(await Record.ExceptionAsync(change)).Message);
        }

        var closed = await Meetings.GetAsync(center, meetingId, None);
        Assert.Equal(CouncilMeetingStatus.Closed, closed.Status);
        Assert.Equal(1, closed.Invitations.Count(i => i.Attended));
    }

    [Fact]
    public async Task Save_BadInput_IsRefusedWithItsRule_ArabicIndicDigitsAreRead()
    {
        var center = await app.ActorAsync(DemoUsers.Admin);
        var series = (await Meetings.LookupsAsync(center, None)).Series.Single(s => s.Code == "MEDIA-DIRECTORS");
        var date = CouncilInput.Iso(Today.AddDays(40)).Replace('2', '٢').Replace('0', '٠').Replace('1', '١');
        MeetingForm Form() => new() { SeriesId = series.Id, TitleAr = "اجتماع", TitleEn = "Meeting", Date = date, Time = "٠٩:٣٠", Duration = "١٢٠", Place = "المركز" };

        var taken = await Record.ExceptionAsync(() => Meetings.SaveAsync(center, Form().With(f => f.Number = "10"), None));
        var noPlace = await Record.ExceptionAsync(() => Meetings.SaveAsync(center, Form().With(f => f.Place = " "), None));
        var badUrl = await Record.ExceptionAsync(() => Meetings.SaveAsync(center, Form().With(f => f.OnlineUrl = "javascript:alert(1)"), None));
        var tooShort = await Record.ExceptionAsync(() => Meetings.SaveAsync(center, Form().With(f => f.Duration = "5"), None));
        var noTitle = await Record.ExceptionAsync(() => Meetings.SaveAsync(center, Form().With(f => f.TitleEn = ""), None));
        var past = await Record.ExceptionAsync(() => Meetings.SaveAsync(center, Form().With(f => f.Date = CouncilInput.Iso(Today.AddDays(-1))), None));
        var id = await Meetings.SaveAsync(center, Form().With(f => f.Number = series.NextNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)), None);

        Assert.Equal("Council_NumberTaken", Assert.IsType<RuleViolationException>(taken).Message);
        Assert.Equal("Council_PlaceRequired", Assert.IsType<RuleViolationException>(noPlace).Message);
        Assert.Equal("Council_UrlInvalid", Assert.IsType<RuleViolationException>(badUrl).Message);
        Assert.Equal("Council_DurationRange", Assert.IsType<RuleViolationException>(tooShort).Message);
        Assert.Equal("Council_TitleEnRequired", Assert.IsType<RuleViolationException>(noTitle).Message);
        Assert.Equal("Council_DateInPast", Assert.IsType<RuleViolationException>(past).Message);
        var saved = await Meetings.GetAsync(center, id, None);
        Assert.Equal(Today.AddDays(40), saved.Day);
        Assert.Equal(new TimeOnly(9, 30), TimeOnly.FromDateTime(saved.StartsLocal));
        Assert.Equal(new TimeOnly(6, 30), TimeOnly.FromDateTime(saved.StartsUtc));
        Assert.Equal(120, saved.DurationMinutes);
    }

    [Fact]
    public async Task Decision_OwnerNotInvitedDueBeforeMeetingOrNoOwner_IsRefused()
    {
        var center = await app.ActorAsync(DemoUsers.Reviewer);
        var (meetingId, itemId) = await app.ScheduleAsync(center, "Decision rules", "MOH");
        var east = await app.InstitutionIdAsync("AMN-EAST");
        var moh = await app.InstitutionIdAsync("MOH");
        DecisionForm Form() => new() { AgendaItemId = itemId, TextAr = "قرار", TextEn = "Decision", DueOn = CouncilInput.Iso(Today.AddDays(3)), OwnerIds = [moh] };

        var notInvited = await Record.ExceptionAsync(() => Decisions.SaveAsync(center, meetingId, Form().With(f => f.OwnerIds = [moh, east]), None));
        var early = await Record.ExceptionAsync(() => Decisions.SaveAsync(center, meetingId, Form().With(f => f.DueOn = CouncilInput.Iso(Today.AddDays(-1))), None));
        var noOwner = await Record.ExceptionAsync(() => Decisions.SaveAsync(center, meetingId, Form().With(f => f.OwnerIds = []), None));
        var badDate = await Record.ExceptionAsync(() => Decisions.SaveAsync(center, meetingId, Form().With(f => f.DueOn = "31/12/2026"), None));

        Assert.Equal("Council_OwnerNotInvited", Assert.IsType<RuleViolationException>(notInvited).Message);
        Assert.Equal("Council_DueBeforeMeeting", Assert.IsType<RuleViolationException>(early).Message);
        Assert.Equal("Council_DecisionOwnerRequired", Assert.IsType<RuleViolationException>(noOwner).Message);
        Assert.Equal("Council_DueInvalid", Assert.IsType<RuleViolationException>(badDate).Message);
        Assert.Empty((await Meetings.GetAsync(center, meetingId, None)).Decisions);
    }

    [Fact]
    public async Task Evidence_FileNotWhatItClaims_IsRefusedAndNothingIsSaved_AGoodOneDownloadsForTheOwnerOnly()
    {
        var center = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var (meetingId, itemId) = await app.ScheduleAsync(center, "Evidence files", "MOH", "AMN-EAST");
        var decisionId = await app.DecideAsync(center, meetingId, itemId, 3, "MOH");
        await app.HoldAndCloseAsync(center, meetingId);
        var ownerId = await app.OwnerIdAsync(decisionId, "MOH");

        var disguised = await Record.ExceptionAsync(() => Decisions.ReportAsync(
            director, ownerId, new ProgressForm { Text = "تقرير" }, [new IncomingFile("تقرير.pdf", new MemoryStream(SampleFiles.Executable()))], None));
        var misnamed = await Record.ExceptionAsync(() => Decisions.ReportAsync(
            director, ownerId, new ProgressForm { Text = "تقرير" }, [new IncomingFile("تقرير.docx", new MemoryStream(SampleFiles.Pdf()))], None));
        await Decisions.ReportAsync(director, ownerId, new ProgressForm { Text = "تقرير الإنجاز" }, [new IncomingFile("تقرير الإنجاز.pdf", new MemoryStream(SampleFiles.Pdf()))], None);

        Assert.Equal("Evidence_TypeNotAllowed", Assert.IsType<RuleViolationException>(disguised).Message);
        Assert.Equal("Evidence_ExtensionMismatch", Assert.IsType<RuleViolationException>(misnamed).Message);
        var notes = (await Decisions.GetAsync(director, ownerId, None)).Notes;
        var file = Assert.Single(Assert.Single(notes).Files);
        Assert.Equal("تقرير الإنجاز.pdf", file.FileName);
        var files = app.Service<CouncilFileService>();
        await using (var download = (await files.OpenAsync(await app.ActorAsync(DemoUsers.Official), file.Id, None)).Content)
        {
            Assert.Equal(SampleFiles.Pdf().Length, download.Length);
        }

        await Assert.ThrowsAsync<NotFoundException>(async () => await files.OpenAsync(await app.ActorAsync(DemoUsers.DirectorEast), file.Id, None));
    }

    [Fact]
    public async Task Changes_AreAuditedUnderTheActor_OwnersChangesAreTheInstitutions()
    {
        var center = await app.ActorAsync(DemoUsers.Reviewer);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var (meetingId, itemId) = await app.ScheduleAsync(center, "Audited meeting", "MOH");
        var decisionId = await app.DecideAsync(center, meetingId, itemId, 3, "MOH");
        await app.HoldAndCloseAsync(center, meetingId);
        var ownerId = await app.OwnerIdAsync(decisionId, "MOH");
        await Decisions.ReportAsync(director, ownerId, new ProgressForm { Status = CouncilOwnerStatus.InProgress, Text = "قيد العمل" }, [], None);

        await using var db = await app.DbAsync();
        var key = meetingId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var meetingEvents = await db.AuditEvents.Where(e => e.EntityType == nameof(CouncilMeeting) && e.EntityKey == key).OrderBy(e => e.Sequence).ToListAsync();
        var ownerEvents = await db.AuditEvents.Where(e => e.EntityType == nameof(CouncilDecisionOwner) && e.EntityKey == ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(center.UserId, meetingEvents[0].ActorUserId);
        Assert.Contains(meetingEvents, e => e.After?.Contains("\"Status\":\"Closed\"", StringComparison.Ordinal) == true);
        Assert.Equal(director.UserId, ownerEvents[^1].ActorUserId);
        Assert.Equal(await app.InstitutionIdAsync("MOH"), ownerEvents[^1].InstitutionId);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(CouncilProgressNote) && e.ActorUserId == director.UserId));
    }

    [Theory]
    [InlineData(nameof(CouncilMeeting), "Status", "Open", "مجدول", "Scheduled")]
    [InlineData(nameof(CouncilDecisionOwner), "Status", "NotApplicable", "لا ينطبق", "Not applicable")]
    [InlineData(nameof(CouncilProgressNote), "Status", "Done", "نُفِّذ", "Done")]
    [InlineData(nameof(CouncilInvitation), "Attendance", "Apologised", "اعتذر", "Apologised")]
    [InlineData(nameof(CouncilDecision), "Kind", "Recommendation", "توصية", "Recommendation")]
    public void AuditTrail_CouncilValues_ReadAsThePagesNameThem(string entity, string property, string stored, string arabic, string english)
    {
        var localizer = app.Service<IStringLocalizer<SharedResource>>();

        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = Bilingual.CreateCulture(Bilingual.Arabic);
        var inArabic = AuditText.Value(localizer, entity, property, stored);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = Bilingual.CreateCulture(Bilingual.English);
        var inEnglish = AuditText.Value(localizer, entity, property, stored);

        Assert.Equal(arabic, inArabic);
        Assert.Equal(english, inEnglish);
    }

    [Fact]
    public async Task Reminders_MeetingTomorrowAndOverdueDecisions_NotifyOnceEach()
    {
        var center = await app.ActorAsync(DemoUsers.Admin);
        var meetingId = await Meetings.SaveAsync(center, new MeetingForm
        {
            TitleAr = "اجتماع الغد", TitleEn = "Tomorrow's meeting", Date = CouncilInput.Iso(Today.AddDays(1)), Time = "10:00", Duration = "60", Place = "المركز",
        }, None);
        await Agenda.InviteAsync(center, meetingId, [await app.InstitutionIdAsync("MOH")], [], None);
        var time = app.Service<CouncilTime>();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(time.ToUtc(Today.AddDays(1), new TimeOnly(8, 0)), TimeSpan.Zero));
        var reminders = new CouncilReminders(
            app.Service<IDbContextFactory<StrategyGov.Data.StrategyGovDbContext>>(),
            app.Service<StrategyGov.Web.Features.Notifications.NotificationService>(),
            new CouncilTime(clock, app.Service<Microsoft.Extensions.Options.IOptions<StrategyGov.Web.Hosting.PlatformOptions>>()));

        var first = await reminders.RunOnceAsync(None);
        var second = await reminders.RunOnceAsync(None);

        Assert.True(first >= 2, $"first run wrote {first}");
        Assert.Equal(0, second);
        await using var db = await app.DbAsync();
        var soon = await db.Notifications.Where(n => n.Kind == NotificationKind.CouncilMeetingSoon && n.OnceKey == $"council-soon:{meetingId}").ToListAsync();
        var mohUsers = await db.Users.CountAsync(u => u.InstitutionId == soon[0].InstitutionId);
        Assert.Equal(mohUsers, soon.Count);
        var overdueOwner = await db.CouncilDecisionOwners
            .Where(o => o.Institution.Code == "AMN-EAST" && o.Status == CouncilOwnerStatus.NotStarted && o.Decision.DueOn < Today && o.Decision.Meeting.Status == CouncilMeetingStatus.Closed)
            .Select(o => o.Id).FirstAsync();
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        Assert.True(await db.Notifications.AnyAsync(n => n.RecipientUserId == reviewer.UserId && n.Kind == NotificationKind.CouncilDecisionOverdue && n.OnceKey == $"council-overdue:{overdueOwner}"));
    }

    [Fact]
    public async Task Calendar_CouncilMeetings_ShownReadOnlyToThoseWhoMaySeeThem()
    {
        var calendar = app.Service<CalendarService>();
        var query = new CalendarQuery(Today.AddDays(-120), Today.AddDays(30));
        var tenth = await app.MeetingIdAsync(CouncilData.TenthTitleEn);
        var center = await app.ActorAsync(DemoUsers.Reviewer);
        var (momraOnly, _) = await app.ScheduleAsync(center, "Calendar visibility", "MOMRA");

        var moh = await calendar.ListAsync(await app.ActorAsync(DemoUsers.DirectorMoh), query, None);
        var official = await calendar.ListAsync(await app.ActorAsync(DemoUsers.Official), query, None);
        var filtered = await calendar.ListAsync(center, query with { InstitutionId = await app.InstitutionIdAsync("MOH") }, None);

        var row = moh.Single(r => r.Link == $"council/meetings/{tenth}");
        Assert.False(row.CanEdit);
        Assert.Equal(CouncilData.TenthTitleAr, row.TitleAr);
        Assert.Equal($"council-meetings-{tenth}@strategygov", row.FeedUid);
        Assert.DoesNotContain(moh, r => r.Link == $"council/meetings/{momraOnly}");
        Assert.Contains(official, r => r.Link == $"council/meetings/{momraOnly}");
        Assert.DoesNotContain(filtered, r => r.Link is not null);
    }

    [Fact]
    public async Task Export_Institution_GetsItsOwnAssignmentsOnly_TheCenterEveryone()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);

        var own = await Decisions.ExportAsync(director, new AssignmentFilter(), None);
        var all = await Decisions.ExportAsync(await app.ActorAsync(DemoUsers.Reviewer), new AssignmentFilter(), None);

        using var ownBook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(own.Content));
        using var allBook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(all.Content));
        var codes = ownBook.Worksheets.Single().Column(6).CellsUsed().Skip(1).Select(c => c.GetString()).ToList();
        var allCodes = allBook.Worksheets.Single().Column(6).CellsUsed().Skip(1).Select(c => c.GetString()).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.Equal("MOH", code));
        Assert.Contains("AMN-EAST", allCodes);
        Assert.Equal("council-decisions.xlsx", own.FileName);
    }
}

/// <summary>Changes a form in place and returns it, so a test can vary one field of a valid form.</summary>
internal static class FormChanges
{
    public static T With<T>(this T form, Action<T> change)
    {
        change(form);
        return form;
    }
}
