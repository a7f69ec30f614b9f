using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Governance;
using StrategyGov.Data.Institutions;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Roles;

public sealed record RoleInfo(
    int Id, string Code, string TitleAr, string TitleEn, string? ResponsibilitiesAr, string? ResponsibilitiesEn, bool IsRequired, bool DeputyRequired, int Order);

public sealed record InstitutionInfo(int Id, string Code, string NameAr, string NameEn, string TypeCode, string TypeNameAr, string TypeNameEn);

public sealed record AssignmentView(
    int Id,
    int RoleId,
    string PersonName,
    string? PersonTitle,
    string? Email,
    string? Phone,
    string? DeputyName,
    string? DeputyEmail,
    string? DeputyPhone,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    DateTime ConfirmedAt,
    DateOnly ConfirmedOn,
    string? ConfirmedByName)
{
    public bool HasDeputy => !string.IsNullOrWhiteSpace(DeputyName);

    public AssignmentFacts Facts => new(StartsOn, EndsOn, ConfirmedOn, HasDeputy);
}

/// <summary>One role of one institution: who holds it today, who held it before, and its gaps.</summary>
public sealed record RoleSlot(RoleInfo Role, AssignmentView? Current, IReadOnlyList<AssignmentView> History, IReadOnlyList<RoleGap> Gaps)
{
    public bool IsGap => Gaps.Count > 0;
}

/// <summary>
/// Reads the role register and applies <see cref="VacancyRules"/> on today's date in the platform's
/// time zone. Callers authorise first; this only reads.
/// </summary>
public sealed class RoleRegister(TimeProvider clock, IOptions<PlatformOptions> platform, IOptions<RolesOptions> options)
{
    public DateOnly Today => PlatformDates.Today(clock, platform.Value);

    public int ConfirmationDays => options.Value.ConfirmationDays;

    public DateOnly ToPlatformDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, platform.Value.TimeZoneInfo));

    public static Task<List<RoleInfo>> RolesAsync(StrategyGovDbContext db, CancellationToken ct) =>
        db.CommunicationRoles.AsNoTracking()
            .OrderBy(r => r.Order).ThenBy(r => r.Code)
            .Select(r => new RoleInfo(r.Id, r.Code, r.TitleAr, r.TitleEn, r.ResponsibilitiesAr, r.ResponsibilitiesEn, r.IsRequired, r.DeputyRequired, r.Order))
            .ToListAsync(ct);

    public static IQueryable<InstitutionInfo> Institutions(IQueryable<Institution> source) =>
        source.AsNoTracking()
            .OrderBy(i => i.Type.Order).ThenBy(i => i.Code)
            .Select(i => new InstitutionInfo(i.Id, i.Code, i.NameAr, i.NameEn, i.Type.Code, i.Type.NameAr, i.Type.NameEn));

    /// <summary>One institution, or <see cref="NotFoundException"/> (the caller has authorised the actor).</summary>
    public static async Task<InstitutionInfo> InstitutionAsync(StrategyGovDbContext db, int institutionId, CancellationToken ct) =>
        await Institutions(db.Institutions.Where(i => i.Id == institutionId)).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();

    /// <summary>Every role of the catalog for each institution asked for.</summary>
    public async Task<Dictionary<int, IReadOnlyList<RoleSlot>>> SlotsAsync(
        StrategyGovDbContext db, IReadOnlyCollection<int> institutionIds, IReadOnlyList<RoleInfo> roles, CancellationToken ct)
    {
        var rows = await db.RoleAssignments.AsNoTracking()
            .Where(a => institutionIds.Contains(a.InstitutionId))
            .ToListAsync(ct);
        var today = Today;
        var byInstitution = rows.ToLookup(a => a.InstitutionId);
        return institutionIds.ToDictionary(
            id => id,
            id => (IReadOnlyList<RoleSlot>)roles.Select(role => Slot(role, byInstitution[id].Where(a => a.RoleId == role.Id), today)).ToList());
    }

    private RoleSlot Slot(RoleInfo role, IEnumerable<RoleAssignment> rows, DateOnly today)
    {
        var views = rows.Select(View).OrderByDescending(a => a.StartsOn).ThenByDescending(a => a.Id).ToList();
        var current = VacancyRules.Current(views, a => a.Facts, today);
        var gaps = VacancyRules.Gaps(role.IsRequired, role.DeputyRequired, current?.Facts, today, ConfirmationDays);
        return new RoleSlot(role, current, views.Where(v => v != current).ToList(), gaps);
    }

    private AssignmentView View(RoleAssignment a) => new(
        a.Id, a.RoleId, a.PersonName, a.PersonTitle, a.Email, a.Phone, a.DeputyName, a.DeputyEmail, a.DeputyPhone,
        a.StartsOn, a.EndsOn, a.ConfirmedAt, ToPlatformDate(a.ConfirmedAt), a.ConfirmedByName);
}
