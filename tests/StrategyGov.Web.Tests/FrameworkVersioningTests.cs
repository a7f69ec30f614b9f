using System.Net;
using System.Net.Http.Json;
using StrategyGov.Data.Framework;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Framework;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Strategy versions through the services: drafts are copied deep and edited, published versions refuse
/// every write (tried one by one, and over the API), and publishing a new version leaves the scores of
/// past periods as they were.
/// </summary>
public sealed class FrameworkVersioningTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private FrameworkService Frameworks => app.Service<FrameworkService>();

    private FrameworkTreeService Tree => app.Service<FrameworkTreeService>();

    public static TheoryData<string> Writes() =>
    [
        "UpdateHeader", "AddPillar", "UpdatePillar", "AddPractice", "UpdatePractice", "AddIndicator", "UpdateIndicator",
        "DeletePillar", "DeleteIndicator", "MovePillar", "MoveIndicator", "Publish", "DeleteVersion",
    ];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_PublishedVersion_IsRefusedAndNothingChanges(string write)
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var versionId = await app.SeededVersionIdAsync();
        var tree = await Frameworks.GetTreeAsync(admin, versionId, None);
        var pillar = tree.Pillars[0];
        var practice = pillar.Practices[0];
        var indicator = practice.Indicators[0];
        var before = await app.ExportTextAsync(admin, versionId);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => write switch
        {
            "UpdateHeader" => Frameworks.UpdateHeaderAsync(admin, versionId, new VersionForm { NameAr = "س", NameEn = "x" }, None),
            "AddPillar" => Tree.AddPillarAsync(admin, versionId, new PillarForm { Code = "PX" }, None),
            "UpdatePillar" => Tree.UpdatePillarAsync(admin, pillar.Id, Changed(pillar.Form), None),
            "AddPractice" => Tree.AddPracticeAsync(admin, pillar.Id, new PracticeForm { Code = "PX.1" }, None),
            "UpdatePractice" => Tree.UpdatePracticeAsync(admin, practice.Id, new PracticeForm { Code = practice.Form.Code, Weight = 99m }, None),
            "AddIndicator" => Tree.AddIndicatorAsync(admin, practice.Id, new IndicatorForm { Code = "PX.1.1" }, None),
            "UpdateIndicator" => Tree.UpdateIndicatorAsync(admin, indicator.Id, Changed(indicator.Form), None),
            "DeletePillar" => Tree.DeleteAsync(admin, NodeKind.Pillar, pillar.Id, None),
            "DeleteIndicator" => Tree.DeleteAsync(admin, NodeKind.Indicator, indicator.Id, None),
            "MovePillar" => Tree.MoveAsync(admin, NodeKind.Pillar, pillar.Id, MoveDirection.Down, None),
            "MoveIndicator" => Tree.MoveAsync(admin, NodeKind.Indicator, indicator.Id, MoveDirection.Down, None),
            "Publish" => Frameworks.PublishAsync(admin, versionId, None),
            "DeleteVersion" => Frameworks.DeleteDraftAsync(admin, versionId, None),
            _ => throw new ArgumentOutOfRangeException(nameof(write)),
        });

        Assert.Equal("Framework_NotDraft", refused.Message);
        Assert.Equal(before, await app.ExportTextAsync(admin, versionId));
    }

    [Fact]
    public async Task Api_AddPillarToPublishedVersion_Answers409AndNothingChanges()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var versionId = await app.SeededVersionIdAsync();
        var before = await app.ExportTextAsync(admin, versionId);
        using var client = await app.SignedInClientAsync(DemoUsers.Admin);

        var response = await client.PostAsJsonAsync($"/api/framework/versions/{versionId}/pillars", new PillarForm { Code = "PX", NameAr = "محور", NameEn = "Pillar" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Framework_NotDraft", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await app.ExportTextAsync(admin, versionId));
    }

    [Fact]
    public async Task Validate_SeededFramework_HasNoIssue()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var issues = await Frameworks.ValidateAsync(admin, await app.SeededVersionIdAsync(), None);

        Assert.Empty(issues);
    }

    [Fact]
    public async Task CreateDraft_CopyOfPublished_IsADeepCopyNumberedNext()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var sourceId = await app.SeededVersionIdAsync();

        var draftId = await Frameworks.CreateDraftAsync(admin, sourceId, new VersionForm(), None);

        var draft = await Frameworks.GetTreeAsync(admin, draftId, None);
        Assert.Equal(StrategyStatus.Draft, draft.Version.Status);
        Assert.True(draft.Version.Version > 1);
        Assert.Equal(61, draft.Indicators.Count());
        Assert.Equal(
            FrameworkData.WithoutVersionNumber(await app.ExportTextAsync(admin, sourceId)),
            FrameworkData.WithoutVersionNumber(await app.ExportTextAsync(admin, draftId)));
        var source = await Frameworks.GetTreeAsync(admin, sourceId, None);
        Assert.Empty(draft.Indicators.Select(i => i.Id).Intersect(source.Indicators.Select(i => i.Id)));
    }

    [Fact]
    public async Task CreateDraft_Empty_HasHeaderAndDefaultBandsAndNoPillars()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var id = await Frameworks.CreateDraftAsync(admin, null, new VersionForm { Code = "GCS2", NameAr = "إستراتيجية جديدة", NameEn = "New strategy" }, None);

        var tree = await Frameworks.GetTreeAsync(admin, id, None);
        Assert.Equal(("GCS2", 1, "إستراتيجية جديدة"), (tree.Version.Code, tree.Version.Version, tree.Header.NameAr));
        Assert.Empty(tree.Pillars);
        Assert.Equal(5, tree.Bands.Count);
        Assert.Contains(await Frameworks.ValidateAsync(admin, id, None), i => i.Code == "NoPillars");
    }

    [Fact]
    public async Task EditDraft_AddMoveUpdateDelete_TreeFollows()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var draftId = await app.DraftCopyAsync();
        var practice = (await Frameworks.GetTreeAsync(admin, draftId, None)).Pillars[0].Practices[0];
        var form = NewIndicator("P1.1.9");

        var id = await Tree.AddIndicatorAsync(admin, practice.Id, form, None);
        await Tree.MoveAsync(admin, NodeKind.Indicator, id, MoveDirection.Up, None);
        form.Weight = 4m;
        form.Levels[5].DescriptorEn = "Reviewed after every crisis";
        await Tree.UpdateIndicatorAsync(admin, id, form, None);

        var indicators = (await Frameworks.GetTreeAsync(admin, draftId, None)).Pillars[0].Practices[0].Indicators;
        Assert.Equal(practice.Indicators.Count + 1, indicators.Count);
        Assert.Equal(id, indicators[^2].Id);
        Assert.Equal(4m, indicators[^2].Form.Weight);
        Assert.Equal("Reviewed after every crisis", indicators[^2].Form.Levels[5].DescriptorEn);
        Assert.Equal(["ministry"], indicators[^2].Form.ApplicableTypes);

        await Tree.DeleteAsync(admin, NodeKind.Indicator, id, None);

        Assert.Equal(practice.Indicators.Count, (await Frameworks.GetTreeAsync(admin, draftId, None)).Pillars[0].Practices[0].Indicators.Count);
    }

    [Fact]
    public async Task AddIndicator_CodeUsedElsewhereInVersion_IsRefused()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var draftId = await app.DraftCopyAsync();
        var practice = (await Frameworks.GetTreeAsync(admin, draftId, None)).Pillars[1].Practices[0];

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Tree.AddIndicatorAsync(admin, practice.Id, NewIndicator("p1.1.1"), None));

        Assert.Equal("Framework_CodeTaken", refused.Message);
    }

    [Fact]
    public async Task Publish_DraftWithIssue_IsRefusedAndStaysDraft()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var draftId = await app.DraftCopyAsync();
        var pillar = (await Frameworks.GetTreeAsync(admin, draftId, None)).Pillars[0];
        await Tree.AddPracticeAsync(admin, pillar.Id, new PracticeForm { Code = "P1.9", NameAr = "بند فارغ", NameEn = "Empty practice" }, None);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Frameworks.PublishAsync(admin, draftId, None));

        Assert.Equal("Framework_PublishBlocked", refused.Message);
        Assert.Equal(StrategyStatus.Draft, await app.StatusAsync(draftId));
    }

    [Fact]
    public async Task PublishThenRetire_ValidDraft_ChangesStatusOnlyForward()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var draftId = await app.DraftCopyAsync();
        await Assert.ThrowsAsync<RuleViolationException>(() => Frameworks.RetireAsync(admin, draftId, None));

        await Frameworks.PublishAsync(admin, draftId, None);
        Assert.Equal(StrategyStatus.Published, await app.StatusAsync(draftId));
        await Frameworks.RetireAsync(admin, draftId, None);

        Assert.Equal(StrategyStatus.Retired, await app.StatusAsync(draftId));
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Tree.AddPillarAsync(admin, draftId, new PillarForm { Code = "PX" }, None));
        Assert.Equal("Framework_NotDraft", refused.Message);
    }

    [Fact]
    public async Task PublishNewVersion_WithOtherWeights_PastPeriodScoresUnchanged()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var periodId = await app.PeriodIdAsync(SeededData.PublishedPeriod);
        var before = await app.Service<ScoreService>().GetPeriodAsync(admin, periodId, None);
        var draftId = await app.DraftCopyAsync();
        var pillar = (await Frameworks.GetTreeAsync(admin, draftId, None)).Pillars[0];
        var heavier = Changed(pillar.Form);
        await Tree.UpdatePillarAsync(admin, pillar.Id, heavier, None);

        await Frameworks.PublishAsync(admin, draftId, None);

        var after = await app.Service<ScoreService>().GetPeriodAsync(admin, periodId, None);
        Assert.Equal(Verified(before), Verified(after));
        var newVersion = await app.Service<FrameworkCache>().GetAsync(draftId, None);
        Assert.Equal(heavier.Weight, newVersion.Scoring.Pillars[0].Weight);
    }

    [Fact]
    public async Task InstitutionUser_SeesPublishedVersionsOnly()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var draftId = await app.DraftCopyAsync();

        var listed = await Frameworks.ListAsync(director, None);

        Assert.NotEmpty(listed);
        Assert.All(listed, v => Assert.Equal(StrategyStatus.Published, v.Status));
        await Assert.ThrowsAsync<NotFoundException>(() => Frameworks.GetTreeAsync(director, draftId, None));
        Assert.NotEmpty((await Frameworks.GetTreeAsync(director, await app.SeededVersionIdAsync(), None)).Pillars);
    }

    private static List<(string Code, decimal? Score)> Verified(PeriodScores scores) =>
        scores.Board.Entries.Select(e => (scores.InstitutionOf(e).Code, e.Result.Verified)).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();

    private static PillarForm Changed(PillarForm form)
    {
        var changed = form.Clone();
        changed.Weight = form.Weight * 3m;
        return changed;
    }

    private static IndicatorForm Changed(IndicatorForm form)
    {
        var changed = form.Clone();
        changed.Weight = form.Weight + 1m;
        return changed;
    }

    internal static IndicatorForm NewIndicator(string code)
    {
        var form = new IndicatorForm
        {
            Code = code,
            TextAr = "جاهزية خطة الاتصال في الأزمات",
            TextEn = "Crisis communication plan readiness",
            Weight = 2m,
            Type = MeasurementType.Maturity,
            MaturityLevels = 5,
            EvidenceRequired = true,
            MinEvidenceItems = 1,
            Frequency = IndicatorFrequency.Annual,
            ApplicableTypes = ["ministry"],
        };
        form.EnsureLevels();
        foreach (var level in form.Levels)
        {
            level.DescriptorAr = $"المستوى {level.Level}";
            level.DescriptorEn = $"Level {level.Level}";
        }

        return form;
    }
}
