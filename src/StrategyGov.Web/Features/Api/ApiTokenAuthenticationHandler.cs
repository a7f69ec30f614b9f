using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using StrategyGov.Data.Identity;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api;

/// <summary>
/// <c>Authorization: Bearer sgk_…</c>. A token for every institution signs in as a read-only
/// <see cref="AppRoles.Official"/>; a token bound to one institution as an <see cref="ApiClaims.InstitutionClient"/>
/// of that institution, so the feature services apply exactly the rules they apply to people. A bound
/// token with a write scope also acts as the institution's director would (ADR 0105): its scopes, checked
/// on every endpoint, say which of the director's registers it may change.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var grant = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (grant is null)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired API token.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, Actor.ApiTokenUserId(grant.Id)),
            new(ApiClaims.TokenId, grant.Id.ToString(CultureInfo.InvariantCulture)),
            new(StrategyGovClaims.FullName, grant.Name),
            new(ApiClaims.Scope, grant.Scope),
            new(ClaimTypes.Role, grant.InstitutionId is null ? AppRoles.Official : ApiClaims.InstitutionClient),
        };
        if (grant.InstitutionId is { } institutionId)
        {
            claims.Add(new Claim(StrategyGovClaims.InstitutionId, institutionId.ToString(CultureInfo.InvariantCulture)));
            if (ApiScopes.Writes(grant.Scope))
            {
                claims.Add(new Claim(ClaimTypes.Role, AppRoles.InstitutionDirector));
            }
        }

        if (grant.RequestsPerMinute is { } rate)
        {
            claims.Add(new Claim(ApiClaims.RequestsPerMinute, rate.ToString(CultureInfo.InvariantCulture)));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

public static class ApiClaims
{
    /// <summary>The scope of the token a request was authenticated with (absent for people).</summary>
    public const string Scope = "sg:scope";

    /// <summary>The id of the token a request was authenticated with (absent for people).</summary>
    public const string TokenId = "sg:token";

    /// <summary>The token's own rate, when it has one (the configured default otherwise).</summary>
    public const string RequestsPerMinute = "sg:rate";

    /// <summary>Role of a token bound to one institution: reads that institution only.</summary>
    public const string InstitutionClient = StrategyGovClaims.InstitutionApiClientRole;
}
