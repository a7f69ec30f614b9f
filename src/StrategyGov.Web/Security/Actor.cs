using System.Security.Claims;
using StrategyGov.Data.Identity;

namespace StrategyGov.Web.Security;

/// <summary>
/// Who is asking. Every feature service takes the actor explicitly and enforces institution isolation
/// itself, whatever page, endpoint or export called it.
/// </summary>
public sealed record Actor(string UserId, string Name, IReadOnlySet<string> Roles, int? InstitutionId)
{
    public static Actor From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            throw new AccessDeniedException("Not signed in.");
        }

        var institution = principal.FindFirstValue(StrategyGovClaims.InstitutionId);
        return new Actor(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new AccessDeniedException("No user id."),
            principal.FindFirstValue(StrategyGovClaims.FullName) ?? principal.Identity.Name ?? string.Empty,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            int.TryParse(institution, out var id) ? id : null);
    }

    /// <summary>The user id an API token acts under: named in the audit trail, never a person's account.</summary>
    public static string ApiTokenUserId(int tokenId) => $"{ApiTokenPrefix}{tokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private const string ApiTokenPrefix = "api-token:";

    /// <summary>An API token rather than a person (ADR 0105).</summary>
    public bool IsApiToken => UserId.StartsWith(ApiTokenPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The account to store in a record's "changed by" column (a foreign key to users): null for an API
    /// token, which has no account; the audit trail names the token.
    /// </summary>
    public string? AccountId => IsApiToken ? null : UserId;

    /// <summary>The API token's id, for a record that names the token that made it (null for a person).</summary>
    public int? ApiTokenId => IsApiToken && int.TryParse(UserId.AsSpan(ApiTokenPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Lets an endpoint take the actor as a parameter, built from the request's user.</summary>
    public static ValueTask<Actor?> BindAsync(HttpContext context) => ValueTask.FromResult<Actor?>(From(context.User));

    private bool IsInRole(string role) => Roles.Contains(role);

    // Who the actor is. Pages and services ask these, never the role names (docs/decisions/0002).

    /// <summary>A communication center administrator: master data, periods, users, everything.</summary>
    public bool IsCenterAdmin => IsInRole(AppRoles.CenterAdmin);

    /// <summary>Center staff (administrators and reviewers): review, verify and answer objections for every institution.</summary>
    public bool IsCenter => IsCenterAdmin || IsInRole(AppRoles.CenterReviewer);

    /// <summary>An official (or a national API token): reads everything, changes nothing.</summary>
    public bool IsOfficial => IsInRole(AppRoles.Official);

    /// <summary>Center staff and officials read every institution; institution users only their own.</summary>
    public bool SeesAllInstitutions => IsCenter || IsOfficial;

    /// <summary>A director or contributor of one institution.</summary>
    public bool IsInstitutionUser =>
        InstitutionId is not null && (IsInRole(AppRoles.InstitutionDirector) || IsInRole(AppRoles.InstitutionContributor));

    /// <summary>An API token bound to one institution: reads that institution only, changes nothing.</summary>
    public bool IsInstitutionApiClient => InstitutionId is not null && IsInRole(StrategyGovClaims.InstitutionApiClientRole);

    /// <summary>Reads one institution's records: its directors and contributors, and the API tokens bound to it.</summary>
    public bool ReadsOneInstitution => IsInstitutionUser || IsInstitutionApiClient;

    // What the actor may do with one institution's records.

    public bool CanRead(int institutionId) =>
        SeesAllInstitutions || ((IsInstitutionUser || IsInstitutionApiClient) && InstitutionId == institutionId);

    /// <summary>A director or contributor of this institution: drafts its answers, evidence and calendar entries.</summary>
    public bool IsMemberOf(int institutionId) => IsInstitutionUser && InstitutionId == institutionId;

    /// <summary>The director of this institution: submits, objects, confirms, and keeps its registers.</summary>
    public bool IsDirectorOf(int institutionId) => IsInRole(AppRoles.InstitutionDirector) && InstitutionId == institutionId;

    // The same questions as guards: a service calls one of these before it reads or changes anything.

    /// <summary>Throws <see cref="NotFoundException"/> (not 403: another institution's data must not even be confirmed to exist).</summary>
    public void EnsureCanRead(int institutionId)
    {
        if (!CanRead(institutionId))
        {
            throw new NotFoundException();
        }
    }

    /// <summary>404 for another institution's records; 403 for one's own when only reading (an official, a token).</summary>
    public void EnsureMemberOf(int institutionId)
    {
        EnsureCanRead(institutionId);
        Ensure(IsMemberOf(institutionId));
    }

    /// <summary>404 for another institution's records; 403 for one's own when not its director.</summary>
    public void EnsureDirectorOf(int institutionId)
    {
        EnsureCanRead(institutionId);
        Ensure(IsDirectorOf(institutionId));
    }

    public void EnsureCenterAdmin() => Ensure(IsCenterAdmin);

    public void EnsureCenter() => Ensure(IsCenter);

    public void EnsureSeesAllInstitutions() => Ensure(SeesAllInstitutions);

    public void EnsureInstitutionUser() => Ensure(IsInstitutionUser);

    /// <summary>Throws <see cref="AccessDeniedException"/> (403) unless <paramref name="allowed"/>: for a rule that combines the questions above.</summary>
    public static void Ensure(bool allowed)
    {
        if (!allowed)
        {
            throw new AccessDeniedException();
        }
    }
}

public static class StrategyGovClaims
{
    public const string InstitutionId = "sg:institution";
    public const string FullName = "sg:name";

    /// <summary>Role given to API tokens bound to one institution (never to people).</summary>
    public const string InstitutionApiClientRole = "ApiInstitutionClient";
}
