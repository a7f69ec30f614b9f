using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using StrategyGov.Data.Inquiries;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Inquiries;

/// <summary>
/// The working calendar the clocks run on, the days off and other hours, and the targets per kind: read by
/// everyone, kept by a center administrator. Hours may be typed in Arabic-Indic digits.
/// </summary>
public partial class InquirySettingsPage
{
    private static readonly DayOfWeek[] WeekDays =
        [DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private CalendarSettingsView? _view;
    private HashSet<DayOfWeek> _days = [];
    private string? _start;
    private string? _end;
    private string? _zone;
    private string? _warn;
    private string? _grace;
    private List<TargetForm> _targets = [];
    private string? _message;

    [Inject] private InquirySettingsService Settings { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Inject] private IOptions<PlatformOptions> Platform { get; set; } = null!;

    [CascadingParameter] private Actor? Actor { get; set; }

    private TimeZoneInfo Zone => Platform.Value.TimeZoneInfo;

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        if (Actor is null)
        {
            return;
        }

        _message = await LoadAsync(async ct =>
        {
            _view = await Settings.GetAsync(Actor, ct);
            _days = _view.Days.ToHashSet();
            _start = _view.StartsAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            _end = _view.EndsAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            _zone = _view.TimeZone;
            _warn = InquiryText.Hours(_view.WarnBeforeMinutes);
            _grace = InquiryText.Hours(_view.CenterGraceMinutes);
            _targets = _view.Targets.Select(t => new TargetForm(t.Kind) { FirstResponse = InquiryText.Hours(t.FirstResponseMinutes), Answer = InquiryText.Hours(t.AnswerMinutes) }).ToList();
        });
    }

    private void Toggle(DayOfWeek day, bool on)
    {
        if (on)
        {
            _days.Add(day);
        }
        else
        {
            _days.Remove(day);
        }
    }

    private async Task SaveCalendarAsync()
    {
        if (InquiryText.ParseTime(_start) is not { } start || InquiryText.ParseTime(_end) is not { } end)
        {
            _message = L["InquirySettings_HoursOrder"];
            return;
        }

        if (InquiryText.ParseHoursAsMinutes(_warn) is not { } warn || InquiryText.ParseHoursAsMinutes(_grace) is not { } grace)
        {
            _message = L["Inquiry_NotANumber"];
            return;
        }

        await SaveAsync(ct => Settings.SaveCalendarAsync(Actor!, new CalendarInput(_zone ?? string.Empty, _days.ToList(), start, end, warn, grace), ct));
    }

    private async Task SaveTargetsAsync()
    {
        var targets = new List<TargetRow>();
        foreach (var target in _targets)
        {
            if (InquiryText.ParseHoursAsMinutes(target.FirstResponse) is not { } first || InquiryText.ParseHoursAsMinutes(target.Answer) is not { } answer)
            {
                _message = L["Inquiry_NotANumber"];
                return;
            }

            targets.Add(new TargetRow(target.Kind, first, answer));
        }

        await SaveAsync(ct => Settings.SaveTargetsAsync(Actor!, targets, ct));
    }

    private async Task SaveAsync(Func<CancellationToken, Task> change)
    {
        _message = await ChangeAsync(change);
        if (_message is null)
        {
            Snackbar.Add(L["Saved"], Severity.Success);
            await ReloadAsync();
        }
    }

    private sealed class TargetForm(InquiryKind kind)
    {
        public InquiryKind Kind { get; } = kind;

        public string? FirstResponse { get; set; }

        public string? Answer { get; set; }
    }
}
