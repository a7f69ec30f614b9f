using Microsoft.AspNetCore.Components;
using MudBlazor;
using StrategyGov.Data.Governance;
using StrategyGov.Data.Identity;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Raci;

/// <summary>The responsibility matrix: read by every signed-in user, edited cell by cell by CenterAdmin.</summary>
public partial class RaciMatrixPage
{
    private RaciMatrix? _matrix;
    private string? _message;
    private RaciCatalogEditor.ActivityForm? _activity;
    private RaciCatalogEditor.PartyForm? _party;

    [Inject] private RaciService Raci { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [CascadingParameter] private Actor? Actor { get; set; }

    private bool IsAdmin => Actor?.IsCenterAdmin == true;

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is not null)
        {
            _matrix = await Raci.GetMatrixAsync(Actor, Aborted);
        }
    }

    private Task SetCellAsync(ActivityView activity, PartyView party, string? value) => ActAsync(async ct =>
    {
        RaciLetter? letter = Enum.TryParse<RaciLetter>(value, out var parsed) ? parsed : null;
        var problems = await Raci.SetCellAsync(Actor!, activity.Id, party.Id, letter, ct);
        if (problems.Count > 0)
        {
            // Saved, but said plainly: the activity breaks the rule until it is fixed.
            Snackbar.Add(L["Raci_SavedInvalid", activity.Code], Severity.Warning);
        }
    });

    private void NewActivity() => (_activity, _party) = (new RaciCatalogEditor.ActivityForm { Order = _matrix!.Activities.Count + 1 }, null);

    private void NewParty() => (_party, _activity) = (new RaciCatalogEditor.PartyForm { Order = _matrix!.Parties.Count + 1 }, null);

    private void EditActivity(ActivityView a) =>
        (_activity, _party) = (new RaciCatalogEditor.ActivityForm { Id = a.Id, Code = a.Code, NameAr = a.NameAr, NameEn = a.NameEn, Order = a.Order }, null);

    private void EditParty(PartyView p) => (_party, _activity) = (new RaciCatalogEditor.PartyForm
    {
        Id = p.Id, Code = p.Code, NameAr = p.NameAr, NameEn = p.NameEn, IsInstitutionSide = p.IsInstitutionSide, Order = p.Order,
    }, null);

    private void CloseForms() => (_activity, _party) = (null, null);

    private Task SaveCatalogAsync() => ActAsync(async ct =>
    {
        if (_activity is not null)
        {
            await Raci.SaveActivityAsync(Actor!, _activity.ToInput(), ct);
        }
        else if (_party is not null)
        {
            await Raci.SavePartyAsync(Actor!, _party.ToInput(), ct);
        }

        CloseForms();
        Snackbar.Add(L["Saved"], Severity.Success);
    });

    private Task DeleteActivityAsync(ActivityView activity) => ActAsync(ct => Raci.DeleteActivityAsync(Actor!, activity.Id, ct));

    private Task DeletePartyAsync(int partyId) => ActAsync(async ct =>
    {
        await Raci.DeletePartyAsync(Actor!, partyId, ct);
        CloseForms();
    });

    private async Task ActAsync(Func<CancellationToken, Task> action)
    {
        _message = await ChangeAsync(action);
        _matrix = await Raci.GetMatrixAsync(Actor!, Aborted);
    }
}
