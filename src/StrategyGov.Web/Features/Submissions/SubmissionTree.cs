using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Computed;

namespace StrategyGov.Web.Features.Submissions;

public sealed record SubmissionHeader(
    int Id,
    int InstitutionId,
    string InstitutionCode,
    string InstitutionNameAr,
    string InstitutionNameEn,
    int InstitutionTypeId,
    int PeriodId,
    string PeriodCode,
    PeriodStatus PeriodStatus,
    DateOnly DueOn,
    SubmissionStatus Status,
    DateTime? SubmittedAt,
    DateTime? ApprovedAt,
    string? ReturnMessage,
    int Version);

public sealed record LevelDescriptor(int Level, string DescriptorAr, string DescriptorEn);

/// <summary>One applicable indicator of a submission with its answer (if any) and review.</summary>
public sealed record AnswerItem(
    int IndicatorId,
    string Code,
    string TextAr,
    string TextEn,
    string? GuidanceAr,
    string? GuidanceEn,
    MeasurementType Type,
    int MaturityLevels,
    decimal? Baseline,
    decimal? Target,
    string? UnitAr,
    string? UnitEn,
    bool EvidenceRequired,
    int MinEvidenceItems,
    IReadOnlyList<LevelDescriptor> Levels,
    int? AnswerId,
    decimal? Value,
    bool NotApplicable,
    string? Justification,
    string? Comment,
    int Version,
    ReviewDecision? Decision,
    decimal? VerifiedValue,
    string? ReviewComment,
    string? ComputedFrom = null,
    DateTime? ComputedAt = null,
    ComputedBasis? Basis = null)
{
    /// <summary>The value comes from the institution's records (docs/decisions/0096): shown, commented on, never typed.</summary>
    public bool IsComputed => ComputedFrom is not null;

    public bool IsAnswered => NotApplicable || Value.HasValue;

    /// <summary>The evidence items this answer needs before it can be submitted (<see cref="EvidenceNeededFor"/>).</summary>
    public int EvidenceNeeded => EvidenceNeededFor(Value, NotApplicable);

    /// <summary>
    /// Evidence backs a claim (issue 25, docs/product.md): an indicator that requires evidence needs it for
    /// an answer that claims something, not for N/A (justified instead), a computed value (its records are
    /// its evidence), or an answer that claims nothing — "No", a share, count or maturity of zero. A value
    /// of zero where lower is better is the strongest claim there is and needs it. Before an answer is
    /// given, the requirement is shown as it will apply to a claim.
    /// </summary>
    public int EvidenceNeededFor(decimal? value, bool notApplicable) =>
        !EvidenceRequired || IsComputed || notApplicable || (value is { } v && !Claims(Type, v))
            ? 0
            : Math.Max(1, MinEvidenceItems);

    private static bool Claims(MeasurementType type, decimal value) =>
        type == MeasurementType.TargetLowerIsBetter || value > 0m;

    /// <summary>
    /// The reviewer questioned this answer: adjusted or rejected it, or left a comment on a decision
    /// since cleared by a change of value (the institution still sees why it was asked).
    /// </summary>
    public bool IsQuestioned => Decision is ReviewDecision.Adjusted or ReviewDecision.Rejected
        || (Decision is null && !string.IsNullOrEmpty(ReviewComment));
}

public sealed record PracticeGroup(string Code, string NameAr, string NameEn, IReadOnlyList<AnswerItem> Indicators);

public sealed record PillarGroup(string Code, string NameAr, string NameEn, IReadOnlyList<PracticeGroup> Practices);

/// <summary>A submission laid out as its framework: pillars → practices → applicable indicators with answers.</summary>
public sealed record SubmissionTree(SubmissionHeader Header, IReadOnlyList<PillarGroup> Pillars)
{
    public IEnumerable<AnswerItem> Items => Pillars.SelectMany(p => p.Practices).SelectMany(p => p.Indicators);

    public int Applicable => Items.Count();

    public int Answered => Items.Count(i => i.IsAnswered);

    /// <summary>
    /// Loads the header and the tree. Access is NOT checked here: callers check the header's
    /// institution against the actor before returning anything.
    /// </summary>
    public static async Task<SubmissionTree?> LoadAsync(StrategyGovDbContext db, int submissionId, CancellationToken ct)
    {
        var header = await db.Submissions.AsNoTracking()
            .Where(s => s.Id == submissionId)
            .Select(s => new SubmissionHeader(
                s.Id, s.InstitutionId, s.Institution.Code, s.Institution.NameAr, s.Institution.NameEn, s.Institution.TypeId,
                s.PeriodId, s.Period.Code, s.Period.Status, s.Period.DueOn, s.Status, s.SubmittedAt, s.ApprovedAt, s.ReturnMessage, s.Version))
            .SingleOrDefaultAsync(ct);
        if (header is null)
        {
            return null;
        }

        var versionId = await db.Periods.Where(p => p.Id == header.PeriodId).Select(p => p.StrategyVersionId).SingleAsync(ct);
        var pillars = await db.Pillars.AsNoTracking().AsSplitQuery()
            .Where(p => p.StrategyVersionId == versionId)
            .Include(p => p.Practices).ThenInclude(p => p.Indicators).ThenInclude(i => i.Levels)
            .Include(p => p.Practices).ThenInclude(p => p.Indicators).ThenInclude(i => i.ApplicableTypes)
            .ToListAsync(ct);
        var answers = await db.Answers.AsNoTracking()
            .Where(a => a.SubmissionId == submissionId)
            .ToDictionaryAsync(a => a.IndicatorId, ct);

        var groups = pillars.OrderBy(p => p.Order).Select(pillar => new PillarGroup(
            pillar.Code, pillar.NameAr, pillar.NameEn,
            pillar.Practices.OrderBy(p => p.Order).Select(practice => new PracticeGroup(
                practice.Code, practice.NameAr, practice.NameEn,
                practice.Indicators
                    .Where(i => i.ApplicableTypes.Count == 0 || i.ApplicableTypes.Any(t => t.Id == header.InstitutionTypeId))
                    .OrderBy(i => i.Order)
                    .Select(i =>
                    {
                        answers.TryGetValue(i.Id, out var a);
                        return new AnswerItem(
                            i.Id, i.Code, i.TextAr, i.TextEn, i.GuidanceAr, i.GuidanceEn, i.Type, i.MaturityLevels ?? 5,
                            i.Baseline, i.Target, i.UnitAr, i.UnitEn, i.EvidenceRequired, i.MinEvidenceItems,
                            i.Levels.OrderBy(l => l.Level).Select(l => new LevelDescriptor(l.Level, l.DescriptorAr, l.DescriptorEn)).ToList(),
                            a?.Id, a?.Value, a?.NotApplicable ?? false, a?.Justification, a?.Comment, a?.Version ?? 0,
                            a?.Decision, a?.VerifiedValue, a?.ReviewComment,
                            i.ComputedFrom, a?.ComputedAt, ComputedBasis.FromJson(a?.ComputedBasis));
                    })
                    .ToList()))
                .Where(p => p.Indicators.Count > 0)
                .ToList()))
            .Where(p => p.Practices.Count > 0)
            .ToList();

        return new SubmissionTree(header, groups);
    }
}
