using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Features.Shared;
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

    [Inject] private PeriodService Periods { get; set; } = null!;

    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [CascadingParameter] private Actor? Actor { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is null)
        {
            return;
        }

        _strategies = await Periods.PublishedStrategiesAsync(Actor, CancellationToken.None);
        _strategyId = _strategyId == 0 ? _strategies.FirstOrDefault()?.Id ?? 0 : _strategyId;
        await ReloadAsync();
    }

    private static string Date(DateOnly date) => Bidi.Ltr(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static Color StatusColor(PeriodStatus status) => status switch
    {
        PeriodStatus.Open => Color.Info,
        PeriodStatus.Closed => Color.Warning,
        PeriodStatus.Published => Color.Success,
        _ => Color.Default,
    };

    private async Task ReloadAsync() => _periods = await Periods.ListAllAsync(Actor!, CancellationToken.None);

    private Task CreateAsync()
    {
        if (_opensOn is null || _dueOn is null || _closesOn is null)
        {
            _message = L["Period_DatesRequired"];
            return Task.CompletedTask;
        }

        var input = new NewPeriod(_code ?? string.Empty, _strategyId, DateOnly.FromDateTime(_opensOn.Value), DateOnly.FromDateTime(_dueOn.Value), DateOnly.FromDateTime(_closesOn.Value));
        return RunAsync(async () =>
        {
            await Periods.CreateAsync(Actor!, input, CancellationToken.None);
            _code = null;
            return L["Period_Created", input.Code.Trim().ToUpperInvariant()];
        });
    }

    private Task OpenAsync(PeriodRow period) => RunAsync(async () =>
    {
        var created = await Periods.OpenAsync(Actor!, period.Id, CancellationToken.None);
        return L["Period_Opened", period.Code, created];
    });

    private async Task CloseAsync(PeriodRow period)
    {
        if (await ConfirmAsync(L["Period_ConfirmClose", period.Code]))
        {
            await RunAsync(async () =>
            {
                await Periods.CloseAsync(Actor!, period.Id, CancellationToken.None);
                return L["Period_Closed", period.Code];
            });
        }
    }

    private async Task PublishAsync(PeriodRow period)
    {
        if (await ConfirmAsync(L["Period_ConfirmPublish", period.Code, period.ObjectionWindowDays]))
        {
            await RunAsync(async () =>
            {
                await Periods.PublishAsync(Actor!, period.Id, CancellationToken.None);
                return L["Period_Published", period.Code];
            });
        }
    }

    private async Task<bool> ConfirmAsync(string message) =>
        await Dialogs.ShowMessageBoxAsync(L["Confirm"], message, yesText: L["Confirm"], cancelText: L["Cancel"]) == true;

    private async Task RunAsync(Func<Task<string>> action)
    {
        _message = null;
        try
        {
            Snackbar.Add(await action(), Severity.Success);
            await ReloadAsync();
        }
        catch (Exception e) when (UiMessages.IsExpected(e))
        {
            _message = UiMessages.Describe(e, L);
        }
    }
}
