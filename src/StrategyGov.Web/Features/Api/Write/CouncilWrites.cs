using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StrategyGov.Data.Council;
using StrategyGov.Web.Features.Council;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api.Write;

/// <summary>
/// <c>POST /api/v1/council/decisions/{assignmentId}/progress</c>: the assignee institution reports on a council
/// decision through the assignment page's own rules (ADR 0107). <c>If-Match</c> takes the ETag of
/// <c>GET /council/decisions/{assignmentId}</c>; the answer is that read after the report, with its new ETag.
/// </summary>
public static class CouncilWrites
{
    public const string Example = """
        {"status":"Done","text":"أُطلقت المنصة الموحدة للبلاغات وأُبلغت الجهات الشريكة","link":"https://example.om/report/2026-11","doneOn":"2026-11-28"}
        """;

    public static RouteGroupBuilder MapCouncilWrites(this RouteGroupBuilder api)
    {
        api.MapPost("/council/decisions/{assignmentId:int}/progress", WriteAsync)
            .RequireScope(ApiScopes.CouncilWrite)
            .Accepts<ProgressBody>("application/json")
            .Produces<AssignmentView>()
            .Produces<ApiErrorDto>(StatusCodes.Status412PreconditionFailed)
            .Produces<ApiErrorDto>(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample("application/json", Example)
            .WithTags("Council")
            .WithName("ReportCouncilProgress")
            .WithSummary("Progress on a decision assigned to the token's institution, once the meeting is closed: a note, a link and the status reached (InProgress; Done with doneOn; NotApplicable with notApplicableReason), with the assignment page's rules. If-Match (the ETag of GetCouncilDecision) refuses an assignment changed meanwhile (412); Idempotency-Key replays a repeated request.");
        return api;
    }

    /// <summary>What the progress form holds; <see cref="DoneOn"/> an ISO 8601 day (any digits).</summary>
    public sealed record ProgressBody(CouncilOwnerStatus? Status, string? Text, string? Link, string? DoneOn, string? NotApplicableReason);

    private static async Task<IResult> WriteAsync(
        int assignmentId, HttpContext http, Actor actor, CouncilDecisionService decisions, ApiIdempotency idempotency,
        IOptions<JsonOptions> json, IStringLocalizer<SharedResource> localizer, CancellationToken ct)
    {
        var body = await ApiBodies.ReadAsync(http.Request, 64 * 1024, ct);
        if (body is null)
        {
            return ApiWriteResponse.Of(StatusCodes.Status413PayloadTooLarge, new ApiErrorDto(localizer["Import_TooLarge"].Value)).ToResult(http);
        }

        var options = json.Value.SerializerOptions;
        var ifMatch = ApiRefusals.IfMatch(http.Request);
        return await idempotency.RunAsync(http, actor, body, () => ApiRefusals.RefusalsAsync(async () =>
        {
            if (ApiBodies.Deserialize<ProgressBody>(body, options) is not { } progress)
            {
                return ApiWriteResponse.Of(StatusCodes.Status400BadRequest, new ApiErrorDto(localizer["Api_BadBody"].Value));
            }

            int? version = null;
            if (ifMatch is not null && ifMatch != "*")
            {
                // The version first, then the read it must match: a change in between refuses the write (412), never lets it through.
                version = await decisions.VersionAsync(actor, assignmentId, ct);
                ApiRefusals.EnsureMatches(ifMatch, await decisions.GetAsync(actor, assignmentId, ct), options);
            }

            var form = new ProgressForm
            {
                Status = progress.Status ?? CouncilOwnerStatus.InProgress,
                Text = progress.Text,
                Link = progress.Link,
                DoneOn = progress.DoneOn,
                NotApplicableReason = progress.NotApplicableReason,
            };
            await decisions.ReportAsync(actor, assignmentId, form, [], version, ct);
            return ApiWriteResponse.AsRead(await decisions.GetAsync(actor, assignmentId, ct), options);
        }, localizer), ct);
    }
}
