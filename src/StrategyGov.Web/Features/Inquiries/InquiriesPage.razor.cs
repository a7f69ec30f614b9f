using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Inquiries;

/// <summary>
/// The inquiry log: an institution's own (its director and contributors log, import and export them), or
/// every institution's for the center and officials, with this quarter's figures, filters and the timers.
/// </summary>
public partial class InquiriesPage
{
    private InquiryFilter _filter = new();
    private InquiryList? _list;
    private InquiryFigures? _figures;
    private InquiryWindow _window = null!;
    private InquiryLookups? _lookups;
    private InquiryImportResult? _imported;
    private string? _message;
    private DateTime _now;

    [Inject] private InquiryService Inquiries { get; set; } = null!;

    [Inject] private InquiryFiguresService Figures { get; set; } = null!;

    [Inject] private InquiryWorkbook Workbook { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private IOptions<PlatformOptions> Platform { get; set; } = null!;

    [Inject] private TimeProvider Clock { get; set; } = null!;

    [CascadingParameter] private Actor? Actor { get; set; }

    /// <summary>Opens the log of one institution (the center's links from the league table).</summary>
    [SupplyParameterFromQuery(Name = "institution")] public int? InstitutionId { get; set; }

    private TimeZoneInfo Zone => Platform.Value.TimeZoneInfo;

    private bool Member => Actor?.IsInstitutionUser == true;

    private string Subtitle => Actor?.SeesAllInstitutions == true ? L["Inquiry_SubtitleCenter"] : L["Inquiry_Subtitle"];

    private string ExportUrl
    {
        get
        {
            var query = new List<string>();
            void Add(string name, object? value)
            {
                if (value is not null && value is not false)
                {
                    query.Add($"{name}={Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!)}");
                }
            }

            Add("institutionId", _filter.InstitutionId);
            Add("kind", _filter.Kind);
            Add("status", _filter.Status);
            Add("search", _filter.Search);
            Add("open", _filter.OpenOnly);
            Add("overdue", _filter.OverdueOnly);
            return "inquiries/export.xlsx" + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query));
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is null)
        {
            return;
        }

        _filter = _filter with { InstitutionId = Actor.SeesAllInstitutions ? InstitutionId : null };
        _message = await LoadAsync(ReloadAsync);
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        _now = Clock.GetUtcNow().UtcDateTime;
        _window = Figures.CurrentQuarter;
        _lookups ??= await Inquiries.LookupsAsync(Actor!, Actor!.SeesAllInstitutions ? null : Actor.InstitutionId, ct);
        _list = await Inquiries.ListAsync(Actor!, _filter, ct);
        var figuresOf = Actor!.SeesAllInstitutions ? _filter.InstitutionId : Actor.InstitutionId;
        _figures = await Figures.FiguresAsync(Actor!, figuresOf, _window, kind: null, ct);
    }

    private async Task FilterAsync(InquiryFilter filter)
    {
        _filter = filter;
        _message = await LoadAsync(ReloadAsync);
    }

    private async Task NewAsync()
    {
        var form = new InquiryForm { ReceivedAt = InquiryDates.LocalMinute(Clock.GetUtcNow().UtcDateTime, Zone) };
        var parameters = new DialogParameters<InquiryFormDialog>
        {
            { d => d.Form, form },
            { d => d.Lookups, _lookups! },
            { d => d.Actor, Actor! },
        };
        var dialog = await Dialogs.ShowAsync<InquiryFormDialog>(L["Inquiry_New"], parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: int id })
        {
            Navigation.NavigateTo($"inquiries/{id}");
        }
    }

    private async Task ImportAsync(InputFileChangeEventArgs args)
    {
        _message = null;
        _imported = null;
        try
        {
            _message = await ChangeAsync(async ct =>
            {
                await using var upload = args.File.OpenReadStream(InquiryWorkbook.MaxBytes);

                // ClosedXML needs a seekable stream; the browser upload is not one.
                using var buffer = new MemoryStream();
                await upload.CopyToAsync(buffer, ct);
                buffer.Position = 0;
                _imported = await Workbook.ImportAsync(Actor!, buffer, ct);
            }) ?? await LoadAsync(ReloadAsync);
        }
        catch (IOException)
        {
            _message = L["Inquiry_Import_TooLarge", InquiryWorkbook.MaxBytes / (1024 * 1024)];
        }
    }
}
