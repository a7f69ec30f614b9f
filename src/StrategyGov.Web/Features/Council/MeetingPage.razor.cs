using Microsoft.AspNetCore.Components;
using MudBlazor;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Council;

/// <summary>
/// One council meeting: when and where (Gregorian and Hijri, platform time), its agenda, participants and
/// attendance, decisions with their owners, minutes and files. The center keeps it and moves it through
/// Open → InProgress → Closed; invited institutions read it.
/// </summary>
public sealed partial class MeetingPage
{
    private MeetingView? _meeting;
    private CouncilLookups? _lookups;
    private string? _error;
    private string? _message;
    private bool _cancelling;
    private string? _cancelReason;

    [Inject] private CouncilMeetingService Meetings { get; set; } = null!;

    [Inject] private CouncilTime Time { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>The meeting (route).</summary>
    [Parameter] public int Id { get; set; }

    [CascadingParameter] private Actor? Actor { get; set; }

    private string TimeZone => Time.Zone.Id;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new(L["Council_Title"], "council"),
        new(Bilingual.Pick(_meeting!.TitleAr, _meeting.TitleEn), null, disabled: true),
    ];

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        if (Actor is null)
        {
            return;
        }

        _error = await LoadAsync(async ct =>
        {
            _meeting = await Meetings.GetAsync(Actor, Id, ct);
            _lookups ??= await Meetings.LookupsAsync(Actor, ct);
        });
    }

    private async Task EditAsync()
    {
        var form = await Meetings.FormAsync(Actor!, Id, Aborted);
        var parameters = new DialogParameters<MeetingFormDialog>
        {
            { d => d.Form, form }, { d => d.Lookups, _lookups! }, { d => d.Actor, Actor! }, { d => d.TimeZone, TimeZone },
        };
        var dialog = await Dialogs.ShowAsync<MeetingFormDialog>(L["Council_EditMeeting"], parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAsync();
        }
    }

    private Task StartAsync() => ActAsync(ct => Meetings.StartAsync(Actor!, Id, ct));

    private Task CloseAsync() => ActAsync(ct => Meetings.CloseAsync(Actor!, Id, ct));

    private async Task CancelMeetingAsync()
    {
        await ActAsync(ct => Meetings.CancelAsync(Actor!, Id, _cancelReason, ct));
        if (_message is null)
        {
            _cancelling = false;
        }
    }

    private async Task ActAsync(Func<CancellationToken, Task> action)
    {
        _message = await ChangeAsync(action);
        if (_message is null)
        {
            Snackbar.Add(L["Saved"], Severity.Success);
            await ReloadAsync();
        }
    }
}
