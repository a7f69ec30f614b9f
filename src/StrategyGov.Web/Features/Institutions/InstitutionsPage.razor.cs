using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Institutions;

/// <summary>The institution registry: search and filters, create and edit, (de)activate, delete, Excel import and export.</summary>
public partial class InstitutionsPage
{
    private const long MaxImportBytes = 10 * 1024 * 1024;

    private InstitutionFilter _filter = new();
    private IReadOnlyList<InstitutionRow>? _rows;
    private IReadOnlyList<InstitutionRow> _all = [];
    private IReadOnlyList<InstitutionTypeRow> _types = [];
    private InstitutionForm? _editing;
    private int? _editingId;
    private InstitutionImportResult? _imported;
    private string? _message;

    [Inject] private InstitutionService Institutions { get; set; } = null!;

    [Inject] private InstitutionWorkbook Workbook { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [CascadingParameter] private Actor? Actor { get; set; }

    private bool Admin => Actor?.IsCenterAdmin == true;

    /// <summary>Institutions that have others under them, for the parent filter.</summary>
    private IEnumerable<InstitutionRow> Parents => _all.Where(i => _all.Any(c => c.ParentId == i.Id));

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is not null)
        {
            _types = await Institutions.ListTypesAsync(Actor, Aborted);
            await ReloadAsync(Aborted);
        }
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        _all = await Institutions.ListAsync(Actor!, new InstitutionFilter(), ct);
        _rows = await Institutions.ListAsync(Actor!, _filter, ct);
    }

    private async Task FilterAsync(InstitutionFilter filter)
    {
        _filter = filter;
        _rows = await Institutions.ListAsync(Actor!, _filter, Aborted);
    }

    private void New()
    {
        _editingId = null;
        _editing = new InstitutionForm { TypeCode = _types.FirstOrDefault()?.Code ?? string.Empty };
    }

    private async Task EditAsync(InstitutionRow row)
    {
        _editingId = row.Id;
        _editing = await Institutions.GetFormAsync(Actor!, row.Id, Aborted);
    }

    private Task SaveAsync(InstitutionForm form) => RunAsync(async ct =>
    {
        await Institutions.SaveAsync(Actor!, _editingId, form, ct);
        _editing = null;
    });

    private Task ToggleActiveAsync(InstitutionRow row) =>
        RunAsync(ct => Institutions.SetActiveAsync(Actor!, row.Id, !row.IsActive, ct));

    private async Task DeleteAsync(InstitutionRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Fw_Delete"], L["Inst_DeleteConfirm", Bilingual.Pick(row.NameAr, row.NameEn)], L["Fw_Delete"], cancelText: L["Cancel"]);
        if (confirmed == true)
        {
            await RunAsync(ct => Institutions.DeleteAsync(Actor!, row.Id, ct));
        }
    }

    private async Task ImportAsync(InputFileChangeEventArgs args)
    {
        _imported = null;
        _message = await ImportUploadAsync(args.File, MaxImportBytes, async (file, ct) => _imported = await Workbook.ImportAsync(Actor!, file, ct))
            ?? await LoadAsync(ReloadAsync);
    }

    private async Task RunAsync(Func<CancellationToken, Task> change) => _message = await ChangeAsync(change) ?? await LoadAsync(ReloadAsync);
}
