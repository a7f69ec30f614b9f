using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using StrategyGov.Data.Identity;

namespace StrategyGov.Web.Security;

/// <summary>Adds the user's institution and display name to the sign-in cookie.</summary>
public sealed class StrategyGovClaimsFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StrategyGovClaims.FullName, user.FullName));
        if (user.InstitutionId is { } institutionId)
        {
            identity.AddClaim(new Claim(StrategyGovClaims.InstitutionId, institutionId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
