using StrategyGov.Web.Features.Periods;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api;

/// <summary>
/// <c>/api/v1</c>: the same services as the pages, so the same rules (an institution's users and tokens
/// see only that institution; 404 for any other). Cookie users have every scope; tokens only theirs.
/// </summary>
public static class ApiEndpoints
{
    public static void MapApiEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(ApiSetup.Policy).WithTags("StrategyGov API v1");

        api.MapGet("/periods", async (PeriodService periods, CancellationToken ct) =>
                (await periods.ListStartedAsync(ct)).Select(PeriodDto.From).ToList())
            .RequireScope(ApiScopes.ScoresRead)
            .WithName("ListPeriods")
            .WithSummary("Reporting periods that have opened, newest first.");

        api.MapGet("/periods/{periodId:int}/scoreboard", async (int periodId, HttpContext context, ScoreService scores, CancellationToken ct) =>
                ApiMapping.Scoreboard(await scores.GetPeriodAsync(Actor.From(context.User), periodId, ct)))
            .RequireScope(ApiScopes.ScoresRead)
            .WithName("GetScoreboard")
            .WithSummary("Every institution of a period: verified and self-reported overall score, completeness, band, national and peer rank. Center, officials and national tokens.");

        api.MapGet("/periods/{periodId:int}/institutions/{institutionId:int}/scores", async (int periodId, int institutionId, HttpContext context, ScoreService scores, CancellationToken ct) =>
                ApiMapping.Institution(await scores.GetInstitutionAsync(Actor.From(context.User), institutionId, periodId, ct)))
            .RequireScope(ApiScopes.ScoresRead)
            .WithName("GetInstitutionScores")
            .WithSummary("One institution's scores with the whole explanation tree: pillar → practice → indicator, each with its score, share and contribution.");

        api.MapGet("/framework", async (FrameworkCache frameworks, CancellationToken ct) =>
                (await frameworks.PublishedAsync(ct)).Select(ApiMapping.Framework).ToList())
            .RequireScope(ApiScopes.FrameworkRead)
            .WithName("GetFramework")
            .WithSummary("The published strategy versions: pillars → practices → indicators with weights and scoring parameters, and the maturity bands.");
    }

    /// <summary>A request authenticated with a token must hold this scope (403 otherwise).</summary>
    private static RouteHandlerBuilder RequireScope(this RouteHandlerBuilder endpoint, string scope) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var granted = context.HttpContext.User.FindFirst(ApiClaims.Scope)?.Value;
            return granted is null || granted == scope ? await next(context) : Results.StatusCode(StatusCodes.Status403Forbidden);
        });
}
