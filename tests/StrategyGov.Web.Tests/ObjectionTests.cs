using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Notifications;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Features.Objections;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Objections on MOH's approved answer to P1.1.2 (a percentage) in the published period 2026-Q3. Every
/// test first sets that answer to "reported 80, adjusted to 60" and the publication time it needs.
/// </summary>
public sealed class ObjectionTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private const string Code = "P1.1.2";
    private static readonly CancellationToken None = CancellationToken.None;

    private ObjectionService Objections => app.Service<ObjectionService>();

    [Fact]
    public async Task Raise_LastMinuteOfTheWindow_IsRecorded()
    {
        var (submissionId, indicatorId) = await ArrangeAsync(publishedDaysAgo: 14, minutesLeft: 1);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);

        var id = await Objections.RaiseAsync(director, submissionId, new NewObjection(indicatorId, "  الشواهد تثبت 80٪  ", null, "https://moh.example.gov/report"), None);

        var row = Assert.Single((await Objections.ForSubmissionAsync(director, submissionId, None)).Objections);
        Assert.Equal(id, row.Id);
        Assert.Equal(ObjectionStatus.Open, row.Status);
        Assert.Equal("الشواهد تثبت 80٪", row.Reason);
        Assert.Equal(ReviewDecision.Adjusted, row.DecisionBefore);
        Assert.Equal(60m, row.VerifiedValueBefore);
    }

    [Fact]
    public async Task Raise_AMinuteAfterTheWindow_IsRefused()
    {
        var (submissionId, indicatorId) = await ArrangeAsync(publishedDaysAgo: 14, minutesLeft: -1);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Objections.RaiseAsync(director, submissionId, new NewObjection(indicatorId, "متأخر", null, null), None));

        Assert.Equal("Objection_WindowClosed", refused.Message);
        Assert.False((await Objections.ForSubmissionAsync(director, submissionId, None)).WindowOpen);
        await AssertNoObjectionsAsync();
    }

    [Fact]
    public async Task Raise_WithinTheWindow_ShowsTheWindowOpenUntilItsEnd()
    {
        var (submissionId, _) = await ArrangeAsync(publishedDaysAgo: 3, minutesLeft: null);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);

        var objections = await Objections.ForSubmissionAsync(director, submissionId, None);

        Assert.True(objections.WindowOpen);
        Assert.InRange(objections.WindowClosesAt!.Value, DateTime.UtcNow.AddDays(10.9), DateTime.UtcNow.AddDays(11.1));
    }

    [Theory]
    [InlineData(DemoUsers.ContributorMoh, typeof(AccessDeniedException))]
    [InlineData(DemoUsers.Reviewer, typeof(AccessDeniedException))]
    [InlineData(DemoUsers.Official, typeof(AccessDeniedException))]
    [InlineData(DemoUsers.DirectorEast, typeof(NotFoundException))]
    public async Task Raise_NotTheInstitutionsDirector_IsRefused(string email, Type expected)
    {
        var (submissionId, indicatorId) = await ArrangeAsync(publishedDaysAgo: 1, minutesLeft: null);

        await Assert.ThrowsAsync(expected, async () =>
            await Objections.RaiseAsync(await app.ActorAsync(email), submissionId, new NewObjection(indicatorId, "سبب", null, null), None));

        await AssertNoObjectionsAsync();
    }

    [Fact]
    public async Task Raise_OpenPeriod_IsRefused()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var (_, indicatorId) = await ArrangeAsync(publishedDaysAgo: 1, minutesLeft: null);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(async () =>
            await Objections.RaiseAsync(await app.ActorAsync(DemoUsers.DirectorMoh), submissionId, new NewObjection(indicatorId, "سبب", null, null), None));

        Assert.Equal("Objection_NotPublished", refused.Message);
    }

    [Theory]
    [InlineData("  ", null, "Objection_ReasonRequired")]
    [InlineData("سبب", "120", "Validation_Percentage")]
    [InlineData("سبب", "60", "Objection_NothingToChange")]
    public async Task Raise_InvalidRequest_IsRefused(string reason, string? requested, string expectedKey)
    {
        var (submissionId, indicatorId) = await ArrangeAsync(publishedDaysAgo: 1, minutesLeft: null);
        var value = requested is null ? (decimal?)null : decimal.Parse(requested, System.Globalization.CultureInfo.InvariantCulture);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(async () =>
            await Objections.RaiseAsync(await app.ActorAsync(DemoUsers.DirectorMoh), submissionId, new NewObjection(indicatorId, reason, value, null), None));

        Assert.Equal(expectedKey, refused.Message);
        await AssertNoObjectionsAsync();
    }

    [Fact]
    public async Task Raise_SecondWhileTheFirstIsOpen_IsRefused()
    {
        var (submissionId, indicatorId) = await ArrangeAsync(publishedDaysAgo: 1, minutesLeft: null);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        await Objections.RaiseAsync(director, submissionId, new NewObjection(indicatorId, "الأول", null, null), None);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Objections.RaiseAsync(director, submissionId, new NewObjection(indicatorId, "الثاني", 70m, null), None));

        Assert.Equal("Objection_AlreadyOpen", refused.Message);
    }

    [Fact]
    public async Task Uphold_AsReported_AcceptsTheReportedValueAndBothSidesSeeIt()
    {
        var (submissionId, indicatorId) = await ArrangeAsync(publishedDaysAgo: 1, minutesLeft: null);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var id = await Objections.RaiseAsync(director, submissionId, new NewObjection(indicatorId, "الشواهد تثبت 80٪", null, null), None);

        await Objections.UpholdAsync(reviewer, id, "تحققنا من التقرير المرفق", None);

        var answer = await AnswerAsync();
        Assert.Equal(ReviewDecision.Accepted, answer.Decision);
        Assert.Null(answer.VerifiedValue);
        Assert.Equal(reviewer.UserId, answer.ReviewedById);
        var seen = Assert.Single((await Objections.ForSubmissionAsync(director, submissionId, None)).Objections);
        Assert.Equal(ObjectionStatus.Upheld, seen.Status);
        Assert.Equal("تحققنا من التقرير المرفق", seen.Resolution);
        Assert.Equal(ObjectionStatus.Upheld, Assert.Single(await Objections.ListAsync(reviewer, openOnly: false, None), r => r.Id == id).Status);
    }

    [Fact]
    public async Task Uphold_WithARequestedValue_AdjustsTheVerifiedValueToIt()
    {
        var (submissionId, indicatorId) = await ArrangeAsync(publishedDaysAgo: 1, minutesLeft: null);
        var id = await Objections.RaiseAsync(await app.ActorAsync(DemoUsers.DirectorMoh), submissionId, new NewObjection(indicatorId, "النسبة الصحيحة 70٪", 70m, null), None);

        await Objections.UpholdAsync(await app.ActorAsync(DemoUsers.Reviewer), id, null, None);

        var answer = await AnswerAsync();
        Assert.Equal(ReviewDecision.Adjusted, answer.Decision);
        Assert.Equal(70m, answer.VerifiedValue);
        Assert.Equal(80m, answer.Value);
        await app.AssertPackedAsync(submissionId);
    }

    [Fact]
    public async Task Uphold_PublishedScoresRecomputedAsANewRevisionAndTheInstitutionNotified()
    {
        var (submissionId, indicatorId) = await ArrangeAsync(publishedDaysAgo: 1, minutesLeft: null);
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var snapshots = app.Service<ScoreSnapshotService>();
        var revisionBefore = (await snapshots.HistoryAsync(reviewer, periodId, None))[0].Revision;
        var id = await Objections.RaiseAsync(await app.ActorAsync(DemoUsers.DirectorMoh), submissionId, new NewObjection(indicatorId, "النسبة الصحيحة 70٪", 70m, null), None);

        await Objections.UpholdAsync(reviewer, id, null, None);

        var latest = (await snapshots.HistoryAsync(reviewer, periodId, None))[0];
        Assert.Equal(revisionBefore + 1, latest.Revision);
        Assert.Contains(Code, latest.Reason, StringComparison.Ordinal);
        var scores = await app.Service<ScoreService>().GetInstitutionAsync(reviewer, await app.InstitutionIdAsync("MOH"), periodId, None);
        var indicator = scores.Entry.Result.Pillars.SelectMany(p => p.Practices).SelectMany(p => p.Indicators).Single(i => i.Code == Code);
        Assert.Equal(70m, indicator.Verified.Score);
        var notices = await app.Service<NotificationService>().ListAsync(await app.ActorAsync(DemoUsers.DirectorMoh), None);
        Assert.Contains(notices, n => n.Kind == NotificationKind.ObjectionAnswered);
    }

    [Fact]
    public async Task Dismiss_WithReasons_KeepsTheVerifiedValueAndTheInstitutionSeesWhy()
    {
        var (submissionId, indicatorId) = await ArrangeAsync(publishedDaysAgo: 1, minutesLeft: null);
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var id = await Objections.RaiseAsync(director, submissionId, new NewObjection(indicatorId, "نعترض", null, null), None);

        var withoutReason = await Assert.ThrowsAsync<RuleViolationException>(() => Objections.DismissAsync(reviewer, id, " ", None));
        await Objections.DismissAsync(reviewer, id, "التقرير لا يغطي الفترة", None);

        Assert.Equal("Objection_DismissReasonRequired", withoutReason.Message);
        var answer = await AnswerAsync();
        Assert.Equal(ReviewDecision.Adjusted, answer.Decision);
        Assert.Equal(60m, answer.VerifiedValue);
        var seen = Assert.Single((await Objections.ForSubmissionAsync(director, submissionId, None)).Objections);
        Assert.Equal(ObjectionStatus.Dismissed, seen.Status);
        Assert.Equal("التقرير لا يغطي الفترة", seen.Resolution);
        var again = await Assert.ThrowsAsync<RuleViolationException>(() => Objections.UpholdAsync(reviewer, id, null, None));
        Assert.Equal("Objection_AlreadyResolved", again.Message);
    }

    [Theory]
    [InlineData(DemoUsers.DirectorMoh)]
    [InlineData(DemoUsers.Official)]
    public async Task Resolve_NotAReviewer_IsAccessDenied(string email)
    {
        var (submissionId, indicatorId) = await ArrangeAsync(publishedDaysAgo: 1, minutesLeft: null);
        var id = await Objections.RaiseAsync(await app.ActorAsync(DemoUsers.DirectorMoh), submissionId, new NewObjection(indicatorId, "نعترض", null, null), None);
        var user = await app.ActorAsync(email);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Objections.UpholdAsync(user, id, null, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Objections.DismissAsync(user, id, "لا", None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Objections.ListAsync(user, openOnly: true, None));

        Assert.Equal(60m, (await AnswerAsync()).VerifiedValue);
    }

    [Fact]
    public async Task ForSubmission_OtherInstitution_IsNotFound()
    {
        var (submissionId, _) = await ArrangeAsync(publishedDaysAgo: 1, minutesLeft: null);

        await Assert.ThrowsAsync<NotFoundException>(async () => await Objections.ForSubmissionAsync(await app.ActorAsync(DemoUsers.DirectorEast), submissionId, None));
    }

    /// <summary>
    /// Sets the answer to "reported 80, adjusted to 60", clears its objections and publishes 2026-Q3
    /// either <paramref name="publishedDaysAgo"/> days ago, or so that <paramref name="minutesLeft"/>
    /// minutes of the 14-day window remain.
    /// </summary>
    private async Task<(int SubmissionId, int IndicatorId)> ArrangeAsync(int publishedDaysAgo, int? minutesLeft)
    {
        await using var db = await app.DbAsync();
        var answer = await db.Answers.Include(a => a.Submission)
            .SingleAsync(a => a.Submission.Institution.Code == "MOH" && a.Submission.Period.Code == SeededData.PublishedPeriod && a.Indicator.Code == Code);
        db.Objections.RemoveRange(db.Objections.Where(o => o.AnswerId == answer.Id));
        answer.Value = 80m;
        answer.NotApplicable = false;
        answer.Decision = ReviewDecision.Adjusted;
        answer.VerifiedValue = 60m;
        var period = await db.Periods.SingleAsync(p => p.Code == SeededData.PublishedPeriod);
        period.ObjectionWindowDays = 14;
        period.PublishedAt = minutesLeft is { } left
            ? DateTime.UtcNow.AddDays(-14).AddMinutes(left)
            : DateTime.UtcNow.AddDays(-publishedDaysAgo);
        await db.SaveChangesAsync();
        return (answer.SubmissionId, answer.IndicatorId);
    }

    private async Task<Answer> AnswerAsync()
    {
        await using var db = await app.DbAsync();
        return await db.Answers.AsNoTracking()
            .SingleAsync(a => a.Submission.Institution.Code == "MOH" && a.Submission.Period.Code == SeededData.PublishedPeriod && a.Indicator.Code == Code);
    }

    private async Task AssertNoObjectionsAsync()
    {
        await using var db = await app.DbAsync();
        Assert.False(await db.Objections.AnyAsync());
    }
}
