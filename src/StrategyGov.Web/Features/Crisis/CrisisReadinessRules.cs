namespace StrategyGov.Web.Features.Crisis;

public enum ReadinessStatus
{
    NotReady,
    PartlyReady,
    Ready,
}

/// <summary>What is missing from an institution's crisis-communication readiness.</summary>
public enum ReadinessGap
{
    NoPlan,
    PlanNotReviewed,
    PlanExpired,
    TeamIncomplete,
    NoDrill,
    DrillOutOfDate,
}

public sealed record PlanFacts(DateOnly? LastReviewedOn, DateOnly? ValidUntil);

public sealed record ReadinessFacts(PlanFacts? Plan, bool TeamComplete, DateOnly? LastDrillOn);

public sealed record Readiness(ReadinessStatus Status, bool PlanCurrent, bool TeamComplete, bool DrillCurrent, IReadOnlyList<ReadinessGap> Gaps);

/// <summary>
/// Crisis-communication readiness (prepare, rehearse, maintain): a current plan (reviewed within the last
/// 12 months and not past its validity), a complete crisis team, a drill within the last 12 months.
/// All three: Ready; none: Not ready; otherwise Partly ready. Pure: the caller passes today.
/// </summary>
public static class CrisisReadinessRules
{
    public const int MonthsValid = 12;

    /// <summary>A date counts as "within 12 months" when it is on or after the same day a year ago.</summary>
    public static bool WithinMonths(DateOnly? date, DateOnly today) => date is { } d && d > today.AddMonths(-MonthsValid).AddDays(-1) && d <= today;

    public static Readiness Evaluate(ReadinessFacts facts, DateOnly today)
    {
        var gaps = new List<ReadinessGap>();
        var plan = facts.Plan;
        if (plan is null)
        {
            gaps.Add(ReadinessGap.NoPlan);
        }
        else
        {
            if (!WithinMonths(plan.LastReviewedOn, today))
            {
                gaps.Add(ReadinessGap.PlanNotReviewed);
            }

            if (plan.ValidUntil is { } until && until < today)
            {
                gaps.Add(ReadinessGap.PlanExpired);
            }
        }

        var planCurrent = gaps.Count == 0;
        if (!facts.TeamComplete)
        {
            gaps.Add(ReadinessGap.TeamIncomplete);
        }

        var drillCurrent = WithinMonths(facts.LastDrillOn, today);
        if (!drillCurrent)
        {
            gaps.Add(facts.LastDrillOn is null ? ReadinessGap.NoDrill : ReadinessGap.DrillOutOfDate);
        }

        var met = new[] { planCurrent, facts.TeamComplete, drillCurrent }.Count(m => m);
        var status = met switch
        {
            3 => ReadinessStatus.Ready,
            0 => ReadinessStatus.NotReady,
            _ => ReadinessStatus.PartlyReady,
        };
        return new Readiness(status, planCurrent, facts.TeamComplete, drillCurrent, gaps);
    }
}
