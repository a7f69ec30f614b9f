using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Features.Roles;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Crisis;

/// <summary>
/// <c>crisis.team-filled</c>: the share of the on-call crisis team's seats (a primary and an alternate for
/// each team role) held on the day the period is read, each with a phone number to reach them round the clock.
/// </summary>
public sealed class CrisisTeamComputedSource : IComputedSource
{
    public const string TeamFilled = "crisis.team-filled";

    public string Key => TeamFilled;

    public ComputedKind Kind => ComputedKind.Percentage;

    public async Task<IReadOnlyDictionary<int, ComputedResult>> ComputeAsync(StrategyGovDbContext db, ComputeRequest request, CancellationToken ct)
    {
        var roles = (await RoleRegister.RolesAsync(db, ct)).Where(r => CrisisTeam.RoleCodes.Contains(r.Code)).ToList();
        var roleIds = roles.Select(r => r.Id).ToList();
        var ids = request.InstitutionIds;
        var holdings = (await db.RoleAssignments.AsNoTracking()
                .Where(a => ids.Contains(a.InstitutionId) && roleIds.Contains(a.RoleId))
                .Select(a => new TeamHolding(a.InstitutionId, a.RoleId, a.PersonName, a.Phone, a.DeputyName, a.DeputyPhone, a.StartsOn, a.EndsOn))
                .ToListAsync(ct))
            .ToLookup(a => a.InstitutionId);
        return ids.ToDictionary(id => id, id => Calculate(id, roles, holdings[id], request.AsOf));
    }

    public sealed record TeamHolding(int InstitutionId, int RoleId, string PersonName, string? Phone, string? DeputyName, string? DeputyPhone, DateOnly StartsOn, DateOnly? EndsOn);

    /// <summary>Pure: two seats per team role; a seat counts when someone holds it on <paramref name="asOf"/> with a phone number.</summary>
    public static ComputedResult Calculate(int institutionId, IReadOnlyList<RoleInfo> teamRoles, IEnumerable<TeamHolding> holdings, DateOnly asOf)
    {
        var current = holdings
            .Where(h => VacancyRules.IsCurrent(h.StartsOn, h.EndsOn, asOf))
            .GroupBy(h => h.RoleId)
            .ToDictionary(g => g.Key, g => g.MaxBy(h => h.StartsOn)!);
        var url = $"/crisis/institutions/{institutionId}";
        var records = new List<ComputedRecord>();
        foreach (var role in teamRoles.OrderBy(r => r.Order))
        {
            var holder = current.GetValueOrDefault(role.Id);
            records.Add(Seat(role, "primary", "أساسي", "primary", holder?.PersonName, holder?.Phone, url));
            records.Add(Seat(role, "alternate", "بديل", "alternate", holder?.DeputyName, holder?.DeputyPhone, url));
        }

        return ComputedResult.Share(records.Count(r => r.Counts == true), records.Count, records, "Computed_NoTeamRoles");
    }

    private static ComputedRecord Seat(RoleInfo role, string seat, string seatAr, string seatEn, string? name, string? phone, string url)
    {
        var held = !string.IsNullOrWhiteSpace(name);
        var reachable = held && !string.IsNullOrWhiteSpace(phone);
        return new ComputedRecord(
            "crisis-seat",
            $"{role.Code}/{seat}",
            $"{role.TitleAr} ({seatAr}){(held ? $": {Bidi.Isolate(name)}" : string.Empty)}",
            $"{role.TitleEn} ({seatEn}){(held ? $": {Bidi.Isolate(name)}" : string.Empty)}",
            url,
            Counts: reachable);
    }
}

/// <summary><c>crisis.drills-held</c>: the crisis-communication exercises recorded in the drill log within the window.</summary>
public sealed class CrisisDrillsComputedSource : IComputedSource
{
    public const string DrillsHeld = "crisis.drills-held";

    public string Key => DrillsHeld;

    public ComputedKind Kind => ComputedKind.Count;

    public async Task<IReadOnlyDictionary<int, ComputedResult>> ComputeAsync(StrategyGovDbContext db, ComputeRequest request, CancellationToken ct)
    {
        var ids = request.InstitutionIds;
        var drills = (await db.CrisisDrills.AsNoTracking()
                .Where(d => ids.Contains(d.InstitutionId) && d.HeldOn >= request.From && d.HeldOn <= request.To)
                .Select(d => new Drill(d.Id, d.InstitutionId, d.HeldOn, d.Scenario))
                .ToListAsync(ct))
            .ToLookup(d => d.InstitutionId);
        return ids.ToDictionary(id => id, id => Calculate(id, drills[id], request.From, request.To));
    }

    public sealed record Drill(int Id, int InstitutionId, DateOnly HeldOn, string Scenario);

    /// <summary>Pure: every drill held from <paramref name="from"/> to <paramref name="to"/> (both included) counts once.</summary>
    public static ComputedResult Calculate(int institutionId, IEnumerable<Drill> drills, DateOnly from, DateOnly to)
    {
        var records = drills
            .Where(d => d.HeldOn >= from && d.HeldOn <= to)
            .OrderBy(d => d.HeldOn).ThenBy(d => d.Id)
            .Select(d => new ComputedRecord("crisis-drill", d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Scenario, d.Scenario, $"/crisis/institutions/{institutionId}", Counts: true, On: d.HeldOn))
            .ToList();
        return new ComputedResult(records.Count, records, records.Count);
    }
}

/// <summary>
/// <c>crisis.plan-current</c>: whether the institution's crisis-communication plan, on the day the period is
/// read, was reviewed within the last twelve months and is not past its validity (the readiness rules).
/// </summary>
public sealed class CrisisPlanComputedSource : IComputedSource
{
    public const string PlanCurrent = "crisis.plan-current";

    public string Key => PlanCurrent;

    public ComputedKind Kind => ComputedKind.YesNo;

    public async Task<IReadOnlyDictionary<int, ComputedResult>> ComputeAsync(StrategyGovDbContext db, ComputeRequest request, CancellationToken ct)
    {
        var ids = request.InstitutionIds;
        var plans = await db.CrisisPlans.AsNoTracking()
            .Where(p => ids.Contains(p.InstitutionId))
            .Select(p => new Plan(p.Id, p.InstitutionId, p.Title, p.LastReviewedOn, p.ValidUntil))
            .ToDictionaryAsync(p => p.InstitutionId, ct);
        return ids.ToDictionary(id => id, id => Calculate(id, plans.GetValueOrDefault(id), request.AsOf));
    }

    public sealed record Plan(int Id, int InstitutionId, string Title, DateOnly? LastReviewedOn, DateOnly? ValidUntil);

    /// <summary>Pure: yes (1) when there is a plan reviewed within twelve months of <paramref name="asOf"/> and still valid on it.</summary>
    public static ComputedResult Calculate(int institutionId, Plan? plan, DateOnly asOf)
    {
        if (plan is null)
        {
            return new ComputedResult(0, [], 0, 1);
        }

        var current = CrisisReadinessRules.WithinMonths(plan.LastReviewedOn, asOf) && (plan.ValidUntil is null || plan.ValidUntil >= asOf);
        var record = new ComputedRecord(
            "crisis-plan", plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), plan.Title, plan.Title,
            $"/crisis/institutions/{institutionId}", Counts: current, On: plan.LastReviewedOn);
        return new ComputedResult(current ? 1 : 0, [record], current ? 1 : 0, 1);
    }
}
