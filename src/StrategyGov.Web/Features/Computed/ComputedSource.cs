using StrategyGov.Data;
using StrategyGov.Scoring;

namespace StrategyGov.Web.Features.Computed;

/// <summary>What a calculation produces, and so which indicators it can feed.</summary>
public enum ComputedKind
{
    /// <summary>A share in [0, 100]: Percentage indicators, or Target indicators measured in percent.</summary>
    Percentage,

    /// <summary>How many records: Target indicators (e.g. press conferences held, clashes).</summary>
    Count,

    /// <summary>A duration in hours (e.g. average time to answer): Target indicators.</summary>
    Hours,

    /// <summary>Whether something holds (1) or not (0): YesNo indicators.</summary>
    YesNo,
}

/// <summary>
/// A named calculation over an institution's own records in a period (docs/decisions/0096). A feature
/// that keeps records (roles, crisis readiness, the calendar, the council, …) implements one per
/// calculation and registers it in its <c>AddXxx()</c>; an indicator of the framework names it in
/// <c>ComputedFrom</c>. Sources only read; the caller has authorised the actor.
/// </summary>
public interface IComputedSource
{
    /// <summary>Stable name stored in frameworks (e.g. <c>roles.required-filled</c>); its UI string is <c>Computed_{Key}</c>.</summary>
    string Key { get; }

    ComputedKind Kind { get; }

    /// <summary>The value of every institution asked for (an institution without a value is left out).</summary>
    Task<IReadOnlyDictionary<int, ComputedResult>> ComputeAsync(StrategyGovDbContext db, ComputeRequest request, CancellationToken ct);
}

/// <summary>
/// The institutions and the window of one calculation: the period's dates for a quarterly indicator, the
/// six or twelve months ending with the period for a semi-annual or annual one. <see cref="AsOf"/> is the
/// day a state (who holds a role, whether a plan is current) is read on: the window's last day, or today
/// while the period is still running.
/// </summary>
public sealed record ComputeRequest(IReadOnlyList<int> InstitutionIds, DateOnly From, DateOnly To, DateOnly AsOf, TimeZoneInfo TimeZone)
{
    /// <summary>The window's first instant (midnight of <see cref="From"/> in the platform's time zone), UTC.</summary>
    public DateTime FromUtc => TimeZoneInfo.ConvertTimeToUtc(From.ToDateTime(TimeOnly.MinValue), TimeZone);

    /// <summary>The instant after the window (midnight after <see cref="To"/>), UTC.</summary>
    public DateTime ToUtcExclusive => TimeZoneInfo.ConvertTimeToUtc(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeZone);

    /// <summary>The window of an indicator of this frequency in a period running from <paramref name="opensOn"/> to <paramref name="closesOn"/>.</summary>
    public static (DateOnly From, DateOnly To) Window(Data.Framework.IndicatorFrequency frequency, DateOnly opensOn, DateOnly closesOn) => frequency switch
    {
        Data.Framework.IndicatorFrequency.Annual => (closesOn.AddYears(-1).AddDays(1), closesOn),
        Data.Framework.IndicatorFrequency.SemiAnnual => (closesOn.AddMonths(-6).AddDays(1), closesOn),
        _ => (opensOn, closesOn),
    };

    public static bool Feeds(ComputedKind kind, MeasurementType type) => kind switch
    {
        ComputedKind.YesNo => type == MeasurementType.YesNo,
        ComputedKind.Percentage => type is MeasurementType.Percentage or MeasurementType.TargetHigherIsBetter or MeasurementType.TargetLowerIsBetter,
        _ => type is MeasurementType.TargetHigherIsBetter or MeasurementType.TargetLowerIsBetter,
    };
}

/// <summary>
/// One institution's computed value and the records behind it. <see cref="Value"/> is null when the
/// calculation has nothing to measure (a share of no inquiries): the answer is then "not applicable"
/// with <see cref="NotApplicableReason"/> (a UI string key) as its justification.
/// </summary>
public sealed record ComputedResult(
    decimal? Value,
    IReadOnlyList<ComputedRecord> Records,
    int? Numerator = null,
    int? Denominator = null,
    string? NotApplicableReason = null)
{
    public static ComputedResult NotApplicable(string reasonKey, IReadOnlyList<ComputedRecord> records) =>
        new(null, records, NotApplicableReason: reasonKey);

    /// <summary>A share in percent of <paramref name="numerator"/> over <paramref name="denominator"/>, rounded to two decimals (half away from zero).</summary>
    public static ComputedResult Share(int numerator, int denominator, IReadOnlyList<ComputedRecord> records, string emptyReasonKey) =>
        denominator == 0
            ? NotApplicable(emptyReasonKey, records)
            : new(Math.Round(100m * numerator / denominator, 2, MidpointRounding.AwayFromZero), records, numerator, denominator);
}

/// <summary>
/// One record behind a computed value, as it was when computed: what it is, a label in both languages, a
/// link to where it is kept, whether it counted towards the numerator, and its measure (hours) when the
/// value is an average.
/// </summary>
public sealed record ComputedRecord(
    string Kind,
    string Id,
    string LabelAr,
    string LabelEn,
    string? Url = null,
    bool? Counts = null,
    decimal? Measure = null,
    DateOnly? On = null);
