using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Objections;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Submissions;

/// <summary>An institution's self-report for one period: the answer form, progress and submission.</summary>
public partial class SubmissionPage
{
    private SubmissionTree? _tree;
    private string? _error;
    private string? _submitErrors;
    private IReadOnlyList<SubmissionGap>? _gaps;
    private bool _submitting;
    private bool _questionedOnly;
    private SubmissionStatus _status;
    private int _answered;
    private int _applicable;
    private readonly Dictionary<int, bool> _answeredByIndicator = [];
    private Dictionary<int, IReadOnlyList<EvidenceItem>> _evidence = [];
    private SubmissionObjections? _objections;
    private int? _loadedId;

    /// <summary>The pillar on screen; its editors are the only ones the circuit holds (issue 22).</summary>
    private string? _pillarCode;

    /// <summary>Answers as saved since the tree was loaded: an editor created again (another pillar and back) starts from them.</summary>
    private readonly Dictionary<int, AnswerItem> _saved = [];

    /// <summary>Where to scroll once the pillar just chosen is on screen (a gap's indicator, or the pillar's top).</summary>
    private string? _scrollTo;

    [Inject] private SubmissionService Submissions { get; set; } = null!;

    [Inject] private PlatformTime Time { get; set; } = null!;

    [Inject] private EvidenceService EvidenceService { get; set; } = null!;

    [Inject] private ObjectionService Objections { get; set; } = null!;

    [Inject] private ComputedIndicatorService Computed { get; set; } = null!;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    /// <summary>What was typed in this form and not saved before the page reloaded (drafts.js), once read.</summary>
    private IReadOnlyDictionary<string, string>? _drafts;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>The submission (route).</summary>
    [Parameter] public int Id { get; set; }

    /// <summary>The pillar to open (<c>?pillar=P3</c>, as the gap links write it); otherwise <see cref="FirstToShow"/>.</summary>
    [SupplyParameterFromQuery(Name = "pillar")] public string? PillarQuery { get; set; }

    [CascadingParameter] private Actor? Actor { get; set; }

    private bool Editable => _tree is not null && Actor is not null
        && Actor.IsMemberOf(_tree.Header.InstitutionId)
        && _status is SubmissionStatus.Draft or SubmissionStatus.Returned
        && _tree.Header.PeriodStatus == PeriodStatus.Open;

    private bool IsDirector => _tree is not null && Actor?.IsDirectorOf(_tree.Header.InstitutionId) == true;

    private bool CanSubmit => Editable && IsDirector;

    /// <summary>Answers the reviewer questioned; shown while the institution can still act on them.</summary>
    private int Questioned => _status == SubmissionStatus.Returned ? _tree!.Items.Count(i => i.IsQuestioned) : 0;

    private double ProgressPercent => _applicable == 0 ? 0 : 100.0 * _answered / _applicable;

    private string ReadOnlyReason => _status switch
    {
        SubmissionStatus.Approved => L["ReadOnly_Approved"],
        SubmissionStatus.Submitted => L["ReadOnly_Submitted"],
        _ when _tree!.Header.PeriodStatus != PeriodStatus.Open => L["Period_NotOpen"],
        _ => L["ReadOnly_Viewer"],
    };

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is null)
        {
            return;
        }

        if (PillarQuery is not null)
        {
            _pillarCode = PillarQuery;
        }

        if (_loadedId == Id && _tree is not null)
        {
            return;
        }

        _loadedId = Id;

        // Opening an editable submission brings its computed answers up to date with the records (once
        // the page is live: the prerendered HTML is replaced a moment later anyway). A refusal here is
        // reported by the load that follows.
        if (RendererInfo.IsInteractive && Actor.IsInstitutionUser)
        {
            await ChangeAsync(ct => Computed.RefreshAsync(Actor, Id, ct));
        }

        await LoadTreeAsync();
    }

    private async Task LoadTreeAsync()
    {
        _error = await LoadAsync(async ct =>
        {
            _tree = await Submissions.GetAsync(Actor!, Id, ct);
            _status = _tree.Header.Status;
            _evidence = new(await EvidenceService.ListAsync(Actor!, Id, ct));
            await ReloadObjectionsAsync();
            _answeredByIndicator.Clear();
            _saved.Clear();
            _pillarCode ??= FirstToShow(_tree)?.Code;
            foreach (var item in _tree.Items)
            {
                _answeredByIndicator[item.IndicatorId] = item.IsAnswered;
            }

            Recount();
        });
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_drafts is null && _tree is not null && Editable && RendererInfo.IsInteractive)
        {
            _drafts = await ReadDraftsAsync();
            if (_drafts.Count > 0)
            {
                StateHasChanged();
            }
        }

        if (_scrollTo is { } target)
        {
            _scrollTo = null;
            await JS.InvokeVoidAsync("sgScrollTo", Aborted, target);
        }
    }

    private Task<Dictionary<string, string>> ReadDraftsAsync() =>
        JS.InvokeAsync<Dictionary<string, string>>("sgDrafts.all", Aborted, $"s{Id}:").AsTask();

    private IEnumerable<PillarGroup> VisiblePillars => _tree!.Pillars
        .Where(p => !_questionedOnly || p.Practices.Any(pr => pr.Indicators.Any(i => i.IsQuestioned)));

    /// <summary>The pillar on screen: the one chosen, or the first shown when the filter hides it.</summary>
    private PillarGroup? Shown => VisiblePillars.FirstOrDefault(p => p.Code == _pillarCode) ?? VisiblePillars.FirstOrDefault();

    private PillarGroup? Neighbour(int step)
    {
        var pillars = VisiblePillars.ToList();
        var index = pillars.FindIndex(p => p.Code == Shown?.Code) + step;
        return index >= 0 && index < pillars.Count && index - step >= 0 ? pillars[index] : null;
    }

    /// <summary>A returned submission opens at its first questioned answer's pillar; any other at the first pillar.</summary>
    private static PillarGroup? FirstToShow(SubmissionTree tree) =>
        (tree.Header.Status == SubmissionStatus.Returned
            ? tree.Pillars.FirstOrDefault(p => p.Practices.Any(pr => pr.Indicators.Any(i => i.IsQuestioned)))
            : null)
        ?? tree.Pillars.FirstOrDefault();

    private async Task SelectPillarAsync(PillarGroup pillar, string? scrollTo = null)
    {
        // Text typed in the pillar being left and not yet saved (a debounce cut short) is in the tab's drafts:
        // read them again so that its editors, when shown again, restore and save it.
        if (Editable && RendererInfo.IsInteractive)
        {
            _drafts = await ReadDraftsAsync();
        }

        _pillarCode = pillar.Code;
        _scrollTo = scrollTo ?? "pillar-heading";
    }

    private Task ShowGapAsync(SubmissionGap gap) =>
        _tree!.Pillars.FirstOrDefault(p => p.Code == gap.PillarCode) is { } pillar
            ? SelectPillarAsync(pillar, $"answer-{gap.Code}")
            : Task.CompletedTask;

    /// <summary>The answer as last saved on this page, else as loaded.</summary>
    private AnswerItem Current(AnswerItem loaded) => _saved.GetValueOrDefault(loaded.IndicatorId) ?? loaded;

    private async Task ReloadObjectionsAsync() => _objections = await Objections.ForSubmissionAsync(Actor!, Id, Aborted);

    private void OnSaved(AnswerItem item)
    {
        _saved[item.IndicatorId] = item;
        _answeredByIndicator[item.IndicatorId] = item.IsAnswered;
        Recount();
    }

    private IReadOnlyList<EvidenceItem> EvidenceOf(AnswerItem item) => _evidence.GetValueOrDefault(item.IndicatorId) ?? [];

    private async Task ReloadEvidenceAsync() => _evidence = new(await EvidenceService.ListAsync(Actor!, Id, Aborted));

    private void OnEvidenceChanged(AnswerItem item, IReadOnlyList<EvidenceItem> evidence) => _evidence[item.IndicatorId] = evidence;

    private void Recount()
    {
        _applicable = _answeredByIndicator.Count;
        _answered = _answeredByIndicator.Values.Count(a => a);
    }

    private int AnsweredIn(PillarGroup pillar) =>
        pillar.Practices.SelectMany(p => p.Indicators).Count(i => _answeredByIndicator.GetValueOrDefault(i.IndicatorId));

    private async Task SubmitAsync()
    {
        _submitting = true;
        _submitErrors = null;
        _gaps = null;
        try
        {
            _submitErrors = await ChangeAsync(async ct =>
            {
                try
                {
                    await Submissions.SubmitAsync(Actor!, Id, ct);
                }
                catch (SubmissionIncompleteException incomplete)
                {
                    _gaps = incomplete.Gaps;
                    throw;
                }
            });
            if (_submitErrors is null)
            {
                Snackbar.Add(L["Submitted_Confirmation"], Severity.Success);

                // Submitting computed the computed answers once more: show what was submitted.
                await LoadTreeAsync();
            }
        }
        finally
        {
            _submitting = false;
        }
    }
}
