using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using MudBlazor;
using StrategyGov.Web.Features.Shared;
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

    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [CascadingParameter] private Actor? Actor { get; set; }

    private bool Admin => Actor?.IsCenterAdmin == true;

    /// <summary>Institutions that have others under them, for the parent filter.</summary>
    private IEnumerable<InstitutionRow> Parents => _all.Where(i => _all.Any(c => c.ParentId == i.Id));

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is not null)
        {
            _types = await Institutions.ListTypesAsync(Actor, CancellationToken.None);
            await ReloadAsync();
        }
    }

    private async Task ReloadAsync()
    {
        _all = await Institutions.ListAsync(Actor!, new InstitutionFilter(), CancellationToken.None);
        _rows = await Institutions.ListAsync(Actor!, _filter, CancellationToken.None);
    }

    private async Task FilterAsync(InstitutionFilter filter)
    {
        _filter = filter;
        _rows = await Institutions.ListAsync(Actor!, _filter, CancellationToken.None);
    }

    private void New()
    {
        _editingId = null;
        _editing = new InstitutionForm { TypeCode = _types.FirstOrDefault()?.Code ?? string.Empty };
    }

    private async Task EditAsync(InstitutionRow row)
    {
        _editingId = row.Id;
        _editing = await Institutions.GetFormAsync(Actor!, row.Id, CancellationToken.None);
    }

    private Task SaveAsync(InstitutionForm form) => RunAsync(async () =>
    {
        await Institutions.SaveAsync(Actor!, _editingId, form, CancellationToken.None);
        _editing = null;
    });

    private Task ToggleActiveAsync(InstitutionRow row) =>
        RunAsync(() => Institutions.SetActiveAsync(Actor!, row.Id, !row.IsActive, CancellationToken.None));

    private async Task DeleteAsync(InstitutionRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Fw_Delete"], L["Inst_DeleteConfirm", Bilingual.Pick(row.NameAr, row.NameEn)], L["Fw_Delete"], cancelText: L["Cancel"]);
        if (confirmed == true)
        {
            await RunAsync(() => Institutions.DeleteAsync(Actor!, row.Id, CancellationToken.None));
        }
    }

    private Task ImportAsync(InputFileChangeEventArgs args) => RunAsync(async () =>
    {
        _imported = null;
        await using var upload = args.File.OpenReadStream(MaxImportBytes);

        // ClosedXML needs a seekable stream; the browser upload is not one.
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer);
        buffer.Position = 0;
        _imported = await Workbook.ImportAsync(Actor!, buffer, CancellationToken.None);
    });

    private async Task RunAsync(Func<Task> change)
    {
        _message = null;
        try
        {
            await change();
            await ReloadAsync();
        }
        catch (IOException)
        {
            _message = L["Fw_ImportTooLarge"];
        }
        catch (Exception e) when (UiMessages.IsExpected(e))
        {
            _message = UiMessages.Describe(e, L);
        }
    }
}
