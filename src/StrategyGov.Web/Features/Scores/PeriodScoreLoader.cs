using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Periods;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Scores;

/// <summary>
/// Scores a period from the answers stored now ("live"). No authorisation here: only
/// <see cref="ScoreService"/> and <see cref="ScoreSnapshotService"/> call it, and they check the actor.
/// </summary>
public sealed class PeriodScoreLoader(IDbContextFactory<StrategyGovDbContext> dbFactory, FrameworkCache frameworks)
{
    private static readonly IReadOnlyDictionary<string, AnswerInput> NoAnswers = new Dictionary<string, AnswerInput>();

    public async Task<PeriodRow> PeriodAsync(int periodId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Periods.AsNoTracking()
            .Where(p => p.Id == periodId)
            .Select(p => new PeriodRow(p.Id, p.Code, p.Status, p.OpensOn, p.DueOn, p.ClosesOn, p.StrategyVersionId, p.StrategyVersion.NameAr, p.StrategyVersion.NameEn))
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
    }

    /// <summary>Every institution expected to report, ordered by code (the order of every scoreboard).</summary>
    public async Task<List<InstitutionInPeriod>> InstitutionsAsync(int periodId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // Every institution with a submission row was expected to report (opening a period creates one each).
        var institutions = await db.Submissions.AsNoTracking()
            .Where(s => s.PeriodId == periodId)
            .Select(s => new InstitutionInPeriod(
                s.InstitutionId, s.Institution.Code, s.Institution.NameAr, s.Institution.NameEn,
                s.Institution.Type.Code, s.Institution.Type.NameAr, s.Institution.Type.NameEn, s.Id, s.Status, s.FirstSubmittedAt))
            .ToListAsync(ct);
        return institutions.OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
    }

    public async Task<PeriodScores> LoadLiveAsync(int periodId, CancellationToken ct)
    {
        var period = await PeriodAsync(periodId, ct);
        var framework = await frameworks.GetAsync(period.StrategyVersionId, ct);
        var institutions = await InstitutionsAsync(periodId, ct);

        // Indicator ids, not codes, in the big read: no join and no string per answer (3,000,000 rows for
        // 10,000 institutions); the codes come from one small query.
        Dictionary<int, string> codes;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            codes = await db.Indicators.AsNoTracking()
                .Where(i => i.Practice.Pillar.StrategyVersionId == period.StrategyVersionId)
                .Select(i => new { i.Id, i.Code })
                .ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        }

        var counted = institutions.Where(i => Counts(i.Status)).Select(i => i.SubmissionId).ToList();
        var sheets = await PeriodAnswerReader.ReadAsync(dbFactory, new AnswerSheetLayout(framework.Scoring), codes, counted, ct);
        var inputs = institutions.Select(i => new InstitutionInput(
                i.Key,
                i.TypeCode,
                Counts(i.Status),
                sheets.TryGetValue(i.SubmissionId, out var sheet) ? sheet : NoAnswers))
            .ToList();

        return new PeriodScores(period, framework, Scoreboard.Build(framework.Scoring, inputs), institutions.ToDictionary(i => i.Key), inputs, Snapshot: null);
    }

    /// <summary>Only submitted and approved submissions are scored; drafts and returned ones count as not submitted.</summary>
    private static bool Counts(SubmissionStatus status) => status is SubmissionStatus.Submitted or SubmissionStatus.Approved;
}
