using Microsoft.AspNetCore.Identity;
using StrategyGov.Data;
using StrategyGov.Data.Identity;

namespace StrategyGov.Web.Features.Users;

/// <summary>
/// One operation on accounts: Identity's <see cref="UserManager{TUser}"/> and the context its store saves
/// through, from a DI scope of their own. A Blazor circuit's scope lives as long as the page, so its
/// scoped context would keep stale users; this gives each operation a fresh one, as the feature services'
/// context factory does, and lets the caller say who acts (<c>Db.AuditAs</c>) and open one transaction
/// around several of Identity's saves.
/// </summary>
internal sealed class IdentityOperation : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private IdentityOperation(AsyncServiceScope scope)
    {
        _scope = scope;
        Users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Db = scope.ServiceProvider.GetRequiredService<StrategyGovDbContext>();
    }

    public UserManager<ApplicationUser> Users { get; }

    /// <summary>The context Identity's store saves through in this operation.</summary>
    public StrategyGovDbContext Db { get; }

    public static IdentityOperation Begin(IServiceScopeFactory scopes) => new(scopes.CreateAsyncScope());

    /// <summary>
    /// Saves a changed account with everything else the context holds, after Identity's user validators (a
    /// unique, well-formed user name and e-mail) and with its normalised names; a new security stamp ends its
    /// sessions. Not <c>UserManager.UpdateAsync</c>: its store re-attaches the user, which makes a change the
    /// context has already detected look unchanged, and the audit trail would miss it.
    /// </summary>
    public async Task SaveUserAsync(ApplicationUser user, bool newSecurityStamp, CancellationToken ct)
    {
        if (!await TrySaveUserAsync(user, newSecurityStamp, ct))
        {
            throw new Security.RuleViolationException("Users_ChangedMeanwhile");
        }
    }

    /// <summary>As <see cref="SaveUserAsync"/>; false when someone else saved the account (or a link it uses) meanwhile.</summary>
    public async Task<bool> TrySaveUserAsync(ApplicationUser user, bool newSecurityStamp, CancellationToken ct)
    {
        foreach (var validator in Users.UserValidators)
        {
            Check(await validator.ValidateAsync(Users, user));
        }

        await Users.UpdateNormalizedEmailAsync(user);
        await Users.UpdateNormalizedUserNameAsync(user);
        if (newSecurityStamp)
        {
            user.SecurityStamp = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
        }

        // Identity's optimistic concurrency: the update only applies to the version that was read.
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            await Db.SaveChangesAsync(ct);
            return true;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>Throws unless Identity accepted the change; a duplicate or malformed e-mail becomes a rule message.</summary>
    public static void Check(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        var codes = result.Errors.Select(e => e.Code).ToList();
        if (codes.Any(c => c is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            throw new Security.RuleViolationException("Users_EmailTaken");
        }

        if (codes.Any(c => c is nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName)))
        {
            throw new Security.RuleViolationException("Users_EmailInvalid", string.Empty);
        }

        if (codes.Contains(nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new Security.RuleViolationException("Users_ChangedMeanwhile");
        }

        throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
