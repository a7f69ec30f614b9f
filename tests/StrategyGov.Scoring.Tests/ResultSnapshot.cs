using System.Globalization;

namespace StrategyGov.Scoring.Tests;

/// <summary>
/// Flattens results into lines of text holding every number of the explanation tree, so two results
/// can be compared in full (records compare their lists by reference, not by content).
/// </summary>
internal static class ResultSnapshot
{
    public static IReadOnlyList<string> Of(Scoreboard board)
    {
        var lines = new List<string>
        {
            Line("national", board.National.Verified, board.National.SelfReported, board.National.Institutions),
        };
        foreach (var (type, index) in board.Peers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            lines.Add(Line("peer", type, index.Verified, index.SelfReported, index.Institutions));
        }

        foreach (var entry in board.Entries)
        {
            lines.Add(Line("entry", entry.Band?.Code, entry.NationalRank, entry.PeerRank));
            lines.AddRange(Of(entry.Result));
        }

        return lines;
    }

    public static IReadOnlyList<string> Of(InstitutionResult result)
    {
        var lines = new List<string>
        {
            Line(result.Key, result.InstitutionType, result.Status, result.SelfReported, result.Verified,
                result.ApplicableCount, result.AnsweredCount, result.Provisional, result.Completeness),
        };
        foreach (var pillar in result.Pillars)
        {
            lines.Add(Line(pillar.Code, pillar.Weight, pillar.Self, pillar.Verified));
            foreach (var practice in pillar.Practices)
            {
                lines.Add(Line(practice.Code, practice.Weight, practice.Self, practice.Verified));
                foreach (var i in practice.Indicators)
                {
                    lines.Add(Line(i.Code, i.Weight, i.State, i.Value, i.Decision, i.VerifiedValue, i.Provisional, i.Self, i.Verified));
                }
            }
        }

        return lines;
    }

    private static string Line(params object?[] parts) =>
        string.Join('|', parts.Select(part => part switch
        {
            null => "null",
            ScoreNode node => $"{Text(node.Score)}@{Text(node.Share)}",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => part.ToString(),
        }));

    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";
}
