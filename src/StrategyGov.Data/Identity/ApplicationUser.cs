using StrategyGov.Data.Auditing;
using StrategyGov.Data.Institutions;

namespace StrategyGov.Data.Identity;

/// <summary>
/// A user of the platform; institution users belong to exactly one institution. Every change is audited
/// (ADR 0095); Identity's secrets and bookkeeping columns are not.
/// </summary>
public class ApplicationUser : Microsoft.AspNetCore.Identity.IdentityUser, IAudited, IMaybeInstitutionOwned
{
    public required string FullName { get; set; }

    public int? InstitutionId { get; set; }

    public Institution? Institution { get; set; }

    /// <summary>
    /// The user's roles as the platform last set them, comma-separated in <see cref="AppRoles.All"/> order. A
    /// copy for the audit trail (a role change reads as "roles: before → after" on the user); authorisation
    /// reads Identity's own user-role rows.
    /// </summary>
    public string RoleNames { get; set; } = string.Empty;

    /// <summary>When the account was created on the platform; null for accounts older than user administration.</summary>
    public DateTime? CreatedAt { get; set; }

    /// <summary>Who created (invited) the account; null for the seed, Entra ID sign-ins and the command line.</summary>
    public string? CreatedById { get; set; }

    /// <summary>When the last invitation was issued.</summary>
    public DateTime? InvitedAt { get; set; }

    /// <summary>When the password was last set through an invitation, a reset or a setup link.</summary>
    public DateTime? PasswordChangedAt { get; set; }

    /// <summary>Set while the account is deactivated: it cannot sign in and its sessions end at once.</summary>
    public DateTime? DeactivatedAt { get; set; }

    public string? DeactivatedById { get; set; }

    /// <summary>Informative; written outside the change tracker at every sign-in, so never audited.</summary>
    [NotAudited]
    public DateTime? LastSignInAt { get; set; }

    public bool IsActive => DeactivatedAt is null;

    // Identity's secrets and bookkeeping: never in the audit trail (the interceptor also refuses them by name).

    [NotAudited]
    public override string? PasswordHash { get => base.PasswordHash; set => base.PasswordHash = value; }

    [NotAudited]
    public override string? SecurityStamp { get => base.SecurityStamp; set => base.SecurityStamp = value; }

    [NotAudited]
    public override string? ConcurrencyStamp { get => base.ConcurrencyStamp; set => base.ConcurrencyStamp = value; }

    [NotAudited]
    public override string? NormalizedEmail { get => base.NormalizedEmail; set => base.NormalizedEmail = value; }

    [NotAudited]
    public override string? NormalizedUserName { get => base.NormalizedUserName; set => base.NormalizedUserName = value; }

    /// <summary>Counted at every failed sign-in; the lockout it leads to (<c>LockoutEnd</c>) is audited.</summary>
    [NotAudited]
    public override int AccessFailedCount { get => base.AccessFailedCount; set => base.AccessFailedCount = value; }
}

/// <summary>The five roles of docs/product.md §Users and roles.</summary>
public static class AppRoles
{
    public const string CenterAdmin = nameof(CenterAdmin);
    public const string CenterReviewer = nameof(CenterReviewer);
    public const string InstitutionDirector = nameof(InstitutionDirector);
    public const string InstitutionContributor = nameof(InstitutionContributor);
    public const string Official = nameof(Official);

    // Role lists for [Authorize(Roles = ...)] and <AuthorizeView Roles>: the same groups as the Actor's questions.

    /// <summary>Center staff (<c>Actor.IsCenter</c>).</summary>
    public const string Center = CenterAdmin + "," + CenterReviewer;

    /// <summary>Everyone who reads every institution (<c>Actor.SeesAllInstitutions</c>).</summary>
    public const string National = Center + "," + Official;

    /// <summary>An institution's own people (<c>Actor.IsInstitutionUser</c>).</summary>
    public const string InstitutionStaff = InstitutionDirector + "," + InstitutionContributor;

    /// <summary>The center's and the institutions' people, officials excepted.</summary>
    public const string CenterAndInstitutionStaff = Center + "," + InstitutionStaff;

    public static readonly IReadOnlyList<string> All =
        [CenterAdmin, CenterReviewer, InstitutionDirector, InstitutionContributor, Official];

    /// <summary>Roles confined to the user's own institution.</summary>
    public static readonly IReadOnlyList<string> InstitutionScoped = [InstitutionDirector, InstitutionContributor];

    /// <summary>The roles as <see cref="ApplicationUser.RoleNames"/> stores them: known names, in <see cref="All"/> order.</summary>
    public static string Join(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return string.Join(",", All.Where(set.Contains));
    }
}
