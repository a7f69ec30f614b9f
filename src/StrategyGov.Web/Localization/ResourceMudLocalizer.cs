using Microsoft.Extensions.Localization;
using MudBlazor;

namespace StrategyGov.Web.Localization;

/// <summary>
/// MudBlazor's own texts (pager, date picker, close buttons, validation) from the project's resources, under
/// MudBlazor's key names (<c>MudDataGridPager_RowsPerPage</c>, …), so that no English is left on an Arabic page.
/// A key missing here falls back to MudBlazor's English.
/// </summary>
public sealed class ResourceMudLocalizer(IStringLocalizer<SharedResource> strings) : MudLocalizer
{
    public override LocalizedString this[string key] => strings[key];

    public override LocalizedString this[string key, params object[] arguments] => strings[key, arguments];
}
