namespace StrategyGov.Web.Localization;

/// <summary>
/// Keeps left-to-right fragments (period codes like 2026-Q4, dates, signed numbers) in order inside
/// Arabic text. Without isolation the bidi algorithm shows "2026-Q4" as "Q4-2026" and "+2.5" as "2.5+".
/// Works in HTML, in PDF footers and in plain strings alike.
/// </summary>
public static class Bidi
{
    private const char LeftToRightIsolate = '\u2066';
    private const char PopDirectionalIsolate = '\u2069';
    private const char FirstStrongIsolate = '\u2068';

    /// <summary>
    /// Isolates text whose direction is not known in advance (a person's name, a title someone typed) so
    /// that it neither takes nor gives direction to what surrounds it: "Spokesperson: بدر" keeps its colon.
    /// </summary>
    public static string Isolate(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : FirstStrongIsolate + text + PopDirectionalIsolate;

    public static string Ltr(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : LeftToRightIsolate + text + PopDirectionalIsolate;

    /// <summary>Removes the isolation marks (and the other bidi controls) e.g. before comparing extracted text.</summary>
    public static string Strip(string text) =>
        new(text.Where(c => c is not ('\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))).ToArray());
}
