using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Framework;

/// <summary>
/// One strategy version: the tree on one side, the selected (or new) node's editor on the other, the
/// publishing checks above it, and the weight view. Editable only for a draft and an administrator;
/// the services refuse everything else anyway.
/// </summary>
public partial class FrameworkEditorPage
{
    private FrameworkTree? _tree;
    private IReadOnlyList<ValidationIssue> _issues = [];
    private HashSet<(NodeKind, int)> _flagged = [];
    private NodeRef? _selected;
    private object? _editing;
    private (NodeKind Kind, int ParentId)? _adding;
    private string? _error;
    private string? _message;

    [Inject] private FrameworkService Frameworks { get; set; } = null!;

    [Inject] private FrameworkTreeService Edits { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>The strategy version (route).</summary>
    [Parameter] public int Id { get; set; }

    [CascadingParameter] private Actor? Actor { get; set; }

    private bool Admin => Actor?.IsCenterAdmin == true;

    private bool Editable => Admin && _tree?.Version.IsDraft == true;

    private static string Lang => Bilingual.IsArabic() ? Bilingual.Arabic : Bilingual.English;

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is null)
        {
            return;
        }

        _error = await LoadAsync(ReloadAsync);
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        _tree = await Frameworks.GetTreeAsync(Actor!, Id, ct);
        _issues = FrameworkValidator.Validate(_tree);
        _flagged = _issues.Select(i => (i.Node.Kind, i.Node.Id)).ToHashSet();
    }

    private void Select(NodeRef node)
    {
        _adding = null;
        _selected = node;
        _editing = node.Kind switch
        {
            NodeKind.Version => CopyOf(_tree!.Header),
            NodeKind.Pillar => _tree!.Pillars.FirstOrDefault(p => p.Id == node.Id)?.Form.Clone(),
            NodeKind.Practice => _tree!.Pillars.SelectMany(p => p.Practices).FirstOrDefault(p => p.Id == node.Id)?.Form.Clone(),
            _ => _tree!.Indicators.FirstOrDefault(i => i.Id == node.Id)?.Form.Clone(),
        };
    }

    private void Add((NodeKind Kind, int ParentId) request)
    {
        _selected = null;
        _adding = request;
        _editing = request.Kind switch
        {
            NodeKind.Pillar => new PillarForm { Code = $"P{_tree!.Pillars.Count + 1}" },
            NodeKind.Practice => new PracticeForm { Code = NextCode(_tree!.Pillars.Single(p => p.Id == request.ParentId)) },
            _ => NewIndicator(_tree!.Pillars.SelectMany(p => p.Practices).Single(p => p.Id == request.ParentId)),
        };
    }

    private static string NextCode(PillarNode pillar) =>
        $"{pillar.Form.Code}.{(pillar.Practices.Count + 1).ToString(CultureInfo.InvariantCulture)}";

    private static IndicatorForm NewIndicator(PracticeNode practice) => new()
    {
        Code = $"{practice.Form.Code}.{(practice.Indicators.Count + 1).ToString(CultureInfo.InvariantCulture)}",
    };

    private void Close()
    {
        _editing = null;
        _adding = null;
        _selected = null;
    }

    private Task SaveHeaderAsync(VersionForm form) =>
        RunAsync(async ct =>
        {
            await Frameworks.UpdateHeaderAsync(Actor!, Id, form, ct);
            return new NodeRef(NodeKind.Version, Id, form.Code);
        });

    private async Task SaveBandsAsync(IReadOnlyList<BandForm> bands)
    {
        await RunAsync(async ct =>
        {
            await Frameworks.UpdateBandsAsync(Actor!, Id, bands, ct);
            return null;
        });
        if (_message is null)
        {
            Snackbar.Add(L["Fw_BandsSaved"], Severity.Success);
        }
    }

    private Task SavePillarAsync(PillarForm form) =>
        SaveNodeAsync(NodeKind.Pillar, form.Code,
            (parent, ct) => Edits.AddPillarAsync(Actor!, parent, form, ct),
            (id, ct) => Edits.UpdatePillarAsync(Actor!, id, form, ct));

    private Task SavePracticeAsync(PracticeForm form) =>
        SaveNodeAsync(NodeKind.Practice, form.Code,
            (parent, ct) => Edits.AddPracticeAsync(Actor!, parent, form, ct),
            (id, ct) => Edits.UpdatePracticeAsync(Actor!, id, form, ct));

    private Task SaveIndicatorAsync(IndicatorForm form) =>
        SaveNodeAsync(NodeKind.Indicator, form.Code,
            (parent, ct) => Edits.AddIndicatorAsync(Actor!, parent, form, ct),
            (id, ct) => Edits.UpdateIndicatorAsync(Actor!, id, form, ct));

    // Adds under the pending parent, or updates the selected node; then reopens it from the stored tree.
    private Task SaveNodeAsync(NodeKind kind, string code, Func<int, CancellationToken, Task<int>> add, Func<int, CancellationToken, Task> update) =>
        RunAsync(async ct =>
        {
            if (_adding is { } adding)
            {
                return new NodeRef(kind, await add(adding.ParentId, ct), code);
            }

            await update(_selected!.Id, ct);
            return _selected with { Code = code };
        });

    private Task MoveAsync((NodeRef Node, MoveDirection Direction) move) =>
        RunAsync(async ct =>
        {
            await Edits.MoveAsync(Actor!, move.Node.Kind, move.Node.Id, move.Direction, ct);
            return _selected;
        });

    private async Task DeleteAsync(NodeRef node)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Fw_Delete"], L["Fw_DeleteConfirm", node.Code], L["Fw_Delete"], cancelText: L["Cancel"]);
        if (confirmed == true)
        {
            await RunAsync(async ct =>
            {
                await Edits.DeleteAsync(Actor!, node.Kind, node.Id, ct);
                return null;
            });
        }
    }

    private async Task PublishAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Fw_Publish"], L["Fw_PublishConfirm"], L["Fw_Publish"], cancelText: L["Cancel"]);
        if (confirmed == true)
        {
            await RunAsync(async ct =>
            {
                await Frameworks.PublishAsync(Actor!, Id, ct);
                Snackbar.Add(L["Fw_Published"], Severity.Success);
                return null;
            });
        }
    }

    private Task RetireAsync() =>
        RunAsync(async ct =>
        {
            await Frameworks.RetireAsync(Actor!, Id, ct);
            return null;
        });

    private async Task DeleteDraftAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Fw_DeleteDraft"], L["Fw_DeleteDraftConfirm"], L["Fw_Delete"], cancelText: L["Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        _message = await ChangeAsync(ct => Frameworks.DeleteDraftAsync(Actor!, Id, ct));
        if (_message is null)
        {
            Navigation.NavigateTo("framework");
        }
    }

    // Every change: run it, show a refusal in the user's language, reload the tree, reopen the node.
    private async Task RunAsync(Func<CancellationToken, Task<NodeRef?>> change)
    {
        _message = null;
        NodeRef? reopen = null;
        _message = await ChangeAsync(async ct => reopen = await change(ct)) ?? await LoadAsync(ReloadAsync);
        if (_message is not null)
        {
            return;
        }

        if (reopen is not null)
        {
            Select(reopen);
        }
        else
        {
            Close();
        }
    }

    private static VersionForm CopyOf(VersionForm header) => new()
    {
        Code = header.Code,
        NameAr = header.NameAr,
        NameEn = header.NameEn,
        VisionAr = header.VisionAr,
        VisionEn = header.VisionEn,
        MissionAr = header.MissionAr,
        MissionEn = header.MissionEn,
    };
}
