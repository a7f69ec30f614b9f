namespace StrategyGov.Scoring.Tests;

// docs/product.md §Timeliness: a submission after the due date is late; the on-time rate is reported
// per institution and nationally.
public sealed class TimelinessTests
{
    // The end of the due day 2026-09-20 in Asia/Riyadh (UTC+3) is 20:59:59.999 UTC.
    private static readonly DateTime Deadline = new(2026, 9, 20, 20, 59, 59, 999, DateTimeKind.Utc);

    public static TheoryData<DateTime?, DateTime, TimelinessStatus> StatusCases => new()
    {
        { Deadline.AddDays(-10), Deadline.AddDays(30), TimelinessStatus.OnTime },  // well before
        { Deadline, Deadline.AddDays(30), TimelinessStatus.OnTime },               // at the last instant
        { Deadline.AddMilliseconds(1), Deadline.AddDays(30), TimelinessStatus.Late }, // just after
        { null, Deadline.AddMilliseconds(1), TimelinessStatus.Overdue },           // nothing, deadline passed
        { null, Deadline, TimelinessStatus.Pending },                              // nothing, deadline not passed
        { Deadline.AddDays(-1), Deadline.AddDays(-5), TimelinessStatus.OnTime },   // judged on the submission, not on "now"
    };

    [Theory]
    [MemberData(nameof(StatusCases))]
    public void StatusOf_FirstSubmission_IsJudgedAgainstTheDeadline(DateTime? firstSubmittedAt, DateTime asOf, TimelinessStatus expected)
    {
        var status = Timeliness.StatusOf(Deadline, firstSubmittedAt, asOf);

        Assert.Equal(expected, status);
    }

    [Fact]
    public void RateOf_MixedStatuses_IsOnTimeOverJudgedLeavingPendingOut()
    {
        TimelinessStatus[] statuses =
        [
            TimelinessStatus.OnTime, TimelinessStatus.OnTime, TimelinessStatus.OnTime,
            TimelinessStatus.Late, TimelinessStatus.Overdue, TimelinessStatus.Pending, TimelinessStatus.Pending,
        ];

        var rate = Timeliness.RateOf(statuses);

        // 3 on time of 3 + 1 late + 1 overdue = 5 judged: 0.6; the 2 pending are not judged yet.
        Assert.Equal(new OnTimeRate(3, 1, 1, 2), rate);
        Assert.Equal(5, rate.Judged);
        Assert.Equal(0.6m, rate.Rate);
    }

    [Fact]
    public void RateOf_OnlyPending_HasNoRate()
    {
        var rate = Timeliness.RateOf([TimelinessStatus.Pending, TimelinessStatus.Pending]);

        Assert.Null(rate.Rate);
        Assert.Equal(0, rate.Judged);
    }

    [Fact]
    public void RateOf_Nothing_HasNoRate()
    {
        var rate = Timeliness.RateOf([]);

        Assert.Null(rate.Rate);
    }

    [Fact]
    public void RateOf_OneInstitutionOverThreePeriods_CountsEachPeriodOnce()
    {
        var periods = new[]
        {
            Timeliness.StatusOf(Deadline, Deadline.AddDays(-2), Deadline.AddDays(60)),
            Timeliness.StatusOf(Deadline.AddDays(91), Deadline.AddDays(95), Deadline.AddDays(120)),
            Timeliness.StatusOf(Deadline.AddDays(182), null, Deadline.AddDays(120)),
        };

        var rate = Timeliness.RateOf(periods);

        // on time, late, pending: 1 of 2 judged.
        Assert.Equal(0.5m, rate.Rate);
        Assert.Equal(1, rate.Pending);
    }
}
