using StrategyGov.Data.Identity;

namespace StrategyGov.Web.Features.Users;

/// <summary>Where an account stands, derived from its columns (never stored, so it cannot disagree with them).</summary>
public enum UserState
{
    /// <summary>Signs in normally.</summary>
    Active,

    /// <summary>Created and invited; has not chosen a password yet.</summary>
    Invited,

    /// <summary>An administrator forced a password reset; the user must choose a new one through the link.</summary>
    ResetRequired,

    /// <summary>Too many failed sign-ins; locked until the lockout ends or an administrator unlocks it.</summary>
    Locked,

    /// <summary>Cannot sign in; every session ended when it was deactivated.</summary>
    Deactivated,
}

/// <summary>How recently a user signed in, for the list's filter.</summary>
public enum LastSignInFilter
{
    Never,
    Within30Days,
    NotWithin30Days,
    NotWithin90Days,
}

public sealed record UserRow(
    string Id,
    string FullName,
    string Email,
    string? Phone,
    IReadOnlyList<string> Roles,
    int? InstitutionId,
    string? InstitutionCode,
    string? InstitutionNameAr,
    string? InstitutionNameEn,
    UserState State,
    bool IsExternal,
    DateTime? LastSignInAt,
    DateTime? CreatedAt,
    DateTime? LinkExpiresAt)
{
    /// <summary>Only an institution's contributors are managed by its director.</summary>
    public bool IsContributorOnly => Roles.Count == 1 && Roles[0] == AppRoles.InstitutionContributor;

    /// <summary>An invitation or reset is pending and its link has run out: a new one must be sent.</summary>
    public bool LinkExpired(DateTime utcNow) => State is UserState.Invited or UserState.ResetRequired && (LinkExpiresAt is null || LinkExpiresAt <= utcNow);
}

/// <summary>What the user list filters by; null means any.</summary>
public sealed record UserFilter(
    string? Search = null,
    string? Role = null,
    int? InstitutionId = null,
    UserState? State = null,
    LastSignInFilter? LastSignIn = null);

/// <summary>A user as the create and edit dialog (and each row of an import) describes it.</summary>
public sealed class UserForm
{
    public string Email { get; set; } = string.Empty;

    public string FullName { get; set; } = string.Empty;

    public HashSet<string> Roles { get; set; } = new(StringComparer.Ordinal);

    public int? InstitutionId { get; set; }

    public string? Phone { get; set; }

    public UserForm Copy() => new()
    {
        Email = Email,
        FullName = FullName,
        Roles = new HashSet<string>(Roles, StringComparer.Ordinal),
        InstitutionId = InstitutionId,
        Phone = Phone,
    };
}

/// <summary>The editor's view of one account: the form, and what may not be changed here.</summary>
public sealed record UserDetails(string Id, UserForm Form, UserState State, bool IsExternal, bool IsSelf);

public sealed record InstitutionChoice(int Id, string Code, string NameAr, string NameEn);

/// <summary>
/// A link issued for a user: <see cref="Link"/> is null when it was e-mailed, and otherwise the one time
/// it is shown (it is stored only as a hash).
/// </summary>
public sealed record IssuedLink(string UserId, string Email, AccountTokenPurpose Purpose, DateTime ExpiresAt, string? Link)
{
    public bool Mailed => Link is null;
}

/// <summary>A field of a user that a rule refused (the Excel import turns it into a column).</summary>
public enum UserField
{
    Email,
    FullName,
    Roles,
    Institution,
    Phone,
}

public sealed record UserProblem(UserField Field, string MessageKey, params object[] Arguments);

/// <summary>One reason a users import was refused, by row and column; nothing is imported while there is any.</summary>
public sealed record UserImportError(int Row, string Column, string MessageKey, params object[] Arguments);

public sealed record UserImportResult(IReadOnlyList<IssuedLink> Created, IReadOnlyList<UserImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
