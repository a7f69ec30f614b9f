using Microsoft.AspNetCore.Components;
using MudBlazor;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Media.Campaigns;

/// <summary>One campaign: its OASIS plan, objectives and results, calendar entries, evaluation cycle, status and one-page PDF.</summary>
public partial class CampaignPage
{
    private CampaignView? _view;
    private CampaignLookups? _lookups;
    private string? _error;
    private string? _message;

    [Inject] private CampaignService Campaigns { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Parameter] public int Id { get; set; }

    [CascadingParameter] private Actor? Actor { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is not null)
        {
            _error = await LoadAsync(async ct =>
            {
                _lookups = await Campaigns.LookupsAsync(Actor, ct);
                _view = await Campaigns.GetAsync(Actor, Id, ct);
            });
        }
    }

    private async Task ReloadAsync() => _error = await LoadAsync(async ct => _view = await Campaigns.GetAsync(Actor!, Id, ct));

    private async Task EditPlanAsync()
    {
        CampaignForm? form = null;
        _message = await LoadAsync(async ct => form = await Campaigns.GetFormAsync(Actor!, Id, ct));
        if (form is null)
        {
            return;
        }

        var parameters = new DialogParameters<CampaignFormDialog> { { d => d.Form, form }, { d => d.Id, Id }, { d => d.Lookups, _lookups! }, { d => d.Actor, Actor! } };
        var dialog = await Dialogs.ShowAsync<CampaignFormDialog>(L["Campaign_EditPlan"], parameters, new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAsync();
        }
    }

    private Task LaunchAsync() => DatedAsync("Campaign_Launch", _view!.Row.PlanComplete ? "Campaign_LaunchHelp" : "Campaign_LaunchIncompleteWarning",
        (on, ct) => Campaigns.LaunchAsync(Actor!, Id, on, ct));

    private Task CompleteAsync() => DatedAsync("Campaign_Complete", "Campaign_CompleteHelp", (on, ct) => Campaigns.CompleteAsync(Actor!, Id, on, ct));

    private async Task EvaluateAsync()
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Campaign_Evaluate"], L["Campaign_EvaluateConfirm"], L["Campaign_Evaluate"], cancelText: L["Cancel"]) == true)
        {
            await ActAsync(ct => Campaigns.EvaluateAsync(Actor!, Id, ct));
        }
    }

    private async Task DeleteAsync()
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Delete"], L["Campaign_DeleteConfirm"], L["Delete"], cancelText: L["Cancel"]) == true)
        {
            _message = await ChangeAsync(ct => Campaigns.DeleteAsync(Actor!, Id, ct));
            if (_message is null)
            {
                Navigation.NavigateTo("media/campaigns");
            }
        }
    }

    private async Task DatedAsync(string titleKey, string helpKey, Func<DateOnly, CancellationToken, Task> action)
    {
        var parameters = new DialogParameters<CampaignDateDialog> { { d => d.Help, L[helpKey].Value }, { d => d.Day, Campaigns.Today } };
        var dialog = await Dialogs.ShowAsync<CampaignDateDialog>(L[titleKey], parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseButton = true });
        if (await dialog.Result is { Canceled: false, Data: DateOnly day })
        {
            await ActAsync(ct => action(day, ct));
        }
    }

    private Task<bool> SaveObjectivesAsync(IReadOnlyList<ObjectiveForm> forms) => ActAsync(ct => Campaigns.SaveObjectivesAsync(Actor!, Id, forms, ct));

    private Task<bool> SaveEvaluationAsync(IReadOnlyList<EvaluationForm> forms) => ActAsync(ct => Campaigns.SaveEvaluationAsync(Actor!, Id, forms, ct));

    private Task<bool> AddPartnerAsync(int institutionId) => ActAsync(ct => Campaigns.AddPartnerAsync(Actor!, Id, institutionId, ct));

    private Task<bool> RemovePartnerAsync(int institutionId) => ActAsync(ct => Campaigns.RemovePartnerAsync(Actor!, Id, institutionId, ct));

    /// <summary>Runs a change; true when it was saved (a child then leaves its edit mode).</summary>
    private async Task<bool> ActAsync(Func<CancellationToken, Task> change)
    {
        _message = await ChangeAsync(change);
        if (_message is null)
        {
            Snackbar.Add(L["Saved"], Severity.Success);
            await ReloadAsync();
        }

        StateHasChanged();
        return _message is null;
    }
}
