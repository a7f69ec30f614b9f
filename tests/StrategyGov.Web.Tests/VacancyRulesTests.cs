using StrategyGov.Web.Features.Roles;

namespace StrategyGov.Web.Tests;

/// <summary>The vacancy rules of the role register on calendar days (issue 4): pure, today passed in.</summary>
public sealed class VacancyRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private const int Window = 180;

    [Fact]
    public void Gaps_RequiredRoleWithNobody_IsVacant()
    {
        var gaps = VacancyRules.Gaps(required: true, deputyRequired: true, current: null, Today, Window);

        Assert.Equal([RoleGap.Vacant], gaps);
    }

    [Fact]
    public void Gaps_OptionalRoleWithNobody_IsNoGap()
    {
        var gaps = VacancyRules.Gaps(required: false, deputyRequired: false, current: null, Today, Window);

        Assert.Empty(gaps);
    }

    [Theory]
    [InlineData("2026-11-22", true)]   // ended yesterday: vacant today
    [InlineData("2026-11-23", false)]  // today is still the last day in the role
    [InlineData("2026-12-31", false)]  // ends later
    public void Current_EndedAssignment_IsNoLongerCurrentTheDayAfterItsLastDay(string lastDay, bool vacant)
    {
        var assignment = Facts(start: "2024-01-01", end: lastDay, confirmed: "2026-11-01");

        var current = VacancyRules.Current([assignment], a => a, Today);
        var gaps = VacancyRules.Gaps(true, false, current, Today, Window);

        Assert.Equal(vacant, gaps.Contains(RoleGap.Vacant));
    }

    [Fact]
    public void Current_AssignmentStartingTomorrow_LeavesTheRoleVacantToday()
    {
        var upcoming = Facts(start: "2026-11-24", end: null, confirmed: "2026-11-20");

        var current = VacancyRules.Current([upcoming], a => a, Today);

        Assert.Null(current);
    }

    [Fact]
    public void Current_HandedOver_IsTheLatestStartedHolder()
    {
        var previous = Facts(start: "2023-01-01", end: null, confirmed: "2026-11-01");
        var successor = Facts(start: "2026-10-01", end: null, confirmed: "2026-10-01");

        var current = VacancyRules.Current([previous, successor], a => a, Today);

        Assert.Same(successor, current);
    }

    [Theory]
    [InlineData("2026-05-27", false)] // 180 days ago: still within the window
    [InlineData("2026-05-26", true)]  // 181 days ago: unconfirmed
    [InlineData("2025-01-01", true)]
    [InlineData("2026-11-23", false)] // confirmed today
    public void Gaps_ContactConfirmedLongAgo_IsUnconfirmedAfterTheWindow(string confirmed, bool unconfirmed)
    {
        var holder = Facts(start: "2024-01-01", end: null, confirmed: confirmed);

        var gaps = VacancyRules.Gaps(true, false, holder, Today, Window);

        Assert.Equal(unconfirmed, gaps.Contains(RoleGap.Unconfirmed));
        Assert.DoesNotContain(RoleGap.Vacant, gaps);
    }

    [Fact]
    public void Gaps_ShorterConfiguredWindow_CountsEarlier()
    {
        var holder = Facts(start: "2024-01-01", end: null, confirmed: "2026-10-23");

        Assert.Contains(RoleGap.Unconfirmed, VacancyRules.Gaps(true, false, holder, Today, confirmationDays: 30));
        Assert.DoesNotContain(RoleGap.Unconfirmed, VacancyRules.Gaps(true, false, holder, Today, confirmationDays: 31));
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    public void Gaps_DeputyRequiredButMissing_IsAGap(bool deputyRequired, bool hasDeputy, bool gap)
    {
        var holder = new AssignmentFacts(new DateOnly(2024, 1, 1), null, Today, hasDeputy);

        var gaps = VacancyRules.Gaps(true, deputyRequired, holder, Today, Window);

        Assert.Equal(gap, gaps.Contains(RoleGap.DeputyMissing));
    }

    private static AssignmentFacts Facts(string start, string? end, string confirmed) =>
        new(DateOnly.Parse(start), end is null ? null : DateOnly.Parse(end), DateOnly.Parse(confirmed), HasDeputy: true);
}
