using System.Globalization;
using Microsoft.Extensions.Localization;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Scores;

/// <summary>How far a period's figures can be relied on (ADR 0103).</summary>
public enum FiguresState
{
    /// <summary>The period is open: figures change as institutions answer.</summary>
    Draft,

    /// <summary>The period is closed: figures change as reviewers decide.</summary>
    UnderReview,

    /// <summary>Published: the stored snapshot, revision 1.</summary>
    Final,

    /// <summary>Published and re-scored since: a later revision with its reason.</summary>
    Revised,
}

/// <summary>The standing of a period's figures: what every score page and report states about itself.</summary>
public sealed record FiguresStatus(FiguresState State, SnapshotInfo? Snapshot)
{
    public static FiguresStatus Of(PeriodScores scores) => Of(scores.Period.Status, scores.Snapshot);

    public static FiguresStatus Of(PeriodStatus period, SnapshotInfo? snapshot) => snapshot switch
    {
        { Revision: > 1 } => new(FiguresState.Revised, snapshot),
        not null => new(FiguresState.Final, snapshot),
        null when period is PeriodStatus.Closed or PeriodStatus.Published => new(FiguresState.UnderReview, null),
        null => new(FiguresState.Draft, null),
    };

    /// <summary>
    /// "Status: final since 2026-10-15 14:00 (…) · revision 1", in the UI language (the localizer's), every
    /// time in platform time with its Hijri date; a revision's reason as the revisions page words it ("objection 3 upheld: P1.3.2").
    /// </summary>
    public string Describe(IStringLocalizer<SharedResource> localizer, PlatformTime time, CultureInfo? culture = null) => State switch
    {
        FiguresState.Final => localizer["Figures_Final", time.DateTimeWithHijri(Snapshot!.CapturedAt, culture), Snapshot.Revision],
        FiguresState.Revised => localizer["Figures_Revised", time.DateTimeWithHijri(Snapshot!.CapturedAt, culture), Bidi.Isolate(RevisionReason.Show(localizer, Snapshot.Reason)), Snapshot.Revision],
        FiguresState.UnderReview => localizer["Figures_UnderReview"],
        _ => localizer["Figures_Draft"],
    };

    /// <summary>"Produced 2026-12-08 01:30 (…)": when this page or report was made.</summary>
    public static string Produced(IStringLocalizer localizer, PlatformTime time, DateTime utc, CultureInfo? culture = null) =>
        localizer["Figures_Produced", time.DateTimeWithHijri(utc, culture)];
}
