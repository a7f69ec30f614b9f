namespace StrategyGov.Scoring;

/// <summary>One institution on the scoreboard.</summary>
/// <param name="Result">Its scores and explanation tree.</param>
/// <param name="Band">Maturity band of the verified overall score; null when N/A.</param>
/// <param name="NationalRank">Rank by verified overall score among all institutions; null when N/A.</param>
/// <param name="PeerRank">Rank among institutions of the same type; null when N/A.</param>
public sealed record ScoreboardEntry(InstitutionResult Result, MaturityBand? Band, int? NationalRank, int? PeerRank);

/// <summary>The mean overall score of a group of institutions expected to report.</summary>
/// <param name="Verified">Mean verified overall score (non-submitters count with 0); null when no institution has a score.</param>
/// <param name="SelfReported">Mean self-reported overall score, the same way.</param>
/// <param name="Institutions">Institutions counted in the mean.</param>
public sealed record GroupIndex(decimal? Verified, decimal? SelfReported, int Institutions);

/// <summary>How many institutions fall in one maturity band.</summary>
/// <param name="Band">The band.</param>
/// <param name="Institutions">Institutions whose verified overall score is in the band.</param>
public sealed record BandCount(MaturityBand Band, int Institutions);

/// <summary>A period's scores across institutions: ranks, the national index and peer-group indexes.</summary>
/// <param name="Entries">One entry per input institution, in input order.</param>
/// <param name="National">The national index over every institution given.</param>
/// <param name="Peers">The index of each institution type (peer group).</param>
public sealed record Scoreboard(
    IReadOnlyList<ScoreboardEntry> Entries,
    GroupIndex National,
    IReadOnlyDictionary<string, GroupIndex> Peers)
{
    /// <summary>
    /// Scores every institution expected to report in a period (pass all of them: non-submitters
    /// count with 0 in the national index) and ranks them nationally and within their type.
    /// An institution whose every pillar is N/A has no overall score: it is neither ranked nor counted.
    /// </summary>
    public static Scoreboard Build(ScoringFramework framework, IReadOnlyList<InstitutionInput> institutions)
    {
        // Institutions are scored independently, each into its own slot: the board is the same whatever
        // the order the threads finish in.
        var results = new InstitutionResult[institutions.Count];
        Parallel.For(0, results.Length, i => results[i] = ScoringEngine.Score(framework, institutions[i]));

        return FromResults(framework.Bands, results);
    }

    /// <summary>
    /// Ranks, bands and indexes results already scored (e.g. read back from a stored snapshot) exactly
    /// as <see cref="Build"/> does.
    /// </summary>
    public static Scoreboard FromResults(MaturityBands bands, IReadOnlyList<InstitutionResult> results)
    {
        var nationalRanks = Ranking.CompetitionRanks(results.Select(r => r.Verified).ToArray());
        var peerRanks = new int?[results.Count];
        var peers = new Dictionary<string, GroupIndex>(StringComparer.Ordinal);
        foreach (var group in Enumerable.Range(0, results.Count).GroupBy(i => results[i].InstitutionType, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            var ranks = Ranking.CompetitionRanks(members.Select(i => results[i].Verified).ToArray());
            for (var m = 0; m < members.Length; m++)
            {
                peerRanks[members[m]] = ranks[m];
            }

            peers[group.Key] = IndexOf(members.Select(i => results[i]));
        }

        var entries = new ScoreboardEntry[results.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var verified = results[i].Verified;
            entries[i] = new ScoreboardEntry(
                results[i],
                verified is { } score ? bands.BandOf(score) : null,
                nationalRanks[i],
                peerRanks[i]);
        }

        return new Scoreboard(entries, IndexOf(results), peers);
    }

    /// <summary>
    /// Institutions per maturity band, from the lowest band to the highest (bands with none included).
    /// Institutions without an overall score are in no band.
    /// </summary>
    public IReadOnlyList<BandCount> BandDistribution(MaturityBands bands) =>
        bands.All
            .Select(band => new BandCount(band, Entries.Count(e => e.Band is { } b && b.Code == band.Code)))
            .ToList();

    /// <summary>
    /// The mean verified score of each pillar over the institutions for which it is not N/A (optionally
    /// one institution type only), in framework order: the rows of the national pillar table and the
    /// columns' summary of the heat map. Non-submitters count with 0 as in the national index.
    /// </summary>
    public IReadOnlyDictionary<string, decimal?> PillarMeans(string? institutionType = null)
    {
        var sums = new Dictionary<string, (decimal Sum, int Count)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var entry in Entries)
        {
            if (institutionType is not null && entry.Result.InstitutionType != institutionType)
            {
                continue;
            }

            foreach (var pillar in entry.Result.Pillars)
            {
                if (!sums.TryGetValue(pillar.Code, out var total))
                {
                    order.Add(pillar.Code);
                }

                sums[pillar.Code] = pillar.Verified.Score is { } score ? (total.Sum + score, total.Count + 1) : total;
            }
        }

        var means = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var code in order)
        {
            var (sum, count) = sums[code];
            means[code] = count == 0 ? null : sum / count;
        }

        return means;
    }

    private static GroupIndex IndexOf(IEnumerable<InstitutionResult> results)
    {
        decimal verified = 0m, self = 0m;
        var count = 0;
        foreach (var result in results)
        {
            if (result.Verified is { } v)
            {
                verified += v;
                self += result.SelfReported ?? 0m;
                count++;
            }
        }

        return count == 0 ? new GroupIndex(null, null, 0) : new GroupIndex(verified / count, self / count, count);
    }
}
