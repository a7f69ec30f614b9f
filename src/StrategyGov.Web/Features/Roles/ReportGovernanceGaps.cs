using StrategyGov.Web.Features.Raci;
using StrategyGov.Web.Reports;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Roles;

/// <summary>
/// The governance gaps printed in the institution report: its vacant required roles (from the role
/// register) and the activities of the national RACI matrix that break "exactly one A, at least one R".
/// </summary>
public sealed class ReportGovernanceGaps(RoleAssignmentService roles, RaciService raci) : IGovernanceGapSource
{
    public async Task<GovernanceGapsModel> GetAsync(Actor actor, int institutionId, CancellationToken ct)
    {
        var register = await roles.GetInstitutionAsync(actor, institutionId, ct);
        var vacant = register.Slots
            .Where(s => s.Gaps.Contains(RoleGap.Vacant))
            .Select(s => new VacantRoleGap(s.Role.TitleAr, s.Role.TitleEn, VacantSince(s)))
            .ToList();

        var matrix = await raci.GetMatrixAsync(actor, ct);
        var activities = matrix.Activities.ToDictionary(a => a.Id);
        var raciGaps = matrix.Violations
            .Where(v => activities.ContainsKey(v.ActivityId))
            .Select(v => new RaciGap(activities[v.ActivityId].NameAr, activities[v.ActivityId].NameEn, KindOf(v.Problem)))
            .ToList();
        return new GovernanceGapsModel(vacant, raciGaps);
    }

    // The day after the last holder's assignment ended; null when the role was never filled.
    private static DateOnly? VacantSince(RoleSlot slot) =>
        slot.History.Where(h => h.EndsOn is not null).Max(h => h.EndsOn)?.AddDays(1);

    private static RaciGapKind KindOf(RaciProblem problem) => problem switch
    {
        RaciProblem.NoAccountable => RaciGapKind.NoAccountable,
        RaciProblem.SeveralAccountable => RaciGapKind.SeveralAccountable,
        _ => RaciGapKind.NoResponsible,
    };
}
