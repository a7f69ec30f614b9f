using StrategyGov.Data.Governance;
using StrategyGov.Web.Features.Calendar;
using StrategyGov.Web.Features.Crisis;
using StrategyGov.Web.Features.Raci;
using StrategyGov.Web.Features.Roles;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api.Read;

/// <summary>The activities in which an institution's own parties hold a letter.</summary>
public sealed record RaciExpectationsDto(InstitutionInfo Institution, IReadOnlyList<RaciExpectationDto> Items)
{
    public static RaciExpectationsDto From(InstitutionExpectations expectations) => new(
        expectations.Institution,
        expectations.Items.Select(e => new RaciExpectationDto(e.Activity.Id, e.Activity.Code, e.Activity.NameAr, e.Activity.NameEn,
            e.Letters.Select(l => new RaciLetterDto(l.Party.Id, l.Party.Code, l.Party.NameAr, l.Party.NameEn, l.Letter)).ToList())).ToList());
}

public sealed record RaciExpectationDto(int ActivityId, string Code, string NameAr, string NameEn, IReadOnlyList<RaciLetterDto> Letters);

public sealed record RaciLetterDto(int PartyId, string Code, string NameAr, string NameEn, RaciLetter Letter);

/// <summary>Role holders and vacancies, the RACI matrix, calendar entries and crisis readiness.</summary>
internal static class ApiGovernanceReads
{
    // Why these take no changedSince (ADR 0104 left it open): what they say changes with the date while no record
    // changes, or their records carry no change time; the ETag serves a client that polls.
    private const string DatedDocument = "No `changedSince`: this is one document, not a list of records, and its gaps (a term that expired, " +
        "a confirmation that fell due) change with the date while no record changes, so no change time could tell a client what is new. " +
        "Poll with `If-None-Match` and the last ETag instead: 304 while nothing in it changed.";

    private const string DatedReadiness = "No `changedSince`: readiness is worked out from the plan, the team and the drills and changes with " +
        "the date (a plan's review or a drill falls due) while no record changes, so no change time could tell a client what is new. " +
        "Poll with `If-None-Match` and the last ETag instead: 304 while nothing in it changed.";

    private const string SmallDocument = "No `changedSince`: the matrix is one small document shared by every institution and its cells " +
        "carry no change time. Poll with `If-None-Match` and the last ETag instead: 304 while nothing in it changed.";

    public static RouteGroupBuilder MapGovernanceReads(this RouteGroupBuilder reads)
    {
        var group = reads.MapGroup("").WithTags("Governance");

        group.MapGet("/institutions/{institutionId:int}/roles", async Task<ApiResult<InstitutionRoles>> (int institutionId, Actor actor, RoleAssignmentService roles, CancellationToken ct) =>
                ApiResult.Of(await roles.GetInstitutionAsync(actor, institutionId, ct)))
            .Read("GetInstitutionRoles", "An institution's required roles: the current holder, the history and the gaps (vacant, expired, unconfirmed) of each.", ApiScopes.RolesRead, DatedDocument);

        group.MapGet("/roles/register", async Task<ApiResult<NationalRegister>> (Actor actor, RoleAssignmentService roles, CancellationToken ct) =>
                ApiResult.Of(await roles.GetRegisterAsync(actor, new RegisterFilter(), ct)))
            .Read("GetRoleRegister", "The national register: every active institution × every required role. Center, officials and national tokens.", ApiScopes.RolesRead, DatedDocument);

        group.MapGet("/raci", async Task<ApiResult<RaciMatrix>> (Actor actor, RaciService raci, CancellationToken ct) =>
                ApiResult.Of(await raci.GetMatrixAsync(actor, ct)))
            .Read("GetRaciMatrix", "The responsibility matrix: parties, activities with their letters, and the rule violations.", ApiScopes.RaciRead, SmallDocument);

        group.MapGet("/institutions/{institutionId:int}/raci", async Task<ApiResult<RaciExpectationsDto>> (int institutionId, Actor actor, RaciService raci, CancellationToken ct) =>
                ApiResult.Of(RaciExpectationsDto.From(await raci.GetExpectationsAsync(actor, institutionId, ct))))
            .Read("GetInstitutionRaci", "What the matrix expects of one institution's own parties.", ApiScopes.RaciRead, SmallDocument);

        group.MapGet("/calendar/entries", async Task<ApiResult<ApiPage<CalendarEntryRow>>> (
                [AsParameters] ApiPageQuery page, DateOnly? from, DateOnly? to, int? institutionId, string? changedSince, Actor actor, CalendarService calendar, TimeProvider clock, HttpContext http) =>
            {
                var since = ApiPaging.ChangedSince(changedSince);
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var rows = await calendar.ListAsync(actor, new CalendarQuery(from ?? today.AddYears(-1), to ?? today.AddYears(1), institutionId), http.RequestAborted);
                return ApiResult.Of(ApiPaging.Page(rows.Where(r => r.Link is null && (since is null || r.UpdatedUtc >= since)), r => r.Id, page, http.Request));
            })
            .Read("ListCalendarEntries", "Calendar entries the caller may see that overlap [from, to] (default: a year either side of today), with their clashes.", ApiScopes.CalendarRead);

        group.MapGet("/calendar/entries/{entryId:int}", async Task<ApiResult<CalendarEntryRow>> (int entryId, Actor actor, CalendarService calendar, CancellationToken ct) =>
                ApiResult.Of(await calendar.GetAsync(actor, entryId, ct)))
            .Read("GetCalendarEntry", "One calendar entry.", ApiScopes.CalendarRead);

        group.MapGet("/institutions/{institutionId:int}/crisis", async Task<ApiResult<CrisisOverview>> (int institutionId, Actor actor, CrisisService crisis, CancellationToken ct) =>
                ApiResult.Of(await crisis.GetAsync(actor, institutionId, ct)))
            .Read("GetCrisisReadiness", "An institution's crisis-communication readiness: its plan, team, drills and the gaps.", ApiScopes.CrisisRead, DatedReadiness);

        group.MapGet("/crisis/readiness", async Task<ApiResult<ApiPage<ReadinessRow>>> ([AsParameters] ApiPageQuery page, Actor actor, CrisisService crisis, HttpContext http) =>
                ApiResult.Of(ApiPaging.Page(await crisis.GetReadinessAsync(actor, new ReadinessFilter(), http.RequestAborted), r => r.Institution.Id, page, http.Request)))
            .Read("ListCrisisReadiness", "Every institution's readiness, by institution id. Center, officials and national tokens.", ApiScopes.CrisisRead, DatedReadiness);

        return reads;
    }
}
