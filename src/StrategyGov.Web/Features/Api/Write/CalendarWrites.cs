using System.Globalization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using StrategyGov.Data.Calendar;
using StrategyGov.Web.Features.Calendar;
using StrategyGov.Web.Features.Media;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api.Write;

/// <summary>
/// <c>POST /api/v1/calendar/entries</c> and <c>PUT /api/v1/calendar/entries/{entryId}</c>: the institution's calendar
/// entries through the calendar page's own form and rules (ADR 0107). A new entry is a draft, as on the page; the
/// director confirms it there. <c>If-Match</c> on a PUT takes the ETag of <c>GET /calendar/entries/{entryId}</c>.
/// </summary>
public static class CalendarWrites
{
    public const string Example = """
        {"titleAr":"حملة التوعية بالسلامة المرورية","titleEn":"Road safety awareness campaign","kind":"Campaign","pillarId":1,
        "audienceIds":[1,2],"channels":["SocialMedia","Television"],"isAllDay":true,"startDate":"2027-01-10","endDate":"2027-01-31","isHighProfile":true}
        """;

    public static RouteGroupBuilder MapCalendarWrites(this RouteGroupBuilder api)
    {
        api.MapPost("/calendar/entries", (HttpContext http, Actor actor, CalendarService calendar, ApiIdempotency idempotency, IOptions<JsonOptions> json, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
                WriteAsync(null, http, actor, calendar, idempotency, json, localizer, ct))
            .RequireScope(ApiScopes.CalendarWrite)
            .Accepts<EntryBody>("application/json")
            .Produces<CalendarEntryRow>()
            .Produces<ApiErrorDto>(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample("application/json", Example)
            .WithTags("Governance")
            .WithName("CreateCalendarEntry")
            .WithSummary("A new draft calendar entry of the institution, with the calendar page's rules; answers the entry as GetCalendarEntry does, with its ETag. Idempotency-Key replays a repeated request.");

        api.MapPut("/calendar/entries/{entryId:int}", (int entryId, HttpContext http, Actor actor, CalendarService calendar, ApiIdempotency idempotency, IOptions<JsonOptions> json, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
                WriteAsync(entryId, http, actor, calendar, idempotency, json, localizer, ct))
            .RequireScope(ApiScopes.CalendarWrite)
            .Accepts<EntryBody>("application/json")
            .Produces<CalendarEntryRow>()
            .Produces<ApiErrorDto>(StatusCodes.Status412PreconditionFailed)
            .Produces<ApiErrorDto>(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample("application/json", Example)
            .WithTags("Governance")
            .WithName("PutCalendarEntry")
            .WithSummary("Changes one of the institution's calendar entries (the whole form), with the calendar page's rules. If-Match (the ETag of GetCalendarEntry) refuses an entry changed meanwhile (412).");
        return api;
    }

    /// <summary>The calendar page's form; days ISO 8601 and times HH:mm of the platform's time zone (any digits).</summary>
    public sealed record EntryBody(
        string? TitleAr, string? TitleEn, string? Description, CalendarEntryKind? Kind, int? PillarId, IReadOnlyList<int>? AudienceIds,
        IReadOnlyList<CalendarChannel>? Channels, bool? IsAllDay, string? StartDate, string? EndDate, string? StartTime, string? EndTime,
        string? Location, bool? IsHighProfile);

    private static async Task<IResult> WriteAsync(
        int? entryId, HttpContext http, Actor actor, CalendarService calendar, ApiIdempotency idempotency,
        IOptions<JsonOptions> json, IStringLocalizer<SharedResource> localizer, CancellationToken ct)
    {
        var body = await ApiBodies.ReadAsync(http.Request, 64 * 1024, ct);
        if (body is null)
        {
            return ApiWriteResponse.Of(StatusCodes.Status413PayloadTooLarge, new ApiErrorDto(localizer["Import_TooLarge"].Value)).ToResult(http);
        }

        var options = json.Value.SerializerOptions;
        var ifMatch = ApiRefusals.IfMatch(http.Request);
        Func<Task<ApiWriteResponse>> write = () => ApiRefusals.RefusalsAsync(async () =>
        {
            if (ApiBodies.Deserialize<EntryBody>(body, options) is not { } entry)
            {
                return ApiWriteResponse.Of(StatusCodes.Status400BadRequest, new ApiErrorDto(localizer["Api_BadBody"].Value));
            }

            if (entryId is { } id && ifMatch is not null)
            {
                ApiRefusals.EnsureMatches(ifMatch, await calendar.GetAsync(actor, id, ct), options);
            }

            var startDate = ApiBodies.Day(entry.StartDate) ?? throw new RuleViolationException("Media_Import_Required");
            var form = new CalendarEntryForm
            {
                Id = entryId,
                TitleAr = entry.TitleAr ?? string.Empty,
                TitleEn = entry.TitleEn ?? string.Empty,
                Description = entry.Description,
                Kind = entry.Kind ?? CalendarEntryKind.Campaign,
                PillarId = entry.PillarId ?? 0,
                AudienceIds = entry.AudienceIds ?? [],
                Channels = entry.Channels ?? [],
                IsAllDay = entry.IsAllDay ?? true,
                StartDate = startDate,
                EndDate = ApiBodies.Day(entry.EndDate) ?? startDate,
                StartTime = Time(entry.StartTime) ?? new TimeOnly(9, 0),
                EndTime = Time(entry.EndTime) ?? new TimeOnly(12, 0),
                Location = entry.Location,
                IsHighProfile = entry.IsHighProfile ?? false,
            };
            var saved = await calendar.SaveAsync(actor, form, ct);
            return ApiWriteResponse.AsRead(await calendar.GetAsync(actor, saved, ct), options);
        }, localizer);

        // A PUT is idempotent by itself; a POST takes an Idempotency-Key.
        return entryId is null ? await idempotency.RunAsync(http, actor, body, write, ct) : (await write()).ToResult(http);
    }

    private static TimeOnly? Time(string? text)
    {
        var normalised = MediaInput.Clean(MediaInput.Digits(text));
        return normalised is null ? null
            : TimeOnly.TryParseExact(normalised, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time
            : throw new RuleViolationException("Api_NotATime", normalised);
    }
}
