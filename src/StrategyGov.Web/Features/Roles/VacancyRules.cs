namespace StrategyGov.Web.Features.Roles;

/// <summary>Why a role of an institution is a governance gap.</summary>
public enum RoleGap
{
    /// <summary>A required role with no current holder.</summary>
    Vacant,

    /// <summary>The current holder's contacts were not confirmed within the allowed number of days.</summary>
    Unconfirmed,

    /// <summary>The role requires a deputy and the current holder has none.</summary>
    DeputyMissing,
}

/// <summary>What the rules need to know of one assignment.</summary>
public sealed record AssignmentFacts(DateOnly StartsOn, DateOnly? EndsOn, DateOnly ConfirmedOn, bool HasDeputy);

/// <summary>
/// The vacancy rules of the role register, on calendar days in the platform's time zone. Pure: the
/// caller passes today and the confirmation window (<c>Roles:ConfirmationDays</c>).
/// </summary>
public static class VacancyRules
{
    /// <summary>An assignment is current from its first day to its last day, both included.</summary>
    public static bool IsCurrent(DateOnly startsOn, DateOnly? endsOn, DateOnly today) =>
        startsOn <= today && (endsOn is null || endsOn.Value >= today);

    /// <summary>The current assignment: the latest started one whose dates include today.</summary>
    public static T? Current<T>(IEnumerable<T> assignments, Func<T, AssignmentFacts> facts, DateOnly today)
        where T : class =>
        assignments.Where(a => IsCurrent(facts(a).StartsOn, facts(a).EndsOn, today)).MaxBy(a => facts(a).StartsOn);

    /// <summary>
    /// The gaps of one role in one institution: vacant when required and nobody holds it today;
    /// otherwise unconfirmed when the contacts are older than <paramref name="confirmationDays"/> days, and
    /// deputy missing when the role needs one.
    /// </summary>
    public static IReadOnlyList<RoleGap> Gaps(bool required, bool deputyRequired, AssignmentFacts? current, DateOnly today, int confirmationDays)
    {
        if (current is null)
        {
            return required ? [RoleGap.Vacant] : [];
        }

        var gaps = new List<RoleGap>(2);
        if (today.DayNumber - current.ConfirmedOn.DayNumber > confirmationDays)
        {
            gaps.Add(RoleGap.Unconfirmed);
        }

        if (deputyRequired && !current.HasDeputy)
        {
            gaps.Add(RoleGap.DeputyMissing);
        }

        return gaps;
    }
}
