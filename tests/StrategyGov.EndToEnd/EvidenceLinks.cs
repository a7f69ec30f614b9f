using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;

namespace StrategyGov.EndToEnd;

/// <summary>Attaches the evidence links an indicator requires, so a scenario can submit without uploading dozens of files.</summary>
internal static class EvidenceLinks
{
    public static async Task AttachRequiredAsync(EvidenceService evidence, Actor actor, int submissionId, AnswerItem item)
    {
        var required = item.EvidenceRequired ? Math.Max(1, item.MinEvidenceItems) : 0;
        for (var n = 1; n <= required; n++)
        {
            await evidence.AddLinkAsync(actor, submissionId, item.IndicatorId, $"https://evidence.example.gov/{item.Code}/{n}", null, CancellationToken.None);
        }
    }
}
