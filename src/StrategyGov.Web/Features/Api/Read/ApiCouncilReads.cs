using StrategyGov.Web.Features.Council;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api.Read;

/// <summary>Council meetings and the decisions assigned to institutions.</summary>
internal static class ApiCouncilReads
{
    public static RouteGroupBuilder MapCouncilReads(this RouteGroupBuilder reads)
    {
        var group = reads.MapGroup("/council").WithTags("Council");

        group.MapGet("/meetings", async Task<ApiResult<ApiPage<MeetingRow>>> (
                [AsParameters] ApiPageQuery page, string? changedSince, Actor actor, CouncilMeetingService meetings, HttpContext http) =>
                ApiResult.Of(ApiPaging.Page(
                    await meetings.ListAsync(actor, new MeetingFilter(ChangedSince: ApiPaging.ChangedSince(changedSince)), http.RequestAborted), m => m.Id, page, http.Request)))
            .Read("ListCouncilMeetings", "Council meetings the caller may see (an institution: those it is invited to).", ApiScopes.CouncilRead);

        group.MapGet("/meetings/{meetingId:int}", async Task<ApiResult<MeetingView>> (int meetingId, Actor actor, CouncilMeetingService meetings, CancellationToken ct) =>
                ApiResult.Of(await meetings.GetAsync(actor, meetingId, ct)))
            .Read("GetCouncilMeeting", "One meeting: agenda, participants, minutes and decisions.", ApiScopes.CouncilRead);

        group.MapGet("/decisions", async Task<ApiResult<ApiPage<AssignmentRow>>> (
                [AsParameters] ApiPageQuery page, int? institutionId, string? changedSince, Actor actor, CouncilDecisionService decisions, HttpContext http) =>
                ApiResult.Of(ApiPaging.Page(
                    await decisions.ListAsync(actor, new AssignmentFilter(institutionId, ChangedSince: ApiPaging.ChangedSince(changedSince)), http.RequestAborted),
                    d => d.OwnerId, page, http.Request)))
            .Read("ListCouncilDecisions", "Decisions assigned to institutions, one row per institution and decision (by assignment id), with the follow-up status.", ApiScopes.CouncilRead);

        group.MapGet("/decisions/{assignmentId:int}", async Task<ApiResult<AssignmentView>> (int assignmentId, Actor actor, CouncilDecisionService decisions, CancellationToken ct) =>
                ApiResult.Of(await decisions.GetAsync(actor, assignmentId, ct)))
            .Read("GetCouncilDecision", "One institution's assignment of a decision with its progress reports.", ApiScopes.CouncilRead);

        return reads;
    }
}
