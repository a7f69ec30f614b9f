using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Features.Calendar;
using StrategyGov.Web.Features.Council;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Inquiries;
using StrategyGov.Web.Features.Media.Campaigns;
using StrategyGov.Web.Features.Media.Interactions;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Api;

/// <summary>
/// The records the API tests read: for each kind, one of MOH's that AMN-EAST may not read (asked of the
/// service as AMN-EAST's director, so the API is held to the pages' own rule), and tokens per scope.
/// </summary>
internal sealed class ApiWorld(StrategyGovAppFactory app, IReadOnlyDictionary<string, string> pathValues, int moh, int east)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly Dictionary<(string, int?), string> _tokens = [];

    public int Moh => moh;

    public int East => east;

    /// <summary>A value for every path parameter of the document, naming one of MOH's records.</summary>
    public IReadOnlyDictionary<string, string> PathValues => pathValues;

    /// <summary>The world of this app, arranged once (the tests of a class share the app and run one after another).</summary>
    public static Task<ApiWorld> OfAsync(StrategyGovAppFactory app) => Worlds.GetValue(app, ArrangeAsync);

    private static readonly ConditionalWeakTable<StrategyGovAppFactory, Task<ApiWorld>> Worlds = new();

    private static async Task<ApiWorld> ArrangeAsync(StrategyGovAppFactory app)
    {
        var moh = await app.InstitutionIdAsync("MOH");
        var east = await app.InstitutionIdAsync("AMN-EAST");
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var other = await app.ActorAsync(DemoUsers.DirectorEast);

        var draftId = await app.ResetToEmptyDraftAsync("MOH");
        var indicator = await app.Service<SubmissionService>().ItemAsync(director, draftId, "P1.1.1");
        using var pdf = new MemoryStream(SampleFiles.Pdf());
        var evidence = await app.Service<EvidenceService>().UploadAsync(director, draftId, indicator.IndicatorId, "خطة الاتصال.pdf", pdf, null, None);

        await using var db = await app.DbAsync();
        var values = new Dictionary<string, string>
        {
            ["periodId"] = (await app.PeriodIdAsync(SeededData.PublishedPeriod)).ToString(),
            ["institutionId"] = moh.ToString(),
            ["submissionId"] = draftId.ToString(),
            ["evidenceId"] = evidence.Added!.Id.ToString(),
            ["entryId"] = await HiddenAsync("calendar entry", db.CalendarEntries.Where(e => e.InstitutionId == moh).Select(e => e.Id),
                id => app.Service<CalendarService>().GetAsync(other, id, None)),
            // Every seeded meeting of MOH invites AMN-EAST too: one for MOH alone.
            ["meetingId"] = (await app.ScheduleAsync(await app.ActorAsync(DemoUsers.Admin), "API isolation meeting", "MOH")).MeetingId.ToString(),
            ["assignmentId"] = await HiddenAsync("council decision", db.CouncilDecisionOwners.Where(o => o.InstitutionId == moh).Select(o => o.Id),
                id => app.Service<CouncilDecisionService>().GetAsync(other, id, None)),
            ["inquiryId"] = await HiddenAsync("inquiry", db.Inquiries.Where(i => i.InstitutionId == moh).Select(i => i.Id),
                id => app.Service<InquiryService>().GetAsync(other, id, None)),
            ["interactionId"] = await HiddenAsync("media interaction", db.MediaInteractions.Where(i => i.InstitutionId == moh).Select(i => i.Id),
                id => app.Service<InteractionService>().GetAsync(other, id, None)),
            ["campaignId"] = await HiddenAsync("campaign", db.CampaignPlans.Where(c => c.InstitutionId == moh).Select(c => c.Id),
                id => app.Service<CampaignService>().GetAsync(other, id, None)),
        };
        return new ApiWorld(app, values, moh, east);
    }

    /// <summary>A client with a token of <paramref name="scope"/>, bound to <paramref name="institutionId"/> (null: national).</summary>
    public async Task<HttpClient> TokenClientAsync(string scope, int? institutionId)
    {
        if (!_tokens.TryGetValue((scope, institutionId), out var token))
        {
            var created = await app.Service<ApiTokenService>().CreateAsync(
                await app.ActorAsync(DemoUsers.Admin), $"api test {scope} {Guid.NewGuid():N}", scope, institutionId, DateTime.UtcNow.AddDays(1), None);
            _tokens[(scope, institutionId)] = token = created.Token;
        }

        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> HiddenAsync(string what, IQueryable<int> candidates, Func<int, Task> readAsOther)
    {
        foreach (var id in await candidates.OrderBy(id => id).ToListAsync())
        {
            try
            {
                await readAsOther(id);
            }
            catch (NotFoundException)
            {
                return id.ToString();
            }
        }

        throw new InvalidOperationException($"No {what} of MOH that AMN-EAST may not read: the seed data changed.");
    }
}
