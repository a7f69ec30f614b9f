using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Institutions;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Institutions;

/// <summary>
/// The institution registry and the institution types. Center staff and officials read it; only a
/// center administrator changes it. An institution that has reported is never deleted, only deactivated.
/// </summary>
public sealed class InstitutionService(IDbContextFactory<StrategyGovDbContext> dbFactory)
{
    public async Task<IReadOnlyList<InstitutionRow>> ListAsync(Actor actor, InstitutionFilter filter, CancellationToken ct)
    {
        actor.EnsureSeesAllInstitutions();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Institutions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.TypeCode))
        {
            query = query.Where(i => i.Type.Code == filter.TypeCode);
        }

        if (filter.ParentId is { } parentId)
        {
            query = query.Where(i => i.ParentId == parentId);
        }

        if (filter.Active is { } active)
        {
            query = query.Where(i => i.IsActive == active);
        }

        var rows = await query
            .Select(i => new InstitutionRow(i.Id, i.Code, i.NameAr, i.NameEn, i.Type.Code, i.Type.NameAr, i.Type.NameEn,
                i.ParentId, i.Parent!.Code, i.Parent.NameAr, i.Parent.NameEn, i.IsActive, db.Submissions.Count(s => s.InstitutionId == i.Id)))
            .ToListAsync(ct);

        // Searched in memory: case- and language-insensitive matching of Arabic is not portable SQL.
        var search = filter.Search?.Trim();
        return rows
            .Where(r => string.IsNullOrEmpty(search)
                || r.Code.Contains(search, StringComparison.OrdinalIgnoreCase)
                || r.NameAr.Contains(search, StringComparison.OrdinalIgnoreCase)
                || r.NameEn.Contains(search, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<InstitutionForm> GetFormAsync(Actor actor, int id, CancellationToken ct)
    {
        actor.EnsureSeesAllInstitutions();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Institutions.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new InstitutionForm
            {
                Code = i.Code,
                NameAr = i.NameAr,
                NameEn = i.NameEn,
                TypeCode = i.Type.Code,
                ParentCode = i.Parent!.Code,
                IsActive = i.IsActive,
            })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
    }

    /// <summary>Creates (<paramref name="id"/> null) or changes an institution; the first broken rule is refused.</summary>
    public async Task<int> SaveAsync(Actor actor, int? id, InstitutionForm form, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var all = await db.Institutions.ToListAsync(ct);
        var institution = id is null ? null : all.SingleOrDefault(i => i.Id == id) ?? throw new NotFoundException();
        var code = form.Code.Trim();
        if (all.Any(i => i.Id != id && string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            throw new RuleViolationException("Inst_CodeTaken", code);
        }

        var parents = all.Where(i => i.Id != id).ToDictionary(i => i.Code, i => i.Parent?.Code, StringComparer.OrdinalIgnoreCase);
        parents[code] = form.ParentCode?.Trim();
        var types = await db.InstitutionTypes.ToListAsync(ct);
        var problem = InstitutionRules.Check(form, types.Select(t => t.Code).ToHashSet(StringComparer.Ordinal), parents).FirstOrDefault();
        if (problem is not null)
        {
            throw new RuleViolationException(problem.MessageKey, problem.Arguments);
        }

        if (institution is null)
        {
            institution = new Institution { Code = code, NameAr = string.Empty, NameEn = string.Empty };
            db.Institutions.Add(institution);
        }

        Apply(institution, form, types, all.Where(i => i != institution).Append(institution).ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase));
        await db.SaveChangesAsync(ct);
        return institution.Id;
    }

    public async Task SetActiveAsync(Actor actor, int id, bool active, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException();
        institution.IsActive = active;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes an institution that never reported, has no users and no institutions under it.</summary>
    public async Task DeleteAsync(Actor actor, int id, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException();
        if (await db.Submissions.AnyAsync(s => s.InstitutionId == id, ct))
        {
            throw new RuleViolationException("Inst_HasSubmissions");
        }

        if (await db.Users.AnyAsync(u => u.InstitutionId == id, ct) || await db.Institutions.AnyAsync(i => i.ParentId == id, ct))
        {
            throw new RuleViolationException("Inst_InUse");
        }

        db.Institutions.Remove(institution);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<InstitutionTypeRow>> ListTypesAsync(Actor actor, CancellationToken ct)
    {
        actor.EnsureSeesAllInstitutions();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InstitutionTypes.AsNoTracking()
            .OrderBy(t => t.Order).ThenBy(t => t.Code)
            .Select(t => new InstitutionTypeRow(t.Id, t.Code, t.NameAr, t.NameEn, t.Order,
                db.Institutions.Count(i => i.TypeId == t.Id),
                db.Indicators.Count(i => i.ApplicableTypes.Any(a => a.Id == t.Id))))
            .ToListAsync(ct);
    }

    public async Task<int> SaveTypeAsync(Actor actor, int? id, InstitutionTypeForm form, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        var code = form.Code.Trim();
        if (code.Length == 0 || code.Length > InstitutionRules.MaxCodeLength || code.Any(char.IsWhiteSpace))
        {
            throw new RuleViolationException("Inst_CodeInvalid", InstitutionRules.MaxCodeLength);
        }

        if (string.IsNullOrWhiteSpace(form.NameAr) || string.IsNullOrWhiteSpace(form.NameEn))
        {
            throw new RuleViolationException("Inst_NameRequired");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var type = id is null ? null : await db.InstitutionTypes.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException();
        var codes = await db.InstitutionTypes.Where(t => t.Id != id).Select(t => t.Code).ToListAsync(ct);
        if (codes.Contains(code, StringComparer.OrdinalIgnoreCase))
        {
            throw new RuleViolationException("Inst_CodeTaken", code);
        }

        // A type's code is what indicators' applicability and peer groups refer to: fixed once in use.
        if (type is not null && type.Code != code && await TypeInUseAsync(db, type.Id, ct))
        {
            throw new RuleViolationException("Inst_TypeCodeInUse");
        }

        if (type is null)
        {
            type = new InstitutionType { Code = code, NameAr = string.Empty, NameEn = string.Empty };
            db.InstitutionTypes.Add(type);
        }

        type.Code = code;
        type.NameAr = form.NameAr.Trim();
        type.NameEn = form.NameEn.Trim();
        type.Order = form.Order;
        await db.SaveChangesAsync(ct);
        return type.Id;
    }

    public async Task DeleteTypeAsync(Actor actor, int id, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var type = await db.InstitutionTypes.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException();
        if (await TypeInUseAsync(db, id, ct))
        {
            throw new RuleViolationException("Inst_TypeInUse");
        }

        db.InstitutionTypes.Remove(type);
        await db.SaveChangesAsync(ct);
    }

    /// <param name="byCode">Every tracked institution by code (case-insensitive), including ones created in the same operation.</param>
    internal static void Apply(Institution institution, InstitutionForm form, IReadOnlyList<InstitutionType> types, IReadOnlyDictionary<string, Institution> byCode)
    {
        institution.Code = form.Code.Trim();
        institution.NameAr = form.NameAr.Trim();
        institution.NameEn = form.NameEn.Trim();
        institution.IsActive = form.IsActive;
        institution.Type = types.Single(t => t.Code == form.TypeCode.Trim());
        var parent = form.ParentCode?.Trim();
        institution.Parent = string.IsNullOrEmpty(parent) ? null : byCode[parent];
        if (institution.Parent is null)
        {
            institution.ParentId = null;
        }
    }

    private static async Task<bool> TypeInUseAsync(StrategyGovDbContext db, int typeId, CancellationToken ct) =>
        await db.Institutions.AnyAsync(i => i.TypeId == typeId, ct) || await db.Indicators.AnyAsync(i => i.ApplicableTypes.Any(a => a.Id == typeId), ct);
}
