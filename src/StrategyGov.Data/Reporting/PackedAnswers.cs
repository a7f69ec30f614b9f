using System.Buffers.Binary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using StrategyGov.Scoring;

namespace StrategyGov.Data.Reporting;

/// <summary>
/// A submission's scored answer columns packed into one value (ADR 0092): what the scoring read of a
/// whole period takes, one row per submission instead of one per answer. Derived data: the Answers table
/// stays the record. A database trigger deletes the row whenever an answer of the submission is inserted,
/// deleted or changes a scored column; the services that change answers pack them again right after
/// (<see cref="AnswerPacking.RefreshAsync"/>), and the reader reads the answers themselves for any
/// submission without a row. Not audited, not moved between databases (packed again there).
/// </summary>
public class PackedAnswers
{
    public int SubmissionId { get; set; }

    /// <summary><see cref="AnswerPacking.Format"/> 1; see <see cref="AnswerPacking.Pack"/>.</summary>
    public byte[] Data { get; set; } = [];
}

/// <summary>Receives the answers of a packed submission, in indicator id order.</summary>
public interface IPackedAnswerSink
{
    void Set(int indicatorId, AnswerInput answer);
}

/// <summary>Packs, unpacks and refreshes <see cref="PackedAnswers"/>.</summary>
public static class AnswerPacking
{
    /// <summary>The first byte of every packed value; a reader meeting another one reads the answers instead.</summary>
    public const byte Format = 1;

    private const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private const int ChunkSize = 500;

    // Flags byte of an answer.
    private const byte NotApplicableFlag = 1;
    private const byte HasValueFlag = 1 << 1;
    private const byte HasVerifiedFlag = 1 << 2;
    private const int DecisionShift = 3; // two bits: 0 none, else the decision + 1

    // Head byte of a decimal: scale in the low five bits.
    private const byte WideFlag = 1 << 5;
    private const byte NegativeFlag = 1 << 7;

    /// <summary>
    /// Format 1: the format byte, then per answer in ascending indicator id: the id's distance from the
    /// previous one (a varint), a flags byte (N/A, value present, verified value present, decision), then
    /// the value and the verified value when present. A decimal is a head byte (scale, sign) and its
    /// 96-bit mantissa as a varint when it fits in 64 bits ("wide" flag clear), else as three 32-bit words.
    /// Every decimal comes back bit for bit (same scale, so 12.3400 stays 12.3400).
    /// </summary>
    public static byte[] Pack(IEnumerable<(int IndicatorId, AnswerInput Answer)> answers)
    {
        var ordered = answers.OrderBy(a => a.IndicatorId).ToList();
        var buffer = new byte[1 + (ordered.Count * (5 + 1 + 13 + 13))];
        buffer[0] = Format;
        var at = 1;
        var previous = 0;
        foreach (var (indicatorId, answer) in ordered)
        {
            if (indicatorId <= previous)
            {
                throw new ArgumentException($"Indicator ids must be positive and distinct ({indicatorId}).", nameof(answers));
            }

            at += WriteVarint(buffer.AsSpan(at), (ulong)(indicatorId - previous));
            previous = indicatorId;
            var flags = (byte)((answer.NotApplicable ? NotApplicableFlag : 0)
                | (answer.Value.HasValue ? HasValueFlag : 0)
                | (answer.VerifiedValue.HasValue ? HasVerifiedFlag : 0)
                | ((answer.Decision is { } decision ? (int)decision + 1 : 0) << DecisionShift));
            buffer[at++] = flags;
            if (answer.Value is { } value)
            {
                at += WriteDecimal(buffer.AsSpan(at), value);
            }

            if (answer.VerifiedValue is { } verified)
            {
                at += WriteDecimal(buffer.AsSpan(at), verified);
            }
        }

        return buffer.AsSpan(0, at).ToArray();
    }

    /// <summary>
    /// Hands every packed answer to <paramref name="sink"/>; false (and nothing handed) when the value is
    /// of another format. A value cut short or malformed throws.
    /// </summary>
    public static bool TryUnpack<TSink>(ReadOnlySpan<byte> data, ref TSink sink)
        where TSink : struct, IPackedAnswerSink
    {
        if (data.Length == 0 || data[0] != Format)
        {
            return false;
        }

        var at = 1;
        var indicatorId = 0;
        while (at < data.Length)
        {
            indicatorId = checked(indicatorId + (int)ReadVarint(data, ref at));
            var flags = data[at++];
            var value = (flags & HasValueFlag) != 0 ? ReadDecimal(data, ref at) : (decimal?)null;
            var verified = (flags & HasVerifiedFlag) != 0 ? ReadDecimal(data, ref at) : (decimal?)null;
            var decision = (flags >> DecisionShift) & 3;
            sink.Set(indicatorId, new AnswerInput(value, (flags & NotApplicableFlag) != 0, decision == 0 ? null : (ReviewDecision)(decision - 1), verified));
        }

        return true;
    }

    /// <summary>
    /// Packs the answers of these submissions again, in the caller's transaction or one of its own (per
    /// chunk of 500). On PostgreSQL the submissions' rows are locked first (as the trigger locks them when
    /// an answer changes), so the answers are read only once every other writer of them has committed and
    /// a packed value can never miss a committed change. Ids of submissions that do not exist are ignored.
    /// </summary>
    public static async Task RefreshAsync(StrategyGovDbContext db, IEnumerable<int> submissionIds, CancellationToken ct)
    {
        foreach (var chunk in submissionIds.Distinct().Order().Chunk(ChunkSize))
        {
            var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            try
            {
                var existing = db.Database.ProviderName == PostgreSqlProvider
                    ? await db.Database.SqlQueryRaw<int>(
                        """SELECT "Id" AS "Value" FROM "Submissions" WHERE "Id" = ANY({0}) ORDER BY "Id" FOR NO KEY UPDATE""", chunk)
                        .ToListAsync(ct)
                    : await db.Submissions.Where(s => chunk.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
                var answers = (await db.Answers.AsNoTracking()
                        .Where(a => chunk.Contains(a.SubmissionId))
                        .Select(a => new { a.SubmissionId, a.IndicatorId, a.Value, a.NotApplicable, a.Decision, a.VerifiedValue })
                        .ToListAsync(ct))
                    .ToLookup(a => a.SubmissionId, a => (a.IndicatorId, new AnswerInput(a.Value, a.NotApplicable, a.Decision, a.VerifiedValue)));

                await using var upsert = db.Database.GetDbConnection().CreateCommand();
                upsert.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
                upsert.CommandText = """
                    INSERT INTO "PackedAnswers" ("SubmissionId", "Data") VALUES (@submission, @data)
                    ON CONFLICT ("SubmissionId") DO UPDATE SET "Data" = excluded."Data"
                    """;
                var submission = upsert.CreateParameter();
                submission.ParameterName = "submission";
                var data = upsert.CreateParameter();
                data.ParameterName = "data";
                upsert.Parameters.Add(submission);
                upsert.Parameters.Add(data);
                foreach (var id in existing)
                {
                    submission.Value = id;
                    data.Value = Pack(answers[id]);
                    await upsert.ExecuteNonQueryAsync(ct);
                }

                if (owned is not null)
                {
                    await owned.CommitAsync(ct);
                }
            }
            finally
            {
                if (owned is not null)
                {
                    await owned.DisposeAsync();
                }
            }
        }
    }

    /// <summary>
    /// Packs every submission without a packed value (a database migrated from before ADR 0092, seeded, or
    /// changed outside the app): run at start-up.
    /// </summary>
    public static async Task<int> RefreshMissingAsync(StrategyGovDbContext db, CancellationToken ct)
    {
        var missing = await db.Submissions.AsNoTracking()
            .Where(s => !db.PackedAnswers.Any(p => p.SubmissionId == s.Id))
            .Select(s => s.Id)
            .ToListAsync(ct);
        await RefreshAsync(db, missing, ct);
        return missing.Count;
    }

    private static int WriteDecimal(Span<byte> buffer, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var head = (byte)(((bits[3] >> 16) & 0x1F) | (bits[3] < 0 ? NegativeFlag : 0));
        if (bits[2] == 0)
        {
            buffer[0] = head;
            return 1 + WriteVarint(buffer[1..], ((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        }

        buffer[0] = (byte)(head | WideFlag);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[1..], bits[0]);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[5..], bits[1]);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[9..], bits[2]);
        return 13;
    }

    private static decimal ReadDecimal(ReadOnlySpan<byte> data, ref int at)
    {
        var head = data[at++];
        var scale = (byte)(head & 0x1F);
        var negative = (head & NegativeFlag) != 0;
        if ((head & WideFlag) == 0)
        {
            var mantissa = ReadVarint(data, ref at);
            return new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, scale);
        }

        var value = new decimal(
            BinaryPrimitives.ReadInt32LittleEndian(data[at..]),
            BinaryPrimitives.ReadInt32LittleEndian(data[(at + 4)..]),
            BinaryPrimitives.ReadInt32LittleEndian(data[(at + 8)..]),
            negative,
            scale);
        at += 12;
        return value;
    }

    private static int WriteVarint(Span<byte> buffer, ulong value)
    {
        var n = 0;
        while (value >= 0x80)
        {
            buffer[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[n++] = (byte)value;
        return n;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 63)
            {
                throw new InvalidDataException("A packed varint is longer than 64 bits.");
            }

            var b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
