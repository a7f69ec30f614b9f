using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace StrategyGov.Web.Features.Api;

public static class ApiSetup
{
    /// <summary>Signed in with the cookie (people) or a bearer token (machines).</summary>
    public const string Policy = "Api";

    public static void AddApiFeature(this IServiceCollection services)
    {
        services.AddScoped<ApiTokenService>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        services.AddOpenApi("v1");

        // A machine gets 401/403, not a redirect to the sign-in page.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var toLogin = options.Events.OnRedirectToLogin;
            var toDenied = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToLogin = context => IsApi(context.Request) ? Status(context, StatusCodes.Status401Unauthorized) : toLogin(context);
            options.Events.OnRedirectToAccessDenied = context => IsApi(context.Request) ? Status(context, StatusCodes.Status403Forbidden) : toDenied(context);
        });
    }

    public static void MapApi(this WebApplication app)
    {
        app.MapApiEndpoints();
        app.MapOpenApi("/openapi/{documentName}.json");
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.Ordinal);

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
