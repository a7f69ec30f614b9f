using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Audit;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The audit trail through the real services: every change recorded with its actor, the hash chain
/// intact after real work, and tampering with the stored rows (raw SQL, as an intruder with database
/// access would) found at the right event. Tampering tests run on an app of their own.
/// </summary>
public sealed class AuditTrailTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private AuditService Audit => app.Service<AuditService>();

    [Fact]
    public async Task Verify_AfterTheWholeReviewLoop_IsIntact()
    {
        await RunReviewLoopAsync(app);
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var result = await Audit.VerifyAsync(admin, None);

        Assert.True(result.IsIntact, result.Break?.ToString());
        Assert.True(result.EventsChecked > 100, $"only {result.EventsChecked} events");
        Assert.Equal(await StoredHeadHashAsync(app), result.HeadHash);
    }

    [Fact]
    public async Task SaveAnswer_RecordsActorInstitutionAndChangedValuesOnly()
    {
        var submissionId = await app.ResetToEmptyDraftAsync("MOH");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var submissions = app.Service<SubmissionService>();
        var item = await submissions.ItemAsync(director, submissionId, "P1.3.2");
        var version = await submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(item, 40m), None);
        var saved = await submissions.ItemAsync(director, submissionId, "P1.3.2");

        await submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(saved, 55m), None);

        var latest = await LatestEventAsync("Answer");
        Assert.Equal(AuditAction.Changed, latest.Action);
        Assert.Equal(director.UserId, latest.ActorUserId);
        Assert.Equal(director.Name, latest.ActorName);
        Assert.Equal(director.InstitutionId, latest.ActorInstitutionId);
        Assert.Equal(await app.InstitutionIdAsync("MOH"), latest.InstitutionId);
        Assert.Contains("\"Value\":40", latest.Before, StringComparison.Ordinal);
        Assert.Contains("\"Value\":55", latest.After, StringComparison.Ordinal);
        Assert.Contains($"\"Version\":{version + 1}", latest.After, StringComparison.Ordinal);
        Assert.DoesNotContain("NotApplicable", latest.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_RecordsTheReviewerAndTheMessageAsReason()
    {
        var submissionId = await app.SubmittedAsync("MOH", DemoUsers.DirectorMoh);
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);

        await app.Service<ReviewService>().ReturnAsync(reviewer, submissionId, "  أكملوا الشواهد  ", None);

        var latest = await LatestEventAsync("Submission");
        Assert.Equal(submissionId.ToString(System.Globalization.CultureInfo.InvariantCulture), latest.EntityKey);
        Assert.Equal(reviewer.UserId, latest.ActorUserId);
        Assert.Null(latest.ActorInstitutionId);
        Assert.Equal("أكملوا الشواهد", latest.Reason);
        Assert.Contains("\"Status\":\"Submitted\"", latest.Before, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"Returned\"", latest.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_WithoutAuditAs_IsRecordedAsSystem()
    {
        await using (var db = await app.DbAsync())
        {
            var institution = await db.Institutions.SingleAsync(i => i.Code == "MOH");
            institution.NameEn += " ";
            await db.SaveChangesAsync();
        }

        var latest = await LatestEventAsync("Institution");
        Assert.Null(latest.ActorUserId);
        Assert.Equal(AuditIdentity.SystemName, latest.ActorName);
        Assert.Equal(await app.InstitutionIdAsync("MOH"), latest.InstitutionId);
    }

    [Fact]
    public async Task Browse_InstitutionDirector_SeesOnlyOwnInstitutionsEvents()
    {
        await app.SubmittedAsync("MOH", DemoUsers.DirectorMoh);
        await app.SubmittedAsync("AMN-EAST", DemoUsers.DirectorEast);
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var eastId = await app.InstitutionIdAsync("AMN-EAST");
        var mohId = await app.InstitutionIdAsync("MOH");

        var own = await Audit.BrowseAsync(east, new AuditFilter(), 0, AuditService.MaxPageSize, None);
        var askingForMoh = await Audit.BrowseAsync(east, new AuditFilter(InstitutionId: mohId), 0, AuditService.MaxPageSize, None);

        Assert.NotEmpty(own.Rows);
        Assert.All(own.Rows, r => Assert.Equal(eastId, r.InstitutionId));
        Assert.All(askingForMoh.Rows, r => Assert.Equal(eastId, r.InstitutionId));
        Assert.Equal(own.Total, askingForMoh.Total);
        var options = await Audit.FilterOptionsAsync(east, None);
        Assert.Empty(options.Institutions);
    }

    [Fact]
    public async Task Browse_Center_FiltersByInstitutionEntityActorAndText()
    {
        var submissionId = await app.SubmittedAsync("MOH", DemoUsers.DirectorMoh);
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        await app.Service<ReviewService>().ReturnAsync(reviewer, submissionId, "رسالة-فريدة-للبحث", None);
        var mohId = await app.InstitutionIdAsync("MOH");

        var moh = await Audit.BrowseAsync(reviewer, new AuditFilter(InstitutionId: mohId, EntityType: "Submission"), 0, 50, None);
        var byText = await Audit.BrowseAsync(reviewer, new AuditFilter(Text: "رسالة-فريدة-للبحث"), 0, 50, None);
        var byActor = await Audit.BrowseAsync(reviewer, new AuditFilter(Actor: reviewer.Name), 0, 50, None);

        Assert.NotEmpty(moh.Rows);
        Assert.All(moh.Rows, r => Assert.True(r.InstitutionId == mohId && r.EntityType == "Submission"));
        var found = Assert.Single(byText.Rows, r => r.Reason == "رسالة-فريدة-للبحث");
        Assert.Equal(AuditAction.Changed, found.Action);
        Assert.Contains(found.Changes, c => c.Property == "Status" && c.Before == "Submitted" && c.After == "Returned");
        Assert.All(byActor.Rows, r => Assert.Equal(reviewer.Name, r.ActorName));
    }

    [Fact]
    public async Task Browse_PagesOnTheServerNewestFirst()
    {
        await app.SubmittedAsync("MOH", DemoUsers.DirectorMoh);
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var first = await Audit.BrowseAsync(admin, new AuditFilter(), 0, 10, None);
        var second = await Audit.BrowseAsync(admin, new AuditFilter(), 1, 10, None);

        Assert.Equal(10, first.Rows.Count);
        Assert.Equal(10, second.Rows.Count);
        Assert.True(first.Total > 20);
        Assert.Equal(first.Rows.Select(r => r.Sequence).Order().Reverse(), first.Rows.Select(r => r.Sequence));
        Assert.Equal(first.Rows[^1].Sequence - 1, second.Rows[0].Sequence);
    }

    [Fact]
    public async Task Browse_Official_IsAccessDenied()
    {
        var official = await app.ActorAsync(DemoUsers.Official);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Audit.BrowseAsync(official, new AuditFilter(), 0, 10, None));
    }

    [Theory]
    [InlineData(DemoUsers.Reviewer)]
    [InlineData(DemoUsers.DirectorMoh)]
    public async Task Verify_NotCenterAdmin_IsAccessDenied(string email)
    {
        var actor = await app.ActorAsync(email);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Audit.VerifyAsync(actor, None));
    }

    [Fact]
    public async Task Verify_EventEditedInTheDatabase_ReportsThatEvent()
    {
        static string EditValue(AuditEvent target) =>
            $"UPDATE AuditEvents SET After = replace(After, '\"Value\":', '\"Value\":9') WHERE Sequence = {target.Sequence}";

        var (target, result) = await VerifyAfterTamperingAsync(EditValue);

        var broken = Assert.IsType<AuditBreak>(result.Break);
        Assert.Equal(target.Sequence, broken.Sequence);
        Assert.Equal(AuditBreakKind.HashMismatch, broken.Kind);
        Assert.Equal(target.Hash, broken.Stored);
        Assert.NotEqual(target.Hash, broken.Expected);
        Assert.Equal(target.Sequence - 1, result.EventsChecked);
    }

    [Fact]
    public async Task Verify_EventEditedAndRehashed_ReportsTheNextEvent()
    {
        static string Forged(AuditEvent target) => AuditChain.ComputeHash(new AuditEvent
        {
            Sequence = target.Sequence, OccurredAt = target.OccurredAt, ActorUserId = target.ActorUserId, ActorName = "someone else",
            ActorInstitutionId = target.ActorInstitutionId, EntityType = target.EntityType, EntityKey = target.EntityKey,
            InstitutionId = target.InstitutionId, Action = target.Action, Before = target.Before, After = target.After,
            Reason = target.Reason, PreviousHash = target.PreviousHash, Hash = string.Empty,
        });

        var (target, result) = await VerifyAfterTamperingAsync(t =>
            $"UPDATE AuditEvents SET ActorName = 'someone else', Hash = '{Forged(t)}' WHERE Sequence = {t.Sequence}");

        var broken = Assert.IsType<AuditBreak>(result.Break);
        Assert.Equal(target.Sequence + 1, broken.Sequence);
        Assert.Equal(AuditBreakKind.PreviousHashMismatch, broken.Kind);
        Assert.Equal(Forged(target), broken.Expected);
    }

    [Fact]
    public async Task Verify_EventDeletedFromTheDatabase_ReportsTheMissingSequence()
    {
        var (target, result) = await VerifyAfterTamperingAsync(t => $"DELETE FROM AuditEvents WHERE Sequence = {t.Sequence}");

        var broken = Assert.IsType<AuditBreak>(result.Break);
        Assert.Equal(target.Sequence, broken.Sequence);
        Assert.Equal(AuditBreakKind.MissingSequence, broken.Kind);
    }

    [Fact]
    public async Task Save_ManyWritersAtOnce_KeepOneUnbrokenChain()
    {
        var before = await StoredCountAsync(app);
        var codes = await AuditConcurrency.InstitutionCodesAsync(app.Services.GetRequiredService<IDbContextFactory<Data.StrategyGovDbContext>>(), 8);

        await AuditConcurrency.RenameAllAtOnceAsync(app.Services.GetRequiredService<IDbContextFactory<Data.StrategyGovDbContext>>(), codes);

        var result = await Audit.VerifyAsync(await app.ActorAsync(DemoUsers.Admin), None);
        Assert.True(result.IsIntact, result.Break?.ToString());
        Assert.Equal(before + codes.Count, await StoredCountAsync(app));
    }

    [Fact]
    public async Task Seed_IsOneSystemEventAtTheStartOfTheChain()
    {
        await using var db = await app.DbAsync();

        var first = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).FirstAsync();

        Assert.Equal(1, first.Sequence);
        Assert.Equal(AuditAction.Recorded, first.Action);
        Assert.Equal(AuditChain.GenesisHash, first.PreviousHash);
        Assert.Null(first.ActorUserId);
        Assert.Contains("\"Answers\":", first.After, StringComparison.Ordinal);
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.EntityType == "Answer" && e.Sequence < 2));
    }

    /// <summary>Submit, decide, return, re-answer, re-submit, accept the rest, approve: MOH's 2026-Q4.</summary>
    private static async Task RunReviewLoopAsync(StrategyGovAppFactory target)
    {
        var submissionId = await target.SubmittedAsync("MOH", DemoUsers.DirectorMoh);
        var director = await target.ActorAsync(DemoUsers.DirectorMoh);
        var reviewer = await target.ActorAsync(DemoUsers.Reviewer);
        var submissions = target.Service<SubmissionService>();
        var review = target.Service<ReviewService>();
        var item = await submissions.ItemAsync(director, submissionId, "P1.3.2");

        await review.DecideAsync(reviewer, submissionId, new DecisionChange(item.IndicatorId, ReviewDecision.Rejected, null, "الشاهد لا يثبت القيمة"), None);
        await review.ReturnAsync(reviewer, submissionId, "راجعوا المؤشر P1.3.2", None);
        item = await submissions.ItemAsync(director, submissionId, "P1.3.2");
        await submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(item, 80m), None);
        await submissions.SubmitAsync(director, submissionId, None);
        await review.AcceptRemainingAsync(reviewer, submissionId, None);
        await review.ApproveAsync(reviewer, submissionId, None);
        Assert.Equal(SubmissionStatus.Approved, (await target.StoredSubmissionAsync(submissionId)).Status);
    }

    /// <summary>
    /// On an app of its own: the review loop, then <paramref name="tamper"/>'s SQL run against the
    /// middle "answer created" event (as an intruder with database access would), then verification.
    /// </summary>
    private static async Task<(AuditEvent Target, AuditVerification Result)> VerifyAfterTamperingAsync(Func<AuditEvent, string> tamper)
    {
        await using var tampered = new StrategyGovAppFactory();
        await RunReviewLoopAsync(tampered);
        AuditEvent target;
        await using (var db = await tampered.DbAsync())
        {
            // An answer with a value (a null is not stored, so an N/A or computed N/A answer has none to edit).
            var answers = db.AuditEvents.AsNoTracking()
                .Where(e => e.EntityType == "Answer" && e.Action == AuditAction.Created && e.After!.Contains("\"Value\":"))
                .OrderBy(e => e.Sequence);
            target = await answers.Skip(await answers.CountAsync() / 2).FirstAsync();
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(tamper(target)));
        }

        var result = await tampered.Service<AuditService>().VerifyAsync(await tampered.ActorAsync(DemoUsers.Admin), None);
        return (target, result);
    }

    private async Task<AuditEvent> LatestEventAsync(string entityType)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == entityType).OrderByDescending(e => e.Sequence).FirstAsync();
    }

    private static async Task<int> StoredCountAsync(StrategyGovAppFactory target)
    {
        await using var db = await target.DbAsync();
        return await db.AuditEvents.CountAsync();
    }

    private static async Task<string> StoredHeadHashAsync(StrategyGovAppFactory target)
    {
        await using var db = await target.DbAsync();
        return await db.AuditEvents.OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstAsync();
    }
}
