using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Council;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Council;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Tests.Support;

/// <summary>Council meetings for tests, scheduled and held through the services as the center does.</summary>
public static class CouncilData
{
    public const string TenthTitleEn = "Tenth periodic meeting of media directors";
    public const string TenthTitleAr = "الاجتماع الدوري العاشر لمديري الإعلام";

    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A meeting of the given institutions today (late in the day, so it can be held now), with one agenda item.</summary>
    public static async Task<(int MeetingId, int ItemId)> ScheduleAsync(this StrategyGovAppFactory app, Actor center, string titleEn, params string[] invited)
    {
        var meetings = app.Service<CouncilMeetingService>();
        var today = app.Service<CouncilTime>().Today;
        var meetingId = await meetings.SaveAsync(center, new MeetingForm
        {
            TitleAr = "اجتماع تنسيقي للاختبار",
            TitleEn = titleEn,
            Date = CouncilInput.Iso(today),
            Time = "23:00",
            Duration = "60",
            Place = "مقر المركز",
        }, None);
        var itemId = await app.Service<CouncilAgendaService>().SaveItemAsync(center, meetingId, new AgendaItemForm
        {
            TitleAr = "متابعة الروزنامة الموحدة",
            TitleEn = "Unified calendar follow-up",
            PresenterName = "مركز التواصل الحكومي",
            Duration = "30",
        }, None);
        var ids = new List<int>();
        foreach (var code in invited)
        {
            ids.Add(await app.InstitutionIdAsync(code));
        }

        if (ids.Count > 0)
        {
            await app.Service<CouncilAgendaService>().InviteAsync(center, meetingId, ids, [], None);
        }

        return (meetingId, itemId);
    }

    /// <summary>A decision on the item, owned by the given institutions, due in <paramref name="dueInDays"/> days.</summary>
    public static async Task<int> DecideAsync(this StrategyGovAppFactory app, Actor center, int meetingId, int itemId, int dueInDays, params string[] owners)
    {
        var ids = new List<int>();
        foreach (var code in owners)
        {
            ids.Add(await app.InstitutionIdAsync(code));
        }

        return await app.Service<CouncilDecisionService>().SaveAsync(center, meetingId, new DecisionForm
        {
            AgendaItemId = itemId,
            TextAr = "تسجيل حملات الربع القادم في الروزنامة الموحدة",
            TextEn = "Register next quarter's campaigns in the unified calendar",
            DueOn = CouncilInput.Iso(app.Service<CouncilTime>().Today.AddDays(dueInDays)),
            OwnerIds = ids,
        }, None);
    }

    /// <summary>Starts the meeting, records every invited institution present, and closes it.</summary>
    public static async Task HoldAndCloseAsync(this StrategyGovAppFactory app, Actor center, int meetingId)
    {
        var meetings = app.Service<CouncilMeetingService>();
        var agenda = app.Service<CouncilAgendaService>();
        await meetings.StartAsync(center, meetingId, None);
        foreach (var invitation in (await meetings.GetAsync(center, meetingId, None)).Invitations)
        {
            await agenda.RecordAttendanceAsync(center, invitation.Id, new AttendanceForm { Attendance = CouncilAttendance.Present, AttendeeName = "حاضر" }, None);
        }

        await meetings.CloseAsync(center, meetingId, None);
    }

    /// <summary>The assignment of a decision to an institution.</summary>
    public static async Task<int> OwnerIdAsync(this StrategyGovAppFactory app, int decisionId, string institutionCode)
    {
        await using var db = await app.DbAsync();
        return await db.CouncilDecisionOwners.Where(o => o.DecisionId == decisionId && o.Institution.Code == institutionCode).Select(o => o.Id).SingleAsync();
    }

    public static async Task<int> MeetingIdAsync(this StrategyGovAppFactory app, string titleEn)
    {
        await using var db = await app.DbAsync();
        return await db.CouncilMeetings.Where(m => m.TitleEn == titleEn).Select(m => m.Id).SingleAsync();
    }
}
