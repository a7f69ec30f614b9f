using StrategyGov.Scoring;
using StrategyGov.Web.Features.Periods;
using StrategyGov.Web.Features.Scores;

namespace StrategyGov.Web.Features.Api;

// The API's documents. Scores are exact decimals in [0, 100] (null when not applicable); show them
// rounded to one decimal, half away from zero, as bands and ranks are decided on that value.

public sealed record PeriodDto(int Id, string Code, string Status, DateOnly OpensOn, DateOnly DueOn, DateOnly ClosesOn, string StrategyNameAr, string StrategyNameEn)
{
    public static PeriodDto From(PeriodRow p) => new(p.Id, p.Code, p.Status.ToString(), p.OpensOn, p.DueOn, p.ClosesOn, p.StrategyNameAr, p.StrategyNameEn);
}

public sealed record ScoreboardDto(
    PeriodDto Period,
    decimal? NationalIndex,
    decimal? NationalIndexSelfReported,
    int? SnapshotRevision,
    IReadOnlyList<ScoreboardRowDto> Institutions);

public sealed record ScoreboardRowDto(
    int InstitutionId,
    string Code,
    string NameAr,
    string NameEn,
    string Type,
    string SubmissionStatus,
    decimal? Verified,
    decimal? SelfReported,
    decimal? Gap,
    decimal Completeness,
    bool Provisional,
    string? Band,
    int? NationalRank,
    int? PeerRank);

public sealed record InstitutionScoresDto(
    PeriodDto Period,
    ScoreboardRowDto Scores,
    int? SnapshotRevision,
    IReadOnlyList<NodeDto> Pillars);

/// <summary>A pillar or practice: its score in both views, its share of its parent and its children.</summary>
public sealed record NodeDto(
    string Code,
    string NameAr,
    string NameEn,
    decimal Weight,
    decimal? SelfScore,
    decimal? VerifiedScore,
    decimal Share,
    decimal Contribution,
    IReadOnlyList<NodeDto>? Practices,
    IReadOnlyList<IndicatorDto>? Indicators);

public sealed record IndicatorDto(
    string Code,
    string NameAr,
    string NameEn,
    decimal Weight,
    string State,
    decimal? Value,
    string? Decision,
    decimal? VerifiedValue,
    bool Provisional,
    decimal? SelfScore,
    decimal? VerifiedScore,
    decimal Share,
    decimal Contribution);

public sealed record FrameworkDto(int Id, string Code, int Version, string NameAr, string NameEn, IReadOnlyList<BandDto> Bands, IReadOnlyList<FrameworkNodeDto> Pillars);

/// <summary>A maturity band: the lowest score in it, its names and the colour (#rrggbb) the center draws it in.</summary>
public sealed record BandDto(string Code, decimal LowerBound, string NameAr, string NameEn, string Color);

public sealed record FrameworkNodeDto(string Code, string NameAr, string NameEn, decimal Weight, IReadOnlyList<FrameworkNodeDto>? Practices, IReadOnlyList<FrameworkIndicatorDto>? Indicators);

public sealed record FrameworkIndicatorDto(
    string Code, string TextAr, string TextEn, decimal Weight, string Type, int? MaturityLevels, decimal? Baseline, decimal? Target, IReadOnlyList<string> AppliesTo);

internal static class ApiMapping
{
    public static ScoreboardDto Scoreboard(PeriodScores scores) => new(
        PeriodDto.From(scores.Period),
        scores.Board.National.Verified,
        scores.Board.National.SelfReported,
        scores.Snapshot?.Revision,
        scores.Board.Entries.OrderBy(e => e.NationalRank ?? int.MaxValue).Select(e => Row(scores, e)).ToList());

    public static InstitutionScoresDto Institution(InstitutionScores scores)
    {
        var framework = scores.Period.Framework;
        return new InstitutionScoresDto(
            PeriodDto.From(scores.Period.Period),
            Row(scores.Period, scores.Entry),
            scores.Period.Snapshot?.Revision,
            scores.Entry.Result.Pillars.Select(pillar => Node(framework, pillar.Code, pillar.Weight, pillar.Self, pillar.Verified,
                pillar.Practices.Select(practice => Node(framework, practice.Code, practice.Weight, practice.Self, practice.Verified, null,
                    practice.Indicators.Select(i => Indicator(framework, i)).ToList())).ToList(), null)).ToList());
    }

    public static FrameworkDto Framework(LoadedFramework framework) => new(
        framework.VersionId,
        framework.Code,
        framework.Version,
        framework.NameAr,
        framework.NameEn,
        framework.Bands.Select(b => new BandDto(b.Code, b.LowerBound, b.NameAr, b.NameEn, b.Color)).ToList(),
        framework.Scoring.Pillars.Select(pillar => new FrameworkNodeDto(
            pillar.Code, framework.Label(pillar.Code).NameAr, framework.Label(pillar.Code).NameEn, pillar.Weight,
            pillar.Practices.Select(practice => new FrameworkNodeDto(
                practice.Code, framework.Label(practice.Code).NameAr, framework.Label(practice.Code).NameEn, practice.Weight, null,
                practice.Indicators.Select(i => new FrameworkIndicatorDto(
                    i.Code, framework.Label(i.Code).NameAr, framework.Label(i.Code).NameEn, i.Weight, i.Type.ToString(),
                    i.Type == MeasurementType.Maturity ? i.MaturityLevels : null,
                    i.Type is MeasurementType.TargetHigherIsBetter or MeasurementType.TargetLowerIsBetter ? i.Baseline : null,
                    i.Type is MeasurementType.TargetHigherIsBetter or MeasurementType.TargetLowerIsBetter ? i.Target : null,
                    i.ApplicableTypes?.Order(StringComparer.Ordinal).ToList() ?? [])).ToList())).ToList(),
            null)).ToList());

    private static ScoreboardRowDto Row(PeriodScores scores, ScoreboardEntry entry)
    {
        var institution = scores.InstitutionOf(entry);
        var result = entry.Result;
        return new ScoreboardRowDto(
            institution.Id, institution.Code, institution.NameAr, institution.NameEn, institution.TypeCode, institution.Status.ToString(),
            result.Verified, result.SelfReported, result.Gap, result.Completeness, result.Provisional,
            entry.Band?.Code, entry.NationalRank, entry.PeerRank);
    }

    private static NodeDto Node(
        LoadedFramework framework, string code, decimal weight, ScoreNode self, ScoreNode verified,
        IReadOnlyList<NodeDto>? practices, IReadOnlyList<IndicatorDto>? indicators)
    {
        var label = framework.Label(code);
        return new NodeDto(code, label.NameAr, label.NameEn, weight, self.Score, verified.Score, verified.Share, verified.Contribution, practices, indicators);
    }

    private static IndicatorDto Indicator(LoadedFramework framework, IndicatorResult i)
    {
        var label = framework.Label(i.Code);
        return new IndicatorDto(
            i.Code, label.NameAr, label.NameEn, i.Weight, i.State.ToString(), i.Value, i.Decision?.ToString(), i.VerifiedValue, i.Provisional,
            i.Self.Score, i.Verified.Score, i.Verified.Share, i.Verified.Contribution);
    }
}
