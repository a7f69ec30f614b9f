using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StrategyGov.Web.Features.Roles;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api.Write;

/// <summary>
/// <c>PUT /api/v1/institutions/{institutionId}/roles/{roleCode}/holder</c>: who holds one of the institution's
/// communication roles, through the role register page's own rules (ADR 0107). The same person as the current
/// holder corrects that assignment; another person takes the role over (the previous holder's assignment ends
/// the day before, as on the page). <c>If-Match</c> takes the ETag of <c>GET /institutions/{institutionId}/roles</c>.
/// </summary>
public static class RoleWrites
{
    public const string Example = """
        {"personName":"مريم بنت سالم البلوشية","personTitle":"المتحدثة الرسمية","email":"maryam@moh.gov.example","phone":"+968 2460 0000",
        "deputyName":"خالد الحارثي","deputyEmail":"khalid@moh.gov.example","startsOn":"2026-12-01"}
        """;

    public static RouteGroupBuilder MapRoleWrites(this RouteGroupBuilder api)
    {
        api.MapPut("/institutions/{institutionId:int}/roles/{roleCode}/holder", WriteAsync)
            .RequireScope(ApiScopes.RolesWrite)
            .Accepts<HolderBody>("application/json")
            .Produces<InstitutionRoles>()
            .Produces<ApiErrorDto>(StatusCodes.Status412PreconditionFailed)
            .Produces<ApiErrorDto>(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample("application/json", Example)
            .WithTags("Governance")
            .WithName("PutRoleHolder")
            .WithSummary("The holder of one of the institution's communication roles (by the role's code), with the role register's rules: the same person as the current holder corrects that assignment, another person takes the role over from startsOn (today when absent). If-Match (the ETag of GetInstitutionRoles) refuses a register changed meanwhile (412). Answers the institution's roles as GetInstitutionRoles does, with the new ETag.");
        return api;
    }

    /// <summary>The role register's form: names and contacts, and ISO 8601 days (any digits).</summary>
    public sealed record HolderBody(
        string? PersonName, string? PersonTitle, string? Email, string? Phone, string? DeputyName, string? DeputyEmail, string? DeputyPhone, string? StartsOn, string? EndsOn);

    private static async Task<IResult> WriteAsync(
        int institutionId, string roleCode, HttpContext http, Actor actor, RoleAssignmentService roles,
        IOptions<JsonOptions> json, IStringLocalizer<SharedResource> localizer, CancellationToken ct)
    {
        var body = await ApiBodies.ReadAsync(http.Request, 64 * 1024, ct);
        if (body is null)
        {
            return ApiWriteResponse.Of(StatusCodes.Status413PayloadTooLarge, new ApiErrorDto(localizer["Import_TooLarge"].Value)).ToResult(http);
        }

        var options = json.Value.SerializerOptions;
        var ifMatch = ApiRefusals.IfMatch(http.Request);
        var response = await ApiRefusals.RefusalsAsync(async () =>
        {
            if (ApiBodies.Deserialize<HolderBody>(body, options) is not { } holder)
            {
                return ApiWriteResponse.Of(StatusCodes.Status400BadRequest, new ApiErrorDto(localizer["Api_BadBody"].Value));
            }

            var view = await roles.GetInstitutionAsync(actor, institutionId, ct);
            ApiRefusals.EnsureMatches(ifMatch, view, options);

            var slot = view.Slots.FirstOrDefault(s => string.Equals(s.Role.Code, roleCode, StringComparison.OrdinalIgnoreCase)) ?? throw new NotFoundException();
            var input = new AssignmentInput(
                slot.Role.Id, holder.PersonName, holder.PersonTitle, holder.Email, holder.Phone, holder.DeputyName, holder.DeputyEmail, holder.DeputyPhone,
                ApiBodies.Day(holder.StartsOn), ApiBodies.Day(holder.EndsOn));
            if (slot.Current is { } current && SamePerson(current.PersonName, holder.PersonName))
            {
                await roles.UpdateAsync(actor, current.Id, input with { StartsOn = input.StartsOn ?? current.StartsOn }, ct);
            }
            else
            {
                await roles.AddAsync(actor, institutionId, input with { StartsOn = input.StartsOn ?? view.Today }, ct);
            }

            return ApiWriteResponse.AsRead(await roles.GetInstitutionAsync(actor, institutionId, ct), options);
        }, localizer);
        return response.ToResult(http);
    }

    private static bool SamePerson(string current, string? sent) =>
        string.Equals(current.Trim(), sent?.Trim(), StringComparison.CurrentCultureIgnoreCase);
}
