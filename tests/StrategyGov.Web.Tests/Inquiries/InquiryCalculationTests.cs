using StrategyGov.Data.Inquiries;
using StrategyGov.Web.Features.Inquiries;
using StrategyGov.Web.Features.Inquiries.Clock;
using static StrategyGov.Web.Tests.Inquiries.WorkingTimeTests;

namespace StrategyGov.Web.Tests.Inquiries;

/// <summary>
/// The timers of one inquiry and the framework's computed response-time indicators (ADR 0098), as pure
/// functions over hand-made inquiries, against values worked out by hand. Times are Riyadh local times on
/// the default calendar (Sunday–Thursday, 08:00–15:00).
/// </summary>
public sealed class InquiryCalculationTests
{
    private static readonly WorkingCalendarRules Riyadh = WorkingCalendarRules.Default();

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");

    // The fourth quarter of 2026 in Riyadh, computed on Monday 7 December at 12:00.
    private static readonly InquiryWindowUtc Q4 = new(R("2026-10-01 00:00"), R("2027-01-01 00:00"), R("2026-12-07 12:00"), Zone);

    private static ClockFacts Facts(string received, string? first = null, string? answered = null, int firstTarget = 240, int answerTarget = 840, params TimeRange[] pauses) =>
        new(R(received), first is null ? null : R(first), answered is null ? null : R(answered), firstTarget, answerTarget, pauses);

    [Theory]
    [InlineData("2026-12-06 09:00", "2026-12-06 12:00", TimerState.Met, 180)]       // 3 working hours of 4
    [InlineData("2026-12-06 09:00", "2026-12-06 13:00", TimerState.Met, 240)]       // exactly the target is met
    [InlineData("2026-12-06 09:00", "2026-12-06 13:01", TimerState.Missed, 241)]
    [InlineData("2026-12-03 14:00", "2026-12-06 10:30", TimerState.Met, 210)]       // over the weekend: Thu 60 + Sun 150
    public void FirstResponse_Done_IsMetOrMissedByWorkingTime(string received, string first, TimerState state, int used)
    {
        var timer = InquiryClock.FirstResponse(Facts(received, first), Riyadh, R("2026-12-07 12:00"), 60);

        Assert.Equal((state, used), (timer.State, timer.UsedMinutes));
        Assert.Equal(Riyadh.AddWorkingTime(R(received), TimeSpan.FromMinutes(240)), timer.DueAt);
    }

    // Received Monday 08:00 with a target of 4 working hours (due 12:00); warned when 60 minutes or fewer remain.
    [Theory]
    [InlineData("2026-12-07 10:00", TimerState.Running, 120)]
    [InlineData("2026-12-07 11:00", TimerState.AtRisk, 180)]
    [InlineData("2026-12-07 12:00", TimerState.AtRisk, 240)]     // due now: not yet past
    [InlineData("2026-12-07 12:01", TimerState.Breached, 241)]
    [InlineData("2026-12-07 18:00", TimerState.Breached, 420)]   // after hours the clock stands at the day's 420
    public void FirstResponse_Open_RunsThenWarnsThenBreaches(string now, TimerState state, int used)
    {
        var timer = InquiryClock.FirstResponse(Facts("2026-12-07 08:00"), Riyadh, R(now), 60);

        Assert.Equal((state, used), (timer.State, timer.UsedMinutes));
        Assert.Equal(R("2026-12-07 12:00"), timer.DueAt);
    }

    [Fact]
    public void Answer_Open_States()
    {
        var facts = Facts("2026-12-07 08:00", first: "2026-12-07 09:00", answerTarget: 300);

        Assert.Equal(TimerState.Running, InquiryClock.Answer(facts, Riyadh, R("2026-12-07 11:00"), 60).State);   // 180 used, 120 left
        Assert.Equal(TimerState.AtRisk, InquiryClock.Answer(facts, Riyadh, R("2026-12-07 12:00"), 60).State);    // 240 used, 60 left
        Assert.Equal(TimerState.AtRisk, InquiryClock.Answer(facts, Riyadh, R("2026-12-07 13:00"), 60).State);    // 300 used: due now, not yet past
        Assert.Equal(TimerState.Breached, InquiryClock.Answer(facts, Riyadh, R("2026-12-07 13:01"), 60).State);  // 301 used
        Assert.Equal(TimerState.AtRisk, InquiryClock.Answer(facts, Riyadh, R("2026-12-07 11:00"), 1000).State);   // a long warning: at risk from the start
    }

    [Fact]
    public void Answer_WaitingOnTheRequester_IsPausedWithoutDeadline()
    {
        var facts = Facts("2026-12-07 08:00", first: "2026-12-07 09:00", answerTarget: 300, pauses: new TimeRange(R("2026-12-07 10:00"), TimeRange.Open));

        var timer = InquiryClock.Answer(facts, Riyadh, R("2026-12-08 14:00"), 60);

        Assert.Equal((TimerState.Paused, 120), (timer.State, timer.UsedMinutes));
        Assert.Null(timer.DueAt);
    }

    [Fact]
    public void Answer_PausedAfterTheTargetPassed_StaysBreached()
    {
        var facts = Facts("2026-12-07 08:00", answerTarget: 60, pauses: new TimeRange(R("2026-12-07 10:00"), TimeRange.Open));

        Assert.Equal(TimerState.Breached, InquiryClock.Answer(facts, Riyadh, R("2026-12-08 14:00"), 60).State);
    }

    [Fact]
    public void Answer_Referred_ClockKeepsRunning()
    {
        // A referral is not a pause: received Sunday 09:00, referred at 10:00, answered Monday 09:00:
        // Sunday 09–15 (360) + Monday 08–09 (60) = 420 working minutes, over a target of 2 working days (840).
        var timer = InquiryClock.Answer(Facts("2026-12-06 09:00", first: "2026-12-06 10:00", answered: "2026-12-07 09:00"), Riyadh, R("2026-12-07 12:00"), 60);

        Assert.Equal((TimerState.Met, 420), (timer.State, timer.UsedMinutes));
    }

    [Fact]
    public void Apply_StoresDeadlinesAndMinutesUsed()
    {
        var inquiry = new Inquiry
        {
            Outlet = "صحيفة اليوم",
            Topic = "موعد افتتاح ممشى الواجهة البحرية",
            ReceivedAt = R("2026-12-03 13:00"),
            FirstResponseAt = R("2026-12-03 14:30"),
            AnsweredAt = R("2026-12-06 11:00"),
            FirstResponseTargetMinutes = 240,
            AnswerTargetMinutes = 840,
        };
        var pauses = new[] { new InquiryPause { StartedAt = R("2026-12-03 14:40"), EndedAt = R("2026-12-06 09:00") } };

        InquiryClock.Apply(inquiry, Riyadh, pauses);

        Assert.Equal(90, inquiry.FirstResponseMinutes);                 // Thu 13:00–14:30
        Assert.Equal(100 + 120, inquiry.AnswerMinutes);                 // Thu 13:00–14:40 (100) + Sun 09:00–11:00 (120)
        Assert.Equal((3 * 24 - 2) * 60 - ((2 * 24 + 18) * 60 + 20), inquiry.AnswerElapsedMinutes); // 70 h elapsed − 66 h 20 min waiting
        Assert.Equal(R("2026-12-06 10:00"), inquiry.FirstResponseDueAt); // no pause began before the first response: Thu 120 + Sun 120
        Assert.Equal(R("2026-12-07 14:20"), inquiry.AnswerDueAt);        // Thu 100 + Sun 09:00–15:00 (360) + Mon 08:00–14:20 (380) = 840
    }

    private static InquiryFact Fact(
        int id, InquiryKind kind, string received, string? answered = null, int? answerMinutes = null, int? elapsedMinutes = null,
        InquiryChannel channel = InquiryChannel.Newspaper, string? first = null, int? firstMinutes = null, bool documented = true, int answerTarget = 840,
        string? due = null, params TimeRange[] pauses) =>
        new(id, kind, channel, $"موضوع {id}", "صحيفة", R(received), first is null ? null : R(first), answered is null ? null : R(answered), documented,
            firstMinutes, answerMinutes, elapsedMinutes, answerTarget, due is null ? null : R(due), pauses);

    [Fact]
    public void MediaAnswerHours_MeanOfTheMediaInquiriesAnsweredInTheWindow()
    {
        var facts = new[]
        {
            Fact(1, InquiryKind.MediaInquiry, "2026-10-05 09:00", answered: "2026-10-05 10:30", answerMinutes: 90),
            Fact(2, InquiryKind.MediaInquiry, "2026-11-01 09:00", answered: "2026-11-01 13:00", answerMinutes: 240),
            Fact(3, InquiryKind.MediaInquiry, "2026-09-29 09:00", answered: "2026-10-01 10:00", answerMinutes: 600),   // received before, answered in the window: counts
            Fact(4, InquiryKind.MediaInquiry, "2026-09-01 09:00", answered: "2026-09-02 09:00", answerMinutes: 420),   // answered before the window
            Fact(5, InquiryKind.CitizenComplaint, "2026-10-05 09:00", answered: "2026-10-05 09:30", answerMinutes: 30), // not a media inquiry
            Fact(6, InquiryKind.MediaInquiry, "2026-12-06 09:00"),                                                    // still open
        };

        var result = InquiryCalculations.MediaAnswerHours(facts, Q4);

        // (90 + 240 + 600) / 3 = 310 minutes = 5.1666… hours → 5.17
        Assert.Equal(5.17m, result.Value);
        Assert.Equal(3, result.Numerator);
        Assert.Equal(["3", "1", "2"], result.Records.Select(r => r.Id));
        Assert.Equal([10m, 1.5m, 4m], result.Records.Select(r => r.Measure!.Value));
        Assert.Equal("/inquiries/2", result.Records[2].Url);
        Assert.Equal(new DateOnly(2026, 9, 29), result.Records[0].On);
    }

    [Fact]
    public void MediaAnswerHours_NothingAnswered_IsNotApplicable()
    {
        var result = InquiryCalculations.MediaAnswerHours([Fact(1, InquiryKind.MediaInquiry, "2026-12-06 09:00")], Q4);

        Assert.Null(result.Value);
        Assert.Equal("Computed_NoMediaAnswered", result.NotApplicableReason);
    }

    [Fact]
    public void MediaAnswered24h_ElapsedHoursOfTheDecidedOnes()
    {
        var facts = new[]
        {
            Fact(1, InquiryKind.MediaInquiry, "2026-10-05 09:00", answered: "2026-10-05 19:00", elapsedMinutes: 600),    // 10 h: within
            Fact(2, InquiryKind.MediaInquiry, "2026-10-08 09:00", answered: "2026-10-09 10:00", elapsedMinutes: 1500),   // 25 h: late
            Fact(3, InquiryKind.MediaInquiry, "2026-12-06 06:00"),                                                       // open 30 h: missed already
            Fact(4, InquiryKind.MediaInquiry, "2026-12-07 10:00"),                                                       // open 2 h: not decided yet
            Fact(5, InquiryKind.MediaInquiry, "2026-12-06 06:00", pauses: new TimeRange(R("2026-12-06 08:00"), R("2026-12-06 18:00"))), // 30 h − 10 h waiting: not decided
            Fact(6, InquiryKind.MediaInquiry, "2026-11-03 09:00", answered: "2026-11-04 09:00", elapsedMinutes: 1440),   // exactly 24 h: within
            Fact(7, InquiryKind.MediaInquiry, "2026-09-30 09:00", answered: "2026-09-30 10:00", elapsedMinutes: 60),     // received before the window
            Fact(8, InquiryKind.SocialMediaPost, "2026-10-05 09:00", answered: "2026-10-05 10:00", elapsedMinutes: 60),  // not a media inquiry
        };

        var result = InquiryCalculations.MediaAnsweredWithin24Hours(facts, Q4);

        Assert.Equal(50m, result.Value);
        Assert.Equal((2, 4), (result.Numerator, result.Denominator));
        Assert.Equal(["1", "2", "6", "3"], result.Records.Select(r => r.Id));
        Assert.Equal([true, false, true, false], result.Records.Select(r => r.Counts));
        Assert.Equal(30m, result.Records[3].Measure);
    }

    [Fact]
    public void MediaAnswered24h_NothingDecided_IsNotApplicable()
    {
        var result = InquiryCalculations.MediaAnsweredWithin24Hours([Fact(4, InquiryKind.MediaInquiry, "2026-12-07 10:00")], Q4);

        Assert.Null(result.Value);
        Assert.Equal("Computed_NoMediaInquiries", result.NotApplicableReason);
    }

    [Fact]
    public void SocialFirstResponseHours_PostsAndComplaintsOnSocialMedia()
    {
        var facts = new[]
        {
            Fact(1, InquiryKind.SocialMediaPost, "2026-10-05 09:00", first: "2026-10-05 09:30", firstMinutes: 30, channel: InquiryChannel.SocialMedia),
            Fact(2, InquiryKind.CitizenComplaint, "2026-10-06 09:00", first: "2026-10-06 10:30", firstMinutes: 90, channel: InquiryChannel.SocialMedia),
            Fact(3, InquiryKind.CitizenComplaint, "2026-10-06 09:00", first: "2026-10-06 10:00", firstMinutes: 60, channel: InquiryChannel.Newspaper),  // in the press
            Fact(4, InquiryKind.MediaInquiry, "2026-10-06 09:00", first: "2026-10-06 09:10", firstMinutes: 10, channel: InquiryChannel.SocialMedia),    // a journalist
            Fact(5, InquiryKind.SocialMediaPost, "2026-12-07 09:00", channel: InquiryChannel.SocialMedia),                                            // not answered yet
        };

        var result = InquiryCalculations.SocialFirstResponseHours(facts, Q4);

        Assert.Equal(1m, result.Value);   // (30 + 90) / 2 = 60 minutes
        Assert.Equal(["1", "2"], result.Records.Select(r => r.Id));
    }

    [Fact]
    public void SocialComplaintsResolved_DocumentedAndWithinTarget()
    {
        var social = InquiryChannel.SocialMedia;
        var facts = new[]
        {
            Fact(1, InquiryKind.CitizenComplaint, "2026-10-05 09:00", answered: "2026-10-09 09:00", answerMinutes: 2000, channel: social, answerTarget: 2100),
            Fact(2, InquiryKind.CitizenComplaint, "2026-10-05 09:00", answered: "2026-10-06 09:00", answerMinutes: 420, channel: social, answerTarget: 2100, documented: false),
            Fact(3, InquiryKind.CitizenComplaint, "2026-10-05 09:00", answered: "2026-10-14 09:00", answerMinutes: 2200, channel: social, answerTarget: 2100),
            Fact(4, InquiryKind.CitizenComplaint, "2026-11-01 09:00", channel: social, answerTarget: 2100, due: "2026-11-05 15:00"),   // open past its deadline
            Fact(5, InquiryKind.CitizenComplaint, "2026-12-06 09:00", channel: social, answerTarget: 2100, due: "2026-12-13 09:00"),   // open, not due
            Fact(6, InquiryKind.CitizenComplaint, "2026-12-01 09:00", channel: social, answerTarget: 2100),                            // paused: no deadline
            Fact(7, InquiryKind.CitizenComplaint, "2026-10-05 09:00", answered: "2026-10-06 09:00", answerMinutes: 420),               // in the press
        };

        var result = InquiryCalculations.SocialComplaintsResolved(facts, Q4);

        Assert.Equal(25m, result.Value);
        Assert.Equal((1, 4), (result.Numerator, result.Denominator));
        Assert.Equal([true, false, false, false], result.Records.Select(r => r.Counts));
    }

    [Fact]
    public void SocialComplaintsResolved_NoComplaints_IsNotApplicable() =>
        Assert.Equal("Computed_NoSocialComplaints", InquiryCalculations.SocialComplaintsResolved([], Q4).NotApplicableReason);

    // Nearest rank: the values at ranks ⌈n/2⌉ and ⌈0.9·n⌉ of the sorted values, from a histogram in any order.
    [Theory]
    [InlineData(new[] { 30 }, new[] { 1 }, 30, 30)]                                  // n = 1: ranks 1 and 1
    [InlineData(new[] { 10, 20 }, new[] { 1, 1 }, 10, 20)]                           // n = 2: ranks 1 and 2
    [InlineData(new[] { 50, 10, 30 }, new[] { 1, 1, 1 }, 30, 50)]                    // 10 30 50: ranks 2 and 3
    [InlineData(new[] { 5, 100 }, new[] { 9, 1 }, 5, 5)]                             // n = 10: ranks 5 and 9, both 5
    [InlineData(new[] { 5, 100 }, new[] { 8, 3 }, 5, 100)]                           // n = 11: ranks 6 and 10
    [InlineData(new[] { 60, 0, 240, 90 }, new[] { 2, 3, 0, 5 }, 60, 90)]             // 0 0 0 60 60 90×5: ranks 5 and 9
    public void Percentiles_NearestRankOfAHistogram(int[] minutes, int[] counts, int median, int p90) =>
        Assert.Equal(((int?)median, (int?)p90), Percentiles.Of(minutes.Zip(counts)));

    [Fact]
    public void Percentiles_Empty_AreNone() =>
        Assert.Equal(((int?)null, (int?)null), Percentiles.Of([(45, 0)]));
}
