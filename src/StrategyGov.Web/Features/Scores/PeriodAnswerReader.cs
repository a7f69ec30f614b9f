using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;
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
/// connection. On SQLite the answer rows are read through the native library directly:
/// Microsoft.Data.Sqlite parses each decimal from a new string, here the text is parsed in place (ADR 0090).
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
        if (command.Connection is SqliteConnection sqlite)
        {
            Native.Read(sqlite, command, target, ct);
        }
        else
        {
            await ReadRowsAsync(command, target, ct);
        }

        return [];
    }

    private static ReviewDecision? DecisionOf(long code) => code == 0 ? null : (ReviewDecision)(code - 1);

    /// <summary>PostgreSQL (sends decimals in binary).</summary>
    private static async Task ReadRowsAsync(DbCommand command, Target target, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var row = target.Writer();
        while (await reader.ReadAsync(ct))
        {
            row.Set(
                reader.GetInt32(0),
                reader.GetInt32(1),
                new AnswerInput(
                    reader.IsDBNull(2) ? null : reader.GetDecimal(2),
                    reader.GetBoolean(3),
                    DecisionOf(reader.GetInt32(4)),
                    reader.IsDBNull(5) ? null : reader.GetDecimal(5)));
        }
    }

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

    /// <summary>
    /// The SQLite path: the statement runs on a read-only connection of its own to the same file opened
    /// without SQLite's per-call mutex (it is used by this one thread only), and the columns are read
    /// with the library's own accessors, which return the stored text without making a string of it.
    /// </summary>
    private static class Native
    {
        private const string Library = "e_sqlite3";

        public static void Read(SqliteConnection connection, DbCommand command, Target target, CancellationToken ct)
        {
            var file = raw.sqlite3_db_filename(connection.Handle!, "main").utf8_to_string();
            if (string.IsNullOrEmpty(file))
            {
                // An in-memory database can only be read through the connection that holds it.
                Read(connection.Handle!, ownsHandle: false, command, target, ct);
                return;
            }

            Check(raw.sqlite3_open_v2(file, out var handle, raw.SQLITE_OPEN_READONLY | raw.SQLITE_OPEN_NOMUTEX, null), handle);
            Read(handle, ownsHandle: true, command, target, ct);
        }

        private static void Read(sqlite3 handle, bool ownsHandle, DbCommand command, Target target, CancellationToken ct)
        {
            try
            {
                raw.sqlite3_busy_timeout(handle, 30_000);
                Check(raw.sqlite3_prepare_v2(handle, command.CommandText, out var statement), handle);
                using (statement)
                {
                    foreach (DbParameter parameter in command.Parameters)
                    {
                        var index = raw.sqlite3_bind_parameter_index(statement, parameter.ParameterName);
                        Check(parameter.Value switch
                        {
                            int or long or short => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(parameter.Value, CultureInfo.InvariantCulture)),
                            string value => raw.sqlite3_bind_text(statement, index, value),
                            var other => throw new NotSupportedException($"Parameter {parameter.ParameterName} of type {other?.GetType().Name}."),
                        }, handle);
                    }

                    Step(statement, handle, target.Writer(), ct);
                }
            }
            finally
            {
                if (ownsHandle)
                {
                    handle.Dispose();
                }
            }
        }

        private static void Step(sqlite3_stmt statement, sqlite3 handle, Writer writer, CancellationToken ct)
        {
            var row = statement.DangerousGetHandle();
            var text = new byte[64];
            int rc;
            for (var n = 0; (rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW; n++)
            {
                if ((n & 0xFFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                writer.Set(
                    (int)sqlite3_column_int64(row, 0),
                    (int)sqlite3_column_int64(row, 1),
                    new AnswerInput(
                        Decimal(row, 2, ref text),
                        sqlite3_column_int64(row, 3) != 0,
                        DecisionOf(sqlite3_column_int64(row, 4)),
                        Decimal(row, 5, ref text)));
            }

            if (rc != raw.SQLITE_DONE)
            {
                Check(rc, handle);
            }
        }

        /// <summary>
        /// A decimal column (EF Core keeps decimals as TEXT on SQLite; a TEXT column stores any number as
        /// text too): null for NULL, else the text parsed as Microsoft.Data.Sqlite's GetDecimal does.
        /// </summary>
        private static decimal? Decimal(IntPtr row, int column, ref byte[] buffer)
        {
            // sqlite3_column_blob returns a TEXT value's bytes as stored (UTF-8), NULL for NULL.
            var pointer = sqlite3_column_blob(row, column);
            if (pointer == IntPtr.Zero)
            {
                return null;
            }

            var length = sqlite3_column_bytes(row, column);
            if (length > buffer.Length)
            {
                buffer = new byte[length];
            }

            Marshal.Copy(pointer, buffer, 0, length);
            return ParseDecimal(buffer.AsSpan(0, length));
        }

        /// <summary>
        /// The decimals EF Core writes ("-12.3400"): digits with an optional sign and point, at most 18
        /// digits, built directly with their scale; anything else goes through decimal.Parse.
        /// </summary>
        internal static decimal ParseDecimal(ReadOnlySpan<byte> text)
        {
            var negative = text.Length > 0 && text[0] == (byte)'-';
            var digits = negative ? text[1..] : text;
            var point = digits.IndexOf((byte)'.');
            var length = digits.Length - (point < 0 ? 0 : 1);
            if (length is > 0 and <= 18 && point != 0 && point != digits.Length - 1)
            {
                long mantissa = 0;
                var valid = true;
                foreach (var b in digits)
                {
                    if (b != (byte)'.')
                    {
                        var digit = b - (byte)'0';
                        valid &= (uint)digit <= 9;
                        mantissa = (mantissa * 10) + digit;
                    }
                }

                if (valid)
                {
                    var scale = point < 0 ? 0 : digits.Length - point - 1;
                    return new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)scale);
                }
            }

            return decimal.Parse(Encoding.UTF8.GetString(text), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        }

        private static void Check(int rc, sqlite3 handle)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, handle);
            }
        }

        // Column accessors are short, never block and never call back into .NET: safe without the GC transition.
        [DllImport(Library), SuppressGCTransition]
        private static extern long sqlite3_column_int64(IntPtr statement, int column);

        [DllImport(Library), SuppressGCTransition]
        private static extern IntPtr sqlite3_column_blob(IntPtr statement, int column);

        [DllImport(Library), SuppressGCTransition]
        private static extern int sqlite3_column_bytes(IntPtr statement, int column);
    }
}
