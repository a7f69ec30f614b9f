using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Inquiries;
using StrategyGov.Data.Seeding;
using StrategyGov.Web.Features.Inquiries.Clock;

namespace StrategyGov.Web.Features.Inquiries;

public sealed record InquirySeed(
    InquiryCalendarSeed Calendar,
    IReadOnlyList<InquiryTargetSeed> Targets,
    IReadOnlyList<InquiryExceptionSeed> Exceptions,
    int Days,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyDictionary<InquiryChannel, IReadOnlyList<string>> Outlets,
    IReadOnlyList<string> Journalists,
    IReadOnlyList<string> Accounts,
    IReadOnlyList<InquiryTopicSeed> Topics,
    IReadOnlyList<string> Responses);

public sealed record InquiryCalendarSeed(string TimeZone, IReadOnlyList<DayOfWeek> WorkingDays, TimeOnly StartsAt, TimeOnly EndsAt, int WarnBeforeMinutes, int CenterGraceMinutes);

public sealed record InquiryTargetSeed(InquiryKind Kind, int FirstResponseMinutes, int AnswerMinutes);

public sealed record InquiryExceptionSeed(DateOnly From, DateOnly To, string NameAr, string NameEn, TimeOnly? StartsAt, TimeOnly? EndsAt);

/// <summary>A topic of the demo: the kind of institution it fits (municipal, health, general), its kind and pillar.</summary>
public sealed record InquiryTopicSeed(string Domain, InquiryKind Kind, string Pillar, string Text);

/// <summary>
/// Seeds the working calendar, its holidays and the targets when they are missing (every installation
/// needs them), and demo inquiries once into an empty log (seed-data/inquiries.json): a few hundred across
/// the institutions over the last months, generated deterministically relative to the seeding moment, with
/// answered, late, referred, paused and still open ones. Open ones are placed so that none reaches a
/// warning or a target in the first working day after seeding (the demo accounts' notifications start
/// empty); a few were left unanswered weeks ago and show as overdue.
/// </summary>
public static class InquirySeeder
{
    public const string FileName = "inquiries.json";

    public static async Task<bool> SeedAsync(StrategyGovDbContext db, string directory, DateTime utcNow, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(directory, FileName)))
        {
            return false;
        }

        var seed = await SeedDataReader.ReadFileAsync<InquirySeed>(directory, FileName, ct);
        var changed = await SeedSettingsAsync(db, seed, utcNow, ct);
        if (await db.Inquiries.AnyAsync(ct) || !await db.Institutions.AnyAsync(ct))
        {
            return changed;
        }

        var settings = await InquirySettings.LoadAsync(db, ct);
        var institutions = await db.Institutions.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Code, Type = i.Type.Code }).ToListAsync(ct);
        var inquiries = new List<Inquiry>();
        foreach (var (institution, index) in institutions.Select((x, i) => (x, i)))
        {
            var count = seed.Counts.GetValueOrDefault(institution.Code, seed.Counts.GetValueOrDefault(institution.Type, 4));
            var domain = institution.Code == "MOH" ? "health" : institution.Type == "municipality" ? "municipal" : "general";
            var random = new Random(1900 + index);
            for (var n = 0; n < count; n++)
            {
                inquiries.Add(Generate(seed, settings, institution.Id, domain, n, random, utcNow));
            }
        }

        // A few referrals reached another institution on the platform, which logged and answered them.
        var copies = new List<(Inquiry Original, Inquiry Copy)>();
        var referred = inquiries.Where(i => i.ReferredAt is { } at && at < utcNow.AddDays(-5)).ToList();
        for (var n = 0; n < referred.Count; n += 2)
        {
            var original = referred[n];
            var target = institutions[(institutions.FindIndex(i => i.Id == original.InstitutionId) + 3 + n) % institutions.Count];
            var answered = settings.Calendar.AddWorkingTime(original.ReferredAt!.Value, TimeSpan.FromMinutes(300));
            if (target.Id == original.InstitutionId || answered is null || answered > utcNow)
            {
                continue;
            }

            original.ReferredToInstitutionId = target.Id;
            original.ReferredToName = null;
            copies.Add((original, new Inquiry
            {
                InstitutionId = target.Id,
                Kind = original.Kind,
                Channel = original.Channel,
                Outlet = original.Outlet,
                Requester = original.Requester,
                ReceivedAt = original.ReferredAt.Value,
                Topic = original.Topic,
                PillarCode = original.PillarCode,
                Status = InquiryStatus.Answered,
                FirstResponseAt = answered,
                AnsweredAt = answered,
                ResponseText = seed.Responses[n % seed.Responses.Count],
                ReferredFromInstitutionId = original.InstitutionId,
                CreatedAt = original.ReferredAt.Value,
                UpdatedAt = answered.Value,
                FirstResponseTargetMinutes = settings.TargetOf(original.Kind).FirstResponseMinutes,
                AnswerTargetMinutes = settings.TargetOf(original.Kind).AnswerMinutes,
            }));
        }

        db.Audit.Suppressed = true;
        var all = inquiries.Concat(copies.Select(c => c.Copy)).ToList();
        foreach (var inquiry in all)
        {
            InquiryClock.Apply(inquiry, settings.Calendar, inquiry.Pauses);
        }

        db.Inquiries.AddRange(all);
        await db.SaveChangesAsync(ct);
        foreach (var (original, copy) in copies)
        {
            copy.ReferredFromInquiryId = original.Id;
        }

        await db.SaveChangesAsync(ct);
        db.Audit.Suppressed = false;
        await AuditChain.AppendAsync(db, [new AuditEvent
        {
            OccurredAt = AuditChain.ToStoredPrecision(utcNow),
            ActorName = AuditIdentity.SystemName,
            EntityType = "Database",
            EntityKey = "seed-inquiries",
            Action = AuditAction.Recorded,
            After = JsonSerializer.Serialize(new Dictionary<string, int> { ["Inquiries"] = all.Count, ["InquiryPauses"] = inquiries.Sum(i => i.Pauses.Count) }),
            Reason = $"Demo inquiries from {SeedDataReader.DirectoryName}/{FileName}",
            PreviousHash = AuditChain.GenesisHash,
            Hash = string.Empty,
        }], ct);
        return true;
    }

    private static async Task<bool> SeedSettingsAsync(StrategyGovDbContext db, InquirySeed seed, DateTime utcNow, CancellationToken ct)
    {
        var changed = false;
        if (!await db.WorkingCalendars.AnyAsync(ct))
        {
            db.WorkingCalendars.Add(new WorkingCalendar
            {
                Id = WorkingCalendar.SingletonId,
                TimeZone = seed.Calendar.TimeZone,
                WorkingDays = InquirySettings.FormatDays(seed.Calendar.WorkingDays),
                DayStartsAt = seed.Calendar.StartsAt,
                DayEndsAt = seed.Calendar.EndsAt,
                WarnBeforeMinutes = seed.Calendar.WarnBeforeMinutes,
                CenterGraceMinutes = seed.Calendar.CenterGraceMinutes,
                UpdatedAt = utcNow,
            });
            if (!await db.WorkingDayExceptions.AnyAsync(ct))
            {
                db.WorkingDayExceptions.AddRange(seed.Exceptions.Select(e => new WorkingDayException
                {
                    FromDate = e.From, ToDate = e.To, NameAr = e.NameAr, NameEn = e.NameEn, StartsAt = e.StartsAt, EndsAt = e.EndsAt,
                }));
            }

            changed = true;
        }

        var kinds = await db.InquiryTargets.Select(t => t.Kind).ToListAsync(ct);
        foreach (var target in seed.Targets.Where(t => !kinds.Contains(t.Kind)))
        {
            db.InquiryTargets.Add(new InquiryTarget { Kind = target.Kind, FirstResponseMinutes = target.FirstResponseMinutes, AnswerMinutes = target.AnswerMinutes });
            changed = true;
        }

        await db.SaveChangesAsync(ct);
        return changed;
    }

    private static Inquiry Generate(InquirySeed seed, InquirySettings settings, int institutionId, string domain, int n, Random random, DateTime now)
    {
        var calendar = settings.Calendar;
        var topics = seed.Topics.Where(t => t.Domain == (random.NextDouble() < 0.8 ? domain : "general")).ToList();
        var topic = topics[random.Next(topics.Count)];
        var channel = topic.Kind switch
        {
            InquiryKind.MediaInquiry => Pick(random, InquiryChannel.Newspaper, InquiryChannel.Television, InquiryChannel.Radio, InquiryChannel.NewsWebsite),
            InquiryKind.CitizenComplaint => random.NextDouble() < 0.6 ? InquiryChannel.SocialMedia : Pick(random, InquiryChannel.Newspaper, InquiryChannel.Television, InquiryChannel.NewsWebsite),
            InquiryKind.SocialMediaPost => InquiryChannel.SocialMedia,
            _ => Pick(random, InquiryChannel.Email, InquiryChannel.Letter),
        };
        var outlets = seed.Outlets[channel];
        var social = channel == InquiryChannel.SocialMedia;
        var requester = topic.Kind == InquiryKind.MediaInquiry ? seed.Journalists[random.Next(seed.Journalists.Count)]
            : social ? seed.Accounts[random.Next(seed.Accounts.Count)]
            : null;

        // Received on a day of the last months: mostly in working hours, some in the evening or at the weekend.
        var today = calendar.LocalDate(now);
        var day = today.AddDays(-random.Next(0, seed.Days));
        var time = random.NextDouble() < 0.7 ? new TimeOnly(8, 0).AddMinutes(random.Next(0, 7 * 60)) : new TimeOnly(15, 0).AddMinutes(random.Next(0, 8 * 60));
        var received = calendar.ToUtc(day, time);
        if (received > now.AddMinutes(-30))
        {
            received = received.AddDays(-1);
        }

        var target = settings.TargetOf(topic.Kind);
        var inquiry = new Inquiry
        {
            InstitutionId = institutionId,
            ExternalId = $"HD-{day:yyyyMMdd}-{n + 1:D3}",
            Kind = topic.Kind,
            Channel = channel,
            Outlet = outlets[random.Next(outlets.Count)],
            Requester = requester,
            SourceUrl = social && requester is not null ? $"https://x.com/{requester.TrimStart('@')}/status/{1_800_000_000_000_000_000L + (institutionId * 1000L) + n}" : null,
            ReceivedAt = received,
            Topic = topic.Text,
            PillarCode = topic.Pillar,
            RequesterDeadline = topic.Kind == InquiryKind.MediaInquiry && random.NextDouble() < 0.4 ? received.AddHours(random.Next(12, 96)) : null,
            Status = InquiryStatus.New,
            CreatedAt = received,
            UpdatedAt = received,
            FirstResponseTargetMinutes = target.FirstResponseMinutes,
            AnswerTargetMinutes = target.AnswerMinutes,
        };

        // The working time each step took: most within target, some late.
        var firstMinutes = random.NextDouble() < 0.75 ? random.Next(10, target.FirstResponseMinutes) : random.Next(target.FirstResponseMinutes, target.FirstResponseMinutes * 3);
        var answerMinutes = random.NextDouble() < 0.72
            ? random.Next(firstMinutes + 30, Math.Max(firstMinutes + 31, target.AnswerMinutes))
            : random.Next(target.AnswerMinutes + 1, target.AnswerMinutes * 3);
        var firstAt = calendar.AddWorkingTime(received, TimeSpan.FromMinutes(firstMinutes))!.Value;
        if (random.NextDouble() < 0.12)
        {
            // Waited on the requester for a day or two after the first response.
            var start = calendar.AddWorkingTime(firstAt, TimeSpan.FromMinutes(30))!.Value;
            if (start < now.AddHours(-1))
            {
                var end = start.AddHours(random.Next(20, 60));
                inquiry.Pauses.Add(new InquiryPause { InstitutionId = institutionId, StartedAt = start, EndedAt = end < now ? end : null, Note = "بانتظار إيضاح من صاحب الطلب" });
            }
        }

        var pauses = ClockFacts.PausesOf(inquiry.Pauses);
        var answerAt = calendar.AddWorkingTime(received, TimeSpan.FromMinutes(answerMinutes), pauses);
        var referral = random.NextDouble() < 0.08;
        var neverAnswered = received < now.AddDays(-40) && random.NextDouble() < 0.08;
        if (firstAt <= now.AddMinutes(-5))
        {
            inquiry.FirstResponseAt = firstAt;
            inquiry.FirstResponseNote = "إشعار بالاستلام وأن الرد قيد الإعداد";
            inquiry.Status = InquiryStatus.InProgress;
        }

        if (referral && inquiry.FirstResponseAt is { } referredAt)
        {
            inquiry.ReferredAt = referredAt;
            inquiry.ReferredToName = "الجهة المختصة";
            inquiry.ReferralNote = "الموضوع من اختصاص جهة أخرى";
            inquiry.Status = InquiryStatus.Referred;
        }

        if (!neverAnswered && answerAt is { } answered && answered <= now.AddHours(-1) && inquiry.Pauses.All(p => p.EndedAt is not null))
        {
            inquiry.FirstResponseAt ??= answered;
            inquiry.AnsweredAt = answered;
            inquiry.ResponseText = seed.Responses[random.Next(seed.Responses.Count)];
            inquiry.Status = InquiryStatus.Answered;
            if (answered < now.AddDays(-2) && random.NextDouble() < 0.6)
            {
                inquiry.ClosedAt = answered.AddDays(1);
                inquiry.Status = InquiryStatus.Closed;
            }

            return inquiry;
        }

        if (neverAnswered && inquiry.FirstResponseAt is not null && inquiry.Pauses.All(p => p.EndedAt is not null))
        {
            return inquiry;   // left unanswered weeks ago: overdue on every screen, too old to be announced again
        }

        // Still open: safe from warnings for a working day, or waiting on the requester.
        var safe = calendar.AddWorkingTime(now, TimeSpan.FromMinutes(8 * 60))!.Value;
        var due = InquiryClock.DueAt(calendar, received, target.AnswerMinutes, pauses, null);
        if (inquiry.FirstResponseAt is null || due is null || due < safe || inquiry.Pauses.Any(p => p.EndedAt is null))
        {
            var since = received + ((now - received) / 2);
            inquiry.Pauses.RemoveAll(p => p.EndedAt is null || p.StartedAt >= since);
            inquiry.Pauses.Add(new InquiryPause { InstitutionId = institutionId, StartedAt = since, Note = "بانتظار إيضاح من صاحب الطلب" });
            if (inquiry.FirstResponseAt >= since)
            {
                inquiry.FirstResponseAt = null;
                inquiry.FirstResponseNote = null;
            }

            inquiry.ReferredAt = null;
            inquiry.ReferredToName = null;
            inquiry.ReferralNote = null;
            inquiry.Status = InquiryStatus.WaitingOnRequester;
        }

        return inquiry;
    }

    private static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];
}
