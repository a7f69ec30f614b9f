using StrategyGov.Web.Features.Crisis;
using StrategyGov.Web.Features.Raci;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Roles;

public sealed record RoleGapItem(string RoleCode, string TitleAr, string TitleEn, IReadOnlyList<RoleGap> Gaps);

/// <summary>An institution's governance gaps, for its measurement report and dashboards.</summary>
public sealed record InstitutionGovernanceGaps(
    InstitutionInfo Institution, IReadOnlyList<RoleGapItem> RoleGaps, IReadOnlyList<RaciViolation> RaciViolations, Readiness CrisisReadiness);

public sealed record InstitutionGapCount(InstitutionInfo Institution, int Vacant, int Unconfirmed, int DeputyMissing, ReadinessStatus Readiness);

/// <summary>The national picture: required roles filled, RACI violations, crisis readiness.</summary>
public sealed record NationalGovernanceSummary(
    int RequiredSlots,
    int VacantSlots,
    int UnconfirmedSlots,
    int DeputyMissingSlots,
    IReadOnlyList<RaciViolation> RaciViolations,
    IReadOnlyDictionary<ReadinessStatus, int> Readiness,
    IReadOnlyList<InstitutionGapCount> Institutions);

/// <summary>
/// Governance gaps as data for reports and dashboards (vacant roles, RACI violations, crisis readiness),
/// authorised through the services it reads from: an institution's own gaps for its users, all for the
/// center and officials.
/// </summary>
public sealed class GovernanceGapsService(RoleAssignmentService roles, RaciService raci, CrisisService crisis)
{
    public async Task<InstitutionGovernanceGaps> GetAsync(Actor actor, int institutionId, CancellationToken ct)
    {
        var register = await roles.GetInstitutionAsync(actor, institutionId, ct);
        var matrix = await raci.GetMatrixAsync(actor, ct);
        var readiness = await crisis.GetAsync(actor, institutionId, ct);
        var gaps = register.Slots
            .Where(s => s.IsGap)
            .Select(s => new RoleGapItem(s.Role.Code, s.Role.TitleAr, s.Role.TitleEn, s.Gaps))
            .ToList();
        return new InstitutionGovernanceGaps(register.Institution, gaps, matrix.Violations, readiness.Readiness);
    }

    public async Task<NationalGovernanceSummary> GetNationalAsync(Actor actor, CancellationToken ct)
    {
        var register = await roles.GetRegisterAsync(actor, new RegisterFilter(), ct);
        var matrix = await raci.GetMatrixAsync(actor, ct);
        var readiness = (await crisis.GetReadinessAsync(actor, new ReadinessFilter(), ct)).ToDictionary(r => r.Institution.Id);
        var slots = register.Rows.SelectMany(r => r.Slots).ToList();
        int Count(IEnumerable<RoleSlot> s, RoleGap gap) => s.Count(x => x.Gaps.Contains(gap));
        return new NationalGovernanceSummary(
            slots.Count,
            Count(slots, RoleGap.Vacant),
            Count(slots, RoleGap.Unconfirmed),
            Count(slots, RoleGap.DeputyMissing),
            matrix.Violations,
            Enum.GetValues<ReadinessStatus>().ToDictionary(s => s, s => readiness.Values.Count(r => r.Readiness.Status == s)),
            register.Rows
                .Select(r => new InstitutionGapCount(
                    r.Institution, Count(r.Slots, RoleGap.Vacant), Count(r.Slots, RoleGap.Unconfirmed), Count(r.Slots, RoleGap.DeputyMissing),
                    readiness[r.Institution.Id].Readiness.Status))
                .ToList());
    }
}
