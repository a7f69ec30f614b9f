using Microsoft.EntityFrameworkCore;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Submissions;

namespace StrategyGov.Web.Tests.Support;

/// <summary>Drives a submission through the services to the state a test needs.</summary>
public static class Workflow
{
    /// <summary>An institution's 2026-Q4 submission, emptied, answered in full by its director and submitted.</summary>
    public static async Task<int> SubmittedAsync(this StrategyGovAppFactory app, string institutionCode, string directorEmail)
    {
        var submissionId = await app.ResetToEmptyDraftAsync(institutionCode);
        var director = await app.ActorAsync(directorEmail);
        await app.AnswerRemainingWithBestAsync(director, submissionId);
        await app.Service<SubmissionService>().SubmitAsync(director, submissionId, CancellationToken.None);
        return submissionId;
    }

    /// <summary>Every answer of an institution in the published period rejected in the database, behind the services' back.</summary>
    public static async Task RejectEveryPublishedAnswerAsync(this StrategyGovAppFactory app, int institutionId)
    {
        await using var db = await app.DbAsync();
        var answers = await db.Answers
            .Where(a => a.Submission.InstitutionId == institutionId && a.Submission.Period.Code == SeededData.PublishedPeriod)
            .ToListAsync();
        foreach (var answer in answers)
        {
            answer.Decision = ReviewDecision.Rejected;
            answer.VerifiedValue = null;
        }

        await db.SaveChangesAsync();
    }
}
