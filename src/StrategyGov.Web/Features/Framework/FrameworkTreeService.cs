using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Framework;
using StrategyGov.Scoring;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Framework;

/// <summary>
/// Edits the tree of a draft version: add, change, move and delete pillars, practices and indicators.
/// Only a center administrator, only in a draft. A node's fields may be incomplete while drafting
/// (the validator lists what blocks publishing), but a code is always present and unique in the version.
/// </summary>
public sealed class FrameworkTreeService(IDbContextFactory<StrategyGovDbContext> dbFactory)
{
    public async Task<int> AddPillarAsync(Actor actor, int versionId, PillarForm form, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var version = await db.StrategyVersions.Include(v => v.Pillars).SingleOrDefaultAsync(v => v.Id == versionId, ct) ?? throw new NotFoundException();
        FrameworkService.EnsureDraft(version);
        await EnsureCodeFreeAsync(db, versionId, form.Code, null, ct);
        var pillar = new Pillar { Code = string.Empty, NameAr = string.Empty, NameEn = string.Empty, Order = NextOrder(version.Pillars.Select(p => p.Order)) };
        Apply(pillar, form);
        version.Pillars.Add(pillar);
        await db.SaveChangesAsync(ct);
        return pillar.Id;
    }

    public async Task UpdatePillarAsync(Actor actor, int pillarId, PillarForm form, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var pillar = await db.Pillars.Include(p => p.StrategyVersion).SingleOrDefaultAsync(p => p.Id == pillarId, ct) ?? throw new NotFoundException();
        FrameworkService.EnsureDraft(pillar.StrategyVersion);
        await EnsureCodeFreeAsync(db, pillar.StrategyVersionId, form.Code, new NodeRef(NodeKind.Pillar, pillarId, pillar.Code), ct);
        Apply(pillar, form);
        await db.SaveChangesAsync(ct);
    }

    public async Task<int> AddPracticeAsync(Actor actor, int pillarId, PracticeForm form, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var pillar = await db.Pillars.Include(p => p.StrategyVersion).Include(p => p.Practices).SingleOrDefaultAsync(p => p.Id == pillarId, ct)
            ?? throw new NotFoundException();
        FrameworkService.EnsureDraft(pillar.StrategyVersion);
        await EnsureCodeFreeAsync(db, pillar.StrategyVersionId, form.Code, null, ct);
        var practice = new Practice { Code = string.Empty, NameAr = string.Empty, NameEn = string.Empty, Order = NextOrder(pillar.Practices.Select(p => p.Order)) };
        Apply(practice, form);
        pillar.Practices.Add(practice);
        await db.SaveChangesAsync(ct);
        return practice.Id;
    }

    public async Task UpdatePracticeAsync(Actor actor, int practiceId, PracticeForm form, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var practice = await db.Practices.Include(p => p.Pillar.StrategyVersion).SingleOrDefaultAsync(p => p.Id == practiceId, ct)
            ?? throw new NotFoundException();
        FrameworkService.EnsureDraft(practice.Pillar.StrategyVersion);
        await EnsureCodeFreeAsync(db, practice.Pillar.StrategyVersionId, form.Code, new NodeRef(NodeKind.Practice, practiceId, practice.Code), ct);
        Apply(practice, form);
        await db.SaveChangesAsync(ct);
    }

    public async Task<int> AddIndicatorAsync(Actor actor, int practiceId, IndicatorForm form, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var practice = await db.Practices.Include(p => p.Pillar.StrategyVersion).Include(p => p.Indicators).SingleOrDefaultAsync(p => p.Id == practiceId, ct)
            ?? throw new NotFoundException();
        FrameworkService.EnsureDraft(practice.Pillar.StrategyVersion);
        await EnsureCodeFreeAsync(db, practice.Pillar.StrategyVersionId, form.Code, null, ct);
        var indicator = new Indicator { Code = string.Empty, TextAr = string.Empty, TextEn = string.Empty, Order = NextOrder(practice.Indicators.Select(i => i.Order)) };
        await ApplyAsync(db, indicator, form, ct);
        practice.Indicators.Add(indicator);
        await db.SaveChangesAsync(ct);
        return indicator.Id;
    }

    public async Task UpdateIndicatorAsync(Actor actor, int indicatorId, IndicatorForm form, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var indicator = await db.Indicators.Include(i => i.Practice.Pillar.StrategyVersion).Include(i => i.Levels).Include(i => i.ApplicableTypes)
            .SingleOrDefaultAsync(i => i.Id == indicatorId, ct) ?? throw new NotFoundException();
        FrameworkService.EnsureDraft(indicator.Practice.Pillar.StrategyVersion);
        await EnsureCodeFreeAsync(db, indicator.Practice.Pillar.StrategyVersionId, form.Code, new NodeRef(NodeKind.Indicator, indicatorId, indicator.Code), ct);
        await ApplyAsync(db, indicator, form, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes a node of a draft with everything under it.</summary>
    public async Task DeleteAsync(Actor actor, NodeKind kind, int id, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var (version, _, node) = await FindAsync(db, kind, id, ct);
        FrameworkService.EnsureDraft(version);
        if (await db.Periods.AnyAsync(p => p.StrategyVersionId == version.Id, ct))
        {
            throw new RuleViolationException("Framework_VersionInUse");
        }

        db.Remove(node);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Swaps a node with its previous or next sibling; at either end nothing changes.</summary>
    public async Task MoveAsync(Actor actor, NodeKind kind, int id, MoveDirection direction, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var (version, siblings, node) = await FindAsync(db, kind, id, ct);
        FrameworkService.EnsureDraft(version);
        var ordered = siblings.OrderBy(s => s.Order).ThenBy(s => s.Id).ToList();
        var index = ordered.FindIndex(s => ReferenceEquals(s.Node, node));
        var other = direction == MoveDirection.Up ? index - 1 : index + 1;
        if (other < 0 || other >= ordered.Count)
        {
            return;
        }

        (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].SetOrder(i + 1);
        }

        await db.SaveChangesAsync(ct);
    }

    private sealed record Sibling(object Node, int Id, int Order, Action<int> SetOrder);

    private static async Task<(StrategyVersion Version, IReadOnlyList<Sibling> Siblings, object Node)> FindAsync(
        StrategyGovDbContext db, NodeKind kind, int id, CancellationToken ct)
    {
        switch (kind)
        {
            case NodeKind.Pillar:
                var pillar = await db.Pillars.Include(p => p.StrategyVersion.Pillars).SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();
                return (pillar.StrategyVersion, pillar.StrategyVersion.Pillars.Select(p => new Sibling(p, p.Id, p.Order, o => p.Order = o)).ToList(), pillar);
            case NodeKind.Practice:
                var practice = await db.Practices.Include(p => p.Pillar.StrategyVersion).Include(p => p.Pillar.Practices)
                    .SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();
                return (practice.Pillar.StrategyVersion, practice.Pillar.Practices.Select(p => new Sibling(p, p.Id, p.Order, o => p.Order = o)).ToList(), practice);
            case NodeKind.Indicator:
                var indicator = await db.Indicators.Include(i => i.Practice.Pillar.StrategyVersion).Include(i => i.Practice.Indicators)
                    .SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException();
                return (indicator.Practice.Pillar.StrategyVersion, indicator.Practice.Indicators.Select(i => new Sibling(i, i.Id, i.Order, o => i.Order = o)).ToList(), indicator);
            default:
                throw new NotFoundException();
        }
    }

    // Codes identify nodes across versions (trends compare indicators by code), so they are unique in
    // the whole version, whatever the level, and never empty.
    private static async Task EnsureCodeFreeAsync(StrategyGovDbContext db, int versionId, string code, NodeRef? self, CancellationToken ct)
    {
        code = code.Trim();
        if (code.Length == 0)
        {
            throw new RuleViolationException("Framework_CodeRequired");
        }

        var pillars = await db.Pillars.Where(p => p.StrategyVersionId == versionId).Select(p => new { p.Id, p.Code }).ToListAsync(ct);
        var practices = await db.Practices.Where(p => p.Pillar.StrategyVersionId == versionId).Select(p => new { p.Id, p.Code }).ToListAsync(ct);
        var indicators = await db.Indicators.Where(i => i.Practice.Pillar.StrategyVersionId == versionId).Select(i => new { i.Id, i.Code }).ToListAsync(ct);
        var taken = pillars.Select(p => (NodeKind.Pillar, p.Id, p.Code))
            .Concat(practices.Select(p => (NodeKind.Practice, p.Id, p.Code)))
            .Concat(indicators.Select(i => (NodeKind.Indicator, i.Id, i.Code)))
            .Any(n => string.Equals(n.Code, code, StringComparison.OrdinalIgnoreCase) && !(self is not null && self.Kind == n.Item1 && self.Id == n.Id));
        if (taken)
        {
            throw new RuleViolationException("Framework_CodeTaken", code);
        }
    }

    private static int NextOrder(IEnumerable<int> orders) => orders.DefaultIfEmpty(0).Max() + 1;

    private static void Apply(Pillar pillar, PillarForm form)
    {
        pillar.Code = form.Code.Trim();
        pillar.NameAr = form.NameAr.Trim();
        pillar.NameEn = form.NameEn.Trim();
        pillar.DescriptionAr = FrameworkService.Clean(form.DescriptionAr);
        pillar.DescriptionEn = FrameworkService.Clean(form.DescriptionEn);
        pillar.Weight = form.Weight;
    }

    private static void Apply(Practice practice, PracticeForm form)
    {
        practice.Code = form.Code.Trim();
        practice.NameAr = form.NameAr.Trim();
        practice.NameEn = form.NameEn.Trim();
        practice.Weight = form.Weight;
    }

    private static async Task ApplyAsync(StrategyGovDbContext db, Indicator indicator, IndicatorForm form, CancellationToken ct)
    {
        var maturity = form.Type == MeasurementType.Maturity;
        var target = form.IsTarget;
        indicator.Code = form.Code.Trim();
        indicator.TextAr = form.TextAr.Trim();
        indicator.TextEn = form.TextEn.Trim();
        indicator.GuidanceAr = FrameworkService.Clean(form.GuidanceAr);
        indicator.GuidanceEn = FrameworkService.Clean(form.GuidanceEn);
        indicator.Weight = form.Weight;
        indicator.Type = form.Type;
        indicator.MaturityLevels = maturity ? form.MaturityLevels : null;
        indicator.Baseline = target ? form.Baseline : null;
        indicator.Target = target ? form.Target : null;
        indicator.UnitAr = FrameworkService.Clean(form.UnitAr);
        indicator.UnitEn = FrameworkService.Clean(form.UnitEn);
        indicator.EvidenceRequired = form.EvidenceRequired;
        indicator.MinEvidenceItems = form.EvidenceRequired ? form.MinEvidenceItems : 0;
        indicator.Frequency = form.Frequency;
        indicator.ComputedFrom = string.IsNullOrWhiteSpace(form.ComputedFrom) ? null : form.ComputedFrom;

        indicator.Levels.Clear();
        if (maturity)
        {
            indicator.Levels.AddRange(form.Levels
                .Where(l => l.Level >= 0 && l.Level <= form.MaturityLevels)
                .GroupBy(l => l.Level)
                .Select(g => g.First())
                .OrderBy(l => l.Level)
                .Select(l => new MaturityLevelDescriptor { Level = l.Level, DescriptorAr = l.DescriptorAr.Trim(), DescriptorEn = l.DescriptorEn.Trim() }));
        }

        var codes = form.ApplicableTypes.ToHashSet(StringComparer.Ordinal);
        var types = await db.InstitutionTypes.Where(t => codes.Contains(t.Code)).ToListAsync(ct);
        if (types.Count != codes.Count)
        {
            throw new RuleViolationException("Framework_UnknownType");
        }

        indicator.ApplicableTypes.Clear();
        indicator.ApplicableTypes.AddRange(types);
    }
}
