using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Identity;
using StrategyGov.Web.Features.Users;

namespace StrategyGov.Web.Features.Account;

/// <summary>How Entra ID tokens map onto StrategyGov roles and institutions (the <c>AzureAd</c> section).</summary>
public sealed class EntraMappingOptions
{
    /// <summary>Claim carrying the app roles; their values must be the five role names (CenterAdmin, …).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Claim carrying the institution code of institution users (e.g. an optional claim or extension attribute).</summary>
    public string InstitutionClaim { get; set; } = "institution_code";
}

/// <summary>
/// Completes an Entra ID sign-in: finds or creates the local account linked to the Entra object id,
/// refreshes its roles and institution from the token on every sign-in, and signs it in locally.
/// </summary>
public sealed class EntraSignIn(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> userManager,
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    IOptions<EntraMappingOptions> mapping,
    UserSessions sessions,
    TimeProvider clock,
    ILogger<EntraSignIn> logger)
{
    public async Task<bool> CompleteAsync(CancellationToken ct)
    {
        var info = await signInManager.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return false;
        }

        var principal = info.Principal;
        var roles = principal.FindAll(mapping.Value.RoleClaim).Concat(principal.FindAll(ClaimTypes.Role))
            .Select(c => c.Value)
            .Where(AppRoles.All.Contains)
            .Distinct()
            .ToList();
        if (roles.Count == 0)
        {
            logger.LogWarning("Entra sign-in refused for {Subject}: no StrategyGov app role in the token", info.ProviderKey);
            return false;
        }

        int? institutionId = null;
        if (principal.FindFirstValue(mapping.Value.InstitutionClaim) is { Length: > 0 } code)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            institutionId = await db.Institutions.Where(i => i.Code == code && i.IsActive).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
        }

        if (roles.Any(AppRoles.InstitutionScoped.Contains) && institutionId is null)
        {
            logger.LogWarning("Entra sign-in refused for {Subject}: institution role without a known institution", info.ProviderKey);
            return false;
        }

        var user = await userManager.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (user is null)
        {
            var email = principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue("preferred_username") ?? $"{info.ProviderKey}@entra";
            user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = principal.FindFirstValue("name") ?? email,
                RoleNames = AppRoles.Join(roles),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            Check(await userManager.CreateAsync(user));
            Check(await userManager.AddLoginAsync(user, info));
        }

        // Deactivated here, refused here too, whatever Entra ID says (ADR 0095).
        if (!user.IsActive)
        {
            logger.LogWarning("Entra sign-in refused for {Subject}: the account is deactivated", info.ProviderKey);
            return false;
        }

        var current = await userManager.GetRolesAsync(user);
        var changed = user.InstitutionId != institutionId || !current.ToHashSet().SetEquals(roles);
        user.InstitutionId = institutionId;
        user.RoleNames = AppRoles.Join(roles);
        Check(await userManager.UpdateAsync(user));
        Check(await userManager.RemoveFromRolesAsync(user, current.Except(roles)));
        Check(await userManager.AddToRolesAsync(user, roles.Except(current)));

        // New roles or institution from Entra: the user's older sessions end, this one starts with the new ones.
        if (changed)
        {
            Check(await userManager.UpdateSecurityStampAsync(user));
        }

        await signInManager.SignInAsync(user, isPersistent: false, info.LoginProvider);
        await sessions.RecordSignInAsync(user.Id, ct);
        return true;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
