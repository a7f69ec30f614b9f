using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Tests.Support;

/// <summary>Fills in submissions through <see cref="SubmissionService"/>, as the answer form does.</summary>
public static class Answering
{
    /// <summary>The value that scores 100: yes, 100 %, the top maturity level, the target itself.</summary>
    public static decimal BestValue(AnswerItem item) => item.Type switch
    {
        MeasurementType.YesNo => 1m,
        MeasurementType.Percentage => 100m,
        MeasurementType.Maturity => item.MaturityLevels,
        _ => item.Target ?? throw new InvalidOperationException($"{item.Code} has no target."),
    };

    public static AnswerChange ValueChange(AnswerItem item, decimal value) =>
        new(item.IndicatorId, value, NotApplicable: false, Justification: null, Comment: null, item.Version);

    /// <summary>
    /// Answers every applicable indicator not answered yet (except <paramref name="skip"/>) with its best
    /// value, and attaches as many evidence links as each requires, so the submission can be submitted.
    /// Computed indicators are left to their records (they cannot be typed).
    /// </summary>
    public static async Task AnswerRemainingWithBestAsync(
        this StrategyGovAppFactory app, Actor actor, int submissionId, params string[] skip)
    {
        var submissions = app.Service<SubmissionService>();
        var evidence = app.Service<EvidenceService>();
        var tree = await submissions.GetAsync(actor, submissionId, CancellationToken.None);
        foreach (var item in tree.Items.Where(i => !i.IsAnswered && !i.IsComputed && !skip.Contains(i.Code)))
        {
            await submissions.SaveAnswerAsync(actor, submissionId, ValueChange(item, BestValue(item)), CancellationToken.None);
            await AttachRequiredEvidenceAsync(evidence, actor, submissionId, item);
        }
    }

    /// <summary>Adds the links an indicator requires (none when it requires no evidence).</summary>
    public static async Task AttachRequiredEvidenceAsync(EvidenceService evidence, Actor actor, int submissionId, AnswerItem item)
    {
        var required = item.EvidenceRequired ? Math.Max(1, item.MinEvidenceItems) : 0;
        for (var n = 1; n <= required; n++)
        {
            await evidence.AddLinkAsync(actor, submissionId, item.IndicatorId, $"https://evidence.example.gov/{item.Code}/{n}", null, CancellationToken.None);
        }
    }

    /// <summary>
    /// Gives a submitted submission's computed answers the value that scores 100, behind the services'
    /// back, as if the institution's records (role register, drills, calendar) were at their best: for
    /// scoring tests whose arithmetic assumes every other indicator scores 100. Call it after the last
    /// submission (submitting computes them again).
    /// </summary>
    public static async Task ComputedAnswersAtBestAsync(this StrategyGovAppFactory app, int submissionId)
    {
        await using var db = await app.DbAsync();
        var answers = await db.Answers.Include(a => a.Indicator)
            .Where(a => a.SubmissionId == submissionId && a.Indicator.ComputedFrom != null)
            .ToListAsync();
        foreach (var answer in answers)
        {
            answer.NotApplicable = false;
            answer.Justification = null;
            answer.Value = answer.Indicator.Type switch
            {
                MeasurementType.YesNo => 1m,
                MeasurementType.Percentage => 100m,
                MeasurementType.Maturity => answer.Indicator.MaturityLevels,
                _ => answer.Indicator.Target,
            };
        }

        await db.SaveChangesAsync();
        await AnswerPacking.RefreshAsync(db, [submissionId], CancellationToken.None);
    }

    public static async Task<AnswerItem> ItemAsync(this SubmissionService submissions, Actor actor, int submissionId, string code)
    {
        var tree = await submissions.GetAsync(actor, submissionId, CancellationToken.None);
        return tree.Items.Single(i => i.Code == code);
    }
}
