using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Periods;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Scores;

/// <summary>An institution expected to report in a period, and where its submission stands.</summary>
public sealed record InstitutionInPeriod(
    int Id,
    string Code,
    string NameAr,
    string NameEn,
    string TypeCode,
    string TypeNameAr,
    string TypeNameEn,
    int SubmissionId,
    SubmissionStatus Status,
    DateTime? FirstSubmittedAt)
{
    public string Key => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The scores of every institution of a period.</summary>
public sealed record PeriodScores(
    PeriodRow Period,
    LoadedFramework Framework,
    Scoreboard Board,
    IReadOnlyDictionary<string, InstitutionInPeriod> Institutions)
{
    public InstitutionInPeriod InstitutionOf(ScoreboardEntry entry) => Institutions[entry.Result.Key];

    public ScoreboardEntry EntryOf(int institutionId) =>
        Board.Entries.Single(e => e.Result.Key == institutionId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public int PeerCount(string typeCode) => Board.Entries.Count(e => e.Result.InstitutionType == typeCode);
}

/// <summary>One institution's scores in a period, with its place among the others.</summary>
public sealed record InstitutionScores(PeriodScores Period, InstitutionInPeriod Institution, ScoreboardEntry Entry);

/// <summary>Maps the stored answers of a period to the pure scoring engine and back.</summary>
public sealed class ScoreService(IDbContextFactory<StrategyGovDbContext> dbFactory, FrameworkCache frameworks)
{
    /// <summary>The whole scoreboard: center staff and officials only.</summary>
    public async Task<PeriodScores> GetPeriodAsync(Actor actor, int periodId, CancellationToken ct)
    {
        if (!actor.SeesAllInstitutions)
        {
            throw new AccessDeniedException();
        }

        return await ComputeAsync(periodId, ct);
    }

    /// <summary>One institution's scores; institution users only for their own institution.</summary>
    public async Task<InstitutionScores> GetInstitutionAsync(Actor actor, int institutionId, int periodId, CancellationToken ct)
    {
        actor.EnsureCanRead(institutionId);
        var period = await ComputeAsync(periodId, ct);
        var key = institutionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!period.Institutions.TryGetValue(key, out var institution))
        {
            throw new NotFoundException();
        }

        return new InstitutionScores(period, institution, period.EntryOf(institutionId));
    }

    private async Task<PeriodScores> ComputeAsync(int periodId, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.Periods.AsNoTracking()
            .Where(p => p.Id == periodId)
            .Select(p => new PeriodRow(p.Id, p.Code, p.Status, p.OpensOn, p.DueOn, p.ClosesOn, p.StrategyVersionId, p.StrategyVersion.NameAr, p.StrategyVersion.NameEn))
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        var framework = await frameworks.GetAsync(period.StrategyVersionId, ct);

        // Every institution with a submission row was expected to report (opening a period creates one each).
        var institutions = await db.Submissions.AsNoTracking()
            .Where(s => s.PeriodId == periodId)
            .Select(s => new InstitutionInPeriod(
                s.InstitutionId, s.Institution.Code, s.Institution.NameAr, s.Institution.NameEn,
                s.Institution.Type.Code, s.Institution.Type.NameAr, s.Institution.Type.NameEn, s.Id, s.Status, s.FirstSubmittedAt))
            .ToListAsync(ct);

        var answers = await db.Answers.AsNoTracking()
            .Where(a => a.Submission.PeriodId == periodId
                && (a.Submission.Status == SubmissionStatus.Submitted || a.Submission.Status == SubmissionStatus.Approved))
            .Select(a => new { a.SubmissionId, a.Indicator.Code, a.Value, a.NotApplicable, a.Decision, a.VerifiedValue })
            .ToListAsync(ct);
        var bySubmission = answers
            .GroupBy(a => a.SubmissionId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, AnswerInput>)g.ToDictionary(
                    a => a.Code,
                    a => new AnswerInput(a.Value, a.NotApplicable, a.Decision, a.VerifiedValue),
                    StringComparer.Ordinal));

        var ordered = institutions.OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
        var inputs = ordered.Select(i => new InstitutionInput(
                i.Key,
                i.TypeCode,
                i.Status is SubmissionStatus.Submitted or SubmissionStatus.Approved,
                bySubmission.GetValueOrDefault(i.SubmissionId) ?? new Dictionary<string, AnswerInput>()))
            .ToList();

        var scores = new PeriodScores(period, framework, Scoreboard.Build(framework.Scoring, inputs), ordered.ToDictionary(i => i.Key));
        Telemetry.ScoringDuration.RecordSince(started);
        return scores;
    }
}
