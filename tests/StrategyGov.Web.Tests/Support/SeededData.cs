using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Testing;

namespace StrategyGov.Web.Tests.Support;

/// <summary>
/// Finds the seeded rows a test needs by their codes (database ids are whatever the seeder produced)
/// and puts a submission back to the state a test starts from.
/// </summary>
public static class SeededData
{
    public const string OpenPeriod = "2026-Q4";
    public const string PublishedPeriod = "2026-Q3";

    public static async Task<StrategyGovDbContext> DbAsync(this StrategyGovAppFactory app) =>
        await app.Services.GetRequiredService<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();

    public static async Task<int> InstitutionIdAsync(this StrategyGovAppFactory app, string code)
    {
        await using var db = await app.DbAsync();
        return await db.Institutions.Where(i => i.Code == code).Select(i => i.Id).SingleAsync();
    }

    public static async Task<int> PeriodIdAsync(this StrategyGovAppFactory app, string code)
    {
        await using var db = await app.DbAsync();
        return await db.Periods.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
    }

    public static async Task<int> SubmissionIdAsync(this StrategyGovAppFactory app, string institutionCode, string periodCode)
    {
        await using var db = await app.DbAsync();
        return await db.Submissions
            .Where(s => s.Institution.Code == institutionCode && s.Period.Code == periodCode)
            .Select(s => s.Id)
            .SingleAsync();
    }

    /// <summary>The stored answers of a submission, straight from the database.</summary>
    public static async Task<List<Answer>> StoredAnswersAsync(this StrategyGovAppFactory app, int submissionId)
    {
        await using var db = await app.DbAsync();
        return await db.Answers.AsNoTracking().Include(a => a.Indicator).Where(a => a.SubmissionId == submissionId).ToListAsync();
    }

    public static async Task<Submission> StoredSubmissionAsync(this StrategyGovAppFactory app, int submissionId)
    {
        await using var db = await app.DbAsync();
        return await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == submissionId);
    }

    /// <summary>
    /// Makes an institution's submission an empty Draft again, as opening the period left it, so that
    /// tests sharing one app (tests of a class run one after another) each start from the same state.
    /// </summary>
    public static async Task<int> ResetToEmptyDraftAsync(this StrategyGovAppFactory app, string institutionCode, string periodCode = OpenPeriod)
    {
        await using var db = await app.DbAsync();
        var submission = await db.Submissions.Include(s => s.Answers)
            .SingleAsync(s => s.Institution.Code == institutionCode && s.Period.Code == periodCode);
        db.Objections.RemoveRange(db.Objections.Where(o => o.Answer.SubmissionId == submission.Id));
        db.Evidence.RemoveRange(db.Evidence.Where(e => e.SubmissionId == submission.Id));
        db.AnswerSnapshots.RemoveRange(db.AnswerSnapshots.Where(a => a.SubmissionId == submission.Id));
        db.Answers.RemoveRange(submission.Answers);
        submission.Round = 0;
        submission.Status = SubmissionStatus.Draft;
        submission.SubmittedAt = null;
        submission.FirstSubmittedAt = null;
        submission.ReturnedAt = null;
        submission.ReturnMessage = null;
        submission.ApprovedAt = null;
        submission.ApprovedById = null;
        submission.Version++;
        await db.SaveChangesAsync();
        return submission.Id;
    }
}
