using StrategyGov.Web.Features.Crisis;

namespace StrategyGov.Web.Tests;

/// <summary>Crisis readiness (issue 8): plan current, team complete, drill within 12 months, on dates.</summary>
public sealed class CrisisReadinessRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly PlanFacts CurrentPlan = new(new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1));

    [Fact]
    public void Evaluate_EverythingInPlace_IsReady()
    {
        var readiness = CrisisReadinessRules.Evaluate(new ReadinessFacts(CurrentPlan, TeamComplete: true, new DateOnly(2026, 6, 1)), Today);

        Assert.Equal(ReadinessStatus.Ready, readiness.Status);
        Assert.Empty(readiness.Gaps);
    }

    [Fact]
    public void Evaluate_NothingInPlace_IsNotReady()
    {
        var readiness = CrisisReadinessRules.Evaluate(new ReadinessFacts(null, TeamComplete: false, null), Today);

        Assert.Equal(ReadinessStatus.NotReady, readiness.Status);
        Assert.Equal([ReadinessGap.NoPlan, ReadinessGap.TeamIncomplete, ReadinessGap.NoDrill], readiness.Gaps);
    }

    [Theory]
    [InlineData("2025-11-23", true)]  // reviewed exactly 12 months ago: still current
    [InlineData("2025-11-22", false)] // a day more: not reviewed within 12 months
    [InlineData("2026-11-23", true)]
    public void Evaluate_PlanReviewDate_CountsWithinTwelveMonths(string reviewed, bool current)
    {
        var plan = new PlanFacts(DateOnly.Parse(reviewed), null);

        var readiness = CrisisReadinessRules.Evaluate(new ReadinessFacts(plan, true, new DateOnly(2026, 6, 1)), Today);

        Assert.Equal(current, readiness.PlanCurrent);
        Assert.Equal(current ? ReadinessStatus.Ready : ReadinessStatus.PartlyReady, readiness.Status);
        Assert.Equal(!current, readiness.Gaps.Contains(ReadinessGap.PlanNotReviewed));
    }

    [Theory]
    [InlineData("2026-11-22", false)] // validity ended yesterday
    [InlineData("2026-11-23", true)]  // valid through today
    public void Evaluate_PlanPastItsValidity_IsNotCurrentEvenIfRecentlyReviewed(string validUntil, bool current)
    {
        var plan = new PlanFacts(new DateOnly(2026, 6, 1), DateOnly.Parse(validUntil));

        var readiness = CrisisReadinessRules.Evaluate(new ReadinessFacts(plan, true, new DateOnly(2026, 6, 1)), Today);

        Assert.Equal(current, readiness.PlanCurrent);
        Assert.Equal(!current, readiness.Gaps.Contains(ReadinessGap.PlanExpired));
    }

    [Fact]
    public void Evaluate_PlanWithoutReviewDate_IsNotCurrent()
    {
        var readiness = CrisisReadinessRules.Evaluate(new ReadinessFacts(new PlanFacts(null, null), true, Today), Today);

        Assert.False(readiness.PlanCurrent);
        Assert.Contains(ReadinessGap.PlanNotReviewed, readiness.Gaps);
    }

    [Theory]
    [InlineData("2025-11-23", true, null)]
    [InlineData("2025-11-22", false, ReadinessGap.DrillOutOfDate)]
    [InlineData("2026-11-24", false, ReadinessGap.DrillOutOfDate)] // a date in the future is no drill held
    public void Evaluate_LastDrill_CountsWithinTwelveMonths(string held, bool current, ReadinessGap? gap)
    {
        var readiness = CrisisReadinessRules.Evaluate(new ReadinessFacts(CurrentPlan, true, DateOnly.Parse(held)), Today);

        Assert.Equal(current, readiness.DrillCurrent);
        Assert.Equal(current ? ReadinessStatus.Ready : ReadinessStatus.PartlyReady, readiness.Status);
        Assert.Equal(gap is null ? [] : new[] { gap.Value }, readiness.Gaps);
    }

    [Fact]
    public void Evaluate_OnlyTeamComplete_IsPartlyReady()
    {
        var readiness = CrisisReadinessRules.Evaluate(new ReadinessFacts(null, TeamComplete: true, new DateOnly(2024, 1, 1)), Today);

        Assert.Equal(ReadinessStatus.PartlyReady, readiness.Status);
        Assert.Equal([ReadinessGap.NoPlan, ReadinessGap.DrillOutOfDate], readiness.Gaps);
    }
}
