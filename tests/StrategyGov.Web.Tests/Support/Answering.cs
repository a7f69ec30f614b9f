using StrategyGov.Scoring;
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

    /// <summary>Answers every applicable indicator not answered yet (except <paramref name="skip"/>) with its best value.</summary>
    public static async Task AnswerRemainingWithBestAsync(
        this SubmissionService submissions, Actor actor, int submissionId, params string[] skip)
    {
        var tree = await submissions.GetAsync(actor, submissionId, CancellationToken.None);
        foreach (var item in tree.Items.Where(i => !i.IsAnswered && !skip.Contains(i.Code)))
        {
            await submissions.SaveAnswerAsync(actor, submissionId, ValueChange(item, BestValue(item)), CancellationToken.None);
        }
    }

    public static async Task<AnswerItem> ItemAsync(this SubmissionService submissions, Actor actor, int submissionId, string code)
    {
        var tree = await submissions.GetAsync(actor, submissionId, CancellationToken.None);
        return tree.Items.Single(i => i.Code == code);
    }
}
