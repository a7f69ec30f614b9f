using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;
using StrategyGov.Data.Inquiries;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Inquiries;

/// <summary>One inquiry: its clocks, what can be done next, its details and what happened to it.</summary>
public partial class InquiryPage
{
    private const long MaxAttachmentBytes = 20 * 1024 * 1024;

    private InquiryDetail? _detail;
    private InquiryLookups? _lookups;
    private string? _error;
    private string? _message;
    private DateTime _now;

    [Inject] private InquiryService Inquiries { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Inject] private IOptions<PlatformOptions> Platform { get; set; } = null!;

    [Inject] private TimeProvider Clock { get; set; } = null!;

    [CascadingParameter] private Actor? Actor { get; set; }

    /// <summary>The inquiry.</summary>
    [Parameter] public int Id { get; set; }

    private TimeZoneInfo Zone => Platform.Value.TimeZoneInfo;

    private DateTime LocalNow => InquiryDates.LocalMinute(_now, Zone);

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        if (Actor is null)
        {
            return;
        }

        _error = await LoadAsync(async ct =>
        {
            _now = Clock.GetUtcNow().UtcDateTime;
            _detail = await Inquiries.GetAsync(Actor, Id, ct);
            if (_detail.CanAct)
            {
                _lookups ??= await Inquiries.LookupsAsync(Actor, _detail.Row.InstitutionId, ct);
            }
        });
    }

    private async Task<bool> ActAsync(InquiryAction action, IBrowserFile? file)
    {
        _message = await ChangeAsync(async ct =>
        {
            if (file is null || action.Kind != InquiryActionKind.Answer)
            {
                await Inquiries.ActAsync(Actor!, Id, action, null, ct);
                return;
            }

            await using var upload = file.OpenReadStream(MaxAttachmentBytes, ct);
            await Inquiries.ActAsync(Actor!, Id, action, new InquiryAttachment(upload, file.Name), ct);
        });
        if (_message is null)
        {
            Snackbar.Add(L["Saved"], Severity.Success);
            await ReloadAsync();
        }

        StateHasChanged();
        return _message is null;
    }

    private async Task EditAsync()
    {
        var detail = _detail!;
        var form = new InquiryForm
        {
            ExternalId = detail.Row.ExternalId,
            Kind = detail.Row.Kind,
            Channel = detail.Row.Channel,
            Outlet = detail.Row.Outlet,
            Requester = detail.Requester,
            SourceUrl = detail.SourceUrl,
            ReceivedAt = InquiryDates.LocalMinute(detail.Row.ReceivedAt, Zone),
            Topic = detail.Row.Topic,
            Details = detail.Details,
            PillarCode = detail.PillarCode,
            RequesterDeadline = detail.Row.RequesterDeadline is { } deadline ? InquiryDates.LocalMinute(deadline, Zone) : null,
            AssignedToId = detail.AssignedToId,
        };
        var parameters = new DialogParameters<InquiryFormDialog>
        {
            { d => d.Form, form },
            { d => d.Lookups, _lookups! },
            { d => d.Actor, Actor! },
            { d => d.InquiryId, Id },
            { d => d.Version, detail.Version },
        };
        var dialog = await Dialogs.ShowAsync<InquiryFormDialog>(L["Fw_Edit"], parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAsync();
        }
    }

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Fw_Delete"], L["Inquiry_DeleteConfirm"], L["Fw_Delete"], cancelText: L["Cancel"]);
        if (confirmed == true)
        {
            _message = await ChangeAsync(ct => Inquiries.DeleteAsync(Actor!, Id, ct));
            if (_message is null)
            {
                Navigation.NavigateTo("inquiries");
            }
        }
    }

    private static string Short(string url) => url.Length <= 60 ? url : url[..57] + "…";

    private sealed record Step(DateTime At, string Title, string? Text, Color Color, string? TestId = null, string? Link = null);

    /// <summary>What happened, in order.</summary>
    private IEnumerable<Step> Steps()
    {
        var d = _detail!;
        var steps = new List<Step> { new(d.Row.ReceivedAt, L["Inquiry_Step_Received"], null, Color.Primary) };
        if (d.FirstResponseAt is { } first)
        {
            steps.Add(new Step(first, L["Inquiry_Step_FirstResponse"], d.FirstResponseNote, Color.Info, "first-response-note"));
        }

        foreach (var pause in d.Pauses)
        {
            steps.Add(new Step(pause.StartedAt, L["Inquiry_Step_Waiting"], pause.Note, Color.Warning));
            if (pause.EndedAt is { } ended)
            {
                steps.Add(new Step(ended, L["Inquiry_Step_Resumed", InquiryDates.Hours(pause.WorkingMinutes)], null, Color.Default));
            }
        }

        if (d.ReferredAt is { } referred)
        {
            var to = Bilingual.Pick(d.ReferredToNameAr, d.ReferredToNameEn);
            steps.Add(new Step(referred, L["Inquiry_Step_Referred", to], d.ReferralNote, Color.Secondary));
        }

        if (d.AnsweredAt is { } answered)
        {
            steps.Add(new Step(answered, L["Inquiry_Step_Answered"], d.ResponseText, Color.Success, "response-text",
                d.ResponseFileName is null ? null : $"inquiries/{Id}/attachment"));
        }

        if (d.ClosedAt is { } closed)
        {
            steps.Add(new Step(closed, L["Inquiry_Step_Closed"], d.ClosingNote, Color.Dark));
        }

        return steps.OrderBy(s => s.At);
    }
}
