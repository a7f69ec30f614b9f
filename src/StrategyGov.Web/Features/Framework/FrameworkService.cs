using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Seeding;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Framework;

/// <summary>
/// Strategy versions: list, read, create a draft (empty or a deep copy), publish, retire. Center staff
/// and officials read every version, institution users only published ones; only a center
/// administrator changes anything, and only a draft can change at all.
/// </summary>
public sealed class FrameworkService(IDbContextFactory<StrategyGovDbContext> dbFactory, ComputedCatalog computed, TimeProvider clock)
{
    public async Task<IReadOnlyList<VersionSummary>> ListAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.StrategyVersions.AsNoTracking();
        if (!actor.SeesAllInstitutions)
        {
            query = query.Where(v => v.Status == StrategyStatus.Published);
        }

        return await query
            .OrderBy(v => v.Code).ThenByDescending(v => v.Version)
            .Select(v => new VersionSummary(v.Id, v.Code, v.Version, v.Status, v.NameAr, v.NameEn, v.CreatedAt, v.PublishedAt, v.RetiredAt,
                db.Periods.Count(p => p.StrategyVersionId == v.Id)))
            .ToListAsync(ct);
    }

    public async Task<FrameworkTree> GetTreeAsync(Actor actor, int versionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await LoadAsync(db, versionId, tracking: false, ct);
        EnsureCanRead(actor, version);
        return await TreeAsync(db, version, ct);
    }

    public async Task<IReadOnlyList<ValidationIssue>> ValidateAsync(Actor actor, int versionId, CancellationToken ct) =>
        FrameworkValidator.Validate(await GetTreeAsync(actor, versionId, ct));

    /// <summary>A new draft: empty with the given header, or a deep copy of <paramref name="copyFromId"/> (its header kept).</summary>
    public async Task<int> CreateDraftAsync(Actor actor, int? copyFromId, VersionForm header, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        StrategySeed seed;
        if (copyFromId is { } sourceId)
        {
            var source = await LoadAsync(db, sourceId, tracking: false, ct);
            seed = FrameworkMapping.ToSeed(await TreeAsync(db, source, ct), 0);
        }
        else
        {
            var code = header.Code.Trim();
            if (code.Length == 0)
            {
                throw new RuleViolationException("Framework_CodeRequired");
            }

            seed = new StrategySeed(code, 0, header.NameAr.Trim(), header.NameEn.Trim(), header.VisionAr, header.VisionEn, header.MissionAr, header.MissionEn,
                DefaultBands(), []);
        }

        return await AddDraftAsync(db, seed, ct);
    }

    /// <summary>Stores a framework in the JSON shape as a new draft numbered after the existing versions of its code.</summary>
    internal async Task<int> AddDraftAsync(StrategyGovDbContext db, StrategySeed seed, CancellationToken ct)
    {
        var versions = await db.StrategyVersions.Where(v => v.Code == seed.Code).Select(v => v.Version).ToListAsync(ct);
        var types = await db.InstitutionTypes.ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, ct);
        var draft = DatabaseSeeder.ToEntity(seed with { Version = versions.Count == 0 ? 1 : versions.Max() + 1 }, types, StrategyStatus.Draft, clock.GetUtcNow().UtcDateTime);
        db.StrategyVersions.Add(draft);
        await db.SaveChangesAsync(ct);
        return draft.Id;
    }

    public async Task UpdateHeaderAsync(Actor actor, int versionId, VersionForm header, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var version = await db.StrategyVersions.SingleOrDefaultAsync(v => v.Id == versionId, ct) ?? throw new NotFoundException();
        EnsureDraft(version);
        version.NameAr = header.NameAr.Trim();
        version.NameEn = header.NameEn.Trim();
        version.VisionAr = Clean(header.VisionAr);
        version.VisionEn = Clean(header.VisionEn);
        version.MissionAr = Clean(header.MissionAr);
        version.MissionEn = Clean(header.MissionEn);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Replaces a draft's maturity bands; refused (first problem) unless they cover 0–100 without gap or overlap.</summary>
    public async Task UpdateBandsAsync(Actor actor, int versionId, IReadOnlyList<BandForm> bands, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        if (BandRules.Check(bands) is [var problem, ..])
        {
            throw new RuleViolationException(problem.MessageKey, problem.Arguments);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var version = await db.StrategyVersions.Include(v => v.Bands).SingleOrDefaultAsync(v => v.Id == versionId, ct) ?? throw new NotFoundException();
        EnsureDraft(version);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.RemoveRange(version.Bands);
        await db.SaveChangesAsync(ct); // the unique (version, code) index: old rows go before new ones with the same code come
        version.Bands.Clear();
        foreach (var band in bands.Select(b => b.ToSeed()).OrderBy(b => b.LowerBound))
        {
            version.Bands.Add(new MaturityBandDefinition { Code = band.Code, LowerBound = band.LowerBound, NameAr = band.NameAr, NameEn = band.NameEn, Color = band.Color! });
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Publishes a draft that has no validation issue; from then on it never changes.</summary>
    public async Task PublishAsync(Actor actor, int versionId, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var version = await LoadAsync(db, versionId, tracking: true, ct);
        EnsureDraft(version);
        var issues = FrameworkValidator.Validate(await TreeAsync(db, version, ct));
        if (issues.Count > 0)
        {
            throw new RuleViolationException("Framework_PublishBlocked", issues.Count);
        }

        version.Status = StrategyStatus.Published;
        version.PublishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Retires a published version: kept (periods bound to it keep their scores), no longer offered for new periods.</summary>
    public async Task RetireAsync(Actor actor, int versionId, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var version = await db.StrategyVersions.SingleOrDefaultAsync(v => v.Id == versionId, ct) ?? throw new NotFoundException();
        if (version.Status != StrategyStatus.Published)
        {
            throw new RuleViolationException("Framework_OnlyPublishedRetires");
        }

        version.Status = StrategyStatus.Retired;
        version.RetiredAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes a draft that no period uses (a published version is never deleted).</summary>
    public async Task DeleteDraftAsync(Actor actor, int versionId, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var version = await LoadAsync(db, versionId, tracking: true, ct);
        EnsureDraft(version);
        if (await db.Periods.AnyAsync(p => p.StrategyVersionId == versionId, ct))
        {
            throw new RuleViolationException("Framework_VersionInUse");
        }

        db.StrategyVersions.Remove(version);
        await db.SaveChangesAsync(ct);
    }

    internal static async Task<StrategyVersion> LoadAsync(StrategyGovDbContext db, int versionId, bool tracking, CancellationToken ct)
    {
        var query = db.StrategyVersions.AsSplitQuery()
            .Include(s => s.Bands)
            .Include(s => s.Pillars).ThenInclude(p => p.Practices).ThenInclude(p => p.Indicators).ThenInclude(i => i.ApplicableTypes)
            .Include(s => s.Pillars).ThenInclude(p => p.Practices).ThenInclude(p => p.Indicators).ThenInclude(i => i.Levels);
        return await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(s => s.Id == versionId, ct)
            ?? throw new NotFoundException();
    }

    private async Task<FrameworkTree> TreeAsync(StrategyGovDbContext db, StrategyVersion version, CancellationToken ct)
    {
        var periods = await db.Periods.CountAsync(p => p.StrategyVersionId == version.Id, ct);
        var types = await db.InstitutionTypes.AsNoTracking().OrderBy(t => t.Order)
            .Select(t => new InstitutionTypeOption(t.Code, t.NameAr, t.NameEn)).ToListAsync(ct);
        return FrameworkMapping.ToTree(version, periods, types) with { ComputedSources = computed.Kinds };
    }

    /// <summary>Institution users read published versions only; anything else does not exist for them.</summary>
    internal static void EnsureCanRead(Actor actor, StrategyVersion version)
    {
        if (!actor.SeesAllInstitutions && version.Status != StrategyStatus.Published)
        {
            throw new NotFoundException();
        }
    }

    /// <summary>The one guard every write goes through: published and retired versions are immutable.</summary>
    internal static void EnsureDraft(StrategyVersion version)
    {
        if (version.Status != StrategyStatus.Draft)
        {
            throw new RuleViolationException("Framework_NotDraft");
        }
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<BandSeed> DefaultBands() =>
    [
        new("Initial", 0m, "مبتدئ", "Initial", MaturityBandDefinition.DefaultColor("Initial")),
        new("Developing", 20m, "قيد التطوير", "Developing", MaturityBandDefinition.DefaultColor("Developing")),
        new("Defined", 40m, "ممنهج", "Defined", MaturityBandDefinition.DefaultColor("Defined")),
        new("Managed", 60m, "مُدار", "Managed", MaturityBandDefinition.DefaultColor("Managed")),
        new("Leading", 80m, "رائد", "Leading", MaturityBandDefinition.DefaultColor("Leading")),
    ];
}
