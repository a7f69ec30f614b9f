namespace StrategyGov.Web.Features.Shared;

/// <summary>
/// How long a text a user writes may be (docs/decisions/0100). Kept well below what one SignalR message
/// carries (32 KB; 2,000 Arabic characters are about 4 KB) and what the columns hold (4,000), so a long
/// comment is refused with a message instead of dropping the page's connection or failing on PostgreSQL.
/// </summary>
public static class TextLimits
{
    /// <summary>Comments, justifications, review comments, return messages, objection reasons.</summary>
    public const int Note = 2000;

    /// <summary>Throws <see cref="Security.RuleViolationException"/> (<c>Validation_TooLong</c>) when the trimmed text is longer than <paramref name="max"/>.</summary>
    public static void Ensure(string? text, int max = Note)
    {
        if (text is not null && text.Trim().Length > max)
        {
            throw new Security.RuleViolationException("Validation_TooLong", max);
        }
    }
}
