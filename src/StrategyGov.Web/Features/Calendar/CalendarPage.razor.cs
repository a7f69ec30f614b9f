using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Calendar;

public enum CalendarView
{
    Month,
    Week,
    List,
}

/// <summary>The unified calendar: month, week or list of what the user may see, the clashes they are told about, their feed.</summary>
public sealed partial class CalendarPage
{
    /// <summary>The list shows a quarter from the chosen month, so the coming weeks are always in it.</summary>
    private const int ListMonths = 3;

    private CalendarLookups? _lookups;
    private IReadOnlyList<CalendarEntryRow>? _rows;
    private IReadOnlyList<CalendarEntryRow>? _clashes;
    private CalendarFilters? _filters;
    private CalendarView _view;
    private DateOnly _anchor;
    private DateOnly _today;

    [CascadingParameter] private Actor? Actor { get; set; }

    [Inject] private CalendarService Calendar { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    /// <summary>month (default), week or list.</summary>
    [SupplyParameterFromQuery(Name = "view")] private string? ViewName { get; set; }

    /// <summary>Any day of the period to open (yyyy-MM-dd); today by default.</summary>
    [SupplyParameterFromQuery(Name = "date")] private string? DateText { get; set; }

    private static bool Arabic => Bilingual.IsArabic();

    private (DateOnly First, DateOnly Last) Range => _view switch
    {
        CalendarView.Week => (CalendarDates.StartOfWeek(_anchor), CalendarDates.StartOfWeek(_anchor).AddDays(6)),
        CalendarView.List => (new DateOnly(_anchor.Year, _anchor.Month, 1), new DateOnly(_anchor.Year, _anchor.Month, 1).AddMonths(ListMonths).AddDays(-1)),
        _ => MonthView.Range(_anchor),
    };

    private string PeriodTitle => _view switch
    {
        CalendarView.Week => $"{CalendarDates.Gregorian(Range.First)} – {CalendarDates.Gregorian(Range.Last)}",
        CalendarView.List => $"{CalendarDates.MonthTitle(Range.First)} – {CalendarDates.MonthTitle(Range.Last)}",
        _ => CalendarDates.MonthTitle(_anchor),
    };

    private string ExportUrl => $"calendar/export.xlsx?from={Range.First:yyyy-MM-dd}&to={Range.Last:yyyy-MM-dd}";

    protected override async Task OnInitializedAsync()
    {
        _today = Calendar.Today;
        _view = Enum.TryParse<CalendarView>(ViewName, ignoreCase: true, out var view) ? view : CalendarView.Month;
        _anchor = DateOnly.TryParseExact(DateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : _today;
        _lookups = await Calendar.LookupsAsync(Aborted);
    }

    protected override Task OnParametersSetAsync() => Actor is null ? Task.CompletedTask : ReloadAsync();

    private async Task ReloadAsync()
    {
        var query = _filters?.Query(Range.First, Range.Last) ?? new CalendarQuery(Range.First, Range.Last);
        _rows = await Calendar.ListAsync(Actor!, query, Aborted);
        _clashes = await Calendar.ClashesAsync(Actor!, Aborted);
    }

    private Task FiltersChangedAsync(CalendarFilters filters)
    {
        _filters = filters;
        return ReloadAsync();
    }

    private Task ViewChangedAsync(CalendarView view)
    {
        _view = view;
        return ReloadAsync();
    }

    private Task MoveAsync(int direction)
    {
        _anchor = _view == CalendarView.Week ? _anchor.AddDays(7 * direction) : new DateOnly(_anchor.Year, _anchor.Month, 1).AddMonths(direction);
        return ReloadAsync();
    }

    private Task TodayAsync()
    {
        _anchor = _today;
        return ReloadAsync();
    }

    private async Task NewEntryAsync()
    {
        var start = _anchor < _today ? _today : _anchor;
        await EditAsync(new CalendarEntryForm { StartDate = start, EndDate = start }, "Calendar_NewEntry");
    }

    private async Task OpenAsync(CalendarEntryRow row)
    {
        if (row.Link is { } link)
        {
            Navigation.NavigateTo(link);
            return;
        }

        var entry = await Calendar.GetAsync(Actor!, row.Id, Aborted);
        var parameters = new DialogParameters<EntryDetailsDialog> { { d => d.Entry, entry }, { d => d.Actor, Actor! } };
        var dialog = await Dialogs.ShowAsync<EntryDetailsDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: EntryDetailsDialog.EditAction })
        {
            await EditAsync(await Calendar.FormAsync(Actor!, row.Id, Aborted), "Calendar_EditEntry");
        }
        else if (result is { Canceled: false })
        {
            await ReloadAsync();
        }
    }

    private async Task EditAsync(CalendarEntryForm form, string titleKey)
    {
        var parameters = new DialogParameters<EntryFormDialog> { { d => d.Form, form }, { d => d.Lookups, _lookups! }, { d => d.Actor, Actor! } };
        var dialog = await Dialogs.ShowAsync<EntryFormDialog>(L[titleKey], parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            await ReloadAsync();
        }
    }
}
