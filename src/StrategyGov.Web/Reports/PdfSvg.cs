using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace StrategyGov.Web.Reports;

/// <summary>SVG pieces shared by the report charts.</summary>
public static class PdfSvg
{
    /// <summary>
    /// An SVG text element (Razor reserves &lt;text&gt; inside code blocks). Its direction follows the page,
    /// so "start" is the right edge in Arabic.
    /// </summary>
    public static MarkupString Text(decimal x, decimal y, decimal size, string anchor, string content, string? font = null, string fill = "#1f2933")
    {
        var family = font is null ? "" : $" font-family=\"{font}\"";
        return new MarkupString(string.Create(CultureInfo.InvariantCulture,
            $"<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\" text-anchor=\"{anchor}\" fill=\"{fill}\"{family}>{System.Net.WebUtility.HtmlEncode(content)}</text>"));
    }
}
