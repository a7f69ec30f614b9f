using StrategyGov.Web.Security;

namespace StrategyGov.Web.Reports;

/// <summary>A required communication role of the institution that nobody holds.</summary>
/// <param name="VacantSince">When the last holder left; null when it was never filled.</param>
public sealed record VacantRoleGap(string RoleNameAr, string RoleNameEn, DateOnly? VacantSince);

/// <summary>Why an activity of the responsibility matrix is not valid (exactly one A, at least one R).</summary>
public enum RaciGapKind
{
    NoAccountable,
    SeveralAccountable,
    NoResponsible,
}

/// <summary>An activity of the institution's responsibility matrix (RACI) that breaks a rule.</summary>
public sealed record RaciGap(string ActivityNameAr, string ActivityNameEn, RaciGapKind Kind);

/// <summary>The governance gaps printed in the institution report: vacant required roles and RACI gaps.</summary>
public sealed record GovernanceGapsModel(IReadOnlyList<VacantRoleGap> VacantRoles, IReadOnlyList<RaciGap> RaciGaps)
{
    public static readonly GovernanceGapsModel None = new([], []);

    public bool IsEmpty => VacantRoles.Count == 0 && RaciGaps.Count == 0;
}

/// <summary>
/// Where the institution report reads governance gaps from (the role register and the RACI matrix,
/// <c>Features/Roles/ReportGovernanceGaps</c>); the actor has already been allowed to read the institution.
/// </summary>
public interface IGovernanceGapSource
{
    Task<GovernanceGapsModel> GetAsync(Actor actor, int institutionId, CancellationToken ct);
}
