using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Identity;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Users;

/// <summary>
/// User administration (ADR 0095). A center administrator lists, creates, edits, deactivates, unlocks and
/// forces password resets of every account; an institution's director lists their own institution's
/// accounts and invites, re-invites, deactivates and reactivates its contributors — never another
/// institution's (404) nor a director (403). Accounts linked to Entra ID take their roles and institution
/// from Entra: they can be deactivated here, not re-roled. Every change is audited as the actor.
/// </summary>
public sealed class UserService(
    IServiceScopeFactory scopes,
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    AccountLinkService links,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(Actor actor, UserFilter filter, CancellationToken ct)
    {
        var institutionId = ScopeOf(actor) ?? filter.InstitutionId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Users.AsNoTracking();
        if (institutionId is { } id)
        {
            query = query.Where(u => u.InstitutionId == id);
        }

        var users = await query
            .Select(u => new
            {
                u.Id, u.FullName, u.Email, u.PhoneNumber, u.InstitutionId,
                InstitutionCode = u.Institution!.Code, InstitutionNameAr = u.Institution.NameAr, InstitutionNameEn = u.Institution.NameEn,
                HasPassword = u.PasswordHash != null, u.EmailConfirmed, u.LockoutEnd, u.DeactivatedAt, u.LastSignInAt, u.CreatedAt,
                IsExternal = db.UserLogins.Any(l => l.UserId == u.Id),
                LinkExpiresAt = db.AccountTokens.Where(t => t.UserId == u.Id && t.UsedAt == null && t.RevokedAt == null).Max(t => (DateTime?)t.ExpiresAt),
            })
            .ToListAsync(ct);
        var roles = await RolesAsync(db, institutionId, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = users.Select(u => new UserRow(
                u.Id, u.FullName, u.Email ?? string.Empty, u.PhoneNumber, roles.GetValueOrDefault(u.Id, []),
                u.InstitutionId, u.InstitutionCode, u.InstitutionNameAr, u.InstitutionNameEn,
                StateOf(u.DeactivatedAt, u.LockoutEnd, u.HasPassword, u.EmailConfirmed, u.IsExternal, now),
                u.IsExternal, u.LastSignInAt, u.CreatedAt, u.LinkExpiresAt))
            .ToList();

        // Filtered and searched in memory: case-insensitive matching of Arabic names is not portable SQL,
        // and a national center has thousands of accounts, not millions.
        var search = filter.Search?.Trim();
        search = string.IsNullOrEmpty(search) ? null : UserRules.AsciiDigits(search);
        return rows
            .Where(r => filter.Role is null || r.Roles.Contains(filter.Role))
            .Where(r => filter.State is null || r.State == filter.State)
            .Where(r => filter.LastSignIn is null || MatchesLastSignIn(r.LastSignInAt, filter.LastSignIn.Value, now))
            .Where(r => search is null
                || r.FullName.Contains(search, StringComparison.OrdinalIgnoreCase)
                || r.Email.Contains(search, StringComparison.OrdinalIgnoreCase)
                || r.Phone?.Contains(search, StringComparison.Ordinal) == true)
            .OrderBy(r => r.FullName, StringComparer.CurrentCulture)
            .ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public async Task<UserDetails> GetAsync(Actor actor, string userId, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException();
        var roles = (await RolesAsync(db, null, ct, userId)).GetValueOrDefault(userId, []);
        var external = await db.UserLogins.AnyAsync(l => l.UserId == userId, ct);
        var form = new UserForm
        {
            Email = user.Email ?? string.Empty,
            FullName = user.FullName,
            Roles = new HashSet<string>(roles, StringComparer.Ordinal),
            InstitutionId = user.InstitutionId,
            Phone = user.PhoneNumber,
        };
        var state = StateOf(user.DeactivatedAt, user.LockoutEnd, user.PasswordHash is not null, user.EmailConfirmed, external, clock.GetUtcNow().UtcDateTime);
        return new UserDetails(user.Id, form, state, external, user.Id == actor.UserId);
    }

    /// <summary>Active institutions, for the institution picker.</summary>
    public async Task<IReadOnlyList<InstitutionChoice>> InstitutionChoicesAsync(Actor actor, CancellationToken ct)
    {
        Actor.Ensure(actor.IsCenterAdmin || IsDirector(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Institutions.AsNoTracking()
            .Where(i => i.IsActive && (actor.IsCenterAdmin || i.Id == actor.InstitutionId))
            .Select(i => new InstitutionChoice(i.Id, i.Code, i.NameAr, i.NameEn))
            .ToListAsync(ct);
        return rows.OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Creates an account without a password and invites it: the link is e-mailed when SMTP is configured,
    /// otherwise returned to be shown once. A director creates contributors of their own institution only.
    /// </summary>
    public async Task<IssuedLink> CreateAsync(Actor actor, UserForm form, Uri? requestBase, CancellationToken ct)
    {
        form = UserRules.Normalize(form);
        if (!actor.IsCenterAdmin)
        {
            Actor.Ensure(IsDirector(actor));
            if (form.InstitutionId is { } other && other != actor.InstitutionId)
            {
                throw new NotFoundException();
            }

            Actor.Ensure(form.Roles.All(r => r == AppRoles.InstitutionContributor));
            form.InstitutionId = actor.InstitutionId;
            form.Roles = [AppRoles.InstitutionContributor];
        }

        await using var operation = IdentityOperation.Begin(scopes);
        await CheckAsync(operation.Db, form, ct);
        if (await operation.Users.FindByEmailAsync(form.Email) is not null)
        {
            throw new RuleViolationException("Users_EmailTaken");
        }

        operation.Db.AuditAs(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await operation.Db.Database.BeginTransactionAsync(ct);
        var user = NewUser(form, actor.UserId, now);
        var (entity, token) = await links.AddAsync(operation.Db, user, AccountTokenPurpose.Invitation, actor.UserId, ct);
        await SaveNewAsync(operation, user, form.Roles);
        await transaction.CommitAsync(ct);
        return links.Deliver(user, entity, token, requestBase);
    }

    /// <summary>
    /// Changes an account (administrator only). Roles, institution and e-mail of an Entra ID account are
    /// Entra's; an administrator cannot change their own roles or institution. A change of roles, institution
    /// or e-mail ends the user's sessions, so that they sign in again with what they may do now.
    /// </summary>
    public async Task UpdateAsync(Actor actor, string userId, UserForm form, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        form = UserRules.Normalize(form);
        await using var operation = IdentityOperation.Begin(scopes);
        var user = await operation.Users.FindByIdAsync(userId) ?? throw new NotFoundException();
        var current = (await RolesAsync(operation.Db, null, ct, userId)).GetValueOrDefault(userId, []);
        var external = await operation.Db.UserLogins.AnyAsync(l => l.UserId == userId, ct);
        var rolesChanged = !form.Roles.SetEquals(current);
        var institutionChanged = form.InstitutionId != user.InstitutionId;
        var emailChanged = !string.Equals(form.Email, user.Email, StringComparison.OrdinalIgnoreCase);

        if (external && (rolesChanged || institutionChanged || emailChanged))
        {
            throw new RuleViolationException("Users_ExternalReadOnly");
        }

        if (userId == actor.UserId && (rolesChanged || institutionChanged))
        {
            throw new RuleViolationException("Users_SelfRoles");
        }

        await CheckAsync(operation.Db, form, ct, institutionUnchanged: !institutionChanged);
        if (emailChanged && await operation.Users.FindByEmailAsync(form.Email) is { } other && other.Id != userId)
        {
            throw new RuleViolationException("Users_EmailTaken");
        }

        // One save: the trail shows one change of the user with every field that changed.
        operation.Db.AuditAs(actor);
        user.FullName = form.FullName;
        user.PhoneNumber = form.Phone;
        user.InstitutionId = form.InstitutionId;
        if (emailChanged)
        {
            // The new address is confirmed again by the next link the user uses.
            user.Email = form.Email;
            user.UserName = form.Email;
            user.EmailConfirmed = false;
        }

        if (rolesChanged)
        {
            SetRoleNames(operation.Db, user, current, form.Roles);
            await ReplaceRolesAsync(operation.Db, user.Id, current, form.Roles, ct);
        }

        await operation.SaveUserAsync(user, newSecurityStamp: rolesChanged || institutionChanged || emailChanged, ct);
    }

    /// <summary>
    /// Deactivates (its sessions end at once, its open links are revoked) or reactivates an account. A
    /// director may do it for their own institution's contributors; nobody for their own account.
    /// </summary>
    public async Task SetActiveAsync(Actor actor, string userId, bool active, CancellationToken ct)
    {
        await using var operation = IdentityOperation.Begin(scopes);
        var user = await ManagedAsync(operation, actor, userId, ct);
        if (userId == actor.UserId)
        {
            throw new RuleViolationException("Users_SelfDeactivate");
        }

        if (user.IsActive == active)
        {
            return;
        }

        operation.Db.AuditAs(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        if (active)
        {
            user.DeactivatedAt = null;
            user.DeactivatedById = null;
            await operation.SaveUserAsync(user, newSecurityStamp: false, ct);
            return;
        }

        user.DeactivatedAt = now;
        user.DeactivatedById = actor.UserId;
        await AccountLinkService.RevokeOpenAsync(operation.Db, user.Id, now, ct);
        await operation.SaveUserAsync(user, newSecurityStamp: true, ct);
    }

    /// <summary>Ends a lockout after too many failed sign-ins (administrator only).</summary>
    public async Task UnlockAsync(Actor actor, string userId, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var operation = IdentityOperation.Begin(scopes);
        var user = await operation.Users.FindByIdAsync(userId) ?? throw new NotFoundException();
        operation.Db.AuditAs(actor);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await operation.SaveUserAsync(user, newSecurityStamp: false, ct);
    }

    /// <summary>
    /// Forces a new password (administrator only): the current password stops working, every session ends,
    /// and a reset link is e-mailed or returned to be shown once. Not for Entra ID accounts (no password here).
    /// </summary>
    public async Task<IssuedLink> ForcePasswordResetAsync(Actor actor, string userId, Uri? requestBase, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var operation = IdentityOperation.Begin(scopes);
        var user = await operation.Users.FindByIdAsync(userId) ?? throw new NotFoundException();
        await EnsureLocalAsync(operation.Db, user, ct);
        if (userId == actor.UserId)
        {
            throw new RuleViolationException("Users_SelfReset");
        }

        if (!user.IsActive)
        {
            throw new RuleViolationException("Users_IsDeactivated");
        }

        if (user.PasswordHash is null && !user.EmailConfirmed)
        {
            throw new RuleViolationException("Users_NotYetAccepted");
        }

        // One save: the link, the password gone and a new security stamp (every session ends).
        operation.Db.AuditAs(actor);
        var (entity, token) = await links.AddAsync(operation.Db, user, AccountTokenPurpose.PasswordReset, actor.UserId, ct);
        user.PasswordHash = null;
        await operation.SaveUserAsync(user, newSecurityStamp: true, ct);
        return links.Deliver(user, entity, token, requestBase);
    }

    /// <summary>
    /// A new link for an account still waiting for its first password (an invitation) or for a forced reset:
    /// the earlier link stops working. A director may re-invite their own institution's contributors.
    /// </summary>
    public async Task<IssuedLink> SendNewLinkAsync(Actor actor, string userId, Uri? requestBase, CancellationToken ct)
    {
        await using var operation = IdentityOperation.Begin(scopes);
        var user = await ManagedAsync(operation, actor, userId, ct);
        await EnsureLocalAsync(operation.Db, user, ct);
        if (!user.IsActive)
        {
            throw new RuleViolationException("Users_IsDeactivated");
        }

        if (user.PasswordHash is not null)
        {
            throw new RuleViolationException("Users_AlreadyAccepted");
        }

        var purpose = user.EmailConfirmed ? AccountTokenPurpose.PasswordReset : AccountTokenPurpose.Invitation;
        operation.Db.AuditAs(actor);
        var (entity, token) = await links.AddAsync(operation.Db, user, purpose, actor.UserId, ct);
        await operation.Db.SaveChangesAsync(ct);
        return links.Deliver(user, entity, token, requestBase);
    }

    /// <summary>The state an account's columns put it in (see <see cref="UserState"/>).</summary>
    public static UserState StateOf(DateTime? deactivatedAt, DateTimeOffset? lockoutEnd, bool hasPassword, bool emailConfirmed, bool external, DateTime utcNow) =>
        deactivatedAt is not null ? UserState.Deactivated
        : lockoutEnd is { } end && end.UtcDateTime > utcNow ? UserState.Locked
        : !external && !hasPassword ? (emailConfirmed ? UserState.ResetRequired : UserState.Invited)
        : UserState.Active;

    /// <summary>A new account as a form describes it, without a password: the user chooses it through their link.</summary>
    internal static ApplicationUser NewUser(UserForm form, string? createdById, DateTime now) => new()
    {
        UserName = form.Email,
        Email = form.Email,
        FullName = form.FullName,
        PhoneNumber = form.Phone,
        InstitutionId = form.InstitutionId,
        RoleNames = AppRoles.Join(form.Roles),
        CreatedAt = now,
        CreatedById = createdById,
    };

    /// <summary>
    /// Saves a new account through Identity (its validators: a unique, well-formed user name and e-mail),
    /// with whatever else the context holds (its invitation), then gives it its roles.
    /// </summary>
    internal static async Task SaveNewAsync(IdentityOperation operation, ApplicationUser user, IEnumerable<string> roles)
    {
        IdentityOperation.Check(await operation.Users.CreateAsync(user));
        IdentityOperation.Check(await operation.Users.AddToRolesAsync(user, roles));
    }

    /// <summary>Replaces a user's role rows in the context (saved with the user's own change).</summary>
    internal static async Task ReplaceRolesAsync(StrategyGovDbContext db, string userId, IEnumerable<string> before, IEnumerable<string> after, CancellationToken ct)
    {
        var ids = await db.Roles.Where(r => r.Name != null).ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var (old, @new) = (before.ToHashSet(StringComparer.Ordinal), after.ToHashSet(StringComparer.Ordinal));
        db.UserRoles.RemoveRange(old.Except(@new).Select(r => new IdentityUserRole<string> { UserId = userId, RoleId = ids[r] }));
        db.UserRoles.AddRange(@new.Except(old).Select(r => new IdentityUserRole<string> { UserId = userId, RoleId = ids[r] }));
    }

    /// <summary>
    /// Records a role change on the user for the trail. The stored copy may be older than the user's real
    /// roles (accounts created before user administration), so the "before" is the real one.
    /// </summary>
    internal static void SetRoleNames(StrategyGovDbContext db, ApplicationUser user, IEnumerable<string> before, IEnumerable<string> after)
    {
        db.Entry(user).Property(u => u.RoleNames).OriginalValue = AppRoles.Join(before);
        user.RoleNames = AppRoles.Join(after);
    }

    /// <summary>Every account's roles (optionally of one institution, or one user), by user id.</summary>
    internal static async Task<Dictionary<string, IReadOnlyList<string>>> RolesAsync(StrategyGovDbContext db, int? institutionId, CancellationToken ct, string? userId = null)
    {
        var pairs = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                join user in db.Users on userRole.UserId equals user.Id
                where (institutionId == null || user.InstitutionId == institutionId) && (userId == null || user.Id == userId)
                select new { userRole.UserId, role.Name })
            .ToListAsync(ct);
        return pairs.GroupBy(p => p.UserId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)AppRoles.All.Where(r => g.Any(p => p.Name == r)).ToList());
    }

    /// <summary>The rules of <see cref="UserRules"/>, with the institution looked up (an inactive one is refused for new users).</summary>
    internal static async Task CheckAsync(StrategyGovDbContext db, UserForm form, CancellationToken ct, bool institutionUnchanged = false)
    {
        var known = form.InstitutionId is not { } id
            || await db.Institutions.AnyAsync(i => i.Id == id && (i.IsActive || institutionUnchanged), ct);
        if (UserRules.Check(form, known).FirstOrDefault() is { } problem)
        {
            throw new RuleViolationException(problem.MessageKey, problem.Arguments);
        }
    }

    /// <summary>A director is confined to their own institution's users (null for a center administrator).</summary>
    private static int? ScopeOf(Actor actor)
    {
        if (actor.IsCenterAdmin)
        {
            return null;
        }

        Actor.Ensure(IsDirector(actor));
        return actor.InstitutionId;
    }

    private static bool IsDirector(Actor actor) => actor.InstitutionId is { } id && actor.IsDirectorOf(id);

    /// <summary>
    /// The account, if the actor may manage it: an administrator any; a director only a contributor of their
    /// own institution (another institution's account is not found; a director's is refused).
    /// </summary>
    private static async Task<ApplicationUser> ManagedAsync(IdentityOperation operation, Actor actor, string userId, CancellationToken ct)
    {
        Actor.Ensure(actor.IsCenterAdmin || IsDirector(actor));
        var user = await operation.Users.FindByIdAsync(userId) ?? throw new NotFoundException();
        if (!actor.IsCenterAdmin)
        {
            actor.EnsureDirectorOf(user.InstitutionId ?? throw new NotFoundException());
            var roles = (await RolesAsync(operation.Db, null, ct, userId)).GetValueOrDefault(userId, []);
            Actor.Ensure(roles is [AppRoles.InstitutionContributor]);
        }

        return user;
    }

    private static async Task EnsureLocalAsync(StrategyGovDbContext db, ApplicationUser user, CancellationToken ct)
    {
        if (await db.UserLogins.AnyAsync(l => l.UserId == user.Id, ct))
        {
            throw new RuleViolationException("Users_ExternalNoPassword");
        }
    }

    private static bool MatchesLastSignIn(DateTime? lastSignIn, LastSignInFilter filter, DateTime now) => filter switch
    {
        LastSignInFilter.Never => lastSignIn is null,
        LastSignInFilter.Within30Days => lastSignIn >= now.AddDays(-30),
        LastSignInFilter.NotWithin30Days => lastSignIn is null || lastSignIn < now.AddDays(-30),
        _ => lastSignIn is null || lastSignIn < now.AddDays(-90),
    };
}
