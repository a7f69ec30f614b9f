using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Media.Journalists;

/// <summary>The national register of journalists: search and filters, propose or add, edit, verify, Excel import and export.</summary>
public partial class JournalistsPage
{
    private const long MaxImportBytes = 10 * 1024 * 1024;

    private JournalistFilter _filter = new();
    private IReadOnlyList<JournalistRow>? _rows;
    private IReadOnlyList<OutletRef> _outlets = [];
    private JournalistForm? _editing;
    private int? _editingId;
    private RegisterImportResult? _imported;
    private string? _message;

    [Inject] private JournalistService Journalists { get; set; } = null!;

    [Inject] private JournalistWorkbook Workbook { get; set; } = null!;

    [CascadingParameter] private Actor? Actor { get; set; }

    private bool CanChange => Actor is { } actor && (actor.IsCenter || actor.IsInstitutionUser);

    private bool ShowContacts => _rows?.Any(r => r.Contacts is not null) == true;

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is not null)
        {
            _message = await LoadAsync(ReloadAsync);
        }
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        _outlets = await Journalists.OutletChoicesAsync(Actor!, ct);
        _rows = await Journalists.ListAsync(Actor!, _filter, ct);
    }

    private async Task FilterAsync(JournalistFilter filter)
    {
        _filter = filter;
        _rows = await Journalists.ListAsync(Actor!, _filter, Aborted);
    }

    private void New()
    {
        _editingId = null;
        _editing = new JournalistForm();
    }

    private async Task EditAsync(JournalistRow row)
    {
        _message = await LoadAsync(async ct =>
        {
            _editing = await Journalists.GetFormAsync(Actor!, row.Id, ct);
            _editingId = row.Id;
        });
    }

    private Task SaveAsync(JournalistForm form) => RunAsync(async ct =>
    {
        await Journalists.SaveAsync(Actor!, _editingId, form, ct);
        _editing = null;
    });

    private Task VerifyAsync(JournalistRow row) => RunAsync(ct => Journalists.VerifyAsync(Actor!, row.Id, ct));

    private async Task ImportAsync(InputFileChangeEventArgs args)
    {
        _imported = null;
        _message = await ImportUploadAsync(args.File, MaxImportBytes, async (file, ct) => _imported = await Workbook.ImportAsync(Actor!, file, ct))
            ?? await LoadAsync(ReloadAsync);
    }

    private async Task RunAsync(Func<CancellationToken, Task> change) => _message = await ChangeAsync(change) ?? await LoadAsync(ReloadAsync);
}
