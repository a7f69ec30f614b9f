using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using StrategyGov.Data.Identity;
using StrategyGov.Web.Features.Users;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Account;

public static class AccountSetup
{
    /// <summary>The Entra ID sign-in's account linking; Identity itself is set up by the host (IdentitySetup).</summary>
    public static IServiceCollection AddAccount(this IServiceCollection services) => services.AddScoped<EntraSignIn>();

    /// <summary>Sign-in, sign-out and language: plain HTTP endpoints, because cookies are set on HTTP responses, not over a circuit.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").AllowAnonymous();

        // One answer for every failure (unknown, wrong password, deactivated, locked): ADR 0095.
        account.MapPost("/login", async Task<RedirectHttpResult> ([FromForm] LoginForm form, LocalSignIn signIn, CancellationToken ct) =>
        {
            var returnUrl = SafeReturnUrl(form.ReturnUrl);
            return await signIn.PasswordSignInAsync(form.Email, form.Password, ct)
                ? TypedResults.LocalRedirect(returnUrl)
                : TypedResults.LocalRedirect($"~/account/login?error=invalid&returnUrl={Uri.EscapeDataString(returnUrl)}");
        });

        // Ends the user's sessions everywhere (new security stamp): a copied cookie stops working too.
        account.MapPost("/logout", async Task<RedirectHttpResult> (LocalSignIn signIn, HttpContext context, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync(context.User);
            return TypedResults.LocalRedirect("~/account/login");
        });

        // Without an AzureAd section there is no Entra ID scheme to challenge: the addresses do not exist (404).
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().IsEntraEnabled())
        {
            MapEntraEndpoints(account);
        }

        app.MapGet("/culture/{culture}", Results<RedirectHttpResult, BadRequest> (string culture, string? returnUrl, HttpContext context) =>
        {
            if (!Bilingual.Cultures.Contains(culture))
            {
                return TypedResults.BadRequest();
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl));
        }).AllowAnonymous();
        return app;
    }

    private static void MapEntraEndpoints(RouteGroupBuilder group)
    {
        group.MapGet("/login/entra", ChallengeHttpResult (string? returnUrl, SignInManager<ApplicationUser> signInManager) =>
        {
            var callback = $"/account/login/entra/callback?returnUrl={Uri.EscapeDataString(SafeReturnUrl(returnUrl))}";
            var properties = signInManager.ConfigureExternalAuthenticationProperties(OpenIdConnectDefaults.AuthenticationScheme, callback);
            return TypedResults.Challenge(properties, [OpenIdConnectDefaults.AuthenticationScheme]);
        });

        group.MapGet("/login/entra/callback", async Task<RedirectHttpResult> (string? returnUrl, EntraSignIn entra, HttpContext context) =>
        {
            var signedIn = await entra.CompleteAsync(context.RequestAborted);
            await context.SignOutAsync(IdentityConstants.ExternalScheme);
            return signedIn
                ? TypedResults.LocalRedirect(SafeReturnUrl(returnUrl))
                : TypedResults.LocalRedirect("~/account/login?error=external");
        });
    }

    /// <summary>
    /// Only local paths: an open redirect would let a phishing link borrow the platform's name. Control
    /// characters are refused too: browsers drop them ("/\t/evil.example" becomes "//evil.example"), and
    /// LocalRedirect throws on them, which turned such a link into an error page.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";

    public sealed class LoginForm
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public string? ReturnUrl { get; set; }
    }
}
