using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Governance;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Roles;

public sealed record RoleInput(
    int? Id, string? Code, string? TitleAr, string? TitleEn, string? ResponsibilitiesAr, string? ResponsibilitiesEn, bool IsRequired, bool DeputyRequired, int Order);

/// <summary>The national catalog of communication roles: every signed-in user reads it, only CenterAdmin changes it.</summary>
public sealed class RoleCatalogService(IDbContextFactory<StrategyGovDbContext> dbFactory)
{
    public async Task<IReadOnlyList<RoleInfo>> ListAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RoleRegister.RolesAsync(db, ct);
    }

    public async Task<int> SaveAsync(Actor actor, RoleInput input, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        var code = input.Code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) || string.IsNullOrWhiteSpace(input.TitleAr) || string.IsNullOrWhiteSpace(input.TitleEn))
        {
            throw new RuleViolationException("Catalog_CodeAndTitlesRequired");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        if (await db.CommunicationRoles.AnyAsync(r => r.Code == code && r.Id != input.Id, ct))
        {
            throw new RuleViolationException("Catalog_DuplicateCode", code);
        }

        var role = input.Id is { } id
            ? await db.CommunicationRoles.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException()
            : db.CommunicationRoles.Add(new CommunicationRole { Code = code, TitleAr = string.Empty, TitleEn = string.Empty }).Entity;
        role.Code = code;
        role.TitleAr = input.TitleAr.Trim();
        role.TitleEn = input.TitleEn.Trim();
        role.ResponsibilitiesAr = string.IsNullOrWhiteSpace(input.ResponsibilitiesAr) ? null : input.ResponsibilitiesAr.Trim();
        role.ResponsibilitiesEn = string.IsNullOrWhiteSpace(input.ResponsibilitiesEn) ? null : input.ResponsibilitiesEn.Trim();
        role.IsRequired = input.IsRequired;
        role.DeputyRequired = input.DeputyRequired;
        role.Order = input.Order;
        await db.SaveChangesAsync(ct);
        return role.Id;
    }

    /// <summary>Removes a role nobody was ever assigned to; one with a history stays (make it optional instead).</summary>
    public async Task DeleteAsync(Actor actor, int roleId, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var role = await db.CommunicationRoles.SingleOrDefaultAsync(r => r.Id == roleId, ct) ?? throw new NotFoundException();
        if (await db.RoleAssignments.AnyAsync(a => a.RoleId == roleId, ct))
        {
            throw new RuleViolationException("Catalog_RoleInUse");
        }

        db.CommunicationRoles.Remove(role);
        await db.SaveChangesAsync(ct);
    }
}
