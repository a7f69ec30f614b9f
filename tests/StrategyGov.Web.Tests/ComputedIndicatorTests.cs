using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Reporting;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Features.Periods;
using StrategyGov.Web.Features.Roles;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Computed indicators through the services (docs/decisions/0096): the demo's computed answers come from
/// its records; a change of the records reaches an editable submission when it is refreshed or submitted;
/// nobody types over a computed value; other institutions and read-only users cannot trigger a refresh.
/// </summary>
public sealed class ComputedIndicatorTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private const string RolesIndicator = "P1.1.2";

    private SubmissionService Submissions => app.Service<SubmissionService>();

    private ComputedIndicatorService Computed => app.Service<ComputedIndicatorService>();

    [Fact]
    public async Task Seeded_PublishedAndOpenPeriods_ComputedAnswersMatchTheRoleRegister()
    {
        var official = await app.ActorAsync(DemoUsers.Official);
        var momraId = await app.InstitutionIdAsync("MOMRA");
        var register = await app.Service<RoleAssignmentService>().GetInstitutionAsync(official, momraId, None);
        var required = register.Slots.Where(s => s.Role.IsRequired).ToList();
        var filled = required.Count(s => s.Current is not null);

        var item = await Submissions.ItemAsync(official, await app.SubmissionIdAsync("MOMRA", SeededData.OpenPeriod), RolesIndicator);

        Assert.True(item.IsComputed);
        Assert.Equal(Math.Round(100m * filled / required.Count, 2), item.Value);
        Assert.Equal(required.Select(s => s.Role.Code), item.Basis!.Records.Select(r => r.Id));
        Assert.Equal((filled, required.Count), (item.Basis.Numerator, item.Basis.Denominator));
        Assert.Equal(new DateOnly(2026, 10, 1), item.Basis.From);
        var published = await Submissions.ItemAsync(official, await app.SubmissionIdAsync("MOMRA", SeededData.PublishedPeriod), RolesIndicator);
        Assert.Equal(new DateOnly(2026, 9, 30), published.Basis!.AsOf);
        Assert.Equal(Scoring.ReviewDecision.Accepted, published.Decision);
    }

    [Fact]
    public async Task Refresh_AfterTheSpokespersonLeft_LowersTheValueOnceAndAuditsWhy()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var mohId = await app.InstitutionIdAsync("MOH");
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        await Computed.RefreshAsync(director, submissionId, None);
        var before = await Submissions.ItemAsync(director, submissionId, RolesIndicator);
        var roles = app.Service<RoleAssignmentService>();
        var spokesperson = (await roles.GetInstitutionAsync(director, mohId, None)).Slot("SPOKESPERSON").Current!;
        await roles.EndAsync(director, spokesperson.Id, app.Service<RoleRegister>().Today.AddDays(-1), None);

        var changed = await Computed.RefreshAsync(director, submissionId, None);
        var again = await Computed.RefreshAsync(director, submissionId, None);

        var after = await Submissions.ItemAsync(director, submissionId, RolesIndicator);
        Assert.True(changed >= 1);
        Assert.Equal(0, again);
        Assert.Equal(before.Basis!.Numerator - 1, after.Basis!.Numerator);
        Assert.Equal(Math.Round(100m * after.Basis.Numerator!.Value / after.Basis.Denominator!.Value, 2), after.Value);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.False(after.Basis.Records.Single(r => r.Id == "SPOKESPERSON").Counts);
        await using var db = await app.DbAsync();
        var answerKey = after.AnswerId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var events = await db.AuditEvents.Where(e => e.EntityType == "Answer" && e.EntityKey == answerKey).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(ComputedIndicatorService.ComputedReason, events[^1].Reason);
        Assert.Equal(director.UserId, events[^1].ActorUserId);
    }

    [Fact]
    public async Task SaveAnswer_ComputedValueTyped_IsRefusedButACommentIsSaved()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var submissionId = await app.ResetToEmptyDraftAsync("AMN-EAST");
        await Computed.RefreshAsync(director, submissionId, None);
        var item = await Submissions.ItemAsync(director, submissionId, RolesIndicator);

        var typed = await Record.ExceptionAsync(() => Submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(item, 100m), None));
        var notApplicable = await Record.ExceptionAsync(() => Submissions.SaveAnswerAsync(
            director, submissionId, new AnswerChange(item.IndicatorId, null, true, "لا ينطبق", null, item.Version), None));
        await Submissions.SaveAnswerAsync(director, submissionId, new AnswerChange(item.IndicatorId, item.Value, false, null, "سيُعيَّن متحدث رسمي الشهر القادم", item.Version), None);

        var after = await Submissions.ItemAsync(director, submissionId, RolesIndicator);
        Assert.Equal("Answer_ComputedReadOnly", Assert.IsType<RuleViolationException>(typed).Message);
        Assert.Equal("Answer_ComputedReadOnly", Assert.IsType<RuleViolationException>(notApplicable).Message);
        Assert.Equal(item.Value, after.Value);
        Assert.Equal("سيُعيَّن متحدث رسمي الشهر القادم", after.Comment);
    }

    [Fact]
    public async Task Submit_RecordsChangedAfterOpening_SubmitsWhatTheRecordsSayNow()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var eastId = await app.InstitutionIdAsync("AMN-EAST");
        var submissionId = await app.ResetToEmptyDraftAsync("AMN-EAST");
        await Computed.RefreshAsync(director, submissionId, None);
        var before = await Submissions.ItemAsync(director, submissionId, RolesIndicator);
        await app.Service<RoleAssignmentService>().AddAsync(
            director, eastId, Governance.Spokesperson(await app.RoleIdAsync("SPOKESPERSON"), app.Service<RoleRegister>().Today.AddDays(-2)), None);
        await app.AnswerRemainingWithBestAsync(director, submissionId);

        await Submissions.SubmitAsync(director, submissionId, None);

        var after = await Submissions.ItemAsync(director, submissionId, RolesIndicator);
        Assert.Equal(before.Basis!.Numerator + 1, after.Basis!.Numerator);
        Assert.True(after.Value > before.Value);
        Assert.Equal(SubmissionStatus.Submitted, (await app.StoredSubmissionAsync(submissionId)).Status);
        await using var db = await app.DbAsync();
        var snapshot = await db.AnswerSnapshots.SingleAsync(s => s.SubmissionId == submissionId && s.IndicatorId == after.IndicatorId);
        Assert.Equal(after.Value, snapshot.Value);
    }

    [Fact]
    public async Task Refresh_SubmittedOrPublished_ChangesNothing()
    {
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var published = await app.SubmissionIdAsync("MOH", SeededData.PublishedPeriod);
        var before = await app.StoredAnswersAsync(published);

        var changed = await Computed.RefreshAsync(reviewer, published, None);

        Assert.Equal(0, changed);
        Assert.Equal(before.Select(a => (a.IndicatorId, a.Value, a.Version)), (await app.StoredAnswersAsync(published)).Select(a => (a.IndicatorId, a.Value, a.Version)));
    }

    [Fact]
    public async Task Refresh_AnotherInstitutionOrAReadOnlyUser_IsRefused()
    {
        var submissionId = await app.SubmissionIdAsync("MOH", SeededData.OpenPeriod);

        await Assert.ThrowsAsync<NotFoundException>(async () => await Computed.RefreshAsync(await app.ActorAsync(DemoUsers.DirectorEast), submissionId, None));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await Computed.RefreshAsync(await app.ActorAsync(DemoUsers.Official), submissionId, None));
    }

    [Fact]
    public async Task OpenPeriod_NewPeriod_EveryDraftStartsWithItsComputedAnswers()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var periods = app.Service<PeriodService>();
        var strategy = (await periods.PublishedStrategiesAsync(admin, None))[0];
        var periodId = await periods.CreateAsync(admin, new NewPeriod("2027-Q1", strategy.Id, new(2027, 1, 1), new(2027, 3, 20), new(2027, 3, 31)), None);

        await periods.OpenAsync(admin, periodId, None);

        await using var db = await app.DbAsync();
        var computedPerDraft = await db.Submissions.Where(s => s.PeriodId == periodId)
            .Select(s => s.Answers.Count(a => a.Indicator.ComputedFrom != null && a.ComputedBasis != null))
            .ToListAsync();
        var computedIndicators = await db.Indicators.CountAsync(i => i.ComputedFrom != null && i.Practice.Pillar.StrategyVersionId == strategy.Id);
        Assert.NotEmpty(computedPerDraft);
        Assert.All(computedPerDraft, count => Assert.Equal(computedIndicators, count));
    }
}
