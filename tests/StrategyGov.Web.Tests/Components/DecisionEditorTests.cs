using Bunit;
using MudBlazor;
using MudBlazor.Extensions;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Review;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Components;

/// <summary>
/// The reviewer's decision on one answer, in the review page that hosts it, through the real review
/// service: accept as reported, adjust to a verified value, reject with a reason, and the refusals.
/// </summary>
public sealed class DecisionEditorTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>, IAsyncLifetime
{
    // A percentage indicator that applies to a ministry; SubmittedAsync answers it with 100.
    private const string Percentage = "P1.3.2";

    private static readonly CancellationToken None = CancellationToken.None;

    private readonly AppComponentContext _ui = new(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ui.DisposeAsync();

    [Fact]
    public async Task DecisionEditor_Accept_RecordsTheAnswerAsReported()
    {
        var (submissionId, cut) = await ReviewSubmittedAsync();

        await Editor(cut).Find("[data-testid=accept]").ClickAsync(new());

        var stored = await StoredAsync(submissionId);
        Assert.Equal(ReviewDecision.Accepted, stored.Decision);
        Assert.Null(stored.VerifiedValue);
        Assert.Equal("Accepted", Decision(cut));
        Assert.Empty(cut.FindAll("[data-testid=decision-message]"));
    }

    [Fact]
    public async Task DecisionEditor_Adjust_RecordsTheVerifiedValueAndComment()
    {
        var (submissionId, cut) = await ReviewSubmittedAsync();
        var editor = Editor(cut);
        var verified = AppComponentContext.Input<MudTextField<string>>(editor, "verified-value");
        var reported = verified.Instance.GetState(f => f.Value);

        await cut.InvokeAsync(() => verified.Instance.ValueChanged.InvokeAsync("80"));
        await cut.InvokeAsync(() => AppComponentContext.Input<MudTextField<string>>(editor, "review-comment").Instance.ValueChanged.InvokeAsync("السجل يثبت ٨٠٪ فقط"));
        await editor.Find("[data-testid=adjust]").ClickAsync(new());

        Assert.Equal("100", reported);
        var stored = await StoredAsync(submissionId);
        Assert.Equal(ReviewDecision.Adjusted, stored.Decision);
        Assert.Equal(80m, stored.VerifiedValue);
        Assert.Equal(100m, stored.Value);
        Assert.Equal("السجل يثبت ٨٠٪ فقط", stored.ReviewComment);
        Assert.Equal("Adjusted", Decision(cut));
    }

    [Fact]
    public async Task DecisionEditor_RejectWithoutComment_ShowsRefusalAndRecordsNothing()
    {
        var (submissionId, cut) = await ReviewSubmittedAsync();

        await Editor(cut).Find("[data-testid=reject]").ClickAsync(new());

        Assert.Contains(_ui.L["Review_CommentRequired"].Value, Editor(cut).Find("[data-testid=decision-message]").TextContent, StringComparison.Ordinal);
        var stored = await StoredAsync(submissionId);
        Assert.Null(stored.Decision);
        Assert.Equal(string.Empty, Decision(cut));
    }

    [Fact]
    public async Task DecisionEditor_RejectWithComment_RecordsTheRejection()
    {
        var (submissionId, cut) = await ReviewSubmittedAsync();
        var editor = Editor(cut);

        await cut.InvokeAsync(() => AppComponentContext.Input<MudTextField<string>>(editor, "review-comment").Instance.ValueChanged.InvokeAsync("لا شاهد على النسبة المبلغ عنها"));
        await editor.Find("[data-testid=reject]").ClickAsync(new());

        var stored = await StoredAsync(submissionId);
        Assert.Equal(ReviewDecision.Rejected, stored.Decision);
        Assert.Null(stored.VerifiedValue);
        Assert.Equal("لا شاهد على النسبة المبلغ عنها", stored.ReviewComment);
        Assert.Equal("Rejected", Decision(cut));
    }

    [Fact]
    public async Task DecisionEditor_ApprovedSubmission_OffersNoDecision()
    {
        var submissionId = await app.SubmittedAsync("MOH", DemoUsers.DirectorMoh);
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var review = app.Service<ReviewService>();
        await review.AcceptRemainingAsync(reviewer, submissionId, None);
        await review.ApproveAsync(reviewer, submissionId, None);

        var cut = Render(submissionId, reviewer);

        var editor = Editor(cut);
        Assert.Equal("Accepted", Decision(cut));
        Assert.Empty(editor.FindAll("[data-testid=accept]"));
        Assert.Empty(editor.FindAll("[data-testid=adjust]"));
        Assert.Empty(editor.FindAll("[data-testid=reject]"));
    }

    /// <summary>MOH's submission, answered in full and submitted, open on the review page.</summary>
    private async Task<(int SubmissionId, IRenderedComponent<ReviewPage> Page)> ReviewSubmittedAsync()
    {
        var submissionId = await app.SubmittedAsync("MOH", DemoUsers.DirectorMoh);
        return (submissionId, Render(submissionId, await app.ActorAsync(DemoUsers.Reviewer)));
    }

    private IRenderedComponent<ReviewPage> Render(int submissionId, Actor reviewer)
    {
        var cut = _ui.Render<ReviewPage>(p => p.Add(x => x.Id, submissionId).AddCascadingValue(reviewer));
        cut.WaitForElement($"[data-testid='decision-{Percentage}']");
        return cut;
    }

    // The page reloads after a decision and keys each editor by the answer's version: find it afresh.
    private static IRenderedComponent<DecisionEditor> Editor(IRenderedComponent<ReviewPage> cut) =>
        cut.FindComponents<DecisionEditor>().Single(e => e.Instance.Item.Code == Percentage);

    private static string? Decision(IRenderedComponent<ReviewPage> cut) =>
        cut.Find($"[data-testid='decision-{Percentage}']").GetAttribute("data-decision");

    private async Task<Answer> StoredAsync(int submissionId) =>
        (await app.StoredAnswersAsync(submissionId)).Single(a => a.Indicator.Code == Percentage);
}
