using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using StrategyGov.Data;
using StrategyGov.Data.Calendar;
using StrategyGov.Data.Council;
using StrategyGov.Web.Features.Calendar;
using StrategyGov.Web.Features.Shared;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Council;

/// <summary>
/// Council meetings in the unified calendar (read-only entries linking to the meeting page) for those who
/// may see them, and each meeting's iCalendar invite. The invite's UID is the calendar feed's, so a
/// calendar that has both shows the meeting once.
/// </summary>
public sealed class CouncilCalendar(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    CouncilMeetingService meetings,
    CouncilTime time,
    IStringLocalizer<SharedResource> localizer) : ICalendarEntrySource
{
    public async Task<IReadOnlyList<CalendarEntryRow>> ListAsync(Actor actor, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (!actor.SeesAllInstitutions && !actor.ReadsOneInstitution)
        {
            return [];
        }

        var fromUtc = time.ToUtc(from, TimeOnly.MinValue).AddDays(-1);
        var toUtc = time.ToUtc(to.AddDays(1), TimeOnly.MinValue);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await CouncilAccess.Visible(db.CouncilMeetings.AsNoTracking(), actor)
            .Where(m => m.StartsAt >= fromUtc && m.StartsAt < toUtc)
            .Select(m => new
            {
                m.Id, m.TitleAr, m.TitleEn, m.StartsAt, m.DurationMinutes, m.Place, m.OnlineUrl, m.Status, m.UpdatedAt,
            })
            .ToListAsync(ct);
        var ids = rows.Select(m => m.Id).ToList();

        // The pillar a meeting serves: its first agenda item's that names one.
        var pillars = (await db.CouncilAgendaItems.AsNoTracking()
                .Where(a => ids.Contains(a.MeetingId) && a.PillarId != null)
                .Select(a => new { a.MeetingId, a.Order, a.Pillar!.Id, a.Pillar.Code, a.Pillar.NameAr, a.Pillar.NameEn })
                .ToListAsync(ct))
            .GroupBy(a => a.MeetingId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.Order).Select(a => new NamedRef(a.Id, a.Code, a.NameAr, a.NameEn)).First());
        var center = new NamedRef(0, "GCC", localizer.WithCulture(Bilingual.CreateCulture(Bilingual.Arabic), "CenterName"), localizer.WithCulture(Bilingual.CreateCulture(Bilingual.English), "CenterName"));
        return rows
            .Select(m =>
            {
                var starts = time.ToLocal(m.StartsAt);
                var ends = starts.AddMinutes(m.DurationMinutes);
                var first = DateOnly.FromDateTime(starts);
                return new CalendarEntryRow(
                    -m.Id, center, m.TitleAr, m.TitleEn, null, CalendarEntryKind.Event, pillars.GetValueOrDefault(m.Id) ?? new NamedRef(0, string.Empty, "—", "—"), [], [],
                    starts, ends, m.StartsAt, m.StartsAt.AddMinutes(m.DurationMinutes), false, first, DateOnly.FromDateTime(ends.AddTicks(-1)),
                    m.Place ?? m.OnlineUrl, false, m.Status == CouncilMeetingStatus.Cancelled ? CalendarEntryStatus.Cancelled : CalendarEntryStatus.Confirmed,
                    m.UpdatedAt, CanEdit: false, CanDecide: false, Clashes: [], Link: $"council/meetings/{m.Id}");
            })
            .Where(r => r.LastDay >= from && r.FirstDay <= to)
            .ToList();
    }

    /// <summary>The meeting's invite (RFC 5545) in the current UI language, for those who may see it.</summary>
    public async Task<FileDownload> InviteAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        var m = await meetings.GetAsync(actor, meetingId, ct);
        var description = new StringBuilder();
        description.AppendLine(Bilingual.Pick(m.SeriesTitleAr, m.SeriesTitleEn));
        foreach (var item in m.Agenda)
        {
            description.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{item.Order}. {Bilingual.Pick(item.TitleAr, item.TitleEn)} ({item.DurationMinutes} {localizer["Council_MinutesUnit"]})"));
        }

        if (m.OnlineUrl is { } url)
        {
            description.AppendLine($"{localizer["Council_OnlineLink"]}: {url}");
        }

        var e = new ICalendarEvent(
            $"council-meetings-{m.Id}@strategygov",
            Bilingual.Pick(m.TitleAr, m.TitleEn),
            description.ToString().Trim(),
            m.Place ?? m.OnlineUrl,
            m.StartsUtc,
            m.StartsUtc.AddMinutes(m.DurationMinutes),
            false,
            m.Day,
            DateOnly.FromDateTime(m.EndsLocal),
            m.Status == CouncilMeetingStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
            [localizer["Council_Title"].Value],
            m.UpdatedUtc);
        var text = ICalendarWriter.Write(localizer["Council_Title"], time.Zone.Id, [e], time.UtcNow);
        return new FileDownload(Encoding.UTF8.GetBytes(text), $"council-meeting-{m.Id}.ics", "text/calendar");
    }
}
