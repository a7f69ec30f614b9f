using Microsoft.AspNetCore.Components;
using StrategyGov.Web.Features.Api;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Webhooks;

public partial class WebhooksPage
{
    [Inject] private WebhookService Webhooks { get; set; } = null!;

    [Inject] private ApiTokenService Tokens { get; set; } = null!;

    [CascadingParameter] private Actor? Actor { get; set; }

    private IReadOnlyList<WebhookRow> _hooks = [];
    private IReadOnlyList<(int Id, string Code, string NameAr, string NameEn)> _institutions = [];
    private IReadOnlyList<WebhookDeliveryRow> _deliveries = [];
    private readonly HashSet<string> _events = [WebhookEvents.SubmissionReturned, WebhookEvents.SubmissionApproved];
    private WebhookRow? _shown;
    private bool _isCenterAdmin;
    private string _hosts = "";
    private string _name = "";
    private string _url = "https://";
    private int _institutionId;
    private string? _secret;
    private DateTime? _rotatedUntil;
    private WebhookRow? _editing;
    private string? _message;

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is null)
        {
            return;
        }

        _isCenterAdmin = Actor.IsCenterAdmin;
        _message = await LoadAsync(async ct =>
        {
            if (_isCenterAdmin)
            {
                _institutions = await Tokens.InstitutionChoicesAsync(Actor, ct);
            }

            _hosts = string.Join('\n', await Webhooks.AllowedHostsAsync(Actor, ct));
            _hooks = await Webhooks.ListAsync(Actor, ct);
        });
    }

    private async Task SaveHostsAsync()
    {
        _message = await ChangeAsync(ct => Webhooks.SetAllowedHostsAsync(Actor!, _hosts, ct));
        _message ??= await LoadAsync(async ct => _hosts = string.Join('\n', await Webhooks.AllowedHostsAsync(Actor!, ct)));
    }

    private async Task CreateAsync()
    {
        _secret = null;
        _rotatedUntil = null;
        _message = await ChangeAsync(async ct =>
        {
            var created = await Webhooks.CreateAsync(Actor!, _institutionId == 0 ? null : _institutionId, _name, _url, _events, ct);
            _secret = created.Secret;
            _name = "";
            _url = "https://";
        });
        await ReloadAsync();
    }

    /// <summary>Fills the form with the subscription, to change its name, URL and events (not its owner).</summary>
    private void Edit(WebhookRow hook)
    {
        _editing = hook;
        _name = hook.Name;
        _url = hook.Url;
        _events.Clear();
        _events.UnionWith(hook.Events);
        _message = null;
    }

    private void CancelEdit()
    {
        _editing = null;
        _name = "";
        _url = "https://";
    }

    private async Task SaveEditAsync()
    {
        var editing = _editing!;
        _message = await ChangeAsync(ct => Webhooks.UpdateAsync(Actor!, editing.Id, _name, _url, _events, ct));
        if (_message is null)
        {
            CancelEdit();
        }

        await ReloadAsync();
    }

    private async Task RotateAsync(WebhookRow hook)
    {
        _secret = null;
        _message = await ChangeAsync(async ct =>
        {
            var rotated = await Webhooks.RotateSecretAsync(Actor!, hook.Id, ct);
            _secret = rotated.Secret;
            _rotatedUntil = rotated.PreviousUntil;
        });
        await ReloadAsync();
    }

    private async Task PingAsync(WebhookRow hook)
    {
        _message = await ChangeAsync(ct => Webhooks.PingAsync(Actor!, hook.Id, ct));
        await ShowAsync(hook);
    }

    private async Task SetActiveAsync(WebhookRow hook, bool active)
    {
        _message = await ChangeAsync(ct => Webhooks.SetActiveAsync(Actor!, hook.Id, active, ct));
        await ReloadAsync();
    }

    private async Task DeleteAsync(WebhookRow hook)
    {
        _message = await ChangeAsync(ct => Webhooks.DeleteAsync(Actor!, hook.Id, ct));
        if (_shown?.Id == hook.Id)
        {
            _shown = null;
        }

        await ReloadAsync();
    }

    private async Task ShowAsync(WebhookRow hook)
    {
        _shown = hook;
        _message ??= await LoadAsync(async ct => _deliveries = await Webhooks.DeliveriesAsync(Actor!, hook.Id, 50, ct));
    }

    private async Task ReloadAsync() =>
        _message ??= await LoadAsync(async ct => _hooks = await Webhooks.ListAsync(Actor!, ct));

    private void Choose(string type, bool on)
    {
        if (on)
        {
            _events.Add(type);
        }
        else
        {
            _events.Remove(type);
        }
    }
}
