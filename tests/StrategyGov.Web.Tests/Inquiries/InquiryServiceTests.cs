using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Inquiries;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Features.Inquiries;
using StrategyGov.Web.Features.Inquiries.Clock;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;
using static StrategyGov.Web.Tests.Support.InquiryData;

namespace StrategyGov.Web.Tests.Inquiries;

/// <summary>
/// The inquiry log through its service on the app's SQLite database (ADR 0098): the life of an inquiry and
/// its clocks, referrals, every refusal with its message, deletion, the audit trail, and the computed
/// indicators of the open submission. Dates: Sunday 1 and 8 November 2026, Riyadh time.
/// </summary>
public sealed class InquiryServiceTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private InquiryService Inquiries => app.Service<InquiryService>();

    [Fact]
    public async Task Lifecycle_WaitingOvernight_ClocksCountOnlyWorkingTimeNotWaited()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var id = await app.LogAsync(director, Form("2026-11-01 09:00", "مواعيد افتتاح ممشى الكورنيش"));

        await app.ActAsync(director, id, InquiryActionKind.FirstResponse, "2026-11-01 10:00", "أُبلغ الصحفي بأن الرد قيد الإعداد");
        await app.ActAsync(director, id, InquiryActionKind.WaitOnRequester, "2026-11-01 11:00", "طلبنا من الصحفي تحديد المشروع");
        await app.ActAsync(director, id, InquiryActionKind.Resume, "2026-11-02 09:00");
        await app.ActAsync(director, id, InquiryActionKind.Answer, "2026-11-02 10:00", "يفتتح الممشى في الربع الأول من العام القادم");
        await app.ActAsync(director, id, InquiryActionKind.Close, "2026-11-02 12:00");

        var detail = await Inquiries.GetAsync(director, id, None);
        Assert.Equal(InquiryStatus.Closed, detail.Row.Status);
        Assert.Equal((TimerState.Met, 60), (detail.Row.FirstResponse.State, detail.Row.FirstResponse.UsedMinutes));
        // Sunday 09–11 (120) and Monday 09–10 (60); the wait from Sunday 11:00 to Monday 09:00 does not count.
        Assert.Equal((TimerState.Met, 180), (detail.Row.Answer.State, detail.Row.Answer.UsedMinutes));
        Assert.Equal(300, Assert.Single(detail.Pauses).WorkingMinutes);   // Sunday 11–15 and Monday 08–09
        Assert.Equal(180, detail.AnswerElapsedMinutes);                   // 25 h elapsed minus 22 h waiting
        Assert.Empty(detail.Actions);
        var stored = await app.StoredInquiryAsync(id);
        Assert.Equal((60, 180, 240, 840), (stored.FirstResponseMinutes, stored.AnswerMinutes, stored.FirstResponseTargetMinutes, stored.AnswerTargetMinutes));
        Assert.Equal(Utc("2026-11-01 13:00"), stored.FirstResponseDueAt);
        Assert.Equal(Utc("2026-11-03 14:00"), stored.AnswerDueAt);         // 840 minutes: Sun 09–11 (120), waiting, Mon 09–15 (360), Tue 08–14 (360)
    }

    [Fact]
    public async Task Lifecycle_EveryChange_IsAuditedAsTheDirectorOfTheInstitution()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var eastId = await app.InstitutionIdAsync("AMN-EAST");
        var id = await app.LogAsync(director, Form("2026-11-01 09:30", "إغلاق طريق الخليج للصيانة"));
        await app.ActAsync(director, id, InquiryActionKind.Answer, "2026-11-01 12:00", "الإغلاق ليلي لمدة أسبوع");

        await using var db = await app.DbAsync();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var events = await db.AuditEvents.Where(e => e.EntityType == nameof(Inquiry) && e.EntityKey == key).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([AuditAction.Created, AuditAction.Changed], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal((director.UserId, eastId), (e.ActorUserId, e.InstitutionId)));
        Assert.Contains("الإغلاق ليلي لمدة أسبوع", events[1].After, StringComparison.Ordinal);
        Assert.DoesNotContain("AnswerMinutes", events[1].After, StringComparison.Ordinal);   // the clocks are derived, not audited
    }

    [Fact]
    public async Task Refer_ToAnotherInstitution_ClockKeepsRunningAndTheCopyIsTheirsAlone()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var capitalId = await app.InstitutionIdAsync("AMN-CAPITAL");
        var id = await app.LogAsync(director, Form("2026-11-08 09:00", "شكوى من تأخر مشروع طريق الملك عبدالله", InquiryKind.CitizenComplaint, InquiryChannel.SocialMedia));

        await app.ActAsync(director, id, InquiryActionKind.Refer, "2026-11-08 10:00", "المشروع من اختصاص أمانة العاصمة", referTo: capitalId);
        await app.ActAsync(director, id, InquiryActionKind.Answer, "2026-11-09 09:00", "أبلغنا المواطن بإحالة شكواه إلى أمانة العاصمة");

        var stored = await app.StoredInquiryAsync(id);
        Assert.Equal(420, stored.AnswerMinutes);   // Sunday 09–15 (360) + Monday 08–09 (60): the referral stopped nothing
        Assert.Equal((capitalId, Utc("2026-11-08 10:00")), (stored.ReferredToInstitutionId, stored.ReferredAt));
        await using var db = await app.DbAsync();
        var copy = await db.Inquiries.AsNoTracking().SingleAsync(i => i.ReferredFromInquiryId == id);
        Assert.Equal((capitalId, InquiryStatus.New, Utc("2026-11-08 10:00")), (copy.InstitutionId, copy.Status, copy.ReceivedAt));
        await Assert.ThrowsAsync<NotFoundException>(() => Inquiries.GetAsync(director, copy.Id, None));
        var official = await app.ActorAsync(DemoUsers.Official);
        Assert.Equal(InquiryStatus.New, (await Inquiries.GetAsync(official, copy.Id, None)).Row.Status);
    }

    [Fact]
    public async Task Refer_ToItsOwnInstitution_IsRefused()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var id = await app.LogAsync(director, Form("2026-11-08 11:00", "سؤال عن مواقف السيارات"));

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            app.ActAsync(director, id, InquiryActionKind.Refer, "2026-11-08 12:00", referTo: director.InstitutionId));

        Assert.Equal("Inquiry_ReferToSelf", refused.Message);
        Assert.Equal(InquiryStatus.New, (await app.StoredInquiryAsync(id)).Status);
    }

    public static TheoryData<string, Action<InquiryForm>> BadForms => new()
    {
        { "Inquiry_ReceivedInFuture", f => f.ReceivedAt = DateTime.UtcNow.AddHours(3 + 2) },
        { "Inquiry_Required", f => f.Topic = "   " },
        { "Inquiry_Required", f => f.Outlet = string.Empty },
        { "Inquiry_UrlInvalid", f => f.SourceUrl = "صحيفة اليوم" },
        { "Inquiry_UrlInvalid", f => f.SourceUrl = "javascript:alert(1)" },
        { "Inquiry_PillarUnknown", f => f.PillarCode = "P99" },
        { "Inquiry_DeadlineBeforeReceived", f => f.RequesterDeadline = f.ReceivedAt.AddHours(-1) },
        { "Inquiry_TooLong", f => f.Topic = new string('م', InquiryRules.MaxTopic + 1) },
        { "Inquiry_AssigneeUnknown", f => f.AssignedToId = "someone-else" },
        { "Inquiry_ReceivedTooOld", f => f.ReceivedAt = new DateTime(1999, 12, 31, 10, 0, 0) },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task Create_BadInput_IsRefusedWithItsMessageAndStoresNothing(string key, Action<InquiryForm> spoil)
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var form = Form("2026-11-01 09:00", "موضوع صالح");
        spoil(form);
        var before = await CountAsync();

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Inquiries.CreateAsync(director, form, None));

        Assert.Equal(key, refused.Message);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Create_ExternalIdAlreadyUsedInTheInstitution_IsRefusedButAnotherInstitutionMayUseIt()
    {
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var moh = await app.ActorAsync(DemoUsers.DirectorMoh);
        await app.LogAsync(east, Form("2026-11-01 09:00", "الأول", externalId: "CRM-7781"));

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Inquiries.CreateAsync(east, Form("2026-11-01 10:00", "الثاني", externalId: "CRM-7781"), None));
        var other = await app.LogAsync(moh, Form("2026-11-01 10:00", "في جهة أخرى", externalId: "CRM-7781"));

        Assert.Equal("Inquiry_ExternalIdTaken", refused.Message);
        Assert.True(other > 0);
    }

    [Fact]
    public async Task Act_StepsOutOfOrderOrMisdated_AreRefusedAndChangeNothing()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var id = await app.LogAsync(director, Form("2026-11-01 09:00", "خطوات خاطئة"));
        var version = (await Inquiries.GetAsync(director, id, None)).Version;

        async Task<string> Refused(InquiryAction action) =>
            (await Assert.ThrowsAsync<RuleViolationException>(() => Inquiries.ActAsync(director, id, action, null, None))).Message;

        Assert.Equal("Inquiry_AnswerRequired", await Refused(new InquiryAction(InquiryActionKind.Answer, Local("2026-11-01 10:00"), "  ", version)));
        Assert.Equal("Inquiry_NotAllowedNow", await Refused(new InquiryAction(InquiryActionKind.Close, Local("2026-11-01 10:00"), null, version)));
        Assert.Equal("Inquiry_NotAllowedNow", await Refused(new InquiryAction(InquiryActionKind.Resume, Local("2026-11-01 10:00"), null, version)));
        Assert.Equal("Inquiry_TimeBeforeReceived", await Refused(new InquiryAction(InquiryActionKind.FirstResponse, Local("2026-11-01 08:59"), null, version)));
        Assert.Equal("Inquiry_TimeInFuture", await Refused(new InquiryAction(InquiryActionKind.FirstResponse, DateTime.UtcNow.AddHours(3).AddMinutes(30), null, version)));
        Assert.Equal("Inquiry_Conflict", await Refused(new InquiryAction(InquiryActionKind.FirstResponse, Local("2026-11-01 10:00"), null, version + 1)));
        Assert.Equal("Inquiry_ReferToRequired", await Refused(new InquiryAction(InquiryActionKind.Refer, Local("2026-11-01 10:00"), null, version)));
        var stored = await app.StoredInquiryAsync(id);
        Assert.Equal((InquiryStatus.New, version), (stored.Status, stored.Version));
        Assert.Null(stored.FirstResponseAt);
    }

    [Fact]
    public async Task Update_ReceivedLater_MovesTheClocks_ButNotAfterAStepAlreadyTaken()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var id = await app.LogAsync(director, Form("2026-11-01 09:00", "تعديل وقت الورود"));
        var version = (await Inquiries.GetAsync(director, id, None)).Version;

        await Inquiries.UpdateAsync(director, id, Form("2026-11-01 12:00", "تعديل وقت الورود", InquiryKind.CitizenComplaint), version, None);
        await app.ActAsync(director, id, InquiryActionKind.FirstResponse, "2026-11-01 13:00");
        var refused = await Assert.ThrowsAsync<RuleViolationException>(async () =>
            await Inquiries.UpdateAsync(director, id, Form("2026-11-01 14:00", "تعديل وقت الورود", InquiryKind.CitizenComplaint), (await Inquiries.GetAsync(director, id, None)).Version, None));

        var stored = await app.StoredInquiryAsync(id);
        Assert.Equal("Inquiry_ReceivedAfterActions", refused.Message);
        Assert.Equal(Utc("2026-11-01 12:00"), stored.ReceivedAt);
        Assert.Equal(5 * 7 * 60, stored.AnswerTargetMinutes);   // the kind changed: a citizen complaint's target
        Assert.Equal(60, stored.FirstResponseMinutes);
    }

    [Fact]
    public async Task Delete_OnlyTheDirector_OnlyWhileNothingWasDone()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);
        var mistake = await app.LogAsync(contributor, Form("2026-11-01 09:00", "سُجّل خطأً"));
        var handled = await app.LogAsync(contributor, Form("2026-11-01 09:00", "تم الرد عليه"));
        await app.ActAsync(contributor, handled, InquiryActionKind.FirstResponse, "2026-11-01 09:30");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Inquiries.DeleteAsync(contributor, mistake, None));
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Inquiries.DeleteAsync(director, handled, None));
        await Inquiries.DeleteAsync(director, mistake, None);

        Assert.Equal("Inquiry_DeleteOnlyNew", refused.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => Inquiries.GetAsync(director, mistake, None));
        await using var db = await app.DbAsync();
        var key = mistake.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(director.UserId, (await db.AuditEvents.SingleAsync(e => e.EntityType == nameof(Inquiry) && e.EntityKey == key && e.Action == AuditAction.Deleted)).ActorUserId);
    }

    [Fact]
    public async Task List_InstitutionUser_SeesOnlyTheirOwnInstitutionsInquiries()
    {
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var eastId = await app.InstitutionIdAsync("AMN-EAST");
        await app.LogAsync(east, Form("2026-11-02 09:00", "للقائمة الخاصة"));

        var own = await Inquiries.ListAsync(east, new InquiryFilter(PageSize: 500), None);
        var all = await Inquiries.ListAsync(await app.ActorAsync(DemoUsers.Reviewer), new InquiryFilter(PageSize: 500), None);

        Assert.NotEmpty(own.Rows);
        Assert.All(own.Rows, r => Assert.Equal(eastId, r.InstitutionId));
        Assert.Contains(all.Rows, r => r.InstitutionId != eastId);
        Assert.Contains(own.Rows, r => r.Topic == "للقائمة الخاصة");
    }

    [Fact]
    public async Task Computed_EastAnswersAMediaInquiry_TheOpenSubmissionComputesP311AndP312FromIt()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var id = await app.LogAsync(director, Form("2026-11-03 09:00", "حجم ميزانية مشاريع تصريف الأمطار"));
        await app.ActAsync(director, id, InquiryActionKind.Answer, "2026-11-03 11:30", "الميزانية المعتمدة معلنة في البيان");
        var submissionId = await app.ResetToEmptyDraftAsync("AMN-EAST");

        await app.Service<ComputedIndicatorService>().RefreshAsync(director, submissionId, None);

        var submissions = app.Service<SubmissionService>();
        var hours = await submissions.ItemAsync(director, submissionId, "P3.1.1");
        var within = await submissions.ItemAsync(director, submissionId, "P3.1.2");
        Assert.True(hours.IsComputed);
        var record = Assert.Single(hours.Basis!.Records, r => r.Id == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2.5m, record.Measure);
        Assert.Equal($"/inquiries/{id}", record.Url);
        Assert.True(Assert.Single(within.Basis!.Records, r => r.Id == record.Id).Counts);
        Assert.Equal(InquiryComputedSource.MediaAnswered24h, within.ComputedFrom);
    }

    private async Task<int> CountAsync()
    {
        await using var db = await app.DbAsync();
        return await db.Inquiries.CountAsync();
    }
}
