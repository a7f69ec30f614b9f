using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Media;
using StrategyGov.Web.Features.Computed;

namespace StrategyGov.Web.Features.Media;

/// <summary>An interaction as the media calculations read it.</summary>
public sealed record InteractionFact(int Id, int InstitutionId, InteractionKind Kind, DateOnly OccurredOn, string Topic, int Journalists, int Outlets, string? SeniorOfficial);

/// <summary>A campaign as the campaign calculations read it; it counts for its lead and for every partner.</summary>
public sealed record CampaignFact(
    int Id,
    string TitleAr,
    string TitleEn,
    DateOnly? LaunchedOn,
    bool PlannedAtLaunch,
    DateOnly? CompletedOn,
    DateOnly? EvaluatedOn,
    bool MetAll);

/// <summary>A count over the institution's own media log: one read of the kinds it counts, then its pure calculation per institution.</summary>
public abstract class InteractionCountSource(params InteractionKind[] kinds) : IComputedSource
{
    public abstract string Key { get; }

    public ComputedKind Kind => ComputedKind.Count;

    public async Task<IReadOnlyDictionary<int, ComputedResult>> ComputeAsync(StrategyGovDbContext db, ComputeRequest request, CancellationToken ct)
    {
        var facts = await MediaFacts.InteractionsAsync(db, request, kinds, ct);
        return request.InstitutionIds.ToDictionary(id => id, id => CalculateFor(facts[id], request));
    }

    protected abstract ComputedResult CalculateFor(IEnumerable<InteractionFact> interactions, ComputeRequest request);
}

/// <summary>A share of the campaigns the institution led or co-owned: one read of them all, then its pure calculation per institution.</summary>
public abstract class CampaignShareSource : IComputedSource
{
    public abstract string Key { get; }

    public ComputedKind Kind => ComputedKind.Percentage;

    public async Task<IReadOnlyDictionary<int, ComputedResult>> ComputeAsync(StrategyGovDbContext db, ComputeRequest request, CancellationToken ct)
    {
        var facts = await MediaFacts.CampaignsAsync(db, request, ct);
        return request.InstitutionIds.ToDictionary(id => id, id => CalculateFor(facts[id], request));
    }

    protected abstract ComputedResult CalculateFor(IEnumerable<CampaignFact> campaigns, ComputeRequest request);
}

/// <summary>
/// <c>media.press-conferences</c>: press conferences and press briefings the institution held in the window, from
/// its media log. One counts when the media were there to ask questions: at least one journalist or outlet recorded.
/// </summary>
public sealed class PressConferencesComputedSource() : InteractionCountSource(InteractionKind.PressConference, InteractionKind.Briefing)
{
    public const string PressConferences = "media.press-conferences";

    public override string Key => PressConferences;

    protected override ComputedResult CalculateFor(IEnumerable<InteractionFact> interactions, ComputeRequest request) => Calculate(interactions, request.From, request.To);

    /// <summary>Pure: each press conference or briefing from <paramref name="from"/> to <paramref name="to"/> (both included) with the media present counts once.</summary>
    public static ComputedResult Calculate(IEnumerable<InteractionFact> interactions, DateOnly from, DateOnly to)
    {
        var records = interactions
            .Where(i => i.Kind is InteractionKind.PressConference or InteractionKind.Briefing && i.OccurredOn >= from && i.OccurredOn <= to)
            .OrderBy(i => i.OccurredOn).ThenBy(i => i.Id)
            .Select(i =>
            {
                var counts = i.Journalists + i.Outlets > 0;
                var (kindAr, kindEn) = i.Kind == InteractionKind.PressConference ? ("مؤتمر صحفي", "Press conference") : ("إيجاز صحفي", "Press briefing");
                return MediaFacts.Record(i, $"{kindAr}: {i.Topic}{(counts ? string.Empty : " — لم يُسجَّل حضور إعلاميين")}", $"{kindEn}: {i.Topic}{(counts ? string.Empty : " — no media recorded")}", counts);
            })
            .ToList();
        return MediaFacts.Count(records);
    }
}

/// <summary>
/// <c>media.background-meetings</c>: background meetings with journalists and opinion writers in the window. A
/// press conference is not one; a meeting counts when a journalist and a senior official of the institution attended.
/// </summary>
public sealed class BackgroundMeetingsComputedSource() : InteractionCountSource(InteractionKind.Meeting)
{
    public const string BackgroundMeetings = "media.background-meetings";

    public override string Key => BackgroundMeetings;

    protected override ComputedResult CalculateFor(IEnumerable<InteractionFact> interactions, ComputeRequest request) => Calculate(interactions, request.From, request.To);

    /// <summary>Pure: each meeting in the window with at least one journalist and a named senior official counts once.</summary>
    public static ComputedResult Calculate(IEnumerable<InteractionFact> interactions, DateOnly from, DateOnly to)
    {
        var records = interactions
            .Where(i => i.Kind == InteractionKind.Meeting && i.OccurredOn >= from && i.OccurredOn <= to)
            .OrderBy(i => i.OccurredOn).ThenBy(i => i.Id)
            .Select(i =>
            {
                var official = !string.IsNullOrWhiteSpace(i.SeniorOfficial);
                var counts = i.Journalists > 0 && official;
                var (whyAr, whyEn) = counts ? (string.Empty, string.Empty)
                    : official ? (" — لم يُسجَّل إعلاميون", " — no journalist recorded")
                    : (" — لم يُسمَّ مسؤول قيادي", " — no senior official named");
                return MediaFacts.Record(i, $"لقاء مع الإعلاميين: {i.Topic}{whyAr}", $"Media meeting: {i.Topic}{whyEn}", counts);
            })
            .ToList();
        return MediaFacts.Count(records);
    }
}

/// <summary>
/// <c>media.campaigns-with-plan</c>: of the campaigns the institution led or co-owned that were launched in the
/// window, the share whose written plan, on the day of launch, had measurable (SMART) objectives and a named audience.
/// </summary>
public sealed class CampaignsWithPlanComputedSource : CampaignShareSource
{
    public const string CampaignsWithPlan = "media.campaigns-with-plan";

    public override string Key => CampaignsWithPlan;

    protected override ComputedResult CalculateFor(IEnumerable<CampaignFact> campaigns, ComputeRequest request) => Calculate(campaigns, request.From, request.To);

    /// <summary>Pure: denominator the campaigns launched from <paramref name="from"/> to <paramref name="to"/>; numerator those planned at launch.</summary>
    public static ComputedResult Calculate(IEnumerable<CampaignFact> campaigns, DateOnly from, DateOnly to)
    {
        var records = campaigns
            .Where(c => c.LaunchedOn is { } day && day >= from && day <= to)
            .OrderBy(c => c.LaunchedOn).ThenBy(c => c.Id)
            .Select(c => MediaFacts.Record(c, c.PlannedAtLaunch ? string.Empty : " — بلا خطة مكتملة عند الإطلاق", c.PlannedAtLaunch ? string.Empty : " — no complete plan at launch", c.PlannedAtLaunch, c.LaunchedOn))
            .ToList();
        return MediaFacts.Share(records, "Computed_NoCampaignsLaunched");
    }
}

/// <summary>
/// <c>media.campaigns-evaluated</c>: of the campaigns the institution led or co-owned that were completed in the
/// window, the share evaluated (every objective's result compared with its target, lessons written) by the day read.
/// </summary>
public sealed class CampaignsEvaluatedComputedSource : CampaignShareSource
{
    public const string CampaignsEvaluated = "media.campaigns-evaluated";

    public override string Key => CampaignsEvaluated;

    protected override ComputedResult CalculateFor(IEnumerable<CampaignFact> campaigns, ComputeRequest request) => Calculate(campaigns, request.From, request.To, request.AsOf);

    /// <summary>Pure: denominator the campaigns completed in the window; numerator those evaluated on or before <paramref name="asOf"/>.</summary>
    public static ComputedResult Calculate(IEnumerable<CampaignFact> campaigns, DateOnly from, DateOnly to, DateOnly asOf)
    {
        var records = campaigns
            .Where(c => c.CompletedOn is { } day && day >= from && day <= to)
            .OrderBy(c => c.CompletedOn).ThenBy(c => c.Id)
            .Select(c =>
            {
                var evaluated = c.EvaluatedOn is { } on && on <= asOf;
                return MediaFacts.Record(c, evaluated ? string.Empty : " — لم تُقيَّم بعد", evaluated ? string.Empty : " — not evaluated yet", evaluated, c.CompletedOn);
            })
            .ToList();
        return MediaFacts.Share(records, "Computed_NoCampaignsCompleted");
    }
}

/// <summary>
/// <c>media.campaigns-met-objectives</c>: of the campaigns completed in the window and evaluated by the day read,
/// the share that met every one of their objectives.
/// </summary>
public sealed class CampaignsMetObjectivesComputedSource : CampaignShareSource
{
    public const string CampaignsMetObjectives = "media.campaigns-met-objectives";

    public override string Key => CampaignsMetObjectives;

    protected override ComputedResult CalculateFor(IEnumerable<CampaignFact> campaigns, ComputeRequest request) => Calculate(campaigns, request.From, request.To, request.AsOf);

    /// <summary>Pure: denominator the campaigns completed in the window and evaluated by <paramref name="asOf"/>; numerator those that met all their objectives.</summary>
    public static ComputedResult Calculate(IEnumerable<CampaignFact> campaigns, DateOnly from, DateOnly to, DateOnly asOf)
    {
        var records = campaigns
            .Where(c => c.CompletedOn is { } day && day >= from && day <= to && c.EvaluatedOn is { } on && on <= asOf)
            .OrderBy(c => c.CompletedOn).ThenBy(c => c.Id)
            .Select(c => MediaFacts.Record(c, c.MetAll ? string.Empty : " — لم تحقق كل أهدافها", c.MetAll ? string.Empty : " — did not meet every objective", c.MetAll, c.EvaluatedOn))
            .ToList();
        return MediaFacts.Share(records, "Computed_NoCampaignsEvaluated");
    }
}

/// <summary>The reads and record labels the media calculations share.</summary>
internal static class MediaFacts
{
    public static async Task<ILookup<int, InteractionFact>> InteractionsAsync(StrategyGovDbContext db, ComputeRequest request, InteractionKind[] kinds, CancellationToken ct)
    {
        var ids = request.InstitutionIds;
        return (await db.MediaInteractions.AsNoTracking()
                .Where(i => ids.Contains(i.InstitutionId) && kinds.Contains(i.Kind) && i.OccurredOn >= request.From && i.OccurredOn <= request.To)
                .Select(i => new InteractionFact(
                    i.Id, i.InstitutionId, i.Kind, i.OccurredOn, i.Topic,
                    i.Participants.Count(p => p.JournalistId != null), i.Participants.Count(p => p.JournalistId == null && p.OutletId != null), i.SeniorOfficial))
                .ToListAsync(ct))
            .ToLookup(i => i.InstitutionId);
    }

    /// <summary>Every campaign of the institutions asked for, once under its lead and once under each partner.</summary>
    public static async Task<ILookup<int, CampaignFact>> CampaignsAsync(StrategyGovDbContext db, ComputeRequest request, CancellationToken ct)
    {
        var ids = request.InstitutionIds;
        var campaigns = await db.CampaignPlans.AsNoTracking().AsSplitQuery()
            .Where(c => ids.Contains(c.InstitutionId) || c.Partners.Any(p => ids.Contains(p.InstitutionId)))
            .Where(c => c.LaunchedOn != null)
            .Select(c => new
            {
                c.Id, c.InstitutionId, c.TitleAr, c.TitleEn, c.LaunchedOn, c.PlannedAtLaunch, c.CompletedOn, c.EvaluatedOn,
                Partners = c.Partners.Select(p => p.InstitutionId).ToList(),
                Met = c.Objectives.Select(o => o.Met).ToList(),
            })
            .ToListAsync(ct);
        return campaigns
            .SelectMany(c => c.Partners.Prepend(c.InstitutionId).Distinct().Select(owner => (Owner: owner, Fact: new CampaignFact(
                c.Id, c.TitleAr, c.TitleEn, c.LaunchedOn, c.PlannedAtLaunch, c.CompletedOn, c.EvaluatedOn, CampaignRules.MetAll(c.Met)))))
            .ToLookup(x => x.Owner, x => x.Fact);
    }

    /// <summary>A count: the records that count.</summary>
    public static ComputedResult Count(IReadOnlyList<ComputedRecord> records)
    {
        var counted = records.Count(r => r.Counts == true);
        return new ComputedResult(counted, records, counted);
    }

    /// <summary>A share: the records that count over all records listed; none listed is not applicable for <paramref name="reason"/>.</summary>
    public static ComputedResult Share(IReadOnlyList<ComputedRecord> records, string reason) =>
        ComputedResult.Share(records.Count(r => r.Counts == true), records.Count, records, reason);

    public static ComputedRecord Record(InteractionFact i, string labelAr, string labelEn, bool counts) => new(
        "media-interaction", i.Id.ToString(CultureInfo.InvariantCulture), labelAr, labelEn, $"/media/interactions#interaction-{i.Id}", Counts: counts, On: i.OccurredOn);

    public static ComputedRecord Record(CampaignFact c, string whyAr, string whyEn, bool counts, DateOnly? on) => new(
        "campaign", c.Id.ToString(CultureInfo.InvariantCulture), c.TitleAr + whyAr, c.TitleEn + whyEn, $"/media/campaigns/{c.Id}", Counts: counts, On: on);
}
