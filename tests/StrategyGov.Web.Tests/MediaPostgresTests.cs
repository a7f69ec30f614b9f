using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Media;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Media;
using StrategyGov.Web.Features.Media.Campaigns;
using StrategyGov.Web.Features.Media.Interactions;
using StrategyGov.Web.Features.Media.Journalists;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>The whole app on its own PostgreSQL database, migrated and seeded at start-up, for the media feature's queries.</summary>
public sealed class MediaPostgresApp : IAsyncLifetime
{
    private readonly PostgresDatabaseFixture _database = new();

    public StrategyGovAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        App = new StrategyGovAppFactory()
            .With("Database:Provider", "PostgreSql")
            .With("Database:MigrateOnStartup", "true")
            .With("ConnectionStrings:Default", _database.ConnectionString);
        _ = App.Server; // start: migrate, seed, compute the seeded answers
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>
/// The media feature's queries on PostgreSQL (ADR 0099): the Arabic search of the register, who deals with
/// whom, the log's filters, co-owned campaigns, the computed indicators of the seeded submissions, the panel,
/// and a merge, on a real PostgreSQL server (the SQLite side runs in the other media test classes).
/// </summary>
public sealed class MediaPostgresTests(MediaPostgresApp postgres) : IClassFixture<MediaPostgresApp>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private StrategyGovAppFactory App => postgres.App;

    [Fact]
    public async Task Register_ArabicSearchAndPossibleDuplicates_AsOnSqlite()
    {
        var director = await App.ActorAsync(DemoUsers.DirectorEast);
        var register = App.Service<JournalistService>();

        var found = await register.ListAsync(director, new JournalistFilter(Search: "فهد العتيبى"), None);
        var proposed = await register.ListAsync(director, new JournalistFilter(Status: RegisterStatus.Proposed, Beat: MediaBeat.Municipal), None);

        Assert.Equal(["فهد العتيبي"], found.Select(j => j.NameAr));
        Assert.Single(found[0].PossibleDuplicateIds);
        Assert.Equal(["تركي بن فيصل الشمري", "فهد العتيبي"], proposed.Select(j => j.NameAr).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Relations_AndTheJournalistsPage_CountEveryInstitution()
    {
        var official = await App.ActorAsync(DemoUsers.Official);
        var register = App.Service<JournalistService>();

        var relations = await register.RelationsAsync(official, null, MediaBeat.General, None);

        var noura = Assert.Single(relations);
        Assert.Equal("Noura Al Qahtani", noura.NameEn);
        Assert.Equal(5, noura.Total);
        Assert.Equal(4, noura.Institutions.Count);
    }

    [Fact]
    public async Task Log_FiltersByKindDatesAndJournalist_AndCoverageOfTheInstitution()
    {
        var director = await App.ActorAsync(DemoUsers.DirectorMoh);
        var interactions = App.Service<InteractionService>();
        var today = interactions.Today;
        var maryam = await App.JournalistIdAsync(MediaData.Maryam);

        var conferences = await interactions.ListAsync(director, new InteractionFilter(today.AddDays(-60), today, Kind: InteractionKind.PressConference), None);
        var withMaryam = await interactions.ListAsync(director, new InteractionFilter(JournalistId: maryam), None);
        var coverage = await interactions.CoverageAsync(director, new InteractionFilter(today.AddDays(-60), today), None);

        Assert.Equal(["إطلاق الحملة الوطنية للتطعيم ضد الإنفلونزا الموسمية"], conferences.Select(c => c.Topic));
        Assert.Equal(3, Assert.Single(conferences).Coverage.Count);
        Assert.Equal(3, withMaryam.Count);
        Assert.All(coverage, c => Assert.Equal("MOH", c.Institution.Code));
        Assert.Contains(coverage, c => c.Tone == CoverageTone.Negative && c.Reach == 40000);
    }

    [Fact]
    public async Task Campaigns_CoOwnedAreListedForThePartner_OthersAreNotFound()
    {
        var east = await App.ActorAsync(DemoUsers.DirectorEast);
        var campaigns = App.Service<CampaignService>();
        var flu = await App.CampaignIdAsync(MediaData.FluCampaign);

        var listed = await campaigns.ListAsync(east, new CampaignFilter(), None);
        var municipal = await campaigns.GetAsync(east, await App.CampaignIdAsync(MediaData.MunicipalCampaign), None);

        Assert.Equal([MediaData.HumanisingCampaign, MediaData.MunicipalCampaign], listed.Select(c => c.TitleEn).Order(StringComparer.Ordinal));
        Assert.Equal(2, municipal.Row.ObjectivesMet);
        Assert.Equal(3, municipal.Row.ObjectiveCount);
        Assert.Equal(870000m, municipal.Row.BudgetSpent);
        Assert.True(municipal.Coverage.Items >= 2);
        await Assert.ThrowsAsync<NotFoundException>(() => campaigns.GetAsync(east, flu, None));
    }

    [Fact]
    public async Task ComputedIndicators_SeededSubmissions_FromTheMediaRecords()
    {
        var official = await App.ActorAsync(DemoUsers.Official);
        var submissions = App.Service<SubmissionService>();
        var moh = await App.SubmissionIdAsync("MOH", SeededData.OpenPeriod);

        var conferences = await submissions.ItemAsync(official, moh, "P3.2.1");
        var planned = await submissions.ItemAsync(official, moh, "P2.3.2");
        var evaluated = await submissions.ItemAsync(official, moh, "P8.3.2");
        var eastEvaluated = await submissions.ItemAsync(official, await App.SubmissionIdAsync("AMN-EAST", SeededData.OpenPeriod), "P8.3.2");

        Assert.Equal(2m, conferences.Value);     // the flu launch and the respiratory briefing
        Assert.Equal(50m, planned.Value);        // flu planned, diabetes not
        Assert.Equal(0m, evaluated.Value);       // diabetes completed, not evaluated
        Assert.Equal(100m, eastEvaluated.Value); // the co-owned municipal campaign
    }

    [Fact]
    public async Task Panel_AndMerge_OnPostgreSql()
    {
        var admin = await App.ActorAsync(DemoUsers.Admin);
        var panel = await App.Service<MediaDashboardService>().PanelAsync(admin, null, None);
        var register = App.Service<JournalistService>();
        var outletA = await register.SaveOutletAsync(admin, null, new OutletForm { NameAr = "مجلة الاختبار", NameEn = "Test magazine", Kind = OutletKind.Magazine }, None);
        var outletB = await register.SaveOutletAsync(admin, null, new OutletForm { NameAr = "مجلة اختبار ثانية", NameEn = "Second test magazine", Kind = OutletKind.Magazine }, None);
        var journalist = await register.SaveAsync(admin, null, new JournalistForm { NameAr = "كاتب الاختبار", OutletId = outletA, Languages = [MediaLanguage.Arabic] }, None);

        await register.MergeOutletAsync(admin, outletA, outletB, None);

        Assert.Equal(SeededData.OpenPeriod, panel!.PeriodCode);
        Assert.True(panel.InteractionCount > 10);
        await using var db = await App.DbAsync();
        Assert.Equal(outletB, (await db.Journalists.SingleAsync(j => j.Id == journalist)).OutletId);
        Assert.Equal(RegisterStatus.Merged, (await db.MediaOutlets.SingleAsync(o => o.Id == outletA)).Status);
    }
}
