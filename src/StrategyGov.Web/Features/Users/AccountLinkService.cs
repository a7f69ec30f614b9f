using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Identity;

namespace StrategyGov.Web.Features.Users;

/// <summary>What a valid link is for, shown on the page where its holder chooses a password.</summary>
public sealed record AccountLinkInfo(string FullName, string Email, AccountTokenPurpose Purpose, DateTime ExpiresAt);

/// <summary>A reason a new password was refused (a UI string key and its arguments).</summary>
public sealed record PasswordProblem(string MessageKey, params object[] Arguments);

public enum SetPasswordStatus
{
    Done,

    /// <summary>Unknown, expired, used, revoked, or its account deactivated: the same answer for all.</summary>
    LinkInvalid,

    /// <summary>The password does not meet the rules (nothing was used up).</summary>
    Refused,
}

public sealed record SetPasswordOutcome(SetPasswordStatus Status, IReadOnlyList<PasswordProblem> Problems)
{
    public static readonly SetPasswordOutcome Done = new(SetPasswordStatus.Done, []);

    public static readonly SetPasswordOutcome LinkInvalid = new(SetPasswordStatus.LinkInvalid, []);
}

/// <summary>
/// Account links (ADR 0095): invitation, password-reset and first-administrator setup links. A link holds
/// 32 random bytes; the database holds only their SHA-256, with the purpose, the expiry and when it was used
/// or revoked. Issuing a link revokes the user's earlier ones; using one sets the password, confirms the
/// e-mail, ends every other session of the user (new security stamp) and is recorded in the audit trail.
/// </summary>
public sealed class AccountLinkService(
    IServiceScopeFactory scopes,
    AccountMail mail,
    TimeProvider clock,
    IOptions<UsersOptions> options)
{
    public const string TokenPrefix = "sgl_";

    /// <summary>The path the links point to; it moves the token into a cookie and out of the address bar.</summary>
    public const string LinkPath = "account/link";

    public static string NewToken() => TokenPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The link for a token: absolute when the platform's address is known, else a path to put after it.</summary>
    public static string Url(string? linkBase, string token) =>
        $"{(string.IsNullOrEmpty(linkBase) ? "/" : linkBase.TrimEnd('/') + "/")}{LinkPath}?token={token}";

    /// <summary>
    /// Adds a new link for <paramref name="user"/> to <paramref name="db"/> (saved by the caller, with its
    /// change) and revokes the user's links still open. Returns the entity and the token, which exists nowhere else.
    /// </summary>
    internal async Task<(AccountToken Entity, string Token)> AddAsync(
        StrategyGovDbContext db, ApplicationUser user, AccountTokenPurpose purpose, string? issuedById, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await RevokeOpenAsync(db, user.Id, now, ct);
        var token = NewToken();
        var entity = new AccountToken
        {
            UserId = user.Id,
            Purpose = purpose,
            TokenHash = Hash(token),
            InstitutionId = user.InstitutionId,
            CreatedAt = now,
            CreatedById = issuedById,
            ExpiresAt = now + options.Value.LifetimeOf(purpose),
        };
        db.AccountTokens.Add(entity);
        if (purpose == AccountTokenPurpose.Invitation)
        {
            user.InvitedAt = now;
        }

        return (entity, token);
    }

    /// <summary>Revokes the links of a user that are still open (a newer link, a deactivation).</summary>
    internal static async Task RevokeOpenAsync(StrategyGovDbContext db, string userId, DateTime now, CancellationToken ct)
    {
        foreach (var open in await db.AccountTokens.Where(t => t.UserId == userId && t.UsedAt == null && t.RevokedAt == null).ToListAsync(ct))
        {
            open.RevokedAt = now;
        }
    }

    /// <summary>E-mails the link when SMTP is configured; otherwise returns it to be shown once.</summary>
    internal IssuedLink Deliver(ApplicationUser user, AccountToken entity, string token, Uri? requestBase)
    {
        var link = Url(mail.LinkBase(requestBase), token);
        var mailed = user.Email is { Length: > 0 } email && mail.TrySend(email, user.FullName, entity.Purpose, link, entity.ExpiresAt);
        return new IssuedLink(user.Id, user.Email ?? string.Empty, entity.Purpose, entity.ExpiresAt, mailed ? null : link);
    }

    /// <summary>The link's purpose and holder, or null for any link that cannot be used (without saying why).</summary>
    public async Task<AccountLinkInfo?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        await using var operation = IdentityOperation.Begin(scopes);
        var (entity, user) = await UsableAsync(operation, token, ct);
        return entity is null || user is null ? null : new AccountLinkInfo(user.FullName, user.Email ?? string.Empty, entity.Purpose, entity.ExpiresAt);
    }

    /// <summary>
    /// Sets the password of the link's user. The password is checked against Identity's rules first; only an
    /// accepted password uses the link up. Two uses at the same moment: one wins, the other is told the link is void.
    /// </summary>
    public async Task<SetPasswordOutcome> SetPasswordAsync(string? token, string? password, string? confirmation, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return SetPasswordOutcome.LinkInvalid;
        }

        await using var operation = IdentityOperation.Begin(scopes);
        var (entity, user) = await UsableAsync(operation, token, ct);
        if (entity is null || user is null)
        {
            return SetPasswordOutcome.LinkInvalid;
        }

        var problems = await PasswordProblemsAsync(operation.Users, user, password ?? string.Empty);
        if (password != confirmation)
        {
            problems.Insert(0, new PasswordProblem("Password_Mismatch"));
        }

        if (problems.Count > 0)
        {
            return new SetPasswordOutcome(SetPasswordStatus.Refused, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        operation.Db.AuditAs(new AuditIdentity(user.Id, user.FullName, user.InstitutionId));
        entity.UsedAt = now;
        user.PasswordHash = operation.Users.PasswordHasher.HashPassword(user, password!);
        user.PasswordChangedAt = now;
        user.EmailConfirmed = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;

        // Saves the link, the password and a new security stamp at once: every other session ends. A link
        // used meanwhile (UsedAt is a concurrency token) fails the whole save.
        return await operation.TrySaveUserAsync(user, newSecurityStamp: true, ct) ? SetPasswordOutcome.Done : SetPasswordOutcome.LinkInvalid;
    }

    /// <summary>
    /// A forgotten password: e-mails a reset link to an active local account with this address. Says nothing
    /// either way (the caller answers the same for any address), and sends at most one link a minute per account.
    /// </summary>
    public async Task RequestResetAsync(string email, CancellationToken ct)
    {
        if (!mail.CanMailLinks)
        {
            return;
        }

        await using var operation = IdentityOperation.Begin(scopes);
        var user = await operation.Users.FindByEmailAsync(UserRules.AsciiDigits(email.Trim()));
        if (user is null || !user.IsActive || await operation.Db.UserLogins.AnyAsync(l => l.UserId == user.Id, ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (await operation.Db.AccountTokens.AnyAsync(t => t.UserId == user.Id && t.Purpose == AccountTokenPurpose.PasswordReset && t.CreatedAt > now.AddMinutes(-1), ct))
        {
            return;
        }

        operation.Db.AuditAs(new AuditIdentity(user.Id, user.FullName, user.InstitutionId), reason: "forgotten password");
        var (entity, token) = await AddAsync(operation.Db, user, AccountTokenPurpose.PasswordReset, issuedById: null, ct);
        await operation.Db.SaveChangesAsync(ct);
        Deliver(user, entity, token, requestBase: null);
    }

    /// <summary>Identity's password rules (length, digit, upper and lower case, symbol), as UI string keys.</summary>
    internal static async Task<List<PasswordProblem>> PasswordProblemsAsync(UserManager<ApplicationUser> users, ApplicationUser user, string password)
    {
        var problems = new List<PasswordProblem>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            problems.AddRange(result.Errors.Select(e => e.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordTooShort) => new PasswordProblem("Password_PasswordTooShort", users.Options.Password.RequiredLength),
                nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => new PasswordProblem("Password_PasswordRequiresUniqueChars", users.Options.Password.RequiredUniqueChars),
                nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) or nameof(IdentityErrorDescriber.PasswordRequiresDigit)
                    or nameof(IdentityErrorDescriber.PasswordRequiresLower) or nameof(IdentityErrorDescriber.PasswordRequiresUpper) => new PasswordProblem($"Password_{e.Code}"),
                _ => new PasswordProblem("Password_Invalid"),
            }));
        }

        return problems;
    }

    private async Task<(AccountToken? Entity, ApplicationUser? User)> UsableAsync(IdentityOperation operation, string token, CancellationToken ct)
    {
        var hash = Hash(token);
        var entity = await operation.Db.AccountTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (entity is null || !entity.IsUsable(clock.GetUtcNow().UtcDateTime))
        {
            return (null, null);
        }

        var user = await operation.Users.FindByIdAsync(entity.UserId);
        var external = user is not null && await operation.Db.UserLogins.AnyAsync(l => l.UserId == user.Id, ct);
        return user is null || !user.IsActive || external ? (null, null) : (entity, user);
    }
}
