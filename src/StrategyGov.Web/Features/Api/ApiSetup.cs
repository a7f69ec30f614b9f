using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using StrategyGov.Web.Features.Api.Read;
using StrategyGov.Web.Features.Api.Write;
using StrategyGov.Web.Features.Periods;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api;

public static class ApiSetup
{
    /// <summary>Signed in with the cookie (people) or a bearer token (machines).</summary>
    public const string Policy = "Api";

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddScoped<ApiTokenService>();
        services.AddApiWrites();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        services.AddOpenApi("v1");
        services.AddApiReads();

        // A machine gets 401/403, not a redirect to the sign-in page.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var toLogin = options.Events.OnRedirectToLogin;
            var toDenied = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToLogin = context => IsApi(context.Request) ? Status(context, StatusCodes.Status401Unauthorized) : toLogin(context);
            options.Events.OnRedirectToAccessDenied = context => IsApi(context.Request) ? Status(context, StatusCodes.Status403Forbidden) : toDenied(context);
        });
        return services;
    }

    /// <summary>
    /// <c>/api/v1</c> and its OpenAPI document: the same services as the pages, so the same rules (an
    /// institution's users and tokens see only that institution; 404 for any other). Cookie users have
    /// every scope; tokens only theirs.
    /// </summary>
    public static IEndpointRouteBuilder MapApiEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policy).WithTags("StrategyGov API v1");

        api.MapGet("/periods", async Task<Ok<List<PeriodDto>>> (PeriodService periods, CancellationToken ct) =>
                TypedResults.Ok((await periods.ListStartedAsync(ct)).Select(PeriodDto.From).ToList()))
            .RequireScope(ApiScopes.ScoresRead)
            .WithName("ListPeriods")
            .WithSummary("Reporting periods that have opened, newest first.");

        api.MapGet("/periods/{periodId:int}/scoreboard", async Task<Ok<ScoreboardDto>> (int periodId, Actor actor, ScoreService scores, CancellationToken ct) =>
                TypedResults.Ok(ApiMapping.Scoreboard(await scores.GetPeriodAsync(actor, periodId, ct))))
            .RequireScope(ApiScopes.ScoresRead)
            .WithName("GetScoreboard")
            .WithSummary("Every institution of a period: verified and self-reported overall score, completeness, band, national and peer rank. Center, officials and national tokens.");

        api.MapGet("/periods/{periodId:int}/institutions/{institutionId:int}/scores", async Task<Ok<InstitutionScoresDto>> (int periodId, int institutionId, Actor actor, ScoreService scores, CancellationToken ct) =>
                TypedResults.Ok(ApiMapping.Institution(await scores.GetInstitutionAsync(actor, institutionId, periodId, ct))))
            .RequireScope(ApiScopes.ScoresRead)
            .WithName("GetInstitutionScores")
            .WithSummary("One institution's scores with the whole explanation tree: pillar → practice → indicator, each with its score, share and contribution.");

        api.MapGet("/framework", async Task<Ok<List<FrameworkDto>>> (FrameworkCache frameworks, CancellationToken ct) =>
                TypedResults.Ok((await frameworks.PublishedAsync(ct)).Select(ApiMapping.Framework).ToList()))
            .RequireScope(ApiScopes.FrameworkRead)
            .WithName("GetFramework")
            .WithSummary("The published strategy versions: pillars → practices → indicators with weights and scoring parameters, and the maturity bands.");

        api.MapApiReads();
        api.MapApiWrites();

        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }

    /// <summary>A request authenticated with a token must hold this scope (403 otherwise).</summary>
    internal static RouteHandlerBuilder RequireScope(this RouteHandlerBuilder endpoint, string scope) =>
        endpoint.WithMetadata(new ApiScopeMetadata(scope)).AddEndpointFilter(async (context, next) =>
        {
            var granted = context.HttpContext.User.FindFirst(ApiClaims.Scope)?.Value;
            return granted is null || ApiScopes.Allows(granted, scope) ? await next(context) : TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        });

    /// <summary>An example request body of a write for the document (in Arabic, as integrators here send it).</summary>
    internal static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder endpoint, string contentType, string body) =>
        endpoint.WithMetadata(new ApiRequestExample(contentType, body));

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.Ordinal);

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
