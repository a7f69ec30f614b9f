using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Scores;

/// <summary>
/// Why a revision of a period's scores was made. The reasons the platform writes itself are stored as a code with
/// their facts (<c>ObjectionUpheld:12:P1.1.2</c>), not as an English sentence, so that each language words them;
/// the sentences stored before (<c>Objection 12 upheld: P1.1.2</c>) are read the same way. A reason a person
/// typed is shown as typed.
/// </summary>
public static partial class RevisionReason
{
    public const string Published = "Published";

    private const string ObjectionUpheldCode = "ObjectionUpheld";

    public static string ObjectionUpheld(int objectionId, string indicatorCode) => $"{ObjectionUpheldCode}:{objectionId}:{indicatorCode}";

    public static string Show(IStringLocalizer<SharedResource> localizer, string reason)
    {
        if (reason == Published)
        {
            return localizer["Revisions_Published"];
        }

        var upheld = reason.Split(':', 3) is [ObjectionUpheldCode, var id, var code] ? (id, code) : OldUpheld(reason);
        return upheld is var (objection, indicator) ? localizer["Revisions_ObjectionUpheld", objection, Bidi.Ltr(indicator)] : reason;
    }

    private static (string Id, string Code)? OldUpheld(string reason) =>
        OldUpheldSentence().Match(reason) is { Success: true } match ? (match.Groups[1].Value, match.Groups[2].Value) : null;

    [GeneratedRegex(@"^Objection (\d+) upheld: (\S+)$")]
    private static partial Regex OldUpheldSentence();
}
