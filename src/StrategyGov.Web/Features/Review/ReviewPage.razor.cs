using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Review;

/// <summary>A reviewer verifies one submission: decisions per answer, then approve or return.</summary>
public partial class ReviewPage
{
    private SubmissionTree? _tree;
    private string? _error;
    private string? _message;
    private bool _returning;
    private string? _returnMessage;
    private bool _changedOnly;
    private IReadOnlyDictionary<int, AnswerChangeSince> _changes = new Dictionary<int, AnswerChangeSince>();
    private IReadOnlyDictionary<int, IReadOnlyList<EvidenceItem>> _evidence = new Dictionary<int, IReadOnlyList<EvidenceItem>>();

    [Inject] private ReviewService Review { get; set; } = null!;

    [Inject] private PlatformTime Time { get; set; } = null!;

    [Inject] private EvidenceService EvidenceService { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>The submission (route).</summary>
    [Parameter] public int Id { get; set; }

    [CascadingParameter] private Actor? Actor { get; set; }

    private bool Reviewable => _tree?.Header.Status == SubmissionStatus.Submitted;

    private int Answered => _tree!.Items.Count(i => i.IsAnswered);

    private int Decided => _tree!.Items.Count(i => i.Decision is not null);

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        if (Actor is null)
        {
            return;
        }

        _error = await LoadAsync(async ct =>
        {
            _tree = await Review.GetAsync(Actor, Id, ct);
            _changes = await Review.ChangesSincePreviousAsync(Actor, Id, ct);
            _evidence = await EvidenceService.ListAsync(Actor, Id, ct);
        });
    }

    private async Task<string?> DecideAsync(DecisionChange change)
    {
        var error = await ChangeAsync(ct => Review.DecideAsync(Actor!, Id, change, ct));
        if (error is null)
        {
            // Called from the child editor's handler: re-render the page (counts, the decided answer).
            await ReloadAsync();
            StateHasChanged();
        }

        return error;
    }

    private Task AcceptRemainingAsync() => ActAsync(ct => Review.AcceptRemainingAsync(Actor!, Id, ct), null);

    private Task ApproveAsync() => ActAsync(ct => Review.ApproveAsync(Actor!, Id, ct), L["Review_Approved"]);

    private async Task ReturnAsync()
    {
        await ActAsync(ct => Review.ReturnAsync(Actor!, Id, _returnMessage ?? string.Empty, ct), L["Review_Returned"]);
        _returning = _message is not null && _returning;
    }

    private async Task ActAsync(Func<CancellationToken, Task> action, string? success)
    {
        _message = await ChangeAsync(action);
        if (_message is null)
        {
            if (success is not null)
            {
                Snackbar.Add(success, Severity.Success);
            }

            await ReloadAsync();
        }
    }
}
