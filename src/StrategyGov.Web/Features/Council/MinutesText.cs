using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace StrategyGov.Web.Features.Council;

/// <summary>
/// Minutes as people type them, made safe to show: every character is HTML-encoded first, then a little
/// Markdown is turned into markup of our own — a line starting "# " or "## " is a heading, lines starting
/// "- ", "* " or "• " a bulleted list, lines starting "1." or "1)" (any digits) a numbered list, **text**
/// bold, and blank lines separate paragraphs. Nothing a user writes ever reaches the page as markup.
/// </summary>
public static partial class MinutesText
{
    public static MarkupString ToMarkup(string? text, string headingTag = "h3") => new(ToHtml(text, headingTag));

    public static string ToHtml(string? text, string headingTag = "h3")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var html = new StringBuilder();
        string? openList = null;
        var paragraph = new List<string>();

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                html.Append("<p dir=\"auto\">").Append(string.Join("<br />", paragraph)).Append("</p>");
                paragraph.Clear();
            }
        }

        void CloseList()
        {
            if (openList is not null)
            {
                html.Append("</").Append(openList).Append('>');
                openList = null;
            }
        }

        void ListItem(string tag, string content)
        {
            FlushParagraph();
            if (openList != tag)
            {
                CloseList();
                html.Append('<').Append(tag).Append(" dir=\"auto\">");
                openList = tag;
            }

            html.Append("<li>").Append(content).Append("</li>");
        }

        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                FlushParagraph();
                CloseList();
                continue;
            }

            if (Heading().Match(line) is { Success: true } heading)
            {
                FlushParagraph();
                CloseList();
                html.Append('<').Append(headingTag).Append(" dir=\"auto\">").Append(Inline(heading.Groups["text"].Value)).Append("</").Append(headingTag).Append('>');
            }
            else if (Bullet().Match(line) is { Success: true } bullet)
            {
                ListItem("ul", Inline(bullet.Groups["text"].Value));
            }
            else if (Numbered().Match(line) is { Success: true } numbered)
            {
                ListItem("ol", Inline(numbered.Groups["text"].Value));
            }
            else
            {
                CloseList();
                paragraph.Add(Inline(line));
            }
        }

        FlushParagraph();
        CloseList();
        return html.ToString();
    }

    /// <summary>Encodes the text, then makes **bold** bold (the asterisks are not special to HTML, so they survive encoding).</summary>
    private static string Inline(string text) => Bold().Replace(WebUtility.HtmlEncode(text), "<strong>$1</strong>");

    [GeneratedRegex(@"^#{1,3}\s+(?<text>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[-*•]\s+(?<text>.+)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^[0-9\u0660-\u0669\u06F0-\u06F9]{1,3}[.)]\s+(?<text>.+)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();
}
