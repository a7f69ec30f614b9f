using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Periods;

/// <summary>Every institution × one period for the center: filter by status, type, lateness or name.</summary>
public partial class StatusBoardPage
{
    private IReadOnlyList<PeriodRow> _periods = [];
    private int _periodId;
    private StatusBoard? _board;
    private BoardStatus? _status;
    private bool _lateOnly;
    private string? _type;
    private string? _search;

    [Inject] private PeriodService Periods { get; set; } = null!;

    [Inject] private StatusBoardService Board { get; set; } = null!;

    [Inject] private PlatformTime Time { get; set; } = null!;

    /// <summary>The period to show first (query string); the current period otherwise.</summary>
    [SupplyParameterFromQuery(Name = "period")] public int? PeriodId { get; set; }

    [CascadingParameter] private Actor? Actor { get; set; }

    private IEnumerable<string> Types => _board!.Rows.Select(r => Bilingual.Pick(r.TypeNameAr, r.TypeNameEn)).Distinct().Order(StringComparer.CurrentCulture);

    private IEnumerable<StatusBoardRow> Filtered => _board!.Rows
        .Where(r => _status is null || r.Status == _status)
        .Where(r => !_lateOnly || r.Late)
        .Where(r => string.IsNullOrEmpty(_type) || Bilingual.Pick(r.TypeNameAr, r.TypeNameEn) == _type)
        .Where(r => string.IsNullOrWhiteSpace(_search)
            || r.InstitutionCode.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase)
            || r.InstitutionNameAr.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase)
            || r.InstitutionNameEn.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase));

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is null)
        {
            return;
        }

        _periods = await Periods.ListStartedAsync(Aborted);
        var chosen = _periods.FirstOrDefault(p => p.Id == PeriodId) ?? PeriodService.Current(_periods);
        if (chosen is not null)
        {
            await SelectPeriodAsync(chosen.Id);
        }
    }

    private async Task SelectPeriodAsync(int periodId)
    {
        _periodId = periodId;
        _board = await Board.GetAsync(Actor!, periodId, Aborted);
    }

    private void ToggleStatus(BoardStatus status) => _status = _status == status ? null : status;

    private string Local(DateTime utc) => Time.DateTimeText(utc);

    private static Color BoardStatusColor(BoardStatus status) => status switch
    {
        BoardStatus.Draft => Color.Default,
        BoardStatus.Submitted => Color.Info,
        BoardStatus.Returned => Color.Warning,
        BoardStatus.Approved => Color.Success,
        _ => Color.Secondary,
    };
}
