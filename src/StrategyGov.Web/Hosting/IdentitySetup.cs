using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Identity.Web;
using StrategyGov.Data;
using StrategyGov.Data.Identity;
using StrategyGov.Web.Features.Account;
using StrategyGov.Web.Features.Users;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Hosting;

public static class IdentitySetup
{
    public const string EntraSection = "AzureAd";

    /// <summary>
    /// Local ASP.NET Core Identity accounts always; Microsoft Entra ID in addition when an
    /// <c>AzureAd</c> section with a client id is configured (see README, "Sign-in with Entra ID").
    /// </summary>
    public static void AddStrategyGovIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddAuthorization();

        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = IdentityConstants.ApplicationScheme;
            options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        });
        authentication.AddIdentityCookies();

        // The scoped context is for Identity's stores only; feature services use the factory.
        services.AddScoped(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<StrategyGovDbContext>>().CreateDbContext());
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(10);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StrategyGovDbContext>()
            .AddSignInManager<StrategyGovSignInManager>()
            .AddClaimsPrincipalFactory<StrategyGovClaimsFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "StrategyGov.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);

            // Every request checks the session (security stamp, deactivation): ADR 0095.
            options.Events.OnValidatePrincipal = UserSessions.ValidatePrincipalAsync;
        });

        services.AddOptions<DemoAccountOptions>().BindConfiguration(DemoAccountOptions.Section);

        var entra = builder.Configuration.GetSection(EntraSection);
        if (!string.IsNullOrWhiteSpace(entra["ClientId"]))
        {
            // No cookie of its own: the OpenID Connect result lands in Identity's external cookie and the
            // callback signs the matching local account in (EntraSignIn), so roles and institution live
            // in one place whatever the sign-in method.
            authentication.AddMicrosoftIdentityWebApp(entra, OpenIdConnectDefaults.AuthenticationScheme, cookieScheme: null);
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
                options.SignInScheme = IdentityConstants.ExternalScheme);
            services.AddOptions<EntraMappingOptions>().Bind(entra);
        }
    }

    public static bool IsEntraEnabled(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetSection(EntraSection)["ClientId"]);
}
