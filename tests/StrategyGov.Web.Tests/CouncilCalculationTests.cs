using StrategyGov.Data.Council;
using StrategyGov.Web.Features.Council;
using StrategyGov.Web.Security;
using Attendance = StrategyGov.Web.Features.Council.CouncilAttendanceComputedSource;
using Decisions = StrategyGov.Web.Features.Council.CouncilDecisionsComputedSource;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The council's computed indicators (docs/decisions/0097) as pure functions over records, against values
/// worked out by hand; and the small rules of its forms (digits, safe minutes).
/// </summary>
public sealed class CouncilCalculationTests
{
    // A quarter: 1 October to 31 December, read on 10 December while it runs.
    private static readonly DateOnly From = new(2026, 10, 1);
    private static readonly DateOnly To = new(2026, 12, 31);
    private static readonly DateOnly AsOf = new(2026, 12, 10);

    private static Attendance.AttendanceFact Meeting(int id, DateOnly day, CouncilAttendance attendance, bool approved = false, bool cancelled = false) =>
        new(9, id, $"اجتماع {id}", $"Meeting {id}", day, cancelled, attendance, approved, attendance == CouncilAttendance.Absent ? null : "نورة");

    [Fact]
    public void Attendance_HandWorkedQuarter_CountsHeldRecordedMeetingsOnly()
    {
        var facts = new[]
        {
            Meeting(1, new(2026, 9, 30), CouncilAttendance.Present),                   // before the window
            Meeting(2, new(2026, 10, 1), CouncilAttendance.Present),                   // first day: counts, attended
            Meeting(3, new(2026, 10, 20), CouncilAttendance.Delegate, approved: true), // approved delegate: attended
            Meeting(4, new(2026, 11, 5), CouncilAttendance.Delegate),                  // delegate not approved: not attended
            Meeting(5, new(2026, 11, 9), CouncilAttendance.Absent),                    // absent
            Meeting(6, new(2026, 11, 12), CouncilAttendance.Apologised),               // apologised: still not attended
            Meeting(7, new(2026, 11, 20), CouncilAttendance.Present, cancelled: true), // cancelled: never counts
            Meeting(8, new(2026, 11, 25), CouncilAttendance.NotRecorded),              // not recorded: left out
            Meeting(9, new(2026, 12, 10), CouncilAttendance.Present),                  // on the day read: counts
            Meeting(10, new(2026, 12, 17), CouncilAttendance.NotRecorded),             // after the day read: left out
        };

        var result = Attendance.Calculate(facts, From, To, AsOf);

        // Counted: 2, 3, 4, 5, 6, 9 → attended 2, 3, 9 → 3 of 6 = 50 %.
        Assert.Equal((3, 6), (result.Numerator, result.Denominator));
        Assert.Equal(50m, result.Value);
        Assert.Equal(["2", "3", "4", "5", "6", "9"], result.Records.Select(r => r.Id));
        Assert.Equal([true, true, false, false, false, true], result.Records.Select(r => r.Counts));
        Assert.Equal("/council/meetings/3", result.Records[1].Url);
        Assert.Equal("اجتماع 3 — حضر مندوب معتمد (نورة)", result.Records[1].LabelAr);
        Assert.Equal("Meeting 5 — absent", result.Records[3].LabelEn);
        Assert.Equal(new DateOnly(2026, 10, 1), result.Records[0].On);
    }

    [Theory]
    [InlineData(1, 3, 33.33)]
    [InlineData(2, 3, 66.67)]
    [InlineData(3, 3, 100)]
    [InlineData(0, 1, 0)]
    public void Attendance_Shares_RoundToTwoDecimalsHalfAwayFromZero(int attended, int held, decimal expected)
    {
        var facts = Enumerable.Range(1, held)
            .Select(i => Meeting(i, From.AddDays(i), i <= attended ? CouncilAttendance.Present : CouncilAttendance.Absent));

        var result = Attendance.Calculate(facts, From, To, AsOf);

        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Attendance_OnlyCancelledOrUnrecordedMeetings_IsNotApplicableWithItsReason()
    {
        var facts = new[] { Meeting(1, From.AddDays(3), CouncilAttendance.Present, cancelled: true), Meeting(2, From.AddDays(5), CouncilAttendance.NotRecorded) };

        var result = Attendance.Calculate(facts, From, To, AsOf);

        Assert.Null(result.Value);
        Assert.Equal("Computed_NoCouncilMeetings", result.NotApplicableReason);
        Assert.Empty(result.Records);
    }

    private static Decisions.DecisionFact Decision(int owner, DateOnly due, CouncilOwnerStatus status, DateOnly? done = null, bool accepted = false) =>
        new(owner, 9, 10, 55, owner, $"قرار {owner}", $"Decision {owner}", due, status, done, accepted);

    [Fact]
    public void DecisionsImplemented_HandWorkedQuarter_DoneOnTimeAndAcceptedOverThoseDue()
    {
        var facts = new[]
        {
            Decision(1, new(2026, 9, 30), CouncilOwnerStatus.Done, new(2026, 9, 1), accepted: true),      // due before the window
            Decision(2, new(2026, 10, 1), CouncilOwnerStatus.Done, new(2026, 10, 1), accepted: true),     // done on the due day: on time
            Decision(3, new(2026, 10, 15), CouncilOwnerStatus.Done, new(2026, 10, 16), accepted: true),   // a day late: counted, not on time
            Decision(4, new(2026, 10, 20), CouncilOwnerStatus.Done, new(2026, 10, 10)),                   // done, awaiting acceptance: not yet
            Decision(5, new(2026, 11, 1), CouncilOwnerStatus.NotApplicable, accepted: true),              // accepted N/A: left out
            Decision(6, new(2026, 11, 2), CouncilOwnerStatus.NotApplicable),                              // N/A awaiting: counted, not done
            Decision(7, new(2026, 11, 30), CouncilOwnerStatus.InProgress),                                // overdue: counted, not done
            Decision(8, new(2026, 12, 10), CouncilOwnerStatus.NotStarted),                                // due on the day read: counted
            Decision(9, new(2026, 12, 20), CouncilOwnerStatus.InProgress),                                // not due yet: left out
            Decision(10, new(2026, 12, 28), CouncilOwnerStatus.Done, new(2026, 12, 5), accepted: true),   // not due yet but done and accepted: on time
            Decision(11, new(2027, 1, 5), CouncilOwnerStatus.Done, new(2026, 12, 1), accepted: true),     // due after the window
        };

        var result = Decisions.Calculate(facts, From, To, AsOf);

        // Counted: 2, 3, 4, 6, 7, 8, 10 → on time 2 and 10 → 2 of 7 = 28.571… → 28.57.
        Assert.Equal((2, 7), (result.Numerator, result.Denominator));
        Assert.Equal(28.57m, result.Value);
        Assert.Equal(["2", "3", "4", "6", "7", "8", "10"], result.Records.Select(r => r.Id));
        Assert.Equal([true, false, false, false, false, false, true], result.Records.Select(r => r.Counts));
        Assert.Equal("10/4: قرار 4 — بانتظار اعتماد المركز", result.Records[2].LabelAr);
        Assert.Equal("10/3: Decision 3 — done late, on 2026-10-16", result.Records[1].LabelEn);
        Assert.Equal("/council/assignments/2", result.Records[0].Url);
        Assert.Equal(new DateOnly(2026, 10, 1), result.Records[0].On);
    }

    [Fact]
    public void DecisionsImplemented_WindowOver_EveryDecisionDueInItCounts()
    {
        var facts = new[]
        {
            Decision(1, new(2026, 12, 20), CouncilOwnerStatus.InProgress),
            Decision(2, new(2026, 12, 31), CouncilOwnerStatus.Done, new(2026, 12, 30), accepted: true),
        };

        var result = Decisions.Calculate(facts, From, To, asOf: To);

        Assert.Equal(50m, result.Value);
        Assert.Equal((1, 2), (result.Numerator, result.Denominator));
    }

    [Fact]
    public void DecisionsImplemented_AllAcceptedNotApplicable_IsNotApplicableWithItsReason()
    {
        var facts = new[] { Decision(1, new(2026, 10, 5), CouncilOwnerStatus.NotApplicable, accepted: true) };

        var result = Decisions.Calculate(facts, From, To, AsOf);

        Assert.Null(result.Value);
        Assert.Equal("Computed_NoCouncilDecisionsDue", result.NotApplicableReason);
    }

    [Theory]
    [InlineData("١٢٠", 120)]
    [InlineData("۹۰", 90)]
    [InlineData(" 45 ", 45)]
    public void Whole_ArabicIndicDigits_AreRead(string typed, int expected)
    {
        Assert.Equal(expected, CouncilInput.Whole(typed, 15, 720, "Council_DurationRange"));
    }

    [Theory]
    [InlineData("10")]
    [InlineData("721")]
    [InlineData("ساعتان")]
    [InlineData("90.5")]
    [InlineData("")]
    public void Whole_OutOfRangeOrNotANumber_IsRefusedWithTheBounds(string typed)
    {
        var refusal = Assert.Throws<RuleViolationException>(() => CouncilInput.Whole(typed, 15, 720, "Council_DurationRange"));

        Assert.Equal("Council_DurationRange", refusal.Message);
        Assert.Equal([15, 720], refusal.Arguments);
    }

    [Fact]
    public void Date_ArabicIndicDigits_AreRead()
    {
        Assert.Equal(new DateOnly(2026, 12, 17), CouncilInput.Date("٢٠٢٦-١٢-١٧", "Council_DateInvalid"));
        Assert.Equal(new TimeOnly(9, 30), CouncilInput.Time("٠٩:٣٠", "Council_TimeInvalid"));
        Assert.Equal("Council_DateInvalid", Assert.Throws<RuleViolationException>(() => CouncilInput.Date("2026-02-30", "Council_DateInvalid")).Message);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example/x")]
    [InlineData("meet.example/room")]
    public void Url_NotHttp_IsRefused(string typed)
    {
        Assert.Equal("Council_UrlInvalid", Assert.Throws<RuleViolationException>(() => CouncilInput.Url(typed, "Council_UrlInvalid")).Message);
    }

    [Fact]
    public void Minutes_HtmlTyped_IsShownAsTextAndTheMarkdownBecomesMarkup()
    {
        const string typed = "## البنود\n- **أولاً** <script>alert('x')</script>\n- ثانياً\n\n١. عرض الروزنامة\n2) متابعة\n\nفقرة <b>عادية</b>\nسطر ثانٍ";

        var html = MinutesText.ToHtml(typed);

        Assert.Equal(
            "<h3 dir=\"auto\">البنود</h3>"
            + "<ul dir=\"auto\"><li><strong>أولاً</strong> &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</li><li>ثانياً</li></ul>"
            + "<ol dir=\"auto\"><li>عرض الروزنامة</li><li>متابعة</li></ol>"
            + "<p dir=\"auto\">فقرة &lt;b&gt;عادية&lt;/b&gt;<br />سطر ثانٍ</p>",
            html);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Equal(string.Empty, MinutesText.ToHtml("  \n "));
    }

    [Theory]
    [InlineData(10, 55, 3, "10/3")]
    [InlineData(null, 55, 1, "#55/1")]
    public void Reference_MeetingNumberAndSequence(int? number, int meetingId, int sequence, string expected)
    {
        Assert.Equal(expected, CouncilRules.Reference(number, meetingId, sequence));
    }
}
