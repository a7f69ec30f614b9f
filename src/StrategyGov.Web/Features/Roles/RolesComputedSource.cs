using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Roles;

/// <summary>
/// <c>roles.required-filled</c>: the share of the catalog's required roles that have a current holder on
/// the day the period is read (its last day, or today while it runs), from the role register.
/// </summary>
public sealed class RolesComputedSource : IComputedSource
{
    public const string RequiredFilled = "roles.required-filled";

    public string Key => RequiredFilled;

    public ComputedKind Kind => ComputedKind.Percentage;

    public async Task<IReadOnlyDictionary<int, ComputedResult>> ComputeAsync(StrategyGovDbContext db, ComputeRequest request, CancellationToken ct)
    {
        var roles = (await RoleRegister.RolesAsync(db, ct)).Where(r => r.IsRequired).ToList();
        var ids = request.InstitutionIds;
        var assignments = (await db.RoleAssignments.AsNoTracking()
                .Where(a => ids.Contains(a.InstitutionId))
                .Select(a => new Holding(a.InstitutionId, a.RoleId, a.PersonName, a.StartsOn, a.EndsOn))
                .ToListAsync(ct))
            .ToLookup(a => a.InstitutionId);
        return ids.ToDictionary(id => id, id => Calculate(id, roles, assignments[id], request.AsOf));
    }

    /// <summary>One holding of a role: who, from when, until when (both days included).</summary>
    public sealed record Holding(int InstitutionId, int RoleId, string PersonName, DateOnly StartsOn, DateOnly? EndsOn);

    /// <summary>Pure: each required role filled on <paramref name="asOf"/> counts; the share of them, in percent.</summary>
    public static ComputedResult Calculate(int institutionId, IReadOnlyList<RoleInfo> requiredRoles, IEnumerable<Holding> holdings, DateOnly asOf)
    {
        var current = holdings
            .Where(h => VacancyRules.IsCurrent(h.StartsOn, h.EndsOn, asOf))
            .GroupBy(h => h.RoleId)
            .ToDictionary(g => g.Key, g => g.MaxBy(h => h.StartsOn)!);
        var records = requiredRoles.Select(role =>
        {
            var holder = current.GetValueOrDefault(role.Id);
            return new ComputedRecord(
                "role",
                role.Code,
                holder is null ? role.TitleAr : $"{role.TitleAr}: {Bidi.Isolate(holder.PersonName)}",
                holder is null ? role.TitleEn : $"{role.TitleEn}: {Bidi.Isolate(holder.PersonName)}",
                $"/roles/institutions/{institutionId}",
                Counts: holder is not null);
        }).ToList();
        return ComputedResult.Share(records.Count(r => r.Counts == true), records.Count, records, "Computed_NoRequiredRoles");
    }
}
