using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Calendar;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Seeding;

namespace StrategyGov.Data.Media;

// The shape of seed-data/media.json (camelCase like the file). Days are offsets from the seeding day.

public sealed record MediaSeed(
    IReadOnlyList<OutletSeed> Outlets,
    IReadOnlyList<JournalistSeed> Journalists,
    IReadOnlyList<CampaignSeed> Campaigns,
    IReadOnlyList<InteractionSeed> Interactions);

public sealed record OutletSeed(string Key, string NameAr, string NameEn, OutletKind Kind, string? Website, RegisterStatus? Status, string? ProposedBy);

public sealed record JournalistSeed(
    string Key,
    string NameAr,
    string? NameEn,
    string? Outlet,
    JournalistRole Role,
    string? Position,
    MediaBeat Beat,
    string? Email,
    string? Phone,
    string? Handle,
    ContactChannel? PreferredChannel,
    IReadOnlyList<MediaLanguage>? Languages,
    string? AccreditationNumber,
    int? AccreditedForDays,
    RegisterStatus? Status,
    string? ProposedBy);

public sealed record ObjectiveSeed(string Statement, string? Metric, string? Unit, decimal? Baseline, decimal? Target, bool? HigherIsBetter, decimal? Result);

public sealed record EvaluationSeed(string? Text, string? Metric, decimal? Target, decimal? Result);

public sealed record CampaignSeed(
    string Key,
    string Institution,
    IReadOnlyList<string>? Partners,
    CampaignStatus Status,
    string TitleAr,
    string TitleEn,
    int StartDay,
    int EndDay,
    int? LaunchedDay,
    int? CompletedDay,
    int? EvaluatedDay,
    string? Pillar,
    IReadOnlyList<string>? Audiences,
    string? AudienceInsight,
    string? Strategy,
    string? KeyMessages,
    IReadOnlyList<CalendarChannel>? Channels,
    string? ImplementationNotes,
    decimal? BudgetPlanned,
    decimal? BudgetSpent,
    string? Currency,
    IReadOnlyList<ObjectiveSeed>? Objectives,
    IReadOnlyDictionary<EvaluationStage, EvaluationSeed>? Evaluation,
    IReadOnlyList<string>? CalendarEntries);

public sealed record CoverageSeed(string Outlet, int Day, string Headline, string? Url, CoverageTone Tone, long? Reach);

public sealed record InteractionSeed(
    string Institution,
    InteractionKind Kind,
    int Day,
    string Topic,
    string? Pillar,
    string? Outcome,
    string? SeniorOfficial,
    string? Location,
    string? Campaign,
    IReadOnlyList<string>? Journalists,
    IReadOnlyList<string>? Outlets,
    IReadOnlyList<CoverageSeed>? Coverage);

/// <summary>
/// Seeds the demo of media relations and campaigns into a freshly seeded database: the register's outlets and
/// journalists, campaigns with their plans (one evaluated in each quarter) linked to the seeded calendar
/// entries, and interactions with their coverage across institutions. Runs once, while the register is empty.
/// </summary>
public static class MediaSeeder
{
    public const string FileName = "media.json";

    public static async Task<bool> SeedAsync(StrategyGovDbContext db, string directory, DateTime utcNow, DateOnly today, CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(directory, FileName)) || await db.MediaOutlets.AnyAsync(ct) || await db.Journalists.AnyAsync(ct))
        {
            return false;
        }

        var seed = await SeedDataReader.ReadFileAsync<MediaSeed>(directory, FileName, ct);
        var institutions = await db.Institutions.ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var pillars = await db.Pillars.Where(p => p.StrategyVersion.Status == StrategyStatus.Published).ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        int Institution(string code) => Lookup(institutions, code);
        int? Pillar(string? code) => code is null ? null : Lookup(pillars, code);

        var outlets = seed.Outlets.ToDictionary(o => o.Key, o => new MediaOutlet
        {
            NameAr = o.NameAr,
            NameEn = o.NameEn,
            NameKey = MediaNames.Key(o.NameAr),
            Kind = o.Kind,
            Website = o.Website,
            Status = o.Status ?? RegisterStatus.Verified,
            ProposedByInstitutionId = o.ProposedBy is null ? null : Institution(o.ProposedBy),
            CreatedAt = utcNow,
            UpdatedAt = utcNow,
        });
        db.MediaOutlets.AddRange(outlets.Values);

        var journalists = seed.Journalists.ToDictionary(j => j.Key, j => new Journalist
        {
            NameAr = j.NameAr,
            NameEn = j.NameEn,
            NameKey = MediaNames.Key(j.NameAr),
            Outlet = j.Outlet is null ? null : Lookup(outlets, j.Outlet),
            Role = j.Role,
            Position = j.Position,
            Beat = j.Beat,
            Email = j.Email,
            Phone = j.Phone,
            Handle = j.Handle,
            PreferredChannel = j.PreferredChannel,
            Languages = j.Languages?.ToList() ?? [MediaLanguage.Arabic],
            AccreditationNumber = j.AccreditationNumber,
            AccreditedUntil = j.AccreditedForDays is { } days ? today.AddDays(days) : null,
            Status = j.Status ?? RegisterStatus.Verified,
            ProposedByInstitutionId = j.ProposedBy is null ? null : Institution(j.ProposedBy),
            CreatedAt = utcNow,
            UpdatedAt = utcNow,
            VerifiedAt = (j.Status ?? RegisterStatus.Verified) == RegisterStatus.Verified ? utcNow : null,
        });
        db.Journalists.AddRange(journalists.Values);

        var entries = await db.CalendarEntries.ToListAsync(ct);
        var campaigns = new Dictionary<string, CampaignPlan>();
        var pendingLinks = new List<(CalendarEntry Entry, CampaignPlan Campaign)>();
        var pendingInteractions = new List<(MediaInteraction Interaction, CampaignPlan Campaign)>();
        foreach (var c in seed.Campaigns)
        {
            var lead = Institution(c.Institution);
            var campaign = new CampaignPlan
            {
                InstitutionId = lead,
                TitleAr = c.TitleAr,
                TitleEn = c.TitleEn,
                Status = c.Status,
                StartsOn = today.AddDays(c.StartDay),
                EndsOn = today.AddDays(c.EndDay),
                PillarId = Pillar(c.Pillar),
                AudienceCodes = c.Audiences?.ToList() ?? [],
                AudienceInsight = c.AudienceInsight,
                Strategy = c.Strategy,
                KeyMessages = c.KeyMessages,
                Channels = c.Channels?.ToList() ?? [],
                ImplementationNotes = c.ImplementationNotes,
                BudgetPlanned = c.BudgetPlanned,
                BudgetSpent = c.BudgetSpent,
                Currency = c.Currency ?? "SAR",
                LaunchedOn = c.LaunchedDay is { } launched ? today.AddDays(launched) : null,
                CompletedOn = c.CompletedDay is { } completed ? today.AddDays(completed) : null,
                EvaluatedOn = c.EvaluatedDay is { } evaluated ? today.AddDays(evaluated) : null,
                CreatedAt = utcNow,
                UpdatedAt = utcNow,
                Partners = (c.Partners ?? []).Select(p => new CampaignPartner { InstitutionId = Institution(p) }).ToList(),
                Objectives = (c.Objectives ?? []).Select((o, i) => new CampaignObjective
                {
                    InstitutionId = lead,
                    Order = i + 1,
                    Statement = o.Statement,
                    Metric = o.Metric,
                    Unit = o.Unit,
                    Baseline = o.Baseline,
                    Target = o.Target,
                    HigherIsBetter = o.HigherIsBetter ?? true,
                    Result = o.Result,
                    Met = CampaignRules.Met(o.Target, o.Result, o.HigherIsBetter ?? true),
                }).ToList(),
                Evaluation = Enum.GetValues<EvaluationStage>().Select(stage =>
                {
                    var e = c.Evaluation?.GetValueOrDefault(stage);
                    return new CampaignEvaluationItem { InstitutionId = lead, Stage = stage, Text = e?.Text, Metric = e?.Metric, Target = e?.Target, Result = e?.Result };
                }).ToList(),
            };

            // Written before launch or not: the seed's plans are as they were on the day they were launched.
            campaign.PlannedAtLaunch = campaign.LaunchedOn is not null && CampaignRules.IsPlanComplete(campaign);
            campaigns[c.Key] = campaign;
            db.CampaignPlans.Add(campaign);
            foreach (var title in c.CalendarEntries ?? [])
            {
                var entry = entries.FirstOrDefault(e => e.TitleEn == title)
                    ?? throw new InvalidDataException($"{FileName}: campaign '{c.Key}' names an unknown calendar entry '{title}'.");
                pendingLinks.Add((entry, campaign));
            }
        }

        foreach (var i in seed.Interactions)
        {
            var institutionId = Institution(i.Institution);
            var campaign = i.Campaign is null ? null : Lookup(campaigns, i.Campaign);
            var interaction = new MediaInteraction
            {
                InstitutionId = institutionId,
                Kind = i.Kind,
                OccurredOn = today.AddDays(i.Day),
                Topic = i.Topic,
                PillarId = Pillar(i.Pillar),
                Outcome = i.Outcome,
                SeniorOfficial = i.SeniorOfficial,
                Location = i.Location,
                CreatedAt = utcNow,
                UpdatedAt = utcNow,
                Participants = (i.Journalists ?? []).Select(key => Lookup(journalists, key))
                    .Select(j => new InteractionParticipant { InstitutionId = institutionId, Journalist = j, Outlet = j.Outlet })
                    .Concat((i.Outlets ?? []).Select(key => new InteractionParticipant { InstitutionId = institutionId, Outlet = Lookup(outlets, key) }))
                    .ToList(),
            };
            interaction.Coverage = (i.Coverage ?? []).Select(c => new MediaCoverage
            {
                InstitutionId = institutionId,
                Outlet = Lookup(outlets, c.Outlet),
                PublishedOn = today.AddDays(c.Day),
                Headline = c.Headline,
                Url = c.Url,
                Tone = c.Tone,
                Reach = c.Reach,
                CreatedAt = utcNow,
                UpdatedAt = utcNow,
            }).ToList();
            db.MediaInteractions.Add(interaction);
            if (campaign is not null)
            {
                pendingInteractions.Add((interaction, campaign));
            }
        }

        // Campaign ids exist once saved; then the calendar entries, interactions and coverage point at them.
        await db.SaveChangesAsync(ct);
        foreach (var (entry, campaign) in pendingLinks)
        {
            entry.CampaignPlanId = campaign.Id;
        }

        foreach (var (interaction, campaign) in pendingInteractions)
        {
            interaction.CampaignPlanId = campaign.Id;
            foreach (var coverage in interaction.Coverage)
            {
                coverage.CampaignPlanId = campaign.Id;
            }
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    private static T Lookup<T>(IReadOnlyDictionary<string, T> items, string key) =>
        items.TryGetValue(key, out var item) ? item : throw new InvalidDataException($"{FileName}: unknown key or code '{key}'.");
}
