namespace StrategyGov.Scoring;

/// <summary>Competition ("1224") ranking on displayed scores.</summary>
public static class Ranking
{
    /// <summary>
    /// Ranks scores from highest to lowest, deciding on the displayed (rounded) value, so two scores
    /// shown as 75.3 share a rank and the next one skips (1, 2, 2, 4). N/A scores are not ranked (null).
    /// The result is in the order of the input.
    /// </summary>
    public static int?[] CompetitionRanks(IReadOnlyList<decimal?> scores)
    {
        var shown = new decimal?[scores.Count];
        for (var i = 0; i < shown.Length; i++)
        {
            shown[i] = ScoreDisplay.Round(scores[i]);
        }

        var order = Enumerable.Range(0, shown.Length)
            .Where(i => shown[i].HasValue)
            .OrderByDescending(i => shown[i]!.Value)
            .ToArray();

        var ranks = new int?[shown.Length];
        for (var position = 0; position < order.Length; position++)
        {
            var index = order[position];
            ranks[index] = position > 0 && shown[order[position - 1]] == shown[index]
                ? ranks[order[position - 1]]
                : position + 1;
        }

        return ranks;
    }
}
