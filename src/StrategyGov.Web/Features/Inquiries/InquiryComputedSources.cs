using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Inquiries;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Features.Inquiries.Clock;

namespace StrategyGov.Web.Features.Inquiries;

/// <summary>One inquiry as the calculations read it: its facts, its stored clocks and its pauses.</summary>
public sealed record InquiryFact(
    int Id,
    InquiryKind Kind,
    InquiryChannel Channel,
    string Topic,
    string Outlet,
    DateTime ReceivedAt,
    DateTime? FirstResponseAt,
    DateTime? AnsweredAt,
    bool Documented,
    int? FirstResponseMinutes,
    int? AnswerMinutes,
    int? AnswerElapsedMinutes,
    int AnswerTargetMinutes,
    DateTime? AnswerDueAt,
    IReadOnlyList<TimeRange> Pauses)
{
    /// <summary>What the social-media indicators count: posts, and complaints raised on social media.</summary>
    public bool IsSocial => Kind == InquiryKind.SocialMediaPost || (Kind == InquiryKind.CitizenComplaint && Channel == InquiryChannel.SocialMedia);

    public bool IsSocialComplaint => Kind == InquiryKind.CitizenComplaint && Channel == InquiryChannel.SocialMedia;
}

/// <summary>The instants of a calculation: the window (UTC, end excluded), the moment it is made, and the zone of the dates shown.</summary>
public sealed record InquiryWindowUtc(DateTime From, DateTime ToExclusive, DateTime Now, TimeZoneInfo Zone)
{
    public bool Contains(DateTime? instant) => instant is { } t && t >= From && t < ToExclusive;

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Zone));
}

/// <summary>
/// The calculations of the framework's response-time indicators from the inquiry log (ADR 0098 §Computed
/// indicators). Pure: each takes an institution's inquiries and the window and returns the value with the
/// inquiries behind it; <see cref="InquiryComputedSource"/> reads them.
/// </summary>
public static class InquiryCalculations
{
    /// <summary>P3.1.2's "24 hours" is elapsed time (ADR 0098): the news cycle does not stop at night or at the weekend.</summary>
    public const int AnsweredWithinMinutes = 24 * 60;

    /// <summary>
    /// <c>inquiries.media-answer-hours</c>: the mean working hours from receipt to the answer of the media
    /// inquiries answered in the window (pauses excluded). Not applicable when none was answered.
    /// </summary>
    public static ComputedResult MediaAnswerHours(IEnumerable<InquiryFact> facts, InquiryWindowUtc window)
    {
        var answered = facts
            .Where(f => f.Kind == InquiryKind.MediaInquiry && window.Contains(f.AnsweredAt) && f.AnswerMinutes is not null)
            .OrderBy(f => f.AnsweredAt).ThenBy(f => f.Id)
            .ToList();
        return Mean(answered, f => f.AnswerMinutes!.Value, window, "Computed_NoMediaAnswered");
    }

    /// <summary>
    /// <c>inquiries.media-answered-24h</c>: of the media inquiries received in the window whose outcome is
    /// known, the share answered within 24 elapsed hours (pauses excluded). An inquiry still open counts as
    /// missed once 24 hours have passed, and is left out until then.
    /// </summary>
    public static ComputedResult MediaAnsweredWithin24Hours(IEnumerable<InquiryFact> facts, InquiryWindowUtc window)
    {
        var records = new List<ComputedRecord>();
        foreach (var fact in facts.Where(f => f.Kind == InquiryKind.MediaInquiry && window.Contains(f.ReceivedAt)).OrderBy(f => f.ReceivedAt).ThenBy(f => f.Id))
        {
            var elapsed = fact.AnsweredAt is not null
                ? fact.AnswerElapsedMinutes ?? InquiryClock.Minutes(WorkingCalendarRules.ElapsedTime(fact.ReceivedAt, fact.AnsweredAt.Value, fact.Pauses))
                : InquiryClock.Minutes(WorkingCalendarRules.ElapsedTime(fact.ReceivedAt, window.Now, fact.Pauses));
            if (fact.AnsweredAt is null && elapsed <= AnsweredWithinMinutes)
            {
                continue;
            }

            records.Add(Record(fact, window, fact.AnsweredAt is not null && elapsed <= AnsweredWithinMinutes, elapsed));
        }

        return ComputedResult.Share(records.Count(r => r.Counts == true), records.Count, records, "Computed_NoMediaInquiries");
    }

    /// <summary>
    /// <c>inquiries.social-first-response-hours</c>: the mean working hours from receipt to the first response
    /// of the social-media posts and complaints raised on social media first answered in the window.
    /// </summary>
    public static ComputedResult SocialFirstResponseHours(IEnumerable<InquiryFact> facts, InquiryWindowUtc window)
    {
        var responded = facts
            .Where(f => f.IsSocial && window.Contains(f.FirstResponseAt) && f.FirstResponseMinutes is not null)
            .OrderBy(f => f.FirstResponseAt).ThenBy(f => f.Id)
            .ToList();
        return Mean(responded, f => f.FirstResponseMinutes!.Value, window, "Computed_NoSocialResponses");
    }

    /// <summary>
    /// <c>inquiries.social-complaints-resolved</c>: of the complaints raised on social media received in the
    /// window whose outcome is known, the share answered with a documented response (text or document) within
    /// the answer target of their kind. One still open counts as missed once past its deadline, and is left
    /// out until then (or while its clock is paused).
    /// </summary>
    public static ComputedResult SocialComplaintsResolved(IEnumerable<InquiryFact> facts, InquiryWindowUtc window)
    {
        var records = new List<ComputedRecord>();
        foreach (var fact in facts.Where(f => f.IsSocialComplaint && window.Contains(f.ReceivedAt)).OrderBy(f => f.ReceivedAt).ThenBy(f => f.Id))
        {
            if (fact.AnsweredAt is null)
            {
                if (fact.AnswerDueAt is { } due && due < window.Now)
                {
                    records.Add(Record(fact, window, counts: false, measureMinutes: null));
                }

                continue;
            }

            var resolved = fact.Documented && fact.AnswerMinutes is { } minutes && minutes <= fact.AnswerTargetMinutes;
            records.Add(Record(fact, window, resolved, fact.AnswerMinutes, working: true));
        }

        return ComputedResult.Share(records.Count(r => r.Counts == true), records.Count, records, "Computed_NoSocialComplaints");
    }

    private static ComputedResult Mean(List<InquiryFact> facts, Func<InquiryFact, int> minutes, InquiryWindowUtc window, string emptyReason)
    {
        if (facts.Count == 0)
        {
            return ComputedResult.NotApplicable(emptyReason, []);
        }

        var records = facts.Select(f => Record(f, window, counts: true, minutes(f), working: true)).ToList();
        var mean = Math.Round(facts.Sum(minutes) / 60m / facts.Count, 2, MidpointRounding.AwayFromZero);
        return new ComputedResult(mean, records, facts.Count);
    }

    private static ComputedRecord Record(InquiryFact fact, InquiryWindowUtc window, bool counts, int? measureMinutes, bool working = false) => new(
        "inquiry",
        fact.Id.ToString(CultureInfo.InvariantCulture),
        $"{fact.Topic} ({fact.Outlet})",
        $"{fact.Topic} ({fact.Outlet})",
        $"/inquiries/{fact.Id}",
        Counts: counts,
        Measure: measureMinutes is { } m ? InquiryClock.Hours(m) : null,
        On: window.LocalDate(fact.ReceivedAt));
}

/// <summary>
/// Reads an institution's inquiries for one of the <see cref="InquiryCalculations"/> (ADR 0096, 0098). The
/// inquiries read are those received, first answered or answered in the window.
/// </summary>
public sealed class InquiryComputedSource(string key, ComputedKind kind, Func<IEnumerable<InquiryFact>, InquiryWindowUtc, ComputedResult> calculate, TimeProvider clock)
    : IComputedSource
{
    public const string MediaAnswerHours = "inquiries.media-answer-hours";
    public const string MediaAnswered24h = "inquiries.media-answered-24h";
    public const string SocialFirstResponseHours = "inquiries.social-first-response-hours";
    public const string SocialComplaintsResolved = "inquiries.social-complaints-resolved";

    public string Key => key;

    public ComputedKind Kind => kind;

    public static IEnumerable<InquiryComputedSource> All(TimeProvider clock) =>
    [
        new(MediaAnswerHours, ComputedKind.Hours, InquiryCalculations.MediaAnswerHours, clock),
        new(MediaAnswered24h, ComputedKind.Percentage, InquiryCalculations.MediaAnsweredWithin24Hours, clock),
        new(SocialFirstResponseHours, ComputedKind.Hours, InquiryCalculations.SocialFirstResponseHours, clock),
        new(SocialComplaintsResolved, ComputedKind.Percentage, InquiryCalculations.SocialComplaintsResolved, clock),
    ];

    public async Task<IReadOnlyDictionary<int, ComputedResult>> ComputeAsync(StrategyGovDbContext db, ComputeRequest request, CancellationToken ct)
    {
        var ids = request.InstitutionIds;
        var from = request.FromUtc;
        var to = request.ToUtcExclusive;
        var rows = await db.Inquiries.AsNoTracking()
            .Where(i => ids.Contains(i.InstitutionId))
            .Where(i => (i.ReceivedAt >= from && i.ReceivedAt < to)
                || (i.AnsweredAt != null && i.AnsweredAt >= from && i.AnsweredAt < to)
                || (i.FirstResponseAt != null && i.FirstResponseAt >= from && i.FirstResponseAt < to))
            .Select(i => new
            {
                i.Id, i.InstitutionId, i.Kind, i.Channel, i.Topic, i.Outlet, i.ReceivedAt, i.FirstResponseAt, i.AnsweredAt,
                Documented = i.ResponseText != null || i.ResponseFileSha256 != null,
                i.FirstResponseMinutes, i.AnswerMinutes, i.AnswerElapsedMinutes, i.AnswerTargetMinutes, i.AnswerDueAt,
            })
            .ToListAsync(ct);
        var withPauses = rows.Where(r => r.AnsweredAt is null).Select(r => r.Id).ToList();
        var pauses = withPauses.Count == 0
            ? []
            : (await db.InquiryPauses.AsNoTracking().Where(p => withPauses.Contains(p.InquiryId)).ToListAsync(ct)).ToLookup(p => p.InquiryId).ToDictionary(g => g.Key, g => ClockFacts.PausesOf(g));
        var facts = rows
            .Select(r => (r.InstitutionId, Fact: new InquiryFact(
                r.Id, r.Kind, r.Channel, r.Topic, r.Outlet, r.ReceivedAt, r.FirstResponseAt, r.AnsweredAt, r.Documented,
                r.FirstResponseMinutes, r.AnswerMinutes, r.AnswerElapsedMinutes, r.AnswerTargetMinutes, r.AnswerDueAt,
                pauses.GetValueOrDefault(r.Id) ?? [])))
            .ToLookup(f => f.InstitutionId, f => f.Fact);
        var window = new InquiryWindowUtc(from, to, clock.GetUtcNow().UtcDateTime, request.TimeZone);
        return ids.ToDictionary(id => id, id => calculate(facts[id], window));
    }
}
