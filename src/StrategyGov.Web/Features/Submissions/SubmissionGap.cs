using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Submissions;

/// <summary>
/// What stands between a draft and its submission, one indicator at a time: not answered, or answered
/// with fewer valid evidence items than the answer needs (<see cref="Needs"/> is 0 until it is answered).
/// </summary>
public sealed record SubmissionGap(
    string PillarCode,
    string PillarNameAr,
    string PillarNameEn,
    int IndicatorId,
    string Code,
    string TextAr,
    string TextEn,
    bool Unanswered,
    int Has,
    int Needs)
{
    /// <summary>The gaps of a submission in framework order.</summary>
    public static IReadOnlyList<SubmissionGap> Of(SubmissionTree tree, IReadOnlyDictionary<int, int> validEvidence) =>
        tree.Pillars
            .SelectMany(pillar => pillar.Practices.SelectMany(p => p.Indicators).Select(item => (pillar, item)))
            .Select(x => new SubmissionGap(
                x.pillar.Code, x.pillar.NameAr, x.pillar.NameEn, x.item.IndicatorId, x.item.Code, x.item.TextAr, x.item.TextEn,
                !x.item.IsAnswered, validEvidence.GetValueOrDefault(x.item.IndicatorId), x.item.IsAnswered ? x.item.EvidenceNeeded : 0))
            .Where(g => g.Unanswered || g.Has < g.Needs)
            .ToList();
}

/// <summary>A submission refused for its gaps; the message lists their codes, <see cref="Gaps"/> carries them.</summary>
public sealed class SubmissionIncompleteException(IReadOnlyList<SubmissionGap> gaps, string messageKey, params object[] arguments)
    : RuleViolationException(messageKey, arguments)
{
    public IReadOnlyList<SubmissionGap> Gaps { get; } = gaps;
}
