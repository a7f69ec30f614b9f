using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Calendar;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Identity;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Calendar;

/// <summary>
/// The unified calendar. Institution users register their own entries (contributors and directors draft,
/// the director confirms or cancels); every institution sees the confirmed entries of all others, so it
/// can avoid clashes, but never their drafts; the center sees everything, officials what is confirmed.
/// </summary>
public sealed class CalendarService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    IOptions<PlatformOptions> platform,
    TimeProvider clock,
    IEnumerable<ICalendarEntrySource> otherSources)
{
    private TimeZoneInfo Zone => platform.Value.TimeZoneInfo;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Zone));

    public async Task<CalendarLookups> LookupsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new CalendarLookups(
            await db.Institutions.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.Code)
                .Select(i => new NamedRef(i.Id, i.Code, i.NameAr, i.NameEn)).ToListAsync(ct),
            await db.Pillars.AsNoTracking().Where(p => p.StrategyVersion.Status == StrategyStatus.Published).OrderBy(p => p.Order)
                .Select(p => new NamedRef(p.Id, p.Code, p.NameAr, p.NameEn)).ToListAsync(ct),
            await db.CalendarAudiences.AsNoTracking().OrderBy(a => a.Order)
                .Select(a => new NamedRef(a.Id, a.Code, a.NameAr, a.NameEn)).ToListAsync(ct));
    }

    /// <summary>
    /// The entries the actor may see that touch the days of the query, each with the clashes the actor is told
    /// about, and the read-only entries of other features (council meetings) unless the query filters by
    /// institution, pillar or audience.
    /// </summary>
    public async Task<IReadOnlyList<CalendarEntryRow>> ListAsync(Actor actor, CalendarQuery query, CancellationToken ct)
    {
        var rows = await ListOwnAsync(actor, query, ct);
        if (query.InstitutionId is not null || query.PillarId is not null || query.AudienceId is not null || query.Kind is { } kind && kind != CalendarEntryKind.Event)
        {
            return rows;
        }

        var others = new List<CalendarEntryRow>();
        foreach (var source in otherSources)
        {
            others.AddRange(await source.ListAsync(actor, query.From, query.To, ct));
        }

        return others.Count == 0 ? rows : rows.Concat(others).OrderBy(r => r.StartsUtc).ThenBy(r => r.Id).ToList();
    }

    private async Task<IReadOnlyList<CalendarEntryRow>> ListOwnAsync(Actor actor, CalendarQuery query, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var fromUtc = ToUtc(query.From.ToDateTime(TimeOnly.MinValue));
        var toUtc = ToUtc(query.To.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var entries = await WithDetails(Visible(db.CalendarEntries, actor))
            .Where(e => e.StartsAt < toUtc && e.EndsAt >= fromUtc)
            .Where(e => query.InstitutionId == null || e.InstitutionId == query.InstitutionId)
            .Where(e => query.Kind == null || e.Kind == query.Kind)
            .Where(e => query.PillarId == null || e.PillarId == query.PillarId)
            .Where(e => query.AudienceId == null || e.Audiences.Any(a => a.Id == query.AudienceId))
            .ToListAsync(ct);
        if (entries.Count == 0)
        {
            return [];
        }

        // A clash partner overlaps a listed entry, and a free date lies after its start: nothing that
        // ended before the earliest listed start matters, whatever the filters.
        var earliest = entries.Min(e => e.StartsAt);
        var rivals = await WithDetails(Visible(db.CalendarEntries, actor))
            .Where(e => e.IsHighProfile && e.Status != CalendarEntryStatus.Cancelled && e.EndsAt >= earliest)
            .ToListAsync(ct);
        return ToRows(actor, entries, rivals);
    }

    /// <summary>The actor's clashes from today on (their own institution's; all for the center), each listed entry with its suggested free date.</summary>
    public async Task<IReadOnlyList<CalendarEntryRow>> ClashesAsync(Actor actor, CancellationToken ct)
    {
        var rows = await ListAsync(actor, new CalendarQuery(Today, Today.AddYears(2)), ct);
        return rows.Where(r => r.Clashes.Count > 0).OrderBy(r => r.Clashes[0].From).ThenBy(r => r.Id).ToList();
    }

    public async Task<CalendarEntryRow> GetAsync(Actor actor, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await WithDetails(Visible(db.CalendarEntries, actor)).SingleOrDefaultAsync(e => e.Id == id, ct)
            ?? throw new NotFoundException();
        var rivals = await WithDetails(Visible(db.CalendarEntries, actor))
            .Where(e => e.IsHighProfile && e.Status != CalendarEntryStatus.Cancelled && e.EndsAt >= entry.StartsAt)
            .ToListAsync(ct);
        return ToRows(actor, [entry], rivals)[0];
    }

    /// <summary>The form of an entry the actor may edit.</summary>
    public async Task<CalendarEntryForm> FormAsync(Actor actor, int id, CancellationToken ct)
    {
        var row = await GetAsync(actor, id, ct);
        Actor.Ensure(row.CanEdit);

        return new CalendarEntryForm
        {
            Id = row.Id,
            TitleAr = row.TitleAr,
            TitleEn = row.TitleEn,
            Description = row.Description,
            Kind = row.Kind,
            PillarId = row.Pillar.Id,
            AudienceIds = row.Audiences.Select(a => a.Id).ToList(),
            Channels = row.Channels.ToList(),
            IsAllDay = row.IsAllDay,
            StartDate = row.FirstDay,
            EndDate = row.IsAllDay ? row.LastDay : DateOnly.FromDateTime(row.EndsLocal),
            StartTime = TimeOnly.FromDateTime(row.StartsLocal),
            EndTime = TimeOnly.FromDateTime(row.EndsLocal),
            Location = row.Location,
            IsHighProfile = row.IsHighProfile,
        };
    }

    /// <summary>Registers a new draft of the actor's institution, or changes one of its entries.</summary>
    public async Task<int> SaveAsync(Actor actor, CalendarEntryForm form, CancellationToken ct)
    {
        actor.EnsureInstitutionUser();

        var (startsLocal, endsLocal) = Validate(form);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        CalendarEntry entry;
        if (form.Id is { } id)
        {
            entry = await Visible(db.CalendarEntries, actor).Include(e => e.Audiences).SingleOrDefaultAsync(e => e.Id == id, ct)
                ?? throw new NotFoundException();
            EnsureCanEdit(actor, entry);
        }
        else
        {
            entry = new CalendarEntry
            {
                InstitutionId = actor.InstitutionId!.Value,
                TitleAr = form.TitleAr,
                TitleEn = form.TitleEn,
                Status = CalendarEntryStatus.Draft,
                CreatedAt = now,
                CreatedById = actor.AccountId,
            };
            db.CalendarEntries.Add(entry);
        }

        if (!await db.Pillars.AnyAsync(p => p.Id == form.PillarId && p.StrategyVersion.Status == StrategyStatus.Published, ct))
        {
            throw new RuleViolationException("Calendar_PillarRequired");
        }

        var audienceIds = form.AudienceIds.Distinct().ToList();
        var audiences = await db.CalendarAudiences.Where(a => audienceIds.Contains(a.Id)).ToListAsync(ct);
        if (audiences.Count == 0 || audiences.Count != audienceIds.Count)
        {
            throw new RuleViolationException("Calendar_AudienceRequired");
        }

        entry.TitleAr = form.TitleAr.Trim();
        entry.TitleEn = form.TitleEn.Trim();
        entry.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        entry.Kind = form.Kind;
        entry.PillarId = form.PillarId;
        entry.Audiences = audiences;
        entry.Channels = form.Channels.Distinct().Order().ToList();
        entry.IsAllDay = form.IsAllDay;
        entry.StartsAt = ToUtc(startsLocal);
        entry.EndsAt = ToUtc(endsLocal);
        entry.Location = string.IsNullOrWhiteSpace(form.Location) ? null : form.Location.Trim();
        entry.IsHighProfile = form.IsHighProfile;
        entry.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return entry.Id;
    }

    /// <summary>The director confirms a draft of their institution: from now on every institution sees it.</summary>
    public Task ConfirmAsync(Actor actor, int id, CancellationToken ct) =>
        DecideAsync(actor, id, CalendarEntryStatus.Confirmed, ct);

    /// <summary>The director cancels a draft or confirmed entry of their institution (kept, shown as cancelled to the institution and the center).</summary>
    public Task CancelAsync(Actor actor, int id, CancellationToken ct) =>
        DecideAsync(actor, id, CalendarEntryStatus.Cancelled, ct);

    /// <summary>The entries of a date range the actor may see, for the feed and the Excel export.</summary>
    internal Task<IReadOnlyList<CalendarEntryRow>> RangeAsync(Actor actor, DateOnly from, DateOnly to, CancellationToken ct) =>
        ListAsync(actor, new CalendarQuery(from, to), ct);

    private async Task DecideAsync(Actor actor, int id, CalendarEntryStatus status, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var entry = await Visible(db.CalendarEntries, actor).SingleOrDefaultAsync(e => e.Id == id, ct)
            ?? throw new NotFoundException();
        Actor.Ensure(actor.IsDirectorOf(entry.InstitutionId));

        var allowed = status == CalendarEntryStatus.Confirmed
            ? entry.Status == CalendarEntryStatus.Draft
            : entry.Status != CalendarEntryStatus.Cancelled;
        if (!allowed)
        {
            throw new RuleViolationException("Calendar_StatusChangeNotAllowed");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        entry.Status = status;
        entry.UpdatedAt = now;
        if (status == CalendarEntryStatus.Confirmed)
        {
            entry.ConfirmedAt = now;
            entry.ConfirmedById = actor.UserId;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Seen but not the actor's to change → 403; a confirmed entry only by its director; a cancelled one by nobody.</summary>
    private static void EnsureCanEdit(Actor actor, CalendarEntry entry)
    {
        Actor.Ensure(actor.IsMemberOf(entry.InstitutionId));

        if (entry.Status == CalendarEntryStatus.Cancelled)
        {
            throw new RuleViolationException("Calendar_CancelledLocked");
        }

        Actor.Ensure(entry.Status != CalendarEntryStatus.Confirmed || actor.IsDirectorOf(entry.InstitutionId));
    }

    private static bool CanEdit(Actor actor, CalendarEntry entry) =>
        actor.IsMemberOf(entry.InstitutionId)
        && (entry.Status == CalendarEntryStatus.Draft || (entry.Status == CalendarEntryStatus.Confirmed && actor.IsDirectorOf(entry.InstitutionId)));

    private static (DateTime Starts, DateTime Ends) Validate(CalendarEntryForm form)
    {
        if (string.IsNullOrWhiteSpace(form.TitleAr) || string.IsNullOrWhiteSpace(form.TitleEn))
        {
            throw new RuleViolationException("Calendar_TitleRequired");
        }

        var starts = form.StartDate.ToDateTime(form.IsAllDay ? TimeOnly.MinValue : form.StartTime);
        var ends = form.IsAllDay ? form.EndDate.AddDays(1).ToDateTime(TimeOnly.MinValue) : form.EndDate.ToDateTime(form.EndTime);
        return ends > starts ? (starts, ends) : throw new RuleViolationException("Calendar_EndBeforeStart");
    }

    /// <summary>Center: everything. Officials: what is confirmed. Institutions: their own entries and everyone's confirmed ones.</summary>
    private static IQueryable<CalendarEntry> Visible(IQueryable<CalendarEntry> entries, Actor actor)
    {
        if (actor.IsCenter)
        {
            return entries;
        }

        if (actor.IsOfficial)
        {
            return entries.Where(e => e.Status == CalendarEntryStatus.Confirmed);
        }

        if (actor.ReadsOneInstitution)
        {
            var own = actor.InstitutionId;
            return entries.Where(e => e.InstitutionId == own || e.Status == CalendarEntryStatus.Confirmed);
        }

        throw new AccessDeniedException();
    }

    private static IQueryable<CalendarEntry> WithDetails(IQueryable<CalendarEntry> entries) =>
        entries.AsNoTracking().AsSplitQuery().Include(e => e.Institution).Include(e => e.Pillar).Include(e => e.Audiences);

    private List<CalendarEntryRow> ToRows(Actor actor, IReadOnlyList<CalendarEntry> entries, IReadOnlyList<CalendarEntry> rivals)
    {
        var candidates = rivals.ToDictionary(e => e.Id, Candidate);
        var byId = rivals.ToDictionary(e => e.Id);
        var clashes = ClashDetector.Find(candidates.Values)
            .Where(c => actor.SeesAllInstitutions || byId[c.FirstId].InstitutionId == actor.InstitutionId || byId[c.SecondId].InstitutionId == actor.InstitutionId)
            .ToList();
        var clashesOf = clashes
            .SelectMany(c => new[] { (Id: c.FirstId, Clash: c), (Id: c.SecondId, Clash: c) })
            .ToLookup(x => x.Id, x => x.Clash);

        return entries
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e =>
            {
                var startsLocal = ToLocal(e.StartsAt);
                var endsLocal = ToLocal(e.EndsAt);
                var (first, last) = ClashDetector.DaysOf(startsLocal, endsLocal);
                var entryClashes = e.Status == CalendarEntryStatus.Cancelled ? [] : clashesOf[e.Id].Select(c =>
                {
                    var other = byId[c.Other(e.Id)];
                    return new ClashInfo(
                        other.Id,
                        other.TitleAr,
                        other.TitleEn,
                        other.Institution.NameAr,
                        other.Institution.NameEn,
                        c.From,
                        c.To,
                        other.Audiences.Where(a => c.SharedAudienceIds.Contains(a.Id)).OrderBy(a => a.Order).Select(Ref).ToList(),
                        ClashDetector.SuggestFreeStart(candidates[e.Id], candidates.Values));
                }).ToList();
                var isDirector = actor.IsDirectorOf(e.InstitutionId) && e.Status != CalendarEntryStatus.Cancelled;
                return new CalendarEntryRow(
                    e.Id,
                    new NamedRef(e.Institution.Id, e.Institution.Code, e.Institution.NameAr, e.Institution.NameEn),
                    e.TitleAr,
                    e.TitleEn,
                    e.Description,
                    e.Kind,
                    new NamedRef(e.Pillar.Id, e.Pillar.Code, e.Pillar.NameAr, e.Pillar.NameEn),
                    e.Audiences.OrderBy(a => a.Order).Select(Ref).ToList(),
                    e.Channels,
                    startsLocal,
                    endsLocal,
                    e.StartsAt,
                    e.EndsAt,
                    e.IsAllDay,
                    first,
                    last,
                    e.Location,
                    e.IsHighProfile,
                    e.Status,
                    e.UpdatedAt,
                    CanEdit(actor, e),
                    isDirector,
                    entryClashes,
                    CampaignPlanId: e.CampaignPlanId);
            })
            .ToList();
    }

    private ClashCandidate Candidate(CalendarEntry e)
    {
        var (first, last) = ClashDetector.DaysOf(ToLocal(e.StartsAt), ToLocal(e.EndsAt));
        return new ClashCandidate(e.Id, e.InstitutionId, first, last, e.Audiences.Select(a => a.Id).ToHashSet(), e.IsHighProfile);
    }

    private static NamedRef Ref(CalendarAudience a) => new(a.Id, a.Code, a.NameAr, a.NameEn);

    private DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    private DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
}
