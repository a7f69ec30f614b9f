using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Audit;

/// <summary>The audit trail, filtered and paged on the server; CenterAdmin also verifies the chain here.</summary>
public partial class AuditPage
{
    private MudTable<AuditRow>? _table;
    private AuditFilterOptions? _options;
    private string? _entityType;
    private int? _institutionId;
    private string? _actorText;
    private DateTime? _from;
    private DateTime? _to;
    private string? _text;

    [Inject] private AuditService Audit { get; set; } = null!;

    [Inject] private IOptions<PlatformOptions> Platform { get; set; } = null!;

    [CascadingParameter] private Actor? Actor { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (Actor is not null)
        {
            _options = await Audit.FilterOptionsAsync(Actor, Aborted);
        }
    }

    private async Task<TableData<AuditRow>> LoadPageAsync(TableState state, CancellationToken ct)
    {
        if (Actor is null)
        {
            return new TableData<AuditRow> { Items = [], TotalItems = 0 };
        }

        var filter = new AuditFilter(
            _entityType, _institutionId, _actorText,
            _from is { } from ? DateOnly.FromDateTime(from) : null,
            _to is { } to ? DateOnly.FromDateTime(to) : null,
            _text);
        var page = await Audit.BrowseAsync(Actor, filter, state.Page, state.PageSize, ct);
        return new TableData<AuditRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private Task SearchAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private Task ClearAsync()
    {
        (_entityType, _institutionId, _actorText, _from, _to, _text) = (null, null, null, null, null, null);
        return SearchAsync();
    }
}
