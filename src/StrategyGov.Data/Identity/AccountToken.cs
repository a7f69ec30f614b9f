using StrategyGov.Data.Auditing;

namespace StrategyGov.Data.Identity;

/// <summary>What an account link lets its holder do: each one ends in choosing a password.</summary>
public enum AccountTokenPurpose
{
    /// <summary>A new user accepts the invitation and chooses a first password.</summary>
    Invitation,

    /// <summary>A user (or an administrator for them) asked for a new password.</summary>
    PasswordReset,

    /// <summary>The first administrator of an installation, issued by <c>users create-admin</c>.</summary>
    AdminSetup,
}

/// <summary>
/// A single-use, expiring link sent to (or shown once for) one user (ADR 0095). Only the SHA-256 of the
/// token is stored; the token itself exists in the link and nowhere else.
/// </summary>
public class AccountToken : IAudited, IMaybeInstitutionOwned
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public AccountTokenPurpose Purpose { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    [NotAudited]
    public required string TokenHash { get; set; }

    /// <summary>The user's institution when the link was issued, so that the institution sees it in its trail.</summary>
    public int? InstitutionId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Who issued it; null when the user asked themself (forgotten password) or on the command line.</summary>
    public string? CreatedById { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>When the link was used. A concurrency token: of two simultaneous uses only one is saved.</summary>
    public DateTime? UsedAt { get; set; }

    /// <summary>When a newer link, a deactivation or a sign-in with a new password made it void.</summary>
    public DateTime? RevokedAt { get; set; }

    public bool IsUsable(DateTime utcNow) => UsedAt is null && RevokedAt is null && ExpiresAt > utcNow;
}
