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

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsCenter => IsInRole(AppRoles.CenterAdmin) || IsInRole(AppRoles.CenterReviewer);

    /// <summary>Center staff and officials read every institution; institution users only their own.</summary>
    public bool SeesAllInstitutions => IsCenter || IsInRole(AppRoles.Official);

    public bool IsInstitutionUser =>
        InstitutionId is not null && (IsInRole(AppRoles.InstitutionDirector) || IsInRole(AppRoles.InstitutionContributor));

    /// <summary>An API token bound to one institution: reads that institution only, changes nothing.</summary>
    public bool IsInstitutionApiClient => InstitutionId is not null && IsInRole(StrategyGovClaims.InstitutionApiClientRole);

    public bool CanRead(int institutionId) =>
        SeesAllInstitutions || ((IsInstitutionUser || IsInstitutionApiClient) && InstitutionId == institutionId);

    /// <summary>Directors and contributors draft their own institution's answers.</summary>
    public bool CanDraft(int institutionId) => IsInstitutionUser && InstitutionId == institutionId;

    /// <summary>Only the institution's director submits.</summary>
    public bool CanSubmit(int institutionId) => IsInRole(AppRoles.InstitutionDirector) && InstitutionId == institutionId;

    public bool CanReview => IsCenter;

    /// <summary>Only center administrators manage periods (create, open, close, publish).</summary>
    public bool IsAdmin => IsInRole(AppRoles.CenterAdmin);

    /// <summary>Throws <see cref="NotFoundException"/> (not 403: another institution's data must not even be confirmed to exist).</summary>
    public void EnsureCanRead(int institutionId)
    {
        if (!CanRead(institutionId))
        {
            throw new NotFoundException();
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
