using System.Globalization;
using Microsoft.Extensions.Localization;
using StrategyGov.Data.Media;
using StrategyGov.Web.Features.Media;
using StrategyGov.Web.Features.Media.Interactions;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api.Write;

/// <summary>What a bulk write of interactions or coverage did, or would do on a dry run.</summary>
public sealed record MediaWrittenDto(bool DryRun, bool Saved, int Created, int Updated, IReadOnlyList<MediaRowChange> Changes, IReadOnlyList<ApiRowErrorDto> Errors);

/// <summary>The fields of an interaction row (JSON names with a lower-case first letter, or CSV headers).</summary>
public enum InteractionApiField
{
    ExternalId,
    Kind,
    OccurredOn,
    Topic,
    PillarId,
    Outcome,
    SeniorOfficial,
    Location,
    CampaignId,
    JournalistIds,
    OutletIds,
}

/// <summary>The fields of a coverage row.</summary>
public enum CoverageApiField
{
    ExternalId,
    InteractionId,
    CampaignId,
    OutletId,
    PublishedOn,
    Headline,
    Url,
    Tone,
    Reach,
}

/// <summary>
/// <c>POST /api/v1/media/interactions</c> and <c>/media/coverage</c>: the institution's media log in bulk, as JSON
/// or CSV, each row through the interactions page's own save (ADR 0107). A row with the institution's own
/// <c>externalId</c> already stored replaces that record with what the row holds.
/// </summary>
public static class MediaWrites
{
    public const string InteractionsExample = """
        {"interactions":[{"externalId":"PR-2026-118","kind":"PressConference","occurredOn":"2026-11-20",
        "topic":"إطلاق الحملة الوطنية للسلامة المرورية","seniorOfficial":"وكيل الوزارة","location":"مسقط",
        "journalistIds":[3,7],"outletIds":[2]}]}
        """;

    public const string CoverageExample = """
        {"coverage":[{"externalId":"MON-55031","outletId":2,"publishedOn":"2026-11-21",
        "headline":"الوزارة تطلق حملة السلامة المرورية","url":"https://example.om/news/55031","tone":"Positive","reach":"١٢٠٠٠٠"}]}
        """;

    public static RouteGroupBuilder MapMediaWrites(this RouteGroupBuilder api)
    {
        api.MapPost("/media/interactions", (bool? dryRun, HttpContext http, Actor actor, InteractionService media, ApiIdempotency idempotency, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
                WriteAsync<InteractionApiField, InteractionForm>(
                    "interactions", ReadInteraction, (rows, dry) => media.SaveManyAsync(actor, rows, dry, ct), dryRun, http, actor, idempotency, localizer, ct))
            .RequireScope(ApiScopes.MediaWrite)
            .Accepts<InteractionsBody>("application/json", "text/csv")
            .Produces<MediaWrittenDto>()
            .Produces<MediaWrittenDto>(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample("application/json", InteractionsExample)
            .WithTags("Media")
            .WithName("WriteMediaInteractions")
            .WithSummary("The institution's media interactions in bulk, all or nothing, with the interactions page's rules: JSON {\"interactions\":[{externalId, kind, occurredOn, topic, pillarId, outcome, seniorOfficial, location, campaignId, journalistIds, outletIds}]} or CSV with those headers (ids in a list separated by ';'). A row whose externalId is already the institution's replaces that interaction. dryRun=true returns the changes and every row error without saving; Idempotency-Key replays a repeated request.");

        api.MapPost("/media/coverage", (bool? dryRun, HttpContext http, Actor actor, InteractionService media, ApiIdempotency idempotency, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
                WriteAsync<CoverageApiField, CoverageForm>(
                    "coverage", ReadCoverage, (rows, dry) => media.SaveCoverageManyAsync(actor, rows, dry, ct), dryRun, http, actor, idempotency, localizer, ct))
            .RequireScope(ApiScopes.MediaWrite)
            .Accepts<CoverageBody>("application/json", "text/csv")
            .Produces<MediaWrittenDto>()
            .Produces<MediaWrittenDto>(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample("application/json", CoverageExample)
            .WithTags("Media")
            .WithName("WriteMediaCoverage")
            .WithSummary("Published coverage in bulk, all or nothing, with the coverage form's rules: JSON {\"coverage\":[{externalId, interactionId, campaignId, outletId, publishedOn, headline, url, tone, reach}]} or CSV with those headers. A row whose externalId is already the institution's replaces that item. dryRun=true returns the changes and every row error without saving.");
        return api;
    }

    public sealed record InteractionsBody(IReadOnlyList<InteractionBodyRow> Interactions);

    /// <summary>Days are ISO 8601 dates of the platform's time zone; ids those of the media register (GET /media/…).</summary>
    public sealed record InteractionBodyRow(
        string? ExternalId, string Kind, string OccurredOn, string Topic, int? PillarId, string? Outcome, string? SeniorOfficial, string? Location,
        int? CampaignId, IReadOnlyList<int>? JournalistIds, IReadOnlyList<int>? OutletIds);

    public sealed record CoverageBody(IReadOnlyList<CoverageBodyRow> Coverage);

    public sealed record CoverageBodyRow(
        string? ExternalId, int? InteractionId, int? CampaignId, int OutletId, string PublishedOn, string Headline, string? Url, string? Tone, string? Reach);

    private static async Task<IResult> WriteAsync<TField, TForm>(
        string source,
        Func<ApiRow<TField>, RowReader<TField>, TForm> toForm,
        Func<IReadOnlyList<MediaRowInput<TForm>>, bool, Task<MediaWriteResult>> save,
        bool? dryRun, HttpContext http, Actor actor, ApiIdempotency idempotency, IStringLocalizer<SharedResource> localizer, CancellationToken ct)
        where TField : struct, Enum
    {
        var body = await ApiBodies.ReadAsync(http.Request, 10 * 1024 * 1024, ct);
        if (body is null)
        {
            return ApiWriteResponse.Of(StatusCodes.Status413PayloadTooLarge, new ApiErrorDto(localizer["Import_TooLarge"].Value)).ToResult(http);
        }

        var csv = ApiBodies.IsCsv(http.Request);
        return await idempotency.RunAsync(http, actor, body, () => ApiRefusals.RefusalsAsync(async () =>
        {
            if (ApiRows.Read<TField>(body, csv, source, FieldOf<TField>, actor) is not { } parsed)
            {
                return ApiWriteResponse.Of(StatusCodes.Status400BadRequest, new ApiErrorDto(localizer["Api_NotJsonOf", source].Value));
            }

            var (read, _, problems) = parsed;
            var place = csv ? "csv" : source;
            var inputs = new List<MediaRowInput<TForm>>();
            foreach (var row in read.Where(r => r.Cells.Values.Any(c => !string.IsNullOrWhiteSpace(c.Text))))
            {
                var before = problems.Count;
                var reader = new RowReader<TField>(row, problems, localizer);
                var form = toForm(row, reader);
                if (problems.Count == before)
                {
                    inputs.Add(new MediaRowInput<TForm>(row.Number, reader.ExternalId, form));
                }
            }

            // With a value unreadable somewhere, the other rows still go through the service's checks (as a dry run), so that every error is named at once.
            var result = await save(inputs, dryRun == true || problems.Count > 0);
            var errors = problems.Select(p => (p.Row, p.Column, p.Key, p.Arguments))
                .Concat(result.Errors.Select(e => (e.Row, Column: Header(read, e.Row, e.Field), e.Key, e.Arguments)))
                .OrderBy(e => e.Row)
                .Select(e => new ApiRowErrorDto(place, e.Row, e.Column, localizer[e.Key, e.Arguments].Value))
                .ToList();
            IReadOnlyList<MediaRowChange> changes = errors.Count > 0 ? [] : result.Changes;
            var dto = new MediaWrittenDto(
                dryRun == true, errors.Count == 0 && dryRun != true && changes.Count > 0,
                changes.Count(c => c.Kind == "Created"), changes.Count(c => c.Kind == "Updated"), changes, errors);
            return ApiWriteResponse.Of(errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity, dto);
        }, localizer), ct);
    }

    private static InteractionForm ReadInteraction(ApiRow<InteractionApiField> row, RowReader<InteractionApiField> read) => new()
    {
        Kind = read.Choice<InteractionKind>(InteractionApiField.Kind, required: true) ?? default,
        OccurredOn = read.Date(InteractionApiField.OccurredOn),
        Topic = row.Text(InteractionApiField.Topic) ?? string.Empty,
        PillarId = read.Integer(InteractionApiField.PillarId),
        Outcome = row.Text(InteractionApiField.Outcome),
        SeniorOfficial = row.Text(InteractionApiField.SeniorOfficial),
        Location = row.Text(InteractionApiField.Location),
        CampaignId = read.Integer(InteractionApiField.CampaignId),
        JournalistIds = read.Integers(InteractionApiField.JournalistIds),
        OutletIds = read.Integers(InteractionApiField.OutletIds),
    };

    private static CoverageForm ReadCoverage(ApiRow<CoverageApiField> row, RowReader<CoverageApiField> read) => new()
    {
        InteractionId = read.Integer(CoverageApiField.InteractionId),
        CampaignId = read.Integer(CoverageApiField.CampaignId),
        OutletId = read.Integer(CoverageApiField.OutletId),
        PublishedOn = read.Date(CoverageApiField.PublishedOn),
        Headline = row.Text(CoverageApiField.Headline) ?? string.Empty,
        Url = row.Text(CoverageApiField.Url),
        Tone = read.Choice<CoverageTone>(CoverageApiField.Tone, required: false) ?? CoverageTone.Neutral,
        Reach = row.Text(CoverageApiField.Reach),
    };

    private static TField? FieldOf<TField>(string name)
        where TField : struct, Enum =>
        !name.Any(char.IsAsciiDigit) && Enum.TryParse<TField>(name.Trim(), ignoreCase: true, out var field) ? field : null;

    /// <summary>The name the sender gave a field in that row, or its JSON name.</summary>
    private static string Header<TField>(List<ApiRow<TField>> rows, int number, string field)
        where TField : struct, Enum =>
        rows.FirstOrDefault(r => r.Number == number)?.Cells.FirstOrDefault(c => string.Equals(ApiRows.JsonName(c.Key), field, StringComparison.Ordinal)).Value.Header
        ?? field;

    /// <summary>Typed values of one row; a value that is not what the field holds becomes that row's problem, named by the sender's header.</summary>
    private sealed class RowReader<TField>(ApiRow<TField> row, List<ApiRowProblem> problems, IStringLocalizer localizer)
        where TField : struct, Enum
    {
        public string? ExternalId => row.Text(System.Enum.Parse<TField>("ExternalId"));

        public int? Integer(TField field)
        {
            var text = MediaInput.Digits(row.Text(field));
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Problem(field, "Media_Import_NotWholeNumber", text);
            return null;
        }

        /// <summary>A list of ids: a JSON array, or numbers separated by ';', ',' or spaces.</summary>
        public IReadOnlyCollection<int> Integers(TField field)
        {
            var text = MediaInput.Digits(row.Text(field));
            var values = new List<int>();
            foreach (var part in (text ?? string.Empty).Split(['[', ']', ';', ',', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    values.Add(value);
                }
                else
                {
                    Problem(field, "Media_Import_NotWholeNumber", part);
                }
            }

            return values;
        }

        public DateOnly? Date(TField field)
        {
            if (ApiBodies.TryDay(row.Text(field), out var day))
            {
                return day;
            }

            Problem(field, "Media_Import_NotDate", MediaInput.Digits(row.Text(field))!);
            return null;
        }

        public TEnum? Choice<TEnum>(TField field, bool required)
            where TEnum : struct, Enum
        {
            var text = row.Text(field);
            if (text is null)
            {
                if (required)
                {
                    Problem(field, "Media_Import_Required");
                }

                return null;
            }

            var value = MediaLabels.Parse<TEnum>(text, localizer);
            if (value is null)
            {
                Problem(field, "Media_Import_BadValue", text);
            }

            return value;
        }

        private void Problem(TField field, string key, params object[] arguments) =>
            problems.Add(new ApiRowProblem(row.Number, row.Cells.TryGetValue(field, out var cell) ? cell.Header : ApiRows.JsonName(field), key, arguments));
    }
}
