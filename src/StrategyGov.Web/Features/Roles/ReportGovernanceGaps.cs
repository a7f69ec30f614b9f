using StrategyGov.Web.Features.Raci;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Roles;

/// <summary>
/// The governance gaps printed in the institution report: its vacant required roles (from the role
/// register) and the activities of the national RACI matrix that break "exactly one A, at least one R".
/// </summary>
public sealed class ReportGovernanceGaps(GovernanceGapsService governance, RaciService raci) : IGovernanceGapSource
{
    public async Task<GovernanceGapsModel> GetAsync(Actor actor, int institutionId, CancellationToken ct)
    {
        var gaps = await governance.GetAsync(actor, institutionId, ct);
        var vacant = gaps.RoleGaps
            .Where(g => g.Gaps.Contains(RoleGap.Vacant))
            .Select(g => new VacantRoleGap(g.TitleAr, g.TitleEn, VacantSince: null))
            .ToList();

        var activities = (await raci.GetMatrixAsync(actor, ct)).Activities.ToDictionary(a => a.Id);
        var raciGaps = gaps.RaciViolations
            .Where(v => activities.ContainsKey(v.ActivityId))
            .Select(v => new RaciGap(activities[v.ActivityId].NameAr, activities[v.ActivityId].NameEn, KindOf(v.Problem)))
            .ToList();
        return new GovernanceGapsModel(vacant, raciGaps);
    }

    private static RaciGapKind KindOf(RaciProblem problem) => problem switch
    {
        RaciProblem.NoAccountable => RaciGapKind.NoAccountable,
        RaciProblem.SeveralAccountable => RaciGapKind.SeveralAccountable,
        _ => RaciGapKind.NoResponsible,
    };
}
