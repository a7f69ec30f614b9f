using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Seeding;

namespace StrategyGov.Data.Council;

// The shape of seed-data/council.json (camelCase like the file). Days are offsets from the day of seeding,
// so the demo always has past meetings, overdue decisions and an upcoming meeting.

public sealed record CouncilSeed(IReadOnlyList<CouncilSeriesSeed> Series, IReadOnlyList<CouncilMeetingSeed> Meetings);

public sealed record CouncilSeriesSeed(
    string Code, string TitleAr, string TitleEn, string? DescriptionAr, string? DescriptionEn, string? DefaultPlace, int DefaultDurationMinutes);

public sealed record CouncilMeetingSeed(
    string? Series,
    int? Number,
    string TitleAr,
    string TitleEn,
    int Day,
    TimeOnly Time,
    int DurationMinutes,
    string? Place,
    string? OnlineUrl,
    CouncilMeetingStatus Status,
    string? CancelReason,
    IReadOnlyList<string> Invited,
    IReadOnlyList<string>? InviteRoles,
    IReadOnlyList<string>? Absent,
    IReadOnlyList<string>? Apologised,
    IReadOnlyList<CouncilDelegateSeed>? Delegates,
    IReadOnlyList<CouncilAgendaItemSeed> Agenda,
    string? MinutesAr,
    string? MinutesEn,
    IReadOnlyList<CouncilDecisionSeed>? Decisions);

public sealed record CouncilDelegateSeed(string Institution, string Name, string Title, bool Approved);

public sealed record CouncilAgendaItemSeed(
    string TitleAr, string TitleEn, string? Presenter, int DurationMinutes, string? Pillar, string? Practice, string? NotesAr, string? NotesEn);

public sealed record CouncilDecisionSeed(int Item, CouncilOutcomeKind Kind, string TextAr, string TextEn, int DueDay, IReadOnlyList<CouncilOwnerSeed> Owners);

public sealed record CouncilOwnerSeed(string Institution, CouncilOwnerStatus Status = CouncilOwnerStatus.NotStarted, int? DoneDay = null, bool Accepted = false, string? Note = null, string? Reason = null);

/// <summary>
/// Seeds the demo council from seed-data/council.json: a series, its past meetings with attendance,
/// decisions and their follow-up, a cancelled meeting and an upcoming one. Runs once, on a database
/// without council meetings, after the role register (invitees and attendees come from it) and before the
/// computed answers of the seeded submissions are filled. Not audited row by row, like the initial seed.
/// </summary>
public static class CouncilSeeder
{
    public const string FileName = "council.json";

    private const string CenterName = "مركز التواصل الحكومي";

    public static async Task<bool> SeedAsync(StrategyGovDbContext db, string directory, DateTime utcNow, TimeZoneInfo timeZone, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(directory, FileName)) || await db.CouncilMeetings.AnyAsync(ct) || !await db.Institutions.AnyAsync(ct))
        {
            return false;
        }

        var seed = await SeedDataReader.ReadFileAsync<CouncilSeed>(directory, FileName, ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, timeZone));
        var institutions = await db.Institutions.ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var pillars = await db.Pillars.Where(p => p.StrategyVersion.Status == StrategyStatus.Published).ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        var practices = await db.Practices.Where(p => p.Pillar.StrategyVersion.Status == StrategyStatus.Published)
            .ToDictionaryAsync(p => p.Code, p => new { p.Id, p.PillarId }, ct);
        var holders = (await db.RoleAssignments.AsNoTracking()
                .Select(a => new { a.InstitutionId, a.Role.Code, a.PersonName, a.PersonTitle, a.Email, a.StartsOn, a.EndsOn })
                .ToListAsync(ct))
            .Where(a => a.StartsOn <= today && (a.EndsOn is null || a.EndsOn >= today))
            .ToLookup(a => (a.InstitutionId, a.Code));

        db.Audit.Suppressed = true;
        try
        {
            var series = seed.Series.ToDictionary(s => s.Code, s => new CouncilSeries
            {
                Code = s.Code,
                TitleAr = s.TitleAr,
                TitleEn = s.TitleEn,
                DescriptionAr = s.DescriptionAr,
                DescriptionEn = s.DescriptionEn,
                DefaultPlace = s.DefaultPlace,
                DefaultDurationMinutes = s.DefaultDurationMinutes,
                CreatedAt = utcNow,
            });
            db.CouncilSeries.AddRange(series.Values);

            foreach (var m in seed.Meetings)
            {
                var day = today.AddDays(m.Day);
                var startsAt = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(m.Time), timeZone);
                var held = m.Status is CouncilMeetingStatus.Closed or CouncilMeetingStatus.InProgress;
                var meeting = new CouncilMeeting
                {
                    Series = m.Series is null ? null : Lookup(series, m.Series, m.TitleEn, "series"),
                    Number = m.Number,
                    TitleAr = m.TitleAr,
                    TitleEn = m.TitleEn,
                    StartsAt = startsAt,
                    DurationMinutes = m.DurationMinutes,
                    Place = m.Place,
                    OnlineUrl = m.OnlineUrl,
                    Status = m.Status,
                    CancelReason = m.CancelReason,
                    MinutesAr = m.MinutesAr,
                    MinutesEn = m.MinutesEn,
                    CreatedAt = startsAt.AddDays(-21),
                    UpdatedAt = held ? startsAt.AddMinutes(m.DurationMinutes) : utcNow,
                    ClosedAt = m.Status == CouncilMeetingStatus.Closed ? startsAt.AddMinutes(m.DurationMinutes) : null,
                    ClosedByName = m.Status == CouncilMeetingStatus.Closed ? CenterName : null,
                };

                var roles = m.InviteRoles is { Count: > 0 } chosen ? chosen : ["COMM-DIRECTOR"];
                foreach (var code in m.Invited)
                {
                    var institutionId = Lookup(institutions, code, m.TitleEn, "invited");
                    var people = roles.SelectMany(role => holders[(institutionId, role)].Select(h => new CouncilInvitee
                    {
                        InstitutionId = institutionId,
                        PersonName = h.PersonName,
                        PersonTitle = h.PersonTitle,
                        Email = h.Email,
                        RoleCode = role,
                    })).ToList();
                    var invitation = new CouncilInvitation { InstitutionId = institutionId, InvitedAt = startsAt.AddDays(-21), People = people };
                    if (held)
                    {
                        Attend(invitation, code, m);
                        invitation.AttendanceRecordedAt = startsAt.AddMinutes(m.DurationMinutes);
                        invitation.AttendanceRecordedByName = CenterName;
                    }

                    meeting.Invitations.Add(invitation);
                }

                var items = m.Agenda.Select((a, i) => new CouncilAgendaItem
                {
                    Order = i + 1,
                    TitleAr = a.TitleAr,
                    TitleEn = a.TitleEn,
                    PresenterName = a.Presenter,
                    DurationMinutes = a.DurationMinutes,
                    PillarId = a.Practice is { } practice ? Lookup(practices, practice, m.TitleEn, "practice").PillarId
                        : a.Pillar is { } pillar ? Lookup(pillars, pillar, m.TitleEn, "pillar") : null,
                    PracticeId = a.Practice is { } p ? Lookup(practices, p, m.TitleEn, "practice").Id : null,
                    NotesAr = a.NotesAr,
                    NotesEn = a.NotesEn,
                }).ToList();
                meeting.AgendaItems.AddRange(items);

                var sequence = 0;
                foreach (var d in m.Decisions ?? [])
                {
                    var decision = new CouncilDecision
                    {
                        AgendaItem = d.Item >= 1 && d.Item <= items.Count ? items[d.Item - 1] : throw Invalid(m.TitleEn, "decision item"),
                        Sequence = ++sequence,
                        Kind = d.Kind,
                        TextAr = d.TextAr,
                        TextEn = d.TextEn,
                        DueOn = today.AddDays(d.DueDay),
                        CreatedAt = startsAt,
                    };
                    foreach (var o in d.Owners)
                    {
                        var institutionId = Lookup(institutions, o.Institution, m.TitleEn, "owner");
                        if (!m.Invited.Contains(o.Institution))
                        {
                            throw Invalid(m.TitleEn, $"owner {o.Institution} (not invited)");
                        }

                        decision.Owners.Add(Owner(o, institutionId, today, startsAt, utcNow, timeZone, holders[(institutionId, "COMM-DIRECTOR")].FirstOrDefault()?.PersonName));
                    }

                    meeting.Decisions.Add(decision);
                }

                db.CouncilMeetings.Add(meeting);
            }

            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.Audit.Suppressed = false;
        }

        return true;
    }

    private static void Attend(CouncilInvitation invitation, string code, CouncilMeetingSeed m)
    {
        if (m.Absent?.Contains(code) == true)
        {
            invitation.Attendance = CouncilAttendance.Absent;
        }
        else if (m.Apologised?.Contains(code) == true)
        {
            invitation.Attendance = CouncilAttendance.Apologised;
        }
        else if (m.Delegates?.FirstOrDefault(d => d.Institution == code) is { } delegated)
        {
            invitation.Attendance = CouncilAttendance.Delegate;
            invitation.AttendeeName = delegated.Name;
            invitation.AttendeeTitle = delegated.Title;
            invitation.DelegateApproved = delegated.Approved;
        }
        else
        {
            var person = invitation.People.FirstOrDefault();
            invitation.Attendance = CouncilAttendance.Present;
            invitation.AttendeeName = person?.PersonName ?? "مدير الإعلام والتواصل";
            invitation.AttendeeTitle = person?.PersonTitle;
        }
    }

    private static CouncilDecisionOwner Owner(
        CouncilOwnerSeed o, int institutionId, DateOnly today, DateTime meetingStart, DateTime utcNow, TimeZoneInfo timeZone, string? director)
    {
        var author = director ?? "إدارة الإعلام والتواصل";
        var settled = o.Status is CouncilOwnerStatus.Done or CouncilOwnerStatus.NotApplicable;
        var doneOn = o.Status == CouncilOwnerStatus.Done ? today.AddDays(o.DoneDay ?? 0) : (DateOnly?)null;
        var reportedAt = settled
            ? TimeZoneInfo.ConvertTimeToUtc((doneOn ?? today.AddDays(o.DoneDay ?? -1)).ToDateTime(new TimeOnly(11, 0)), timeZone)
            : meetingStart.AddDays(7);
        if (reportedAt > utcNow)
        {
            reportedAt = utcNow;
        }

        var owner = new CouncilDecisionOwner
        {
            InstitutionId = institutionId,
            Status = o.Status,
            DoneOn = doneOn,
            NotApplicableReason = o.Status == CouncilOwnerStatus.NotApplicable ? o.Reason : null,
            ReportedAt = settled ? reportedAt : null,
            ReportedByName = settled ? author : null,
            AcceptedAt = settled && o.Accepted ? reportedAt.AddDays(2) < utcNow ? reportedAt.AddDays(2) : utcNow : null,
            AcceptedByName = settled && o.Accepted ? CenterName : null,
            UpdatedAt = reportedAt,
        };
        if (o.Status != CouncilOwnerStatus.NotStarted)
        {
            owner.Notes.Add(new CouncilProgressNote
            {
                InstitutionId = institutionId,
                Text = o.Note ?? o.Reason ?? "تحديث حالة التنفيذ",
                Status = o.Status,
                AuthorName = author,
                CreatedAt = reportedAt,
            });
        }

        if (owner.AcceptedAt is { } accepted)
        {
            owner.Notes.Add(new CouncilProgressNote
            {
                InstitutionId = institutionId,
                Text = "اعتمد المركز ما أفادت به الجهة بعد التحقق من الشواهد.",
                Status = o.Status,
                ByCenter = true,
                AuthorName = CenterName,
                CreatedAt = accepted,
            });
        }

        return owner;
    }

    private static TValue Lookup<TValue>(IReadOnlyDictionary<string, TValue> values, string code, string meeting, string field) =>
        values.TryGetValue(code, out var value) ? value : throw Invalid(meeting, $"{field} '{code}'");

    private static InvalidDataException Invalid(string meeting, string what) => new($"{FileName}: '{meeting}' has a missing or unknown {what}.");
}
