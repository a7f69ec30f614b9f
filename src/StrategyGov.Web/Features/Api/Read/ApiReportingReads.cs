using Microsoft.AspNetCore.Http.HttpResults;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Periods;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api.Read;

/// <summary>A submission with its answers laid out as the framework: each answer with its verified value and review decision.</summary>
public sealed record SubmissionDto(SubmissionHeader Header, int Applicable, int Answered, IReadOnlyList<PillarGroup> Pillars)
{
    public static SubmissionDto From(SubmissionTree tree) => new(tree.Header, tree.Applicable, tree.Answered, tree.Pillars);
}

/// <summary>Periods, submissions, their answers and evidence.</summary>
internal static class ApiReportingReads
{
    public static RouteGroupBuilder MapReportingReads(this RouteGroupBuilder reads)
    {
        var group = reads.MapGroup("").WithTags("Reporting");

        group.MapGet("/periods/{periodId:int}", async Task<ApiResult<PeriodDto>> (int periodId, PeriodService periods, CancellationToken ct) =>
                ApiResult.Of(PeriodDto.From((await periods.ListStartedAsync(ct)).SingleOrDefault(p => p.Id == periodId) ?? throw new NotFoundException())))
            .Read("GetPeriod", "One reporting period that has opened.", ApiScopes.ScoresRead);

        group.MapGet("/submissions", async Task<ApiResult<ApiPage<SubmissionSummary>>> (
                [AsParameters] ApiPageQuery page, int? periodId, int? institutionId, string? changedSince, Actor actor, SubmissionService submissions, HttpContext http) =>
            {
                var rows = await submissions.ListAsync(actor, new SubmissionQuery(periodId, institutionId, ApiPaging.ChangedSince(changedSince)), http.RequestAborted);
                return ApiResult.Of(ApiPaging.Page(rows, r => r.Id, page, http.Request));
            })
            .Read("ListSubmissions", "Submissions of opened periods with their status and change time; an institution's token lists its own only.", ApiScopes.SubmissionsRead);

        group.MapGet("/submissions/{submissionId:int}", async Task<ApiResult<SubmissionDto>> (int submissionId, Actor actor, SubmissionService submissions, CancellationToken ct) =>
                ApiResult.Of(SubmissionDto.From(await submissions.GetAsync(actor, submissionId, ct))))
            .Read("GetSubmission", "One submission: pillars → practices → indicators, each with the answer, the verified value and the review decision.", ApiScopes.SubmissionsRead);

        group.MapGet("/submissions/{submissionId:int}/evidence", async Task<ApiResult<List<EvidenceItem>>> (int submissionId, string? changedSince, Actor actor, EvidenceService evidence, CancellationToken ct) =>
                ApiResult.Of((await evidence.ListAsync(actor, submissionId, ApiPaging.ChangedSince(changedSince), ct)).Values
                    .SelectMany(items => items).OrderBy(e => e.IndicatorId).ThenBy(e => e.UploadedAt).ToList()))
            .Read("ListEvidence", "The evidence of a submission: files (metadata) and links, each with the indicator it backs.", ApiScopes.EvidenceRead,
                "An item is never changed once added (a correction removes it and adds another), so `changedSince` lists the items added since; " +
                "a removed item is no longer listed.");

        group.MapGet("/evidence/{evidenceId:guid}", async Task<ApiResult<EvidenceItem>> (Guid evidenceId, Actor actor, EvidenceService evidence, CancellationToken ct) =>
                ApiResult.Of(await evidence.GetAsync(actor, evidenceId, ct)))
            .Read("GetEvidence", "One evidence item (metadata): a file's name, type and size, or a link with its title; the Location an upload answers.", ApiScopes.EvidenceRead);

        group.MapGet("/evidence/{evidenceId:guid}/file", async Task<FileStreamHttpResult> (Guid evidenceId, Actor actor, HttpContext http, EvidenceService evidence) =>
            {
                var file = await evidence.OpenAsync(actor, evidenceId, http.RequestAborted);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.ContentSecurityPolicy = "sandbox";
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/octet-stream")
            .Read("GetEvidenceFile", "The bytes of one evidence file, with its stored content type and file name.", ApiScopes.EvidenceRead);

        return reads;
    }
}
