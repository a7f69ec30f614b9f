using StrategyGov.Data.Framework;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Calendar;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Features.Crisis;
using StrategyGov.Web.Features.Roles;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The calculations behind computed indicators (docs/decisions/0096), as pure functions over records,
/// checked against values worked out by hand.
/// </summary>
public sealed class ComputedCalculationTests
{
    private static readonly DateOnly AsOf = new(2026, 12, 31);

    private static RoleInfo Role(int id, string code, bool required = true) =>
        new(id, code, $"دور {code}", $"Role {code}", null, null, required, false, id);

    [Fact]
    public void RequiredFilled_ThreeOfFourHeldOnTheDay_Is75()
    {
        var roles = new[] { Role(1, "A"), Role(2, "B"), Role(3, "C"), Role(4, "D") };
        var holdings = new[]
        {
            new RolesComputedSource.Holding(9, 1, "علي", new(2025, 1, 1), null),
            new RolesComputedSource.Holding(9, 2, "منى", new(2026, 12, 31), null),           // starts on the day: held
            new RolesComputedSource.Holding(9, 3, "سالم", new(2024, 1, 1), new(2026, 12, 31)), // ends on the day: held
            new RolesComputedSource.Holding(9, 4, "هند", new(2024, 1, 1), new(2026, 12, 30)),  // ended the day before: vacant
        };

        var result = RolesComputedSource.Calculate(9, roles, holdings, AsOf);

        Assert.Equal(75m, result.Value);
        Assert.Equal((3, 4), (result.Numerator, result.Denominator));
        Assert.Equal([true, true, true, false], result.Records.Select(r => r.Counts));
        Assert.Equal("دور A: \u2068علي\u2069", result.Records[0].LabelAr);
        Assert.Equal("Role D", result.Records[3].LabelEn);
        Assert.All(result.Records, r => Assert.Equal("/roles/institutions/9", r.Url));
    }

    [Fact]
    public void RequiredFilled_LaterHolderStartsAfterTheDay_CountsTheEarlierOne()
    {
        var roles = new[] { Role(1, "A"), Role(2, "B"), Role(3, "C") };
        var holdings = new[]
        {
            new RolesComputedSource.Holding(9, 1, "قديم", new(2020, 1, 1), null),
            new RolesComputedSource.Holding(9, 1, "جديد", new(2027, 1, 1), null),
            new RolesComputedSource.Holding(9, 2, "لاحق", new(2027, 1, 1), null),
        };

        var result = RolesComputedSource.Calculate(9, roles, holdings, AsOf);

        // 1 of 3 = 33.333… → 33.33 (two decimals, half away from zero).
        Assert.Equal(33.33m, result.Value);
        Assert.Equal("دور A: \u2068قديم\u2069", result.Records[0].LabelAr);
    }

    [Fact]
    public void RequiredFilled_NoRequiredRoles_IsNotApplicableWithItsReason()
    {
        var result = RolesComputedSource.Calculate(9, [], [], AsOf);

        Assert.Null(result.Value);
        Assert.Equal("Computed_NoRequiredRoles", result.NotApplicableReason);
    }

    [Theory]
    [InlineData("050", "060", "051", "061", 100)] // both roles, both seats, all with phones
    [InlineData("050", null, "051", "061", 75)]    // one alternate without a phone: 3 of 4
    [InlineData(null, null, "051", null, 25)]      // one primary without a phone and its alternate without one: 1 of 4
    public void TeamFilled_SeatsHeldWithAPhone(string? leadDeputyPhone, string? spokesDeputyPhone, string? leadPhone, string? spokesPhone, int expected)
    {
        var roles = new[] { Role(1, "CRISIS-LEAD"), Role(2, "SPOKESPERSON") };
        var holdings = new[]
        {
            new CrisisTeamComputedSource.TeamHolding(9, 1, "قائد", leadPhone, "نائب القائد", leadDeputyPhone, new(2025, 1, 1), null),
            new CrisisTeamComputedSource.TeamHolding(9, 2, "متحدث", spokesPhone, "نائب المتحدث", spokesDeputyPhone, new(2025, 1, 1), null),
        };

        var result = CrisisTeamComputedSource.Calculate(9, roles, holdings, AsOf);

        Assert.Equal(expected, result.Value);
        Assert.Equal(4, result.Denominator);
    }

    [Fact]
    public void TeamFilled_RoleVacant_BothItsSeatsAreEmpty()
    {
        var roles = new[] { Role(1, "CRISIS-LEAD"), Role(2, "SPOKESPERSON") };
        var holdings = new[] { new CrisisTeamComputedSource.TeamHolding(9, 1, "قائد", "1", "نائب", "2", new(2025, 1, 1), null) };

        var result = CrisisTeamComputedSource.Calculate(9, roles, holdings, AsOf);

        Assert.Equal(50m, result.Value);
        Assert.Equal(["CRISIS-LEAD/primary", "CRISIS-LEAD/alternate", "SPOKESPERSON/primary", "SPOKESPERSON/alternate"], result.Records.Select(r => r.Id));
        Assert.Equal([true, true, false, false], result.Records.Select(r => r.Counts));
    }

    [Fact]
    public void DrillsHeld_CountsOnlyDrillsInsideTheWindowEdgesIncluded()
    {
        var drills = new[]
        {
            new CrisisDrillsComputedSource.Drill(1, 9, new(2025, 12, 31), "قبل النافذة"),
            new CrisisDrillsComputedSource.Drill(2, 9, new(2026, 1, 1), "أول يوم"),
            new CrisisDrillsComputedSource.Drill(3, 9, new(2026, 6, 15), "منتصف العام"),
            new CrisisDrillsComputedSource.Drill(4, 9, new(2026, 12, 31), "آخر يوم"),
            new CrisisDrillsComputedSource.Drill(5, 9, new(2027, 1, 1), "بعد النافذة"),
        };

        var result = CrisisDrillsComputedSource.Calculate(9, drills, new(2026, 1, 1), new(2026, 12, 31));

        Assert.Equal(3m, result.Value);
        Assert.Equal(["2", "3", "4"], result.Records.Select(r => r.Id));
    }

    [Theory]
    [InlineData("2025-12-31", null, 1)]         // reviewed on the same day a year before: within twelve months
    [InlineData("2025-12-30", null, 0)]         // a year and a day before: not current
    [InlineData("2026-06-01", "2026-12-30", 0)] // reviewed recently but expired the day before
    [InlineData("2026-06-01", "2026-12-31", 1)] // valid through the day
    public void PlanCurrent_ReviewWithinTwelveMonthsAndStillValid(string reviewed, string? validUntil, int expected)
    {
        var plan = new CrisisPlanComputedSource.Plan(1, 9, "خطة", DateOnly.Parse(reviewed), validUntil is null ? null : DateOnly.Parse(validUntil));

        var result = CrisisPlanComputedSource.Calculate(9, plan, AsOf);

        Assert.Equal(expected, result.Value);
        Assert.Equal(expected == 1, Assert.Single(result.Records).Counts);
    }

    [Fact]
    public void PlanCurrent_NoPlan_IsNo()
    {
        var result = CrisisPlanComputedSource.Calculate(9, null, AsOf);

        Assert.Equal(0m, result.Value);
        Assert.Empty(result.Records);
    }

    [Fact]
    public void Clashes_OnlyTheInstitutionsOwnInTheWindow()
    {
        var audience = new HashSet<int> { 1 };
        CalendarComputedSource.Entry Entry(int id, int institution, string first, string last) =>
            new(new ClashCandidate(id, institution, DateOnly.Parse(first), DateOnly.Parse(last), audience, true), $"فعالية {id}", $"Event {id}", $"جهة {institution}", $"Institution {institution}");
        var entries = new[]
        {
            Entry(1, 9, "2026-10-05", "2026-10-06"),
            Entry(2, 7, "2026-10-06", "2026-10-07"), // clashes with 1 on the 6th: counted for 9 and for 7
            Entry(3, 8, "2026-09-29", "2026-10-01"), // clashes with 4 across the window's start: counted for 9
            Entry(4, 9, "2026-09-30", "2026-10-02"),
            Entry(5, 7, "2026-09-01", "2026-09-02"), // clashes with 6 before the window: not counted
            Entry(6, 9, "2026-09-02", "2026-09-03"),
            Entry(7, 8, "2026-11-01", "2026-11-01"), // clashes with 2 other institutions, none of them 9
            Entry(8, 7, "2026-11-01", "2026-11-02"),
        };

        var result = CalendarComputedSource.Calculate(9, entries, new(2026, 10, 1), new(2026, 12, 31));

        Assert.Equal(2m, result.Value);
        Assert.Equal(["3-4", "1-2"], result.Records.Select(r => r.Id));
        Assert.Equal("فعالية 4 ↔ فعالية 3 (جهة 8)", Bidi.Strip(result.Records[0].LabelAr));
        Assert.Equal("/calendar?date=2026-09-30", result.Records[0].Url);
    }

    [Theory]
    [InlineData(IndicatorFrequency.Quarterly, "2026-10-01", "2026-12-31")]
    [InlineData(IndicatorFrequency.SemiAnnual, "2026-07-01", "2026-12-31")]
    [InlineData(IndicatorFrequency.Annual, "2026-01-01", "2026-12-31")]
    public void Window_FollowsTheIndicatorsFrequency(IndicatorFrequency frequency, string from, string to)
    {
        var window = ComputeRequest.Window(frequency, new(2026, 10, 1), new(2026, 12, 31));

        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), window);
    }

    [Theory]
    [InlineData(ComputedKind.Percentage, MeasurementType.Percentage, true)]
    [InlineData(ComputedKind.Percentage, MeasurementType.TargetHigherIsBetter, true)]
    [InlineData(ComputedKind.Percentage, MeasurementType.YesNo, false)]
    [InlineData(ComputedKind.Count, MeasurementType.TargetLowerIsBetter, true)]
    [InlineData(ComputedKind.Count, MeasurementType.Percentage, false)]
    [InlineData(ComputedKind.Hours, MeasurementType.Maturity, false)]
    [InlineData(ComputedKind.YesNo, MeasurementType.YesNo, true)]
    [InlineData(ComputedKind.YesNo, MeasurementType.Percentage, false)]
    public void Feeds_OnlyTypesThatMeasureWhatTheCalculationProduces(ComputedKind kind, MeasurementType type, bool feeds) =>
        Assert.Equal(feeds, ComputeRequest.Feeds(kind, type));

    [Fact]
    public void Basis_SameOutcomeIgnoresTheDayStatesWereReadOn()
    {
        var request = new ComputeRequest([9], new(2026, 10, 1), new(2026, 12, 31), new(2026, 12, 7), TimeZoneInfo.Utc);
        var result = new ComputedResult(50m, [new ComputedRecord("role", "A", "أ", "A", Counts: true)], 1, 2);
        var basis = ComputedBasis.Of("roles.required-filled", request, result);

        var nextDay = ComputedBasis.Of("roles.required-filled", request with { AsOf = new(2026, 12, 8) }, result);
        var otherRecord = ComputedBasis.Of("roles.required-filled", request, result with { Records = [new ComputedRecord("role", "A", "أ", "A", Counts: false)] });

        Assert.True(basis.SameOutcome(nextDay));
        Assert.False(basis.SameOutcome(otherRecord));
        var back = ComputedBasis.FromJson(basis.ToJson())!;
        Assert.True(back.SameOutcome(basis));
        Assert.Equal(basis.AsOf, back.AsOf);
        Assert.Equal(basis.Records, back.Records);
    }
}
