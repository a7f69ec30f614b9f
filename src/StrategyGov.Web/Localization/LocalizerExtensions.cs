using System.Globalization;
using Microsoft.Extensions.Localization;

namespace StrategyGov.Web.Localization;

public static class LocalizerExtensions
{
    /// <summary>A string in a chosen language (a report's), whatever the current UI culture is.</summary>
    public static string WithCulture(this IStringLocalizer localizer, CultureInfo culture, string key)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return localizer[key];
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
