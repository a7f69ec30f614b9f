using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StrategyGov.Data;
using StrategyGov.Data.Governance;
using StrategyGov.Web.Features.Roles;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Crisis;

public sealed record PlanView(int Id, string Title, string? Owner, DateOnly? LastReviewedOn, DateOnly? ValidUntil, string? DocumentReference, DateTime UpdatedAt, string? UpdatedByName)
{
    public bool DocumentIsLink => Uri.TryCreate(DocumentReference, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}

public sealed record PlanInput(string? Title, string? Owner, DateOnly? LastReviewedOn, DateOnly? ValidUntil, string? DocumentReference);

public sealed record DrillView(int Id, DateOnly HeldOn, string Scenario, string? Participants, string? Lessons, string? RecordedByName);

public sealed record DrillInput(DateOnly? HeldOn, string? Scenario, string? Participants, string? Lessons);

/// <summary>A member the crisis team is missing: the holder of a team role, or their deputy.</summary>
public sealed record TeamGap(RoleInfo Role, bool Deputy);

/// <summary>The on-call crisis team, drawn from the role register (crisis lead, spokesperson and their deputies).</summary>
public sealed record CrisisTeam(IReadOnlyList<RoleSlot> Members, IReadOnlyList<TeamGap> Missing)
{
    public static readonly string[] RoleCodes = ["CRISIS-LEAD", "SPOKESPERSON"];

    public bool IsComplete => Missing.Count == 0 && Members.Count == RoleCodes.Length;

    public static CrisisTeam From(IReadOnlyList<RoleSlot> slots)
    {
        var members = RoleCodes.Select(code => slots.FirstOrDefault(s => s.Role.Code == code)).OfType<RoleSlot>().ToList();
        var missing = members
            .SelectMany(m => m.Current is null
                ? new[] { new TeamGap(m.Role, false), new TeamGap(m.Role, true) }
                : m.Current.HasDeputy ? [] : [new TeamGap(m.Role, true)])
            .ToList();
        return new CrisisTeam(members, missing);
    }
}

public sealed record CrisisOverview(
    InstitutionInfo Institution, bool CanEdit, DateOnly Today, PlanView? Plan, CrisisTeam Team, IReadOnlyList<DrillView> Drills, Readiness Readiness);

public sealed record ReadinessFilter(string? TypeCode = null, ReadinessStatus? Status = null);

public sealed record ReadinessRow(InstitutionInfo Institution, PlanView? Plan, CrisisTeam Team, DateOnly? LastDrillOn, Readiness Readiness);

/// <summary>
/// Crisis-communication readiness: each institution keeps its plan and drill log (the director edits,
/// contributors read); the center and officials see every institution's readiness.
/// </summary>
public sealed class CrisisService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    RoleRegister register,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<CrisisOverview> GetAsync(Actor actor, int institutionId, CancellationToken ct)
    {
        actor.EnsureCanRead(institutionId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var institution = await RoleRegister.InstitutionAsync(db, institutionId, ct);
        var row = (await RowsAsync(db, [institution], ct)).Single();
        var drills = await db.CrisisDrills.AsNoTracking()
            .Where(d => d.InstitutionId == institutionId)
            .OrderByDescending(d => d.HeldOn).ThenByDescending(d => d.Id)
            .Select(d => new DrillView(d.Id, d.HeldOn, d.Scenario, d.Participants, d.Lessons, d.RecordedByName))
            .ToListAsync(ct);
        return new CrisisOverview(institution, actor.IsDirectorOf(institutionId), register.Today, row.Plan, row.Team, drills, row.Readiness);
    }

    public async Task SavePlanAsync(Actor actor, int institutionId, PlanInput input, CancellationToken ct)
    {
        actor.EnsureDirectorOf(institutionId);
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            throw new RuleViolationException("Crisis_PlanTitleRequired");
        }

        if (input.LastReviewedOn is { } reviewed && reviewed > register.Today)
        {
            throw new RuleViolationException("Crisis_ReviewInFuture");
        }

        if (input.ValidUntil is { } until && input.LastReviewedOn is { } from && until < from)
        {
            throw new RuleViolationException("Crisis_ValidBeforeReview");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var plan = await db.CrisisPlans.SingleOrDefaultAsync(p => p.InstitutionId == institutionId, ct)
            ?? db.CrisisPlans.Add(new CrisisPlan { InstitutionId = institutionId, Title = string.Empty }).Entity;
        plan.Title = input.Title.Trim();
        plan.Owner = Clean(input.Owner);
        plan.LastReviewedOn = input.LastReviewedOn;
        plan.ValidUntil = input.ValidUntil;
        plan.DocumentReference = Clean(input.DocumentReference);
        plan.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        plan.UpdatedByName = actor.Name;
        await db.SaveChangesAsync(ct);
    }

    public async Task<int> AddDrillAsync(Actor actor, int institutionId, DrillInput input, CancellationToken ct)
    {
        actor.EnsureDirectorOf(institutionId);
        var heldOn = input.HeldOn ?? throw new RuleViolationException("Crisis_DrillDateRequired");
        if (heldOn > register.Today)
        {
            throw new RuleViolationException("Crisis_DrillInFuture");
        }

        if (string.IsNullOrWhiteSpace(input.Scenario))
        {
            throw new RuleViolationException("Crisis_DrillScenarioRequired");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var drill = new CrisisDrill
        {
            InstitutionId = institutionId,
            HeldOn = heldOn,
            Scenario = input.Scenario.Trim(),
            Participants = Clean(input.Participants),
            Lessons = Clean(input.Lessons),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedByName = actor.Name,
        };
        db.CrisisDrills.Add(drill);
        await db.SaveChangesAsync(ct);
        return drill.Id;
    }

    public async Task DeleteDrillAsync(Actor actor, int drillId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var drill = await db.CrisisDrills.SingleOrDefaultAsync(d => d.Id == drillId, ct) ?? throw new NotFoundException();
        actor.EnsureDirectorOf(drill.InstitutionId);
        db.CrisisDrills.Remove(drill);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Readiness of every active institution (center and officials): data for the readiness view and for reports.</summary>
    public async Task<IReadOnlyList<ReadinessRow>> GetReadinessAsync(Actor actor, ReadinessFilter filter, CancellationToken ct)
    {
        actor.EnsureSeesAllInstitutions();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var type = string.IsNullOrWhiteSpace(filter.TypeCode) ? null : filter.TypeCode;
        var institutions = await RoleRegister.Institutions(db.Institutions.Where(i => i.IsActive && (type == null || i.Type.Code == type)))
            .ToListAsync(ct);
        var rows = await RowsAsync(db, institutions, ct);
        return rows.Where(r => filter.Status is null || r.Readiness.Status == filter.Status).ToList();
    }

    public async Task<FileDownload> ExportReadinessAsync(Actor actor, ReadinessFilter filter, CancellationToken ct)
    {
        var rows = await GetReadinessAsync(actor, filter, ct);
        var sheet = new ExcelSheet(
            L("Crisis_ReadinessSheet"),
            (L("InstitutionCode"), 14), (L("Institution"), 36), (L("InstitutionType"), 16), (L("Crisis_Status"), 16),
            (L("Crisis_Plan"), 36), (L("Crisis_LastReviewedOn"), 14), (L("Crisis_ValidUntil"), 14), (L("Crisis_PlanCurrent"), 12),
            (L("Crisis_CheckTeam"), 12), (L("Crisis_LastDrillOn"), 14), (L("Crisis_DrillCurrent"), 12), (L("Crisis_Gaps"), 50));
        foreach (var row in rows)
        {
            var readiness = row.Readiness;
            sheet.Add(
                row.Institution.Code,
                Bilingual.Pick(row.Institution.NameAr, row.Institution.NameEn),
                Bilingual.Pick(row.Institution.TypeNameAr, row.Institution.TypeNameEn),
                L($"Readiness_{readiness.Status}"),
                row.Plan?.Title,
                row.Plan?.LastReviewedOn,
                row.Plan?.ValidUntil,
                YesNo(readiness.PlanCurrent),
                YesNo(readiness.TeamComplete),
                row.LastDrillOn,
                YesNo(readiness.DrillCurrent),
                string.Join(L("ListSeparator"), readiness.Gaps.Select(g => L($"ReadinessGap_{g}"))));
        }

        return sheet.ToFile("crisis-readiness.xlsx");
    }

    private async Task<List<ReadinessRow>> RowsAsync(StrategyGovDbContext db, IReadOnlyList<InstitutionInfo> institutions, CancellationToken ct)
    {
        var ids = institutions.Select(i => i.Id).ToList();
        var plans = await db.CrisisPlans.AsNoTracking().Where(p => ids.Contains(p.InstitutionId))
            .ToDictionaryAsync(p => p.InstitutionId, p => new PlanView(p.Id, p.Title, p.Owner, p.LastReviewedOn, p.ValidUntil, p.DocumentReference, p.UpdatedAt, p.UpdatedByName), ct);
        var drills = (await db.CrisisDrills.AsNoTracking().Where(d => ids.Contains(d.InstitutionId))
                .Select(d => new { d.InstitutionId, d.HeldOn }).ToListAsync(ct))
            .GroupBy(d => d.InstitutionId)
            .ToDictionary(g => g.Key, g => g.Max(d => d.HeldOn));
        var roles = await RoleRegister.RolesAsync(db, ct);
        var slots = await register.SlotsAsync(db, ids, roles.Where(r => CrisisTeam.RoleCodes.Contains(r.Code)).ToList(), ct);
        var today = register.Today;
        return institutions.Select(i =>
        {
            var plan = plans.GetValueOrDefault(i.Id);
            var team = CrisisTeam.From(slots[i.Id]);
            DateOnly? lastDrill = drills.TryGetValue(i.Id, out var held) ? held : null;
            var readiness = CrisisReadinessRules.Evaluate(
                new ReadinessFacts(plan is null ? null : new PlanFacts(plan.LastReviewedOn, plan.ValidUntil), team.IsComplete, lastDrill), today);
            return new ReadinessRow(i, plan, team, lastDrill, readiness);
        }).ToList();
    }

    private string L(string key) => localizer[key];

    private string YesNo(bool value) => L(value ? "Yes" : "No");

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
