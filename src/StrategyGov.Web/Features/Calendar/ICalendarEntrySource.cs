using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Calendar;

/// <summary>
/// Entries another feature shows in the unified calendar (council meetings, …): read-only rows with a
/// <see cref="CalendarEntryRow.Link"/> to where they are kept, for what the actor may see. They are not
/// high profile, so they never clash; filters by institution, pillar or audience leave them out.
/// </summary>
public interface ICalendarEntrySource
{
    /// <summary>The entries touching local days [from, to] that the actor may see.</summary>
    Task<IReadOnlyList<CalendarEntryRow>> ListAsync(Actor actor, DateOnly from, DateOnly to, CancellationToken ct);
}
