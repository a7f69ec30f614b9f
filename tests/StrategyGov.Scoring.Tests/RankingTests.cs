namespace StrategyGov.Scoring.Tests;

// docs/scoring.md §6 Ranking and the national index: ties share a rank ("1224" competition ranking),
// decided on the displayed value; N/A is not ranked.
public sealed class RankingTests
{
    [Fact]
    public void CompetitionRanks_TieForSecond_Gives1224()
    {
        decimal?[] scores = [90m, 80m, 80m, 70m];

        var ranks = Ranking.CompetitionRanks(scores);

        Assert.Equal([1, 2, 2, 4], ranks);
    }

    [Fact]
    public void CompetitionRanks_TieForFirst_Gives1134()
    {
        decimal?[] scores = [90m, 90m, 80m, 70m];

        var ranks = Ranking.CompetitionRanks(scores);

        Assert.Equal([1, 1, 3, 4], ranks);
    }

    [Fact]
    public void CompetitionRanks_ScoresShownAlike_ShareARank()
    {
        // 75.26 and 75.31 both show as 75.3; 75.24 shows as 75.2.
        decimal?[] scores = [75.26m, 75.31m, 75.24m];

        var ranks = Ranking.CompetitionRanks(scores);

        Assert.Equal([1, 1, 3], ranks);
    }

    [Fact]
    public void CompetitionRanks_MidpointRoundsUpIntoTie_SharesRank()
    {
        // 79.95 shows as 80.0, like 80.04.
        decimal?[] scores = [79.95m, 80.04m, 80.05m];

        var ranks = Ranking.CompetitionRanks(scores);

        // 80.05 shows 80.1 (first), the other two share 80.0 (second).
        Assert.Equal([2, 2, 1], ranks);
    }

    [Fact]
    public void CompetitionRanks_NotApplicable_IsNotRankedAndTakesNoPlace()
    {
        decimal?[] scores = [null, 50m, 60m, null];

        var ranks = Ranking.CompetitionRanks(scores);

        Assert.Equal([null, 2, 1, null], ranks);
    }

    [Fact]
    public void CompetitionRanks_UnsortedInput_ReturnsRanksInInputOrder()
    {
        decimal?[] scores = [10m, 40m, 30m, 40m, 20m];

        var ranks = Ranking.CompetitionRanks(scores);

        // sorted: 40, 40, 30, 20, 10 → 1, 1, 3, 4, 5
        Assert.Equal([5, 1, 3, 1, 4], ranks);
    }

    [Fact]
    public void CompetitionRanks_AllTied_AllFirst()
    {
        decimal?[] scores = [0m, 0m, 0m];

        var ranks = Ranking.CompetitionRanks(scores);

        Assert.Equal([1, 1, 1], ranks);
    }

    [Fact]
    public void CompetitionRanks_Empty_ReturnsEmpty()
    {
        decimal?[] scores = [];

        var ranks = Ranking.CompetitionRanks(scores);

        Assert.Empty(ranks);
    }
}
