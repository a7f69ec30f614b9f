using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Submissions;

/// <summary>
/// One indicator's answer: an input fitting its type, N/A with a justification, a comment. Every change
/// is saved at once (autosave), one save at a time, against the version the editor last saw.
/// </summary>
public partial class AnswerEditor
{
    private decimal? _value;
    private bool _notApplicable;
    private string? _justification;
    private string? _comment;
    private int _version;
    private SaveState _state;
    private string? _message;
    private bool _saving;
    private bool _dirty;

    private enum SaveState
    {
        Idle,
        Saving,
        Saved,
        Failed,

        /// <summary>What is typed is not a value (the field says why): nothing was sent.</summary>
        Invalid,
    }

    [Inject] private SubmissionService Submissions { get; set; } = null!;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    /// <summary>The indicator and its stored answer.</summary>
    [Parameter, EditorRequired] public AnswerItem Item { get; set; } = null!;

    /// <summary>The submission the answer belongs to.</summary>
    [Parameter, EditorRequired] public int SubmissionId { get; set; }

    /// <summary>Who is editing.</summary>
    [Parameter, EditorRequired] public Actor Actor { get; set; } = null!;

    /// <summary>Show the answer without letting it change (locked submission, center, official).</summary>
    [Parameter] public bool ReadOnly { get; set; }

    /// <summary>Raised after a save with the answer as now stored (so the page can update its progress).</summary>
    [Parameter] public EventCallback<AnswerItem> Saved { get; set; }

    /// <summary>The answer's evidence.</summary>
    [Parameter] public IReadOnlyList<EvidenceItem> Evidence { get; set; } = [];

    /// <summary>
    /// What the user typed in this form before the page was reloaded and had not been saved (drafts.js,
    /// by key <c>s{submission}:i{indicator}:{field}</c>): restored and saved once, when it arrives.
    /// </summary>
    [Parameter] public IReadOnlyDictionary<string, string>? Drafts { get; set; }

    /// <summary>Raised with the new evidence list after an item was added or removed.</summary>
    [Parameter] public EventCallback<IReadOnlyList<EvidenceItem>> EvidenceChanged { get; set; }

    // As the answer stands in the form: a "No" or a zero needs no evidence (AnswerItem.EvidenceNeededFor).
    private int RequiredEvidence => Item.EvidenceNeededFor(_value, _notApplicable);

    private bool IsAnswered => _notApplicable || _value.HasValue;

    private IEnumerable<LevelDescriptor> Levels => Item.Levels.Count > 0
        ? Item.Levels
        : Enumerable.Range(0, Item.MaturityLevels + 1).Select(l => new LevelDescriptor(l, l.ToString(), l.ToString()));

    private string? Unit => Item.Type == MeasurementType.Percentage ? "%" : Bilingual.Pick(Item.UnitAr, Item.UnitEn);

    private string ValueLabel => L[Item.Type == MeasurementType.Percentage ? "ValuePercent" : "Value"];

    private string? TargetHint => Item.Type is MeasurementType.TargetHigherIsBetter or MeasurementType.TargetLowerIsBetter
        ? L["TargetHint", ScoreFormat.Value(Item.Baseline), ScoreFormat.Value(Item.Target)].Value
        : null;

    protected override void OnInitialized() => Load(Item);

    private string DraftKey(string field) => $"s{SubmissionId}:i{Item.IndicatorId}:{field}";

    private string? _valueDraft;
    private bool _draftsApplied;
    private bool _restored;

    protected override async Task OnParametersSetAsync()
    {
        if (Drafts is not { Count: > 0 } drafts || _draftsApplied || ReadOnly || Item.IsComputed)
        {
            return;
        }

        _draftsApplied = true;
        var changed = false;
        if (drafts.TryGetValue(DraftKey("comment"), out var comment) && comment.Trim() != (_comment ?? string.Empty).Trim())
        {
            _comment = comment;
            changed = true;
        }

        if (drafts.TryGetValue(DraftKey("justification"), out var justification) && !string.IsNullOrWhiteSpace(justification)
            && justification.Trim() != (_justification ?? string.Empty).Trim())
        {
            _notApplicable = true;
            _justification = justification;
            changed = true;
        }

        if (drafts.TryGetValue(DraftKey("value"), out var typed))
        {
            // A valid number that differs is restored and saved; text that is not a number comes back into the
            // field with its message, so the user sees what they typed.
            if (!NumberText.TryParse(typed, out var value, out _))
            {
                _valueDraft = typed;
            }
            else if (value != _value)
            {
                _value = value;
                changed = true;
            }
        }

        if (changed)
        {
            _restored = true;
            await SaveAsync();
        }
    }

    // Forgets the kept texts this save stored (unless something newer was typed meanwhile).
    private async Task ForgetDraftsAsync()
    {
        await JS.InvokeVoidAsync("sgDrafts.clearIf", DraftKey("comment"), _comment ?? string.Empty);
        await JS.InvokeVoidAsync("sgDrafts.clearIf", DraftKey("justification"), _notApplicable ? _justification ?? string.Empty : null);
        await JS.InvokeVoidAsync("sgDrafts.clearIfNumber", DraftKey("value"), _value is null ? null : NumberText.Format(_value));
    }

    private void Load(AnswerItem item)
    {
        _value = item.Value;
        _notApplicable = item.NotApplicable;
        _justification = item.Justification;
        _comment = item.Comment;
        _version = item.Version;
    }

    private Task OnValueChangedAsync(decimal? value)
    {
        _value = value;
        return SaveAsync();
    }

    private Task OnValueProblemAsync(string? problem)
    {
        _state = problem is null ? SaveState.Idle : SaveState.Invalid;
        return Task.CompletedTask;
    }

    private Task OnNotApplicableChangedAsync(bool notApplicable)
    {
        _notApplicable = notApplicable;

        // N/A needs a justification first: nothing is stored until one is written (and the editor says so).
        if (notApplicable && string.IsNullOrWhiteSpace(_justification))
        {
            _state = SaveState.Invalid;
            return Task.CompletedTask;
        }

        return SaveAsync();
    }

    private Task OnJustificationChangedAsync(string? justification)
    {
        _justification = justification;
        if (string.IsNullOrWhiteSpace(justification))
        {
            _state = SaveState.Invalid;
            return Task.CompletedTask;
        }

        return SaveAsync();
    }

    private Task OnCommentChangedAsync(string? comment)
    {
        _comment = comment;
        return SaveAsync();
    }

    // Saves run one after another; a change made during a save is sent right after it.
    private async Task SaveAsync()
    {
        if (ReadOnly)
        {
            return;
        }

        if (_saving)
        {
            _dirty = true;
            return;
        }

        _saving = true;
        try
        {
            do
            {
                _dirty = false;
                await SaveOnceAsync();
            }
            while (_dirty && _state != SaveState.Failed);
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task SaveOnceAsync()
    {
        _state = SaveState.Saving;
        _message = null;
        StateHasChanged();
        var change = new AnswerChange(Item.IndicatorId, _value, _notApplicable, _justification, _comment, _version);
        try
        {
            _message = await ChangeAsync(async ct => _version = await Submissions.SaveAnswerAsync(Actor, SubmissionId, change, ct));
        }
        catch (AnswerConflictException conflict)
        {
            // Someone else saved first: show what is stored now, never overwrite it silently.
            Load(conflict.Current);
            _state = SaveState.Failed;
            _message = L["Answer_Conflict", Describe(conflict.Current)];
            await Saved.InvokeAsync(conflict.Current);
            return;
        }

        if (_message is not null)
        {
            _state = SaveState.Failed;
            return;
        }

        _state = SaveState.Saved;
        await ForgetDraftsAsync();
        await Saved.InvokeAsync(Item with
        {
            Value = _notApplicable ? null : _value,
            NotApplicable = _notApplicable,
            Justification = _justification,
            Comment = _comment,
            Version = _version,
        });
    }

    private string Describe(AnswerItem current) =>
        current.NotApplicable ? L["NotApplicable"] : AnswerText.Format(current, current.Value, L);
}
