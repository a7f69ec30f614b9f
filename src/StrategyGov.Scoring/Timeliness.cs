namespace StrategyGov.Scoring;

/// <summary>Where one institution's submission stands against the period's deadline.</summary>
public enum TimelinessStatus
{
    /// <summary>First submitted at or before the deadline.</summary>
    OnTime,

    /// <summary>First submitted after the deadline.</summary>
    Late,

    /// <summary>Not submitted and the deadline has passed.</summary>
    Overdue,

    /// <summary>Not submitted yet, and the deadline has not passed: not counted in a rate.</summary>
    Pending,
}

/// <summary>
/// On-time submission rate of a group (one institution across periods, or every institution of a period).
/// </summary>
/// <param name="OnTime">Submissions first made by the deadline.</param>
/// <param name="Late">Submissions first made after the deadline.</param>
/// <param name="Overdue">No submission although the deadline has passed.</param>
/// <param name="Pending">No submission yet, deadline still ahead (left out of the rate).</param>
public sealed record OnTimeRate(int OnTime, int Late, int Overdue, int Pending)
{
    /// <summary>Submissions judged so far: on time, late or overdue.</summary>
    public int Judged => OnTime + Late + Overdue;

    /// <summary>OnTime ÷ (OnTime + Late + Overdue), in [0, 1]; null when nothing can be judged yet.</summary>
    public decimal? Rate => Judged == 0 ? null : (decimal)OnTime / Judged;
}

/// <summary>docs/product.md §Timeliness: a submission after the due date is late.</summary>
public static class Timeliness
{
    /// <summary>
    /// Judges a submission on its <em>first</em> submission (a return and re-submission does not make it
    /// late). <paramref name="deadline"/> is the last instant that counts as on time (the end of the due
    /// day in the platform's time zone); <paramref name="asOf"/> is "now" as the caller sees it, so the
    /// engine never reads a clock. All three instants must be in the same time base (UTC).
    /// </summary>
    public static TimelinessStatus StatusOf(DateTime deadline, DateTime? firstSubmittedAt, DateTime asOf) =>
        firstSubmittedAt is { } submitted
            ? submitted <= deadline ? TimelinessStatus.OnTime : TimelinessStatus.Late
            : asOf > deadline ? TimelinessStatus.Overdue : TimelinessStatus.Pending;

    /// <summary>Counts the statuses of a group into its on-time rate.</summary>
    public static OnTimeRate RateOf(IEnumerable<TimelinessStatus> statuses)
    {
        int onTime = 0, late = 0, overdue = 0, pending = 0;
        foreach (var status in statuses)
        {
            switch (status)
            {
                case TimelinessStatus.OnTime: onTime++; break;
                case TimelinessStatus.Late: late++; break;
                case TimelinessStatus.Overdue: overdue++; break;
                default: pending++; break;
            }
        }

        return new OnTimeRate(onTime, late, overdue, pending);
    }
}
