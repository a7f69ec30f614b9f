using Microsoft.AspNetCore.Components;
using MudBlazor;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Media.Interactions;

/// <summary>An institution's media log (the center: every institution's), its coverage, and the Excel export of what is shown.</summary>
public partial class InteractionsPage
{
    private InteractionFilter _filter = new();
    private IReadOnlyList<InteractionRow>? _rows;
    private InteractionLookups? _lookups;
    private string? _message;

    [Inject] private InteractionService Interactions { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [CascadingParameter] private Actor? Actor { get; set; }

    /// <summary>Opens the log filtered to one campaign's interactions.</summary>
    [SupplyParameterFromQuery(Name = "campaign")] private int? CampaignId { get; set; }

    private string ExportUrl =>
        "media/interactions/export.xlsx?" + string.Join('&', new[]
        {
            _filter.From is { } from ? $"from={from:yyyy-MM-dd}" : null,
            _filter.To is { } to ? $"to={to:yyyy-MM-dd}" : null,
            _filter.InstitutionId is { } id ? $"institutionId={id}" : null,
        }.OfType<string>());

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is null)
        {
            return;
        }

        _filter = _filter with { CampaignId = CampaignId };
        _message = await LoadAsync(async ct =>
        {
            _lookups = await Interactions.LookupsAsync(Actor, ct);
            await ReloadAsync(ct);
        });
    }

    private async Task ReloadAsync(CancellationToken ct) => _rows = await Interactions.ListAsync(Actor!, _filter, ct);

    private async Task FilterAsync(InteractionFilter filter)
    {
        _filter = filter;
        _message = await LoadAsync(ReloadAsync);
    }

    private async Task EditAsync(int? id)
    {
        InteractionForm form = new() { OccurredOn = Interactions.Today, CampaignId = CampaignId };
        if (id is { } existing)
        {
            _message = await LoadAsync(async ct => form = await Interactions.GetFormAsync(Actor!, existing, ct));
            if (_message is not null)
            {
                return;
            }
        }

        var parameters = new DialogParameters<InteractionDialog> { { d => d.Form, form }, { d => d.Id, id }, { d => d.Lookups, _lookups! }, { d => d.Actor, Actor! } };
        var dialog = await Dialogs.ShowAsync<InteractionDialog>(L[id is null ? "Media_LogInteraction" : "Media_EditInteraction"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAsync(Aborted);
        }
    }

    private async Task CoverageAsync(int? interactionId, int? coverageId)
    {
        // Coverage of an interaction most often comes from an outlet that was there: it is offered first.
        var outlet = _rows?.FirstOrDefault(r => r.Id == interactionId)?.Participants.Select(p => p.OutletId).OfType<int>().FirstOrDefault();
        CoverageForm form = new() { InteractionId = interactionId, PublishedOn = Interactions.Today, CampaignId = CampaignId, OutletId = outlet is > 0 ? outlet : null };
        if (coverageId is { } existing)
        {
            _message = await LoadAsync(async ct => form = await Interactions.GetCoverageFormAsync(Actor!, existing, ct));
            if (_message is not null)
            {
                return;
            }
        }

        var parameters = new DialogParameters<CoverageDialog> { { d => d.Form, form }, { d => d.Id, coverageId }, { d => d.Lookups, _lookups! }, { d => d.Actor, Actor! } };
        var dialog = await Dialogs.ShowAsync<CoverageDialog>(L[coverageId is null ? "Media_AddCoverage" : "Media_EditCoverage"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAsync(Aborted);
        }
    }

    private async Task DeleteAsync(InteractionRow row)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Delete"], L["Media_DeleteInteractionConfirm"], L["Delete"], cancelText: L["Cancel"]) == true)
        {
            _message = await ChangeAsync(ct => Interactions.DeleteAsync(Actor!, row.Id, ct)) ?? await LoadAsync(ReloadAsync);
        }
    }

    private async Task DeleteCoverageAsync(CoverageRow coverage)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Delete"], L["Media_DeleteCoverageConfirm"], L["Delete"], cancelText: L["Cancel"]) == true)
        {
            _message = await ChangeAsync(ct => Interactions.DeleteCoverageAsync(Actor!, coverage.Id, ct)) ?? await LoadAsync(ReloadAsync);
        }
    }
}
