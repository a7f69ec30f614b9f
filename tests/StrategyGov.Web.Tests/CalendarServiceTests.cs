using StrategyGov.Data.Calendar;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Calendar;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Who sees and changes which calendar entries, through the service with the demo users, and the
/// seeded clash as each side is told about it. Tests that write register entries of their own far in
/// the future, so the seeded calendar they read stays as seeded.
/// </summary>
public sealed class CalendarServiceTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private CalendarService Calendar => app.Service<CalendarService>();

    private CalendarQuery Coming => new(Calendar.Today.AddDays(-30), Calendar.Today.AddDays(200));

    [Fact]
    public async Task List_Institution_SeesOwnDraftsAndOthersConfirmedOnly()
    {
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var eastId = await app.InstitutionIdAsync("AMN-EAST");

        var rows = await Calendar.ListAsync(east, Coming, None);

        Assert.Contains(rows, r => r.TitleEn == CalendarData.EastDraft && r.Status == CalendarEntryStatus.Draft);
        Assert.Contains(rows, r => r.TitleEn == CalendarData.FluCampaign);
        Assert.All(rows.Where(r => r.Institution.Id != eastId), r => Assert.Equal(CalendarEntryStatus.Confirmed, r.Status));
        Assert.DoesNotContain(rows, r => r.TitleEn == CalendarData.MohStaffMeetingDraft);
    }

    [Fact]
    public async Task List_CenterSeesDrafts_OfficialOnlyConfirmed()
    {
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var official = await app.ActorAsync(DemoUsers.Official);

        var center = await Calendar.ListAsync(reviewer, Coming, None);
        var officials = await Calendar.ListAsync(official, Coming, None);

        Assert.Contains(center, r => r.TitleEn == CalendarData.MohStaffMeetingDraft);
        Assert.Contains(center, r => r.Status == CalendarEntryStatus.Cancelled);
        Assert.All(officials, r => Assert.Equal(CalendarEntryStatus.Confirmed, r.Status));
        Assert.Equal(center.Count(r => r.Status == CalendarEntryStatus.Confirmed), officials.Count);
    }

    [Fact]
    public async Task List_Filters_KeepOnlyMatchingEntries_ButClashesStillSeeEveryRival()
    {
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var moh = await app.InstitutionIdAsync("MOH");
        var media = await app.AudienceIdAsync("media");

        var conferences = await Calendar.ListAsync(reviewer, Coming with { Kind = CalendarEntryKind.Conference }, None);
        var forMedia = await Calendar.ListAsync(reviewer, Coming with { AudienceId = media }, None);
        var ofMoh = await Calendar.ListAsync(reviewer, Coming with { InstitutionId = moh }, None);

        Assert.NotEmpty(conferences);
        Assert.All(conferences, r => Assert.Equal(CalendarEntryKind.Conference, r.Kind));
        Assert.NotEmpty(forMedia);
        Assert.All(forMedia, r => Assert.Contains(r.Audiences, a => a.Code == "media"));
        Assert.All(ofMoh, r => Assert.Equal(moh, r.Institution.Id));
        Assert.Contains(ofMoh.Single(r => r.TitleEn == CalendarData.FluCampaign).Clashes, c => c.OtherInstitutionEn == "Capital Municipality");
    }

    [Fact]
    public async Task Get_OtherInstitutionsDraft_IsNotFound()
    {
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var draft = await app.EntryAsync(CalendarData.MohStaffMeetingDraft);

        await Assert.ThrowsAsync<NotFoundException>(() => Calendar.GetAsync(east, draft.Id, None));
    }

    [Fact]
    public async Task Save_OtherInstitutionsEntries_AreRefusedAndUnchanged()
    {
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var draft = await app.EntryAsync(CalendarData.MohStaffMeetingDraft);
        var confirmed = await app.EntryAsync(CalendarData.FluCampaign);
        var form = await app.FormAsync("Hijacked", Calendar.Today, Calendar.Today);

        form.Id = draft.Id;
        await Assert.ThrowsAsync<NotFoundException>(() => Calendar.SaveAsync(east, form, None));
        form.Id = confirmed.Id;
        await Assert.ThrowsAsync<AccessDeniedException>(() => Calendar.SaveAsync(east, form, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Calendar.ConfirmAsync(east, draft.Id, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Calendar.CancelAsync(east, confirmed.Id, None));

        Assert.Equal(CalendarData.MohStaffMeetingDraft, (await app.EntryAsync(CalendarData.MohStaffMeetingDraft)).TitleEn);
        Assert.Equal(CalendarEntryStatus.Confirmed, (await app.EntryAsync(CalendarData.FluCampaign)).Status);
    }

    [Fact]
    public async Task Save_CenterAndOfficial_AreDenied()
    {
        var form = await app.FormAsync("Center entry", Calendar.Today, Calendar.Today);

        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Calendar.SaveAsync(await app.ActorAsync(DemoUsers.Admin), form, None));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Calendar.SaveAsync(await app.ActorAsync(DemoUsers.Official), form, None));
    }

    [Fact]
    public async Task Draft_ContributorRegisters_OnlyTheDirectorConfirms_ThenOthersSeeIt()
    {
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var day = Calendar.Today.AddDays(400);
        var id = await Calendar.SaveAsync(contributor, await app.FormAsync("Contributor draft", day, day.AddDays(1)), None);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Calendar.ConfirmAsync(contributor, id, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Calendar.GetAsync(east, id, None));
        await Calendar.ConfirmAsync(director, id, None);

        var seen = await Calendar.GetAsync(east, id, None);
        Assert.Equal(CalendarEntryStatus.Confirmed, seen.Status);
        Assert.False(seen.CanEdit);
        Assert.False((await Calendar.GetAsync(contributor, id, None)).CanEdit);
        await Assert.ThrowsAsync<RuleViolationException>(() => Calendar.ConfirmAsync(director, id, None));
    }

    [Fact]
    public async Task Save_EndBeforeStart_IsARuleViolation()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var form = await app.FormAsync("Backwards", Calendar.Today.AddDays(5), Calendar.Today.AddDays(4));

        var rule = await Assert.ThrowsAsync<RuleViolationException>(() => Calendar.SaveAsync(director, form, None));

        Assert.Equal("Calendar_EndBeforeStart", rule.Message);
    }

    [Fact]
    public async Task SeededClash_IsFlaggedToTheInstitutionAndTheCenter_WithAFreeDate()
    {
        var flu = await app.EntryAsync(CalendarData.FluCampaign);
        var festival = await app.EntryAsync(CalendarData.CapitalFestival);

        var moh = await Calendar.GetAsync(await app.ActorAsync(DemoUsers.DirectorMoh), flu.Id, None);
        var festivalRow = await Calendar.GetAsync(await app.ActorAsync(DemoUsers.DirectorMoh), festival.Id, None);
        var center = await Calendar.ClashesAsync(await app.ActorAsync(DemoUsers.Reviewer), None);
        var east = await Calendar.ClashesAsync(await app.ActorAsync(DemoUsers.DirectorEast), None);

        var clash = Assert.Single(moh.Clashes, c => c.OtherEntryId == festival.Id);
        Assert.Contains(clash.SharedAudiences, a => a.Code == "general-public");
        Assert.Equal((festivalRow.FirstDay, moh.LastDay), (clash.From, clash.To));
        Assert.Equal(festivalRow.LastDay.AddDays(1), clash.SuggestedStart);
        Assert.Contains(center, r => r.Id == flu.Id);
        Assert.Contains(center, r => r.Id == festival.Id);
        Assert.DoesNotContain(east, r => r.Id == flu.Id || r.Id == festival.Id);
    }

    [Fact]
    public async Task NewDraftClashingWithConfirmed_IsFlaggedToItsInstitutionAndTheCenter_NotYetToTheOther()
    {
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var mohDirector = await app.ActorAsync(DemoUsers.DirectorMoh);
        var flu = await app.EntryAsync(CalendarData.FluCampaign);
        var fluDay = DateOnly.FromDateTime(flu.StartsAt.AddHours(3)).AddDays(2);
        var id = await Calendar.SaveAsync(east, await app.FormAsync("East rival campaign", fluDay, fluDay), None);

        var eastSide = await Calendar.GetAsync(east, id, None);
        var centerSide = await Calendar.GetAsync(await app.ActorAsync(DemoUsers.Admin), id, None);
        var mohBefore = await Calendar.GetAsync(mohDirector, flu.Id, None);
        await Calendar.ConfirmAsync(east, id, None);
        var mohAfter = await Calendar.GetAsync(mohDirector, flu.Id, None);
        await Calendar.CancelAsync(east, id, None);
        var mohCancelled = await Calendar.GetAsync(mohDirector, flu.Id, None);

        Assert.Contains(eastSide.Clashes, c => c.OtherEntryId == flu.Id);
        Assert.Contains(centerSide.Clashes, c => c.OtherEntryId == flu.Id);
        Assert.DoesNotContain(mohBefore.Clashes, c => c.OtherEntryId == id);
        Assert.Contains(mohAfter.Clashes, c => c.OtherEntryId == id);
        Assert.DoesNotContain(mohCancelled.Clashes, c => c.OtherEntryId == id);
    }
}
