using System.Security.Claims;
using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Identity;

namespace StrategyGov.Web.Features.Users;

/// <summary>
/// Sign-in with a local password and sign-out, as the account endpoints call them (ADR 0095). A failed
/// sign-in says nothing about the account: an unknown e-mail, a wrong password, an account without a
/// password yet, a deactivated or a locked account all get the same answer after the same work (one
/// password hash verification each). Signing out gives the user a new security stamp, so a copy of the
/// cookie no longer works anywhere.
/// </summary>
public sealed class LocalSignIn(SignInManager<ApplicationUser> signInManager, UserSessions sessions, IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly Lock DummyLock = new();
    private static string? _dummyHash;

    public async Task<bool> PasswordSignInAsync(string? email, string? password, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return false;
        }

        var users = signInManager.UserManager;
        var user = await users.FindByEmailAsync(UserRules.AsciiDigits(email.Trim()));
        var result = user is null ? SignInResult.Failed : await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);

        // Identity returns early, before hashing anything, for these: do the hashing work it skipped.
        if (user is null || user.PasswordHash is null || result.IsLockedOut || result.IsNotAllowed)
        {
            VerifyDummy(users, password);
        }

        if (result.Succeeded)
        {
            await sessions.RecordSignInAsync(user!.Id, ct);
        }

        return result.Succeeded;
    }

    /// <summary>Ends every session of the signed-in user (new security stamp) and deletes this cookie.</summary>
    public async Task SignOutAsync(ClaimsPrincipal principal)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            && await signInManager.UserManager.FindByIdAsync(userId) is { } user)
        {
            await signInManager.UserManager.UpdateSecurityStampAsync(user);
        }

        await signInManager.SignOutAsync();
    }

    /// <summary>Whether the signed-in user has a password here (not an Entra ID account).</summary>
    public async Task<bool> HasLocalPasswordAsync(ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
        && await signInManager.UserManager.FindByIdAsync(userId) is { PasswordHash: not null } user
        && (await signInManager.UserManager.GetLoginsAsync(user)).Count == 0;

    /// <summary>
    /// A signed-in user changes their own password: the current one is checked (a wrong one counts towards
    /// the lockout), the new one against Identity's rules. The user's other sessions end (new security stamp)
    /// and this one is signed in again with the new stamp. Audited as the user.
    /// </summary>
    public async Task<IReadOnlyList<PasswordProblem>> ChangePasswordAsync(
        ClaimsPrincipal principal, string? current, string? password, string? confirmation, CancellationToken ct)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new Security.AccessDeniedException();
        var users = signInManager.UserManager;
        var user = await users.FindByIdAsync(userId) ?? throw new Security.AccessDeniedException();
        if (user.PasswordHash is null || (await users.GetLoginsAsync(user)).Count > 0)
        {
            throw new Security.AccessDeniedException();
        }

        if (!(await signInManager.CheckPasswordSignInAsync(user, current ?? string.Empty, lockoutOnFailure: true)).Succeeded)
        {
            return [new PasswordProblem("Password_CurrentWrong")];
        }

        var problems = await AccountLinkService.PasswordProblemsAsync(users, user, password ?? string.Empty);
        if (password != confirmation)
        {
            problems.Insert(0, new PasswordProblem("Password_Mismatch"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        // Saved in an operation of its own, read afresh: the check above may have saved the account already.
        await using var operation = IdentityOperation.Begin(scopes);
        var stored = await operation.Users.FindByIdAsync(userId) ?? throw new Security.AccessDeniedException();
        operation.Db.AuditAs(new AuditIdentity(stored.Id, stored.FullName, stored.InstitutionId));
        stored.PasswordHash = operation.Users.PasswordHasher.HashPassword(stored, password!);
        stored.PasswordChangedAt = clock.GetUtcNow().UtcDateTime;
        await operation.SaveUserAsync(stored, newSecurityStamp: true, ct);
        await signInManager.SignInAsync(stored, isPersistent: false);
        return [];
    }

    private static void VerifyDummy(UserManager<ApplicationUser> users, string password)
    {
        var dummy = new ApplicationUser { FullName = string.Empty };
        string hash;
        lock (DummyLock)
        {
            hash = _dummyHash ??= users.PasswordHasher.HashPassword(dummy, Guid.NewGuid().ToString("N"));
        }

        users.PasswordHasher.VerifyHashedPassword(dummy, hash, password);
    }
}

/// <summary>
/// Forgotten-password requests wait here and are handled in the background, so that the answer to the
/// request takes the same time whether or not the address has an account.
/// </summary>
public sealed class PasswordResetRequests
{
    private readonly Channel<string> _channel =
        Channel.CreateBounded<string>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Enqueue(string email) => _channel.Writer.TryWrite(email);

    internal IAsyncEnumerable<string> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

public sealed class PasswordResetWorker(PasswordResetRequests requests, AccountLinkService links, ILogger<PasswordResetWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var email in requests.ReadAllAsync(stoppingToken))
        {
            try
            {
                await links.RequestResetAsync(email, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "A forgotten-password request could not be handled");
            }
        }
    }
}
