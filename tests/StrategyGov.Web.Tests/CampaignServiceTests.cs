using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Calendar;
using StrategyGov.Data.Media;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Calendar;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Features.Media.Campaigns;
using StrategyGov.Web.Features.Media.Interactions;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Campaign plans through their service (ADR 0099): the plan, SMART objectives frozen at launch, the
/// evaluation, co-ownership and calendar links, the isolation of other institutions, and the computed
/// indicators that read them (P2.3.2, P3.2.1, P3.2.2, P8.3.2 on MOH's open submission).
/// </summary>
public sealed class CampaignServiceTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private CampaignService Campaigns => app.Service<CampaignService>();

    private DateOnly Today => Campaigns.Today;

    private async Task<int> NewCampaignAsync(Actor actor, string titleEn, bool complete = true)
    {
        var id = await Campaigns.CreateAsync(actor, MediaData.Plan(titleEn, Today.AddDays(-5), Today.AddDays(20), complete ? ["general-public"] : []), None);
        await Campaigns.SaveObjectivesAsync(actor, id, [MediaData.Objective()], None);
        return id;
    }

    [Fact]
    public async Task Create_ArabicIndicBudgetAndLowerCaseCurrency_AreReadAndSixStagesExist()
    {
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);

        var id = await NewCampaignAsync(contributor, "Clinic hours awareness");

        var view = await Campaigns.GetAsync(contributor, id, None);
        Assert.Equal(CampaignStatus.Draft, view.Row.Status);
        Assert.Equal(120000m, view.Row.BudgetPlanned);
        Assert.Equal("SAR", view.Row.Currency);
        Assert.Equal(Enum.GetValues<EvaluationStage>(), view.Evaluation.Select(e => e.Stage));
        Assert.True(view.Row.PlanComplete);
        Assert.True(view.Can.EditObjectives);
        Assert.False(view.Can.Decide);
    }

    [Theory]
    [InlineData("٦٠٫٥", null)]
    [InlineData("ستون", "Campaign_TargetInvalid")]
    public async Task SaveObjectives_TargetTypedInAnyDigits_OrRefusedNamingTheField(string target, string? error)
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var id = await Campaigns.CreateAsync(director, MediaData.Plan($"Target {Guid.NewGuid():N}", Today, Today.AddDays(10), "families"), None);

        var exception = await Record.ExceptionAsync(() => Campaigns.SaveObjectivesAsync(director, id, [MediaData.Objective(target)], None));

        Assert.Equal(error, (exception as RuleViolationException)?.Message);
        var view = await Campaigns.GetAsync(director, id, None);
        Assert.Equal(error is null ? [60.5m] : [], view.Objectives.Select(o => o.Target!.Value));
    }

    [Fact]
    public async Task Launch_RecordsWhetherThePlanWasComplete_ObjectivesAreThenFrozen_ResultsDecideMet()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var planned = await NewCampaignAsync(director, "Planned campaign");
        var unplanned = await NewCampaignAsync(director, "Unplanned campaign", complete: false);

        await Campaigns.LaunchAsync(director, planned, Today.AddDays(-2), None);
        await Campaigns.LaunchAsync(director, unplanned, Today, None);
        var objectiveId = (await Campaigns.GetAsync(director, planned, None)).Objectives[0].Id;
        var moved = await Record.ExceptionAsync(() => Campaigns.SaveObjectivesAsync(director, planned, [MediaData.Objective("40", id: objectiveId)], None));
        var added = await Record.ExceptionAsync(() => Campaigns.SaveObjectivesAsync(director, planned, [MediaData.Objective(id: objectiveId), MediaData.Objective()], None));
        await Campaigns.SaveObjectivesAsync(director, planned, [MediaData.Objective(result: "٦٤", id: objectiveId)], None);

        var view = await Campaigns.GetAsync(director, planned, None);
        Assert.True(view.Row.PlannedAtLaunch);
        Assert.False((await Campaigns.GetAsync(director, unplanned, None)).Row.PlannedAtLaunch);
        Assert.Equal("Campaign_ObjectivesFrozen", Assert.IsType<RuleViolationException>(moved).Message);
        Assert.Equal("Campaign_ObjectivesFrozen", Assert.IsType<RuleViolationException>(added).Message);
        Assert.Equal(64m, view.Objectives[0].Result);
        Assert.True(view.Objectives[0].Met);
        Assert.Equal(Today.AddDays(-2), view.Row.LaunchedOn);
    }

    [Fact]
    public async Task Evaluate_NeedsResultsAndLessons_ThenTheCampaignIsLocked()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var id = await NewCampaignAsync(director, "Evaluated campaign");
        await Campaigns.LaunchAsync(director, id, Today, None);
        await Campaigns.CompleteAsync(director, id, Today, None);
        var objectiveId = (await Campaigns.GetAsync(director, id, None)).Objectives[0].Id;

        var noResult = await Record.ExceptionAsync(() => Campaigns.EvaluateAsync(director, id, None));
        await Campaigns.SaveObjectivesAsync(director, id, [MediaData.Objective(result: "55", id: objectiveId)], None);
        var noLessons = await Record.ExceptionAsync(() => Campaigns.EvaluateAsync(director, id, None));
        await Campaigns.SaveEvaluationAsync(director, id, [new EvaluationForm { Stage = EvaluationStage.Learning, Text = "نبدأ قبل الموسم بشهر" }], None);
        await Campaigns.EvaluateAsync(director, id, None);
        var locked = await Record.ExceptionAsync(() => Campaigns.SavePlanAsync(director, id, MediaData.Plan("Changed", Today, Today), None));

        var view = await Campaigns.GetAsync(director, id, None);
        Assert.Equal("Campaign_ResultsMissing", Assert.IsType<RuleViolationException>(noResult).Message);
        Assert.Equal("Campaign_LearningMissing", Assert.IsType<RuleViolationException>(noLessons).Message);
        Assert.Equal("Campaign_Locked", Assert.IsType<RuleViolationException>(locked).Message);
        Assert.Equal(CampaignStatus.Evaluated, view.Row.Status);
        Assert.False(view.Objectives[0].Met);
        Assert.False(view.Can.EditPlan);
    }

    [Theory]
    [InlineData(1, "Campaign_DateInFuture")]
    [InlineData(0, null)]
    public async Task Launch_DayInTheFuture_IsRefused(int daysAhead, string? error)
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var id = await Campaigns.CreateAsync(director, MediaData.Plan($"Launch {Guid.NewGuid():N}", Today, Today.AddDays(3), "families"), None);

        var exception = await Record.ExceptionAsync(() => Campaigns.LaunchAsync(director, id, Today.AddDays(daysAhead), None));

        Assert.Equal(error, (exception as RuleViolationException)?.Message);
    }

    [Fact]
    public async Task Contributor_WritesThePlanButCannotLaunchCompleteOrDelete()
    {
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);
        var id = await NewCampaignAsync(contributor, "Contributor draft");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Campaigns.LaunchAsync(contributor, id, Today, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Campaigns.DeleteAsync(contributor, id, None));
        await Campaigns.SavePlanAsync(contributor, id, MediaData.Plan("Contributor draft, revised", Today, Today.AddDays(9), "youth"), None);
        Assert.Equal("Contributor draft, revised", (await Campaigns.GetAsync(contributor, id, None)).Row.TitleEn);
    }

    [Fact]
    public async Task OtherInstitution_NotFound_CenterAndOfficialsReadOnly()
    {
        var flu = await app.CampaignIdAsync(MediaData.FluCampaign);
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var official = await app.ActorAsync(DemoUsers.Official);
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);

        await Assert.ThrowsAsync<NotFoundException>(() => Campaigns.GetAsync(east, flu, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Campaigns.SavePlanAsync(east, flu, MediaData.Plan("x", Today, Today), None));
        await Assert.ThrowsAsync<NotFoundException>(() => Campaigns.CompleteAsync(east, flu, Today, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Campaigns.LinkEntryAsync(east, flu, 1, None));
        Assert.Null(await Campaigns.LinkOfAsync(east, flu, None));
        Assert.DoesNotContain(await Campaigns.ListAsync(east, new CampaignFilter(), None), c => c.Id == flu);
        Assert.False((await Campaigns.GetAsync(official, flu, None)).Can.EditPlan);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Campaigns.CompleteAsync(official, flu, Today, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Campaigns.SaveObjectivesAsync(reviewer, flu, [], None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Campaigns.CreateAsync(reviewer, MediaData.Plan("x", Today, Today), None));
    }

    [Fact]
    public async Task Partner_ReadsItLinksItsOwnEntry_CannotChangeThePlan_TheCalendarShowsTheLink()
    {
        var moh = await app.ActorAsync(DemoUsers.DirectorMoh);
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var id = await NewCampaignAsync(moh, "Joint campaign");
        await Campaigns.AddPartnerAsync(moh, id, await app.InstitutionIdAsync("AMN-EAST"), None);
        var eastEntry = await app.Service<CalendarService>().SaveAsync(east, await app.FormAsync("East entry of the joint campaign", Today.AddDays(3), Today.AddDays(4), highProfile: false), None);
        var seededLink = await app.EntryAsync(CalendarData.EastDraft);

        var view = await Campaigns.GetAsync(east, id, None);
        var planChange = await Record.ExceptionAsync(() => Campaigns.SavePlanAsync(east, id, MediaData.Plan("x", Today, Today), None));
        var linkedElsewhere = await Record.ExceptionAsync(() => Campaigns.LinkEntryAsync(east, id, seededLink.Id, None));
        await Campaigns.LinkEntryAsync(east, id, eastEntry, None);

        Assert.Contains(view.Row.Partners, p => p.Code == "AMN-EAST");
        Assert.True(view.Can.LinkEntries);
        Assert.False(view.Can.EditPlan);
        Assert.IsType<AccessDeniedException>(planChange);
        Assert.Equal("Campaign_EntryLinkedElsewhere", Assert.IsType<RuleViolationException>(linkedElsewhere).Message);
        Assert.Equal(id, (await app.Service<CalendarService>().GetAsync(east, eastEntry, None)).CampaignPlanId);
        Assert.Contains((await Campaigns.GetAsync(east, id, None)).CalendarEntries, e => e.Id == eastEntry && e.CanUnlink);
        Assert.DoesNotContain((await Campaigns.GetAsync(moh, id, None)).CalendarEntries, e => e.Id == eastEntry); // a draft of another institution (ADR 0061)
        Assert.Equal("حملة اختبار: Joint campaign", (await Campaigns.LinkOfAsync(east, id, None))?.TitleAr);
        Assert.Null(await Campaigns.LinkOfAsync(await app.ActorAsync(DemoUsers.ContributorMoh) with { InstitutionId = await app.InstitutionIdAsync("MOE") }, id, None));
    }

    [Fact]
    public async Task LinkEntry_AnotherInstitutionsDraftIsNotFound_ItsConfirmedEntryIsNotYours()
    {
        var moh = await app.ActorAsync(DemoUsers.DirectorMoh);
        var id = await NewCampaignAsync(moh, "Link test");
        var eastDraft = await app.EntryAsync(CalendarData.EastDraft);
        var capitalConfirmed = await app.EntryAsync(CalendarData.CapitalFestival);
        var mohDraft = await app.EntryAsync(CalendarData.MohStaffMeetingDraft);

        await Assert.ThrowsAsync<NotFoundException>(() => Campaigns.LinkEntryAsync(moh, id, eastDraft.Id, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Campaigns.LinkEntryAsync(moh, id, capitalConfirmed.Id, None));
        Assert.Contains(await Campaigns.EntryChoicesAsync(moh, id, None), e => e.Id == mohDraft.Id);
        await Campaigns.LinkEntryAsync(moh, id, mohDraft.Id, None);

        var linked = (await Campaigns.GetAsync(moh, id, None)).CalendarEntries;
        Assert.Equal(mohDraft.Id, Assert.Single(linked).Id);
        await Campaigns.UnlinkEntryAsync(moh, id, mohDraft.Id, None);
        Assert.Null((await app.EntryAsync(CalendarData.MohStaffMeetingDraft)).CampaignPlanId);
        await using var db = await app.DbAsync();
        var key = mohDraft.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.EntityType == nameof(CalendarEntry) && e.EntityKey == key && e.ActorUserId == moh.UserId));
    }

    [Fact]
    public async Task Delete_Draft_KeepsItsCalendarEntryUnlinked()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var id = await Campaigns.CreateAsync(director, MediaData.Plan("Draft to delete", Today, Today.AddDays(5), "families"), None);
        var entry = await app.Service<CalendarService>().SaveAsync(director, await app.FormAsync("Entry of a deleted campaign", Today.AddDays(5), Today.AddDays(5), highProfile: false), None);
        await Campaigns.LinkEntryAsync(director, id, entry, None);

        await Campaigns.DeleteAsync(director, id, None);

        Assert.Null((await app.EntryAsync("Entry of a deleted campaign")).CampaignPlanId);
        await Assert.ThrowsAsync<NotFoundException>(() => Campaigns.GetAsync(director, id, None));
    }

    [Fact]
    public async Task ComputedIndicators_MohOpenSubmission_FollowTheMediaRecords()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var computed = app.Service<ComputedIndicatorService>();
        var submissions = app.Service<SubmissionService>();
        await computed.RefreshAsync(director, submissionId, None);
        var conferencesBefore = await submissions.ItemAsync(director, submissionId, "P3.2.1");

        await app.Service<InteractionService>().SaveAsync(director, null, await app.PressConferenceAsync(Today, "مؤتمر صحفي محتسب"), None);
        var campaign = await NewCampaignAsync(director, "Counted campaign");
        await Campaigns.LaunchAsync(director, campaign, Today, None);
        await Campaigns.CompleteAsync(director, campaign, Today, None);
        var objectiveId = (await Campaigns.GetAsync(director, campaign, None)).Objectives[0].Id;
        await Campaigns.SaveObjectivesAsync(director, campaign, [MediaData.Objective(result: "70", id: objectiveId)], None);
        await Campaigns.SaveEvaluationAsync(director, campaign, [new EvaluationForm { Stage = EvaluationStage.Learning, Text = "درس" }], None);
        await Campaigns.EvaluateAsync(director, campaign, None);
        await computed.RefreshAsync(director, submissionId, None);

        var conferences = await submissions.ItemAsync(director, submissionId, "P3.2.1");
        var evaluated = await submissions.ItemAsync(director, submissionId, "P8.3.2");
        var planned = await submissions.ItemAsync(director, submissionId, "P2.3.2");
        var meetings = await submissions.ItemAsync(director, submissionId, "P3.2.2");
        Assert.Equal(conferencesBefore.Value + 1, conferences.Value);
        Assert.Contains(conferences.Basis!.Records, r => r.LabelAr == "مؤتمر صحفي: مؤتمر صحفي محتسب" && r.Counts == true);
        Assert.Contains(evaluated.Basis!.Records, r => r.Id == campaign.ToString(System.Globalization.CultureInfo.InvariantCulture) && r.Counts == true);
        Assert.Contains(evaluated.Basis.Records, r => r.LabelEn.StartsWith(MediaData.DiabetesCampaign, StringComparison.Ordinal) && r.Counts == false);
        Assert.Equal(Math.Round(100m * evaluated.Basis.Numerator!.Value / evaluated.Basis.Denominator!.Value, 2), evaluated.Value);
        Assert.Contains(planned.Basis!.Records, r => r.LabelEn.StartsWith(MediaData.FluCampaign, StringComparison.Ordinal) && r.Counts == true);
        Assert.Contains(planned.Basis.Records, r => r.LabelEn.StartsWith(MediaData.DiabetesCampaign, StringComparison.Ordinal) && r.Counts == false);
        Assert.Equal(new DateOnly(2026, 7, 1), meetings.Basis!.From); // semi-annual: the six months ending with the period
        Assert.True(meetings.Value >= 2);
    }

    [Fact]
    public async Task ComputedIndicators_CoOwnedCampaignCountsForThePartner_SeededPublishedPeriodToo()
    {
        var official = await app.ActorAsync(DemoUsers.Official);
        var submissions = app.Service<SubmissionService>();

        var east = await submissions.ItemAsync(official, await app.SubmissionIdAsync("AMN-EAST", SeededData.OpenPeriod), "P8.3.2");
        var mohPublished = await submissions.ItemAsync(official, await app.SubmissionIdAsync("MOH", SeededData.PublishedPeriod), "P8.3.2");
        var capital = await submissions.ItemAsync(official, await app.SubmissionIdAsync("AMN-CAPITAL", SeededData.OpenPeriod), "P2.3.2");

        Assert.Contains(east.Basis!.Records, r => r.LabelEn == MediaData.MunicipalCampaign && r.Counts == true);
        Assert.Equal(100m, east.Value);
        Assert.Equal(100m, mohPublished.Value);
        Assert.Contains(mohPublished.Basis!.Records, r => r.LabelEn == MediaData.HeatCampaign);
        Assert.Equal(100m, capital.Value);
        var notApplicable = await submissions.ItemAsync(official, await app.SubmissionIdAsync("MOE", SeededData.OpenPeriod), "P8.3.2");
        Assert.True(notApplicable.NotApplicable);
        Assert.Equal("Computed_NoCampaignsCompleted", notApplicable.Basis!.NotApplicableReason);
    }
}
