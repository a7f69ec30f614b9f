using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Users;

/// <summary>
/// The center's user administration: search and filters, create and edit in a dialog, deactivate and
/// reactivate, unlock, force a password reset, send a new link, Excel import and export (ADR 0095).
/// </summary>
public partial class UsersPage
{
    private const long MaxImportBytes = 10 * 1024 * 1024;

    private UserFilter _filter = new();
    private IReadOnlyList<UserRow>? _rows;
    private IReadOnlyList<InstitutionChoice> _institutions = [];
    private UserImportResult? _imported;
    private string? _message;
    private DateTime _now;

    [Inject] private UserService Users { get; set; } = null!;

    [Inject] private UserWorkbook Workbook { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Inject] private TimeProvider Clock { get; set; } = null!;

    [CascadingParameter] private Actor? Actor { get; set; }

    private Uri BaseUri => new(Navigation.BaseUri);

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is not null)
        {
            _message = await LoadAsync(async ct =>
            {
                _institutions = await Users.InstitutionChoicesAsync(Actor, ct);
                await ReloadAsync(ct);
            });
        }
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        _now = Clock.GetUtcNow().UtcDateTime;
        _rows = await Users.ListAsync(Actor!, _filter, ct);
    }

    private async Task FilterAsync(UserFilter filter)
    {
        _filter = filter;
        _message = await LoadAsync(ReloadAsync);
    }

    private async Task NewAsync()
    {
        var result = await ShowEditorAsync(L["Users_New"], null);
        if (result?.Data is IssuedLink issued)
        {
            await AnnounceAsync(issued);
        }
    }

    private async Task EditAsync(UserRow row)
    {
        UserDetails? details = null;
        _message = await LoadAsync(async ct => details = await Users.GetAsync(Actor!, row.Id, ct));
        if (details is not null && await ShowEditorAsync(L["Users_Edit"], details) is { Canceled: false })
        {
            Snackbar.Add(L["Users_Saved", Bidi.Ltr(row.Email)], Severity.Success);
            await FilterAsync(_filter);
        }
    }

    private async Task<DialogResult?> ShowEditorAsync(string title, UserDetails? details)
    {
        var parameters = new DialogParameters<UserDialog>
        {
            { d => d.Actor, Actor! },
            { d => d.Details, details },
            { d => d.Institutions, _institutions },
        };
        var dialog = await Dialogs.ShowAsync<UserDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });
        return await dialog.Result;
    }

    private async Task SendLinkAsync(UserRow row)
    {
        if (await ConfirmAsync("Users_SendLink", L["Users_SendLinkConfirm", row.FullName, Bidi.Ltr(row.Email)]))
        {
            await IssueAsync(ct => Users.SendNewLinkAsync(Actor!, row.Id, BaseUri, ct));
        }
    }

    private async Task ForceResetAsync(UserRow row)
    {
        if (await ConfirmAsync("Users_ForceReset", L["Users_ForceResetConfirm", row.FullName, Bidi.Ltr(row.Email)]))
        {
            await IssueAsync(ct => Users.ForcePasswordResetAsync(Actor!, row.Id, BaseUri, ct));
        }
    }

    private async Task UnlockAsync(UserRow row)
    {
        _message = await ChangeAsync(ct => Users.UnlockAsync(Actor!, row.Id, ct));
        await AfterChangeAsync(L["Users_Unlocked", Bidi.Ltr(row.Email)]);
    }

    private async Task SetActiveAsync(UserRow row, bool active)
    {
        var (key, question) = active
            ? ("Users_Reactivate", L["Users_ReactivateConfirm", row.FullName, Bidi.Ltr(row.Email)])
            : ("Users_Deactivate", L["Users_DeactivateConfirm", row.FullName, Bidi.Ltr(row.Email)]);
        if (await ConfirmAsync(key, question))
        {
            _message = await ChangeAsync(ct => Users.SetActiveAsync(Actor!, row.Id, active, ct));
            await AfterChangeAsync(L[active ? "Users_Reactivated" : "Users_Deactivated", Bidi.Ltr(row.Email)]);
        }
    }

    private async Task ImportAsync(InputFileChangeEventArgs args)
    {
        _imported = null;
        _message = null;
        try
        {
            await using var upload = args.File.OpenReadStream(MaxImportBytes);

            // ClosedXML needs a seekable stream; the browser upload is not one.
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer);
            buffer.Position = 0;
            _message = await ChangeAsync(async ct => _imported = await Workbook.ImportAsync(Actor!, buffer, BaseUri, ct));
        }
        catch (IOException)
        {
            _message = L["Users_Import_TooLarge", MaxImportBytes / 1024 / 1024];
        }

        if (_imported?.Succeeded == true)
        {
            await FilterAsync(_filter);
        }
    }

    private async Task IssueAsync(Func<CancellationToken, Task<IssuedLink>> issue)
    {
        IssuedLink? issued = null;
        _message = await ChangeAsync(async ct => issued = await issue(ct));
        if (issued is not null)
        {
            await AnnounceAsync(issued);
        }
    }

    /// <summary>A mailed link is announced; otherwise it is shown, this once.</summary>
    private async Task AnnounceAsync(IssuedLink issued)
    {
        await FilterAsync(_filter);
        if (issued.Mailed)
        {
            Snackbar.Add(L["Users_LinkMailed", Bidi.Ltr(issued.Email)], Severity.Success);
            return;
        }

        var parameters = new DialogParameters<LinkOnceDialog> { { d => d.Link, issued } };
        var dialog = await Dialogs.ShowAsync<LinkOnceDialog>(L["Users_LinkTitle"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false });
        await dialog.Result;
    }

    private async Task AfterChangeAsync(string success)
    {
        if (_message is null)
        {
            Snackbar.Add(success, Severity.Success);
            await FilterAsync(_filter);
        }
    }

    private async Task<bool> ConfirmAsync(string titleKey, string question)
    {
        var options = new MessageBoxOptions { Title = L[titleKey], Message = question, YesText = L[titleKey], CancelText = L["Cancel"] };
        return await Dialogs.ShowMessageBoxAsync(options) == true;
    }
}
