using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Testing;

namespace StrategyGov.Web.Tests.Support;

/// <summary>Reads packed answers back (ADR 0092), with every decimal's scale, to compare them with the stored answers.</summary>
public static class Packing
{
    /// <summary>An answer as compared here: the decimals' scales too, so 12.50 never passes for 12.5.</summary>
    public sealed record Row(int IndicatorId, decimal? Value, int? ValueScale, bool NotApplicable, ReviewDecision? Decision, decimal? Verified, int? VerifiedScale)
    {
        public static Row Of(int indicatorId, AnswerInput answer) => new(
            indicatorId, answer.Value, answer.Value?.Scale, answer.NotApplicable, answer.Decision, answer.VerifiedValue, answer.VerifiedValue?.Scale);
    }

    public static List<Row> Unpack(byte[] data)
    {
        var sink = new ListSink();
        Assert.True(AnswerPacking.TryUnpack(data, ref sink), "The packed value is of an unknown format.");
        return sink.Rows;
    }

    /// <summary>The submission's stored answers, as EF Core reads them, in indicator order.</summary>
    public static async Task<List<Row>> StoredAsync(StrategyGovDbContext db, int submissionId) =>
        (await db.Answers.AsNoTracking()
            .Where(a => a.SubmissionId == submissionId)
            .Select(a => new { a.IndicatorId, a.Value, a.NotApplicable, a.Decision, a.VerifiedValue })
            .ToListAsync())
        .OrderBy(a => a.IndicatorId)
        .Select(a => Row.Of(a.IndicatorId, new AnswerInput(a.Value, a.NotApplicable, a.Decision, a.VerifiedValue)))
        .ToList();

    /// <summary>The submission has a packed value, and it holds exactly its stored answers.</summary>
    public static async Task AssertPackedAsync(StrategyGovDbContext db, int submissionId)
    {
        var packed = await db.PackedAnswers.AsNoTracking().SingleOrDefaultAsync(p => p.SubmissionId == submissionId);
        Assert.True(packed is not null, $"Submission {submissionId} has no packed answers.");
        Assert.Equal(await StoredAsync(db, submissionId), Unpack(packed.Data));
    }

    public static async Task AssertPackedAsync(this StrategyGovAppFactory app, int submissionId)
    {
        await using var db = await app.DbAsync();
        await AssertPackedAsync(db, submissionId);
    }

    private struct ListSink() : IPackedAnswerSink
    {
        public List<Row> Rows { get; } = [];

        public readonly void Set(int indicatorId, AnswerInput answer) => Rows.Add(Row.Of(indicatorId, answer));
    }
}
