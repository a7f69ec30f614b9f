using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Extensions;
using StrategyGov.Data.Framework;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Framework;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Components;

/// <summary>
/// The framework's indicator editor in the editor page that hosts it, through the real framework
/// services: what it does to the form as the administrator changes it, what is saved, and what a
/// refusal or a published version shows.
/// </summary>
public sealed class IndicatorEditorTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>, IAsyncLifetime
{
    // Indicators of the seeded strategy (seed-data/strategy.json).
    private const string YesNo = "P1.1.1";
    private const string Percentage = "P1.1.2";
    private const string NoEvidence = "P1.2.1";

    private readonly AppComponentContext _ui = new(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ui.DisposeAsync();

    [Fact]
    public async Task IndicatorEditor_TypeChangedToMaturity_SavesLevelsZeroToFive()
    {
        var draftId = await app.DraftCopyAsync();
        var cut = await OpenAsync(draftId, YesNo);

        await cut.InvokeAsync(() => Input<MudSelect<MeasurementType>>(cut, "indicator-type").ValueChanged.InvokeAsync(MeasurementType.Maturity));
        var levelRows = cut.FindComponent<IndicatorEditor>().FindAll("[data-testid^=level-]").Count;
        await SaveAsync(cut);

        Assert.Equal(6, levelRows);
        var stored = await StoredAsync(draftId, YesNo);
        Assert.Equal(MeasurementType.Maturity, stored.Type);
        Assert.Equal(5, stored.MaturityLevels);
        Assert.Equal([0, 1, 2, 3, 4, 5], stored.Levels.Select(l => l.Level).Order());
        Assert.Empty(cut.FindAll("[data-testid=editor-message]"));
    }

    [Fact]
    public async Task IndicatorEditor_EvidenceSwitchedOn_SavesAtLeastOneItem()
    {
        var draftId = await app.DraftCopyAsync();
        var before = await StoredAsync(draftId, NoEvidence);
        var cut = await OpenAsync(draftId, NoEvidence);

        await cut.InvokeAsync(() => Input<MudSwitch<bool>>(cut, "evidence-required").ValueChanged.InvokeAsync(true));
        var shownMinimum = Input<MudNumericField<int>>(cut, "min-evidence").GetState(f => f.Value);
        await SaveAsync(cut);

        Assert.False(before.EvidenceRequired);
        Assert.Equal(1, shownMinimum);
        var stored = await StoredAsync(draftId, NoEvidence);
        Assert.True(stored.EvidenceRequired);
        Assert.Equal(1, stored.MinEvidenceItems);
    }

    [Fact]
    public async Task IndicatorEditor_CodeTaken_ShowsRefusalAndKeepsStored()
    {
        var draftId = await app.DraftCopyAsync();
        var cut = await OpenAsync(draftId, YesNo);

        await cut.InvokeAsync(() => Input<MudTextField<string>>(cut, "node-code").ValueChanged.InvokeAsync(Percentage));
        await SaveAsync(cut);

        Assert.Contains(_ui.L["Framework_CodeTaken", Percentage].Value, cut.Find("[data-testid=editor-message]").TextContent, StringComparison.Ordinal);
        var stored = await StoredAsync(draftId, YesNo);
        Assert.Equal(MeasurementType.YesNo, stored.Type);
        Assert.Equal(Percentage, Input<MudTextField<string>>(cut, "node-code").GetState(f => f.Value));
    }

    [Fact]
    public async Task IndicatorEditor_PublishedVersion_OffersNoSave()
    {
        var cut = await OpenAsync(await app.SeededVersionIdAsync(), YesNo);

        Assert.True(cut.FindComponent<IndicatorEditor>().Instance.ReadOnly);
        Assert.NotNull(cut.Find("[data-testid=read-only]"));
        Assert.Empty(cut.FindAll("[data-testid=save-node]"));
    }

    /// <summary>The editor page of a version, as the administrator sees it, with one indicator selected in the tree.</summary>
    private async Task<IRenderedComponent<FrameworkEditorPage>> OpenAsync(int versionId, string code)
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var cut = _ui.Render<FrameworkEditorPage>(p => p.Add(x => x.Id, versionId).AddCascadingValue(admin));
        await cut.WaitForElement($"[data-testid='tree-{code}']").ClickAsync(new());
        cut.WaitForElement("[data-testid=indicator-editor]");
        return cut;
    }

    private static Task SaveAsync(IRenderedComponent<FrameworkEditorPage> cut) => cut.Find("[data-testid=save-node]").ClickAsync(new());

    private static TInput Input<TInput>(IRenderedComponent<FrameworkEditorPage> cut, string testId)
        where TInput : MudComponentBase => AppComponentContext.Input<TInput>(cut.FindComponent<IndicatorEditor>(), testId).Instance;

    private async Task<Indicator> StoredAsync(int versionId, string code)
    {
        await using var db = await app.DbAsync();
        return await db.Indicators.AsNoTracking().Include(i => i.Levels)
            .SingleAsync(i => i.Code == code && i.Practice.Pillar.StrategyVersionId == versionId);
    }
}
