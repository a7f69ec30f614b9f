using StrategyGov.Web.Features.Inquiries;
using StrategyGov.Web.Features.Media.Campaigns;
using StrategyGov.Web.Features.Media.Interactions;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api.Read;

/// <summary>Media inquiries with their clocks, interactions, coverage and campaigns.</summary>
internal static class ApiMediaReads
{
    public static RouteGroupBuilder MapMediaReads(this RouteGroupBuilder reads)
    {
        var group = reads.MapGroup("").WithTags("Media");

        group.MapGet("/inquiries", async Task<ApiResult<ApiPage<InquiryRow>>> (
                [AsParameters] ApiPageQuery page, int? institutionId, DateOnly? from, DateOnly? to, string? changedSince, Actor actor, InquiryService inquiries, HttpContext http) =>
            {
                var rows = await inquiries.ListAfterAsync(
                    actor, new InquiryFilter(institutionId, From: from, To: to), ApiPaging.ChangedSince(changedSince), ApiPaging.After(page), ApiPaging.Limit(page) + 1, http.RequestAborted);
                return ApiResult.Of(ApiPaging.Page(rows, r => r.Id, page, http.Request));
            })
            .Read("ListInquiries", "Media inquiries and complaints, each with its two working-time clocks (first response and answer).", ApiScopes.InquiriesRead);

        group.MapGet("/inquiries/{inquiryId:int}", async Task<ApiResult<InquiryDetail>> (int inquiryId, Actor actor, InquiryService inquiries, CancellationToken ct) =>
                ApiResult.Of(await inquiries.GetAsync(actor, inquiryId, ct)))
            .Read("GetInquiry", "One inquiry with its clocks and its history of actions.", ApiScopes.InquiriesRead);

        group.MapGet("/media/interactions", async Task<ApiResult<ApiPage<InteractionRow>>> (
                [AsParameters] ApiPageQuery page, int? institutionId, DateOnly? from, DateOnly? to, string? changedSince, Actor actor, InteractionService interactions, HttpContext http) =>
                ApiResult.Of(ApiPaging.Page(
                    await interactions.ListAsync(actor, new InteractionFilter(from, to, institutionId, ChangedSince: ApiPaging.ChangedSince(changedSince)), http.RequestAborted),
                    r => r.Id, page, http.Request)))
            .Read("ListMediaInteractions", "Media interactions (briefings, interviews, conferences) with their participants and coverage.", ApiScopes.MediaRead,
                "With `changedSince`, an interaction is listed when it or one of its coverage items changed.");

        group.MapGet("/media/interactions/{interactionId:int}", async Task<ApiResult<InteractionRow>> (int interactionId, Actor actor, InteractionService interactions, CancellationToken ct) =>
                ApiResult.Of(await interactions.GetAsync(actor, interactionId, ct)))
            .Read("GetMediaInteraction", "One media interaction.", ApiScopes.MediaRead);

        group.MapGet("/media/coverage", async Task<ApiResult<ApiPage<CoverageRow>>> (
                [AsParameters] ApiPageQuery page, int? institutionId, DateOnly? from, DateOnly? to, string? changedSince, Actor actor, InteractionService interactions, HttpContext http) =>
                ApiResult.Of(ApiPaging.Page(
                    await interactions.CoverageAsync(actor, new InteractionFilter(from, to, institutionId, ChangedSince: ApiPaging.ChangedSince(changedSince)), http.RequestAborted),
                    r => r.Id, page, http.Request)))
            .Read("ListMediaCoverage", "Published coverage: outlet, headline, tone and reach.", ApiScopes.MediaRead);

        group.MapGet("/media/campaigns", async Task<ApiResult<ApiPage<CampaignRow>>> (
                [AsParameters] ApiPageQuery page, int? institutionId, string? changedSince, Actor actor, CampaignService campaigns, HttpContext http) =>
                ApiResult.Of(ApiPaging.Page(
                    await campaigns.ListAsync(actor, new CampaignFilter(InstitutionId: institutionId, ChangedSince: ApiPaging.ChangedSince(changedSince)), http.RequestAborted),
                    r => r.Id, page, http.Request)))
            .Read("ListCampaigns", "Campaign plans the caller may see (an institution: those it leads or partners in).", ApiScopes.MediaRead);

        group.MapGet("/media/campaigns/{campaignId:int}", async Task<ApiResult<CampaignView>> (int campaignId, Actor actor, CampaignService campaigns, CancellationToken ct) =>
                ApiResult.Of(await campaigns.GetAsync(actor, campaignId, ct)))
            .Read("GetCampaign", "One campaign plan: objectives, evaluation, linked calendar entries and interactions.", ApiScopes.MediaRead);

        return reads;
    }
}
