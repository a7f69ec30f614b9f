using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Web.Hosting;

namespace StrategyGov.Web.Features.Scores;

/// <summary>
/// Reads every answer of the given submissions (a period's counted ones: 3,000,000 answers for 10,000
/// institutions × 300 indicators) into one <see cref="AnswerSheet"/> per submission, all kept in a
/// single array. Each submission's answers come packed in one row (<see cref="PackedAnswers"/>, ADR 0092);
/// only submissions without a packed value have their answers read one row each, by the LINQ below.
/// Both reads run in as many partitions as there are cores, each a range of submission ids on its own
/// connection, and read EF Core's command for the LINQ with ADO.NET: the same code on both databases.
/// </summary>
internal static class PeriodAnswerReader
{
    public static async Task<IReadOnlyDictionary<int, AnswerSheet>> ReadAsync(
        IDbContextFactory<StrategyGovDbContext> dbFactory,
        AnswerSheetLayout layout,
        IReadOnlyDictionary<int, string> indicatorCodes,
        IReadOnlyList<int> submissionIds,
        CancellationToken ct,
        bool packed = true)
    {
        var size = layout.Codes.Count;
        var storage = new AnswerInput[submissionIds.Count * size];
        var target = new Target(storage, new Dictionary<int, int>(submissionIds.Count), new Dictionary<int, int>(indicatorCodes.Count));
        var sheets = new Dictionary<int, AnswerSheet>(submissionIds.Count);
        for (var i = 0; i < submissionIds.Count; i++)
        {
            target.Offsets[submissionIds[i]] = i * size;
            sheets[submissionIds[i]] = new AnswerSheet(layout, storage, i * size);
        }

        foreach (var (id, code) in indicatorCodes)
        {
            if (layout.TryGetPosition(code, out var position))
            {
                target.Positions[id] = position;
            }
        }

        // The packed answers first (one row per submission); the answers themselves only of submissions
        // without a packed value, e.g. one changed outside the app and not packed again yet.
        // (packed: false, for tests and the benchmark, reads every answer row.)
        IReadOnlyCollection<int> missing = packed ? await InPartsAsync(submissionIds, chunk => ReadPackedPartAsync(dbFactory, chunk, target, ct), ct) : submissionIds;
        if (packed && missing.Count > 0)
        {
            Telemetry.ScoringUnpackedSubmissions.Add(missing.Count);
        }

        await InPartsAsync(missing, chunk => ReadPartAsync(dbFactory, chunk, target, ct), ct);
        return sheets;
    }

    /// <summary>
    /// Runs <paramref name="read"/> on as many partitions as there are cores, each a contiguous range of
    /// the ids with the same number of them, so that each seeks into its own part of the index instead
    /// of visiting every row and keeping some. Returns the ids the reads report as not found.
    /// </summary>
    private static async Task<int[]> InPartsAsync(IReadOnlyCollection<int> submissionIds, Func<int[], Task<int[]>> read, CancellationToken ct)
    {
        if (submissionIds.Count == 0)
        {
            return [];
        }

        var parts = Math.Clamp(Environment.ProcessorCount, 1, 4);
        var sorted = submissionIds.Order().ToArray();
        var chunks = sorted.Chunk((sorted.Length + parts - 1) / parts);
        var notFound = await Task.WhenAll(chunks.Select(chunk => Task.Run(() => read(chunk), ct)));
        return notFound.SelectMany(ids => ids).Order().ToArray();
    }

    /// <summary>Whether the range of these sorted ids holds more than twice as many ids: then they are listed for the server.</summary>
    private static bool IsSparse(int[] sortedIds) => sortedIds[^1] - sortedIds[0] + 1 > 2 * sortedIds.Length;

    /// <summary>The packed answers of a range of submission ids (ADR 0092); returns the ids without one.</summary>
    private static async Task<int[]> ReadPackedPartAsync(IDbContextFactory<StrategyGovDbContext> dbFactory, int[] submissionIds, Target target, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (first, last) = (submissionIds[0], submissionIds[^1]);
        var packed = db.PackedAnswers.AsNoTracking().Where(p => p.SubmissionId >= first && p.SubmissionId <= last);
        if (IsSparse(submissionIds))
        {
            packed = packed.Where(p => submissionIds.Contains(p.SubmissionId));
        }

        await using var command = packed.Select(p => new { p.SubmissionId, p.Data }).CreateDbCommand();
        await db.Database.OpenConnectionAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var found = new HashSet<int>(submissionIds.Length);
        var sink = new PackedSink(target.Writer());
        while (await reader.ReadAsync(ct))
        {
            sink.SubmissionId = reader.GetInt32(0);
            if (target.Offsets.ContainsKey(sink.SubmissionId)
                && AnswerPacking.TryUnpack(reader.GetFieldValue<byte[]>(1), ref sink))
            {
                found.Add(sink.SubmissionId);
            }
        }

        return submissionIds.Where(id => !found.Contains(id)).ToArray();
    }

    /// <summary>Hands a packed submission's answers to the writer.</summary>
    private struct PackedSink(Writer writer) : IPackedAnswerSink
    {
        private Writer _writer = writer;

        public int SubmissionId { get; set; }

        public void Set(int indicatorId, AnswerInput answer) => _writer.Set(SubmissionId, indicatorId, answer);
    }

    /// <summary>The answers themselves of a range of submission ids; returns no id (each has all its answers, maybe none).</summary>
    private static async Task<int[]> ReadPartAsync(IDbContextFactory<StrategyGovDbContext> dbFactory, int[] submissionIds, Target target, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // The rows of the partition's range of submission ids, straight from the covering index; rows of
        // submissions not asked for (drafts, another period's) are dropped by the writer. A period's
        // submissions are created together, so their ids are mostly contiguous. Only when the range holds
        // more than twice as many ids as asked for are the ids also listed for the server to filter on
        // (a join with the submissions had cost a lookup per row: ≈ 20 % of the SQLite read).
        var (first, last) = (submissionIds[0], submissionIds[^1]);
        var answers = db.Answers.AsNoTracking().Where(a => a.SubmissionId >= first && a.SubmissionId <= last);
        if (IsSparse(submissionIds))
        {
            answers = answers.Where(a => submissionIds.Contains(a.SubmissionId));
        }

        // Columns are read by position below: keep this projection's order. The decision comes as a
        // number (0 = none) so that no string is read per row.
        var query = answers
            .Select(a => new
            {
                a.SubmissionId,
                a.IndicatorId,
                a.Value,
                a.NotApplicable,
                Decision = a.Decision == ReviewDecision.Accepted ? 1
                    : a.Decision == ReviewDecision.Adjusted ? 2
                    : a.Decision == ReviewDecision.Rejected ? 3
                    : 0,
                a.VerifiedValue,
            });
        await using var command = query.CreateDbCommand();
        await db.Database.OpenConnectionAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var row = target.Writer();
        while (await reader.ReadAsync(ct))
        {
            // Decimals as EF Core reads them: binary on PostgreSQL, parsed from the stored text on SQLite.
            row.Set(
                reader.GetInt32(0),
                reader.GetInt32(1),
                new AnswerInput(
                    reader.IsDBNull(2) ? null : reader.GetDecimal(2),
                    reader.GetBoolean(3),
                    DecisionOf(reader.GetInt32(4)),
                    reader.IsDBNull(5) ? null : reader.GetDecimal(5)));
        }

        return [];
    }

    private static ReviewDecision? DecisionOf(int code) => code == 0 ? null : (ReviewDecision)(code - 1);

    /// <summary>Where each row goes: the submission's sheet offset plus the indicator's position.</summary>
    private sealed record Target(AnswerInput[] Storage, Dictionary<int, int> Offsets, Dictionary<int, int> Positions)
    {
        public Writer Writer() => new(this);
    }

    /// <summary>One partition's writes; rows come grouped by submission, so its offset is looked up once per group.</summary>
    private struct Writer(Target target)
    {
        private int _submissionId = -1;
        private int _offset = -1;

        public void Set(int submissionId, int indicatorId, AnswerInput answer)
        {
            if (submissionId != _submissionId)
            {
                _submissionId = submissionId;
                _offset = target.Offsets.GetValueOrDefault(submissionId, -1);
            }

            // An answer to an indicator of another version cannot be scored against this one.
            if (_offset >= 0 && target.Positions.TryGetValue(indicatorId, out var position))
            {
                target.Storage[_offset + position] = answer;
            }
        }
    }
}
