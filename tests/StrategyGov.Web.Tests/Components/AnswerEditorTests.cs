using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Extensions;
using StrategyGov.Data.Reporting;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Components;

/// <summary>
/// The answer editor's autosave on MOH's 2026-Q4 submission, through the real submission service: what
/// it sends, when, against which version, and what it shows when the service refuses.
/// </summary>
public sealed class AnswerEditorTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>, IAsyncLifetime
{
    // A percentage indicator that applies to a ministry (seed-data/strategy.json).
    private const string Percentage = "P1.3.2";

    private static readonly CancellationToken None = CancellationToken.None;

    private readonly AppComponentContext _ui = new(app);

    private readonly List<AnswerItem> _saved = [];

    private SubmissionService Submissions => app.Service<SubmissionService>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ui.DisposeAsync();

    [Fact]
    public async Task AnswerEditor_ValueChanged_SavesOnceWithVersionSeen()
    {
        var (submissionId, director) = await EmptyDraftAsync();
        var first = await Submissions.ItemAsync(director, submissionId, Percentage);
        await Submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(first, 30m), None);
        var seen = await Submissions.ItemAsync(director, submissionId, Percentage);
        var cut = Render(seen, submissionId, director);

        await ChangeValueAsync(cut, 45m);

        var stored = await StoredAsync(submissionId);
        Assert.Equal(45m, stored?.Value);
        Assert.Equal(seen.Version + 1, stored?.Version);
        var saved = Assert.Single(_saved);
        Assert.Equal(45m, saved.Value);
        Assert.Equal(seen.Version + 1, saved.Version);
        Assert.NotNull(cut.Find("[data-testid=saved]"));
    }

    // Numbers as Arabic users type them (docs/decisions/0100).
    [Theory]
    [InlineData("٤٥", "45")]
    [InlineData("١٢٫٥", "12.5")]
    [InlineData("37.5", "37.5")]
    public async Task AnswerEditor_ArabicIndicDigitsAndDecimalSign_AreSavedAsMeant(string typed, string stored)
    {
        var (submissionId, director) = await EmptyDraftAsync();
        var cut = Render(await Submissions.ItemAsync(director, submissionId, Percentage), submissionId, director);

        await TypeValueAsync(cut, typed);

        Assert.Equal(decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), (await StoredAsync(submissionId))?.Value);
        Assert.NotNull(cut.Find("[data-testid=saved]"));
    }

    [Theory]
    [InlineData(Percentage, "12,5", "Number_DecimalComma", null)]
    [InlineData(Percentage, "1e309", "Number_Exponent", null)]
    [InlineData(Percentage, "120", "Number_AboveMax", "100")]
    [InlineData("P6.2.1", "-3", "Number_BelowMin", "0")]
    public async Task AnswerEditor_ValueNotMeantAsTyped_IsNotSavedAndSaysWhy(string code, string typed, string key, string? limit)
    {
        var (submissionId, director) = await EmptyDraftAsync();
        var item = await Submissions.ItemAsync(director, submissionId, code);
        await Submissions.SaveAnswerAsync(director, submissionId, Answering.ValueChange(item, 1m), None);
        var cut = Render(await Submissions.ItemAsync(director, submissionId, code), submissionId, director);

        await TypeValueAsync(cut, typed);

        Assert.Equal(1m, (await StoredAsync(submissionId, code))?.Value);
        Assert.NotNull(cut.Find("[data-testid=not-saved]"));
        var expected = _ui.L[key, Localization.Bidi.Ltr(typed), limit ?? string.Empty].Value;
        Assert.Contains(expected, System.Net.WebUtility.HtmlDecode(cut.Markup), StringComparison.Ordinal);
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task AnswerEditor_ChangeDuringSave_IsSentRightAfterIt()
    {
        var (submissionId, director) = await EmptyDraftAsync();
        var item = await Submissions.ItemAsync(director, submissionId, Percentage);
        var firstStored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cut = Render(item, submissionId, director, saved: async () =>
        {
            // The first save is stored but stays in progress (its last step, telling the page) until the gate opens.
            if (_saved.Count == 1)
            {
                firstStored.SetResult();
                await gate.Task;
            }
        });

        var firstSave = ChangeValueAsync(cut, 40m);
        await firstStored.Task;
        await ChangeValueAsync(cut, 60m);
        var storedWhileFirstSaveRuns = await StoredAsync(submissionId);
        gate.SetResult();
        await firstSave;

        Assert.Equal(40m, storedWhileFirstSaveRuns?.Value);
        Assert.Equal([40m, 60m], _saved.Select(s => s.Value));
        Assert.Equal([1, 2], _saved.Select(s => s.Version));
        var stored = await StoredAsync(submissionId);
        Assert.Equal(60m, stored?.Value);
        Assert.Equal(2, stored?.Version);
        Assert.Empty(cut.FindAll("[data-testid=answer-message]"));
    }

    [Fact]
    public async Task AnswerEditor_NotApplicableWithoutJustification_SavesNothingUntilOneIsWritten()
    {
        var (submissionId, director) = await EmptyDraftAsync();
        var item = await Submissions.ItemAsync(director, submissionId, Percentage);
        var cut = Render(item, submissionId, director);

        await cut.InvokeAsync(() => Input<MudCheckBox<bool>>(cut, "not-applicable").ValueChanged.InvokeAsync(true));

        Assert.Null(await StoredAsync(submissionId));
        Assert.Empty(_saved);
        Assert.Empty(cut.FindAll("[data-testid=answer-message]"));

        await cut.InvokeAsync(() => Input<MudTextField<string>>(cut, "justification").ValueChanged.InvokeAsync("لا تنطبق على الوزارة هذا الربع"));

        var stored = await StoredAsync(submissionId);
        Assert.NotNull(stored);
        Assert.True(stored.NotApplicable);
        Assert.Null(stored.Value);
        Assert.Equal("لا تنطبق على الوزارة هذا الربع", stored.Justification);
        Assert.Equal(1, stored.Version);
        Assert.True(Assert.Single(_saved).NotApplicable);
    }

    [Fact]
    public async Task AnswerEditor_SomeoneElseSavedFirst_ShowsWhatIsStored()
    {
        var (submissionId, director) = await EmptyDraftAsync();
        var seen = await Submissions.ItemAsync(director, submissionId, Percentage);
        var cut = Render(seen, submissionId, director);
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);
        await Submissions.SaveAnswerAsync(contributor, submissionId, Answering.ValueChange(seen, 70m), None);
        var current = await Submissions.ItemAsync(director, submissionId, Percentage);

        await ChangeValueAsync(cut, 20m);

        var stored = await StoredAsync(submissionId);
        Assert.Equal(70m, stored?.Value);
        Assert.Equal(1, stored?.Version);
        Assert.Equal("70", Input<MudTextField<string>>(cut, "value").GetState(f => f.Value));
        var expected = _ui.L["Answer_Conflict", AnswerText.Format(current, current.Value, _ui.L)].Value;
        Assert.Contains(expected, cut.Find("[data-testid=answer-message]").TextContent, StringComparison.Ordinal);
        var reported = Assert.Single(_saved);
        Assert.Equal((70m, 1), (reported.Value, reported.Version));
    }

    [Fact]
    public async Task AnswerEditor_SubmissionLockedMeanwhile_ShowsRefusal()
    {
        // The editor was opened on the draft; the director submitted it before this change was made.
        var submissionId = await app.SubmittedAsync("MOH", DemoUsers.DirectorMoh);
        var contributor = await app.ActorAsync(DemoUsers.ContributorMoh);
        var before = await Submissions.ItemAsync(contributor, submissionId, Percentage);
        var cut = Render(before, submissionId, contributor);

        await ChangeValueAsync(cut, 10m);

        Assert.Contains(_ui.L["Submission_Locked"].Value, cut.Find("[data-testid=answer-message]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=saved]"));
        Assert.Empty(_saved);
        var stored = await StoredAsync(submissionId);
        Assert.Equal(before.Value, stored?.Value);
        Assert.Equal(before.Version, stored?.Version);
    }

    [Fact]
    public async Task AnswerEditor_ReadOnly_SavesNothing()
    {
        var (submissionId, director) = await EmptyDraftAsync();
        var item = await Submissions.ItemAsync(director, submissionId, Percentage);
        var cut = Render(item, submissionId, director, readOnly: true);

        await ChangeValueAsync(cut, 55m);
        await cut.InvokeAsync(() => Input<MudTextField<string>>(cut, "comment").ValueChanged.InvokeAsync("تعليق"));

        Assert.Null(await StoredAsync(submissionId));
        Assert.Empty(_saved);
        Assert.Empty(cut.FindAll("[data-testid=saved]"));
    }

    private static TInput Input<TInput>(IRenderedComponent<AnswerEditor> cut, string testId)
        where TInput : MudComponentBase => AppComponentContext.Input<TInput>(cut, testId).Instance;

    private static Task ChangeValueAsync(IRenderedComponent<AnswerEditor> cut, decimal value) =>
        TypeValueAsync(cut, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Task TypeValueAsync(IRenderedComponent<AnswerEditor> cut, string typed) =>
        cut.InvokeAsync(() => Input<MudTextField<string>>(cut, "value").ValueChanged.InvokeAsync(typed));

    private async Task<(int SubmissionId, Actor Director)> EmptyDraftAsync() =>
        (await app.ResetToEmptyDraftAsync("MOH"), await app.ActorAsync(DemoUsers.DirectorMoh));

    private async Task<Answer?> StoredAsync(int submissionId, string code = Percentage) =>
        (await app.StoredAnswersAsync(submissionId)).SingleOrDefault(a => a.Indicator.Code == code);

    private IRenderedComponent<AnswerEditor> Render(AnswerItem item, int submissionId, Actor actor, bool readOnly = false, Func<Task>? saved = null) =>
        _ui.Render<AnswerEditor>(p => p
            .Add(e => e.Item, item)
            .Add(e => e.SubmissionId, submissionId)
            .Add(e => e.Actor, actor)
            .Add(e => e.ReadOnly, readOnly)
            .Add(e => e.Saved, async (AnswerItem stored) =>
            {
                _saved.Add(stored);
                await (saved?.Invoke() ?? Task.CompletedTask);
            }));
}
