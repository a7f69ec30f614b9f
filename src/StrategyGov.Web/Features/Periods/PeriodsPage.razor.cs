using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Periods;

/// <summary>The administrator's periods: create, open, close and publish.</summary>
public partial class PeriodsPage
{
    private IReadOnlyList<PeriodRow>? _periods;
    private IReadOnlyList<StrategyVersionOption> _strategies = [];
    private string? _message;
    private string? _code;
    private int _strategyId;
    private DateTime? _opensOn;
    private DateTime? _dueOn;
    private DateTime? _closesOn;
    private decimal? _newEscalationDays;
    private readonly Dictionary<int, decimal?> _escalation = [];

    [Inject] private PeriodService Periods { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private IOptions<ReportingOptions> Reporting { get; set; } = null!;

    [CascadingParameter] private Actor? Actor { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is null)
        {
            return;
        }

        _newEscalationDays ??= Reporting.Value.OverdueEscalationDays;
        _strategies = await Periods.PublishedStrategiesAsync(Actor, Aborted);
        _strategyId = _strategyId == 0 ? _strategies.FirstOrDefault()?.Id ?? 0 : _strategyId;
        await ReloadAsync(Aborted);
    }

    private static string Date(DateOnly date) => Bidi.Ltr(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static Color StatusColor(PeriodStatus status) => status switch
    {
        PeriodStatus.Open => Color.Info,
        PeriodStatus.Closed => Color.Warning,
        PeriodStatus.Published => Color.Success,
        _ => Color.Default,
    };

    private async Task ReloadAsync(CancellationToken ct) => _periods = await Periods.ListAllAsync(Actor!, ct);

    private Task CreateAsync()
    {
        if (_opensOn is null || _dueOn is null || _closesOn is null)
        {
            _message = L["Period_DatesRequired"];
            return Task.CompletedTask;
        }

        if (_newEscalationDays is null)
        {
            _message = L["Period_EscalationDaysRange", PeriodService.MinEscalationDays, PeriodService.MaxEscalationDays];
            return Task.CompletedTask;
        }

        var input = new NewPeriod(
            _code ?? string.Empty, _strategyId, DateOnly.FromDateTime(_opensOn.Value), DateOnly.FromDateTime(_dueOn.Value), DateOnly.FromDateTime(_closesOn.Value),
            (int)_newEscalationDays.Value);
        return RunAsync(async ct =>
        {
            await Periods.CreateAsync(Actor!, input, ct);
            _code = null;
            return L["Period_Created", input.Code.Trim().ToUpperInvariant()];
        });
    }

    private decimal? EscalationOf(PeriodRow period) =>
        _escalation.TryGetValue(period.Id, out var typed) ? typed : period.OverdueEscalationDays;

    private Task SaveEscalationAsync(PeriodRow period)
    {
        if (EscalationOf(period) is not { } days)
        {
            _message = L["Period_EscalationDaysRange", PeriodService.MinEscalationDays, PeriodService.MaxEscalationDays];
            return Task.CompletedTask;
        }

        return RunAsync(async ct =>
        {
            await Periods.SetOverdueEscalationAsync(Actor!, period.Id, (int)days, ct);
            _escalation.Remove(period.Id);
            return L["Period_EscalationSaved", period.Code, (int)days];
        });
    }

    private Task OpenAsync(PeriodRow period) => RunAsync(async ct =>
    {
        var created = await Periods.OpenAsync(Actor!, period.Id, ct);
        return L["Period_Opened", period.Code, created];
    });

    private async Task CloseAsync(PeriodRow period)
    {
        if (await ConfirmAsync(L["Period_ConfirmClose", period.Code]))
        {
            await RunAsync(async ct =>
            {
                await Periods.CloseAsync(Actor!, period.Id, ct);
                return L["Period_Closed", period.Code];
            });
        }
    }

    private async Task PublishAsync(PeriodRow period)
    {
        if (await ConfirmAsync(L["Period_ConfirmPublish", period.Code, period.ObjectionWindowDays]))
        {
            await RunAsync(async ct =>
            {
                await Periods.PublishAsync(Actor!, period.Id, ct);
                return L["Period_Published", period.Code];
            });
        }
    }

    private async Task<bool> ConfirmAsync(string message) =>
        await Dialogs.ShowMessageBoxAsync(L["Confirm"], message, yesText: L["Confirm"], cancelText: L["Cancel"]) == true;

    // A change returns the sentence that confirms it.
    private async Task RunAsync(Func<CancellationToken, Task<string>> action)
    {
        _message = null;
        var done = string.Empty;
        _message = await ChangeAsync(async ct => done = await action(ct));
        if (_message is null)
        {
            Snackbar.Add(done, Severity.Success);
            _message = await LoadAsync(ReloadAsync);
        }
    }
}
