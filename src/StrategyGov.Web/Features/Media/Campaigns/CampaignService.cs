using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Calendar;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Media;
using StrategyGov.Web.Features.Calendar;
using StrategyGov.Web.Features.Media.Interactions;
using StrategyGov.Web.Features.Media.Journalists;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Media.Campaigns;

/// <summary>
/// Campaign plans on the OASIS model with the evaluation cycle (ADR 0099). The lead institution's directors
/// and contributors write the plan; its director launches, completes and evaluates it. Partner institutions
/// co-own the campaign: they read it, link their own calendar entries to it, and it counts in their indicators.
/// The center and officials read every campaign; any other institution gets "not found".
/// </summary>
public sealed partial class CampaignService(IDbContextFactory<StrategyGovDbContext> dbFactory, IOptions<PlatformOptions> platform, TimeProvider clock)
{
    public DateOnly Today => platform.Value.Today(clock);

    public async Task<IReadOnlyList<CampaignRow>> ListAsync(Actor actor, CampaignFilter filter, CancellationToken ct)
    {
        EnsureCanList(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Visible(db.CampaignPlans.AsNoTracking(), actor);
        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.InstitutionId is { } institutionId)
        {
            query = query.Where(c => c.InstitutionId == institutionId || c.Partners.Any(p => p.InstitutionId == institutionId));
        }

        if (filter.ChangedSince is { } since)
        {
            query = query.Where(c => c.UpdatedAt >= since);
        }

        var rows = await RowsAsync(db, query, ct);
        var search = filter.Search?.Trim();
        return rows
            .Where(r => string.IsNullOrEmpty(search) || r.TitleAr.Contains(search, StringComparison.Ordinal) || r.TitleEn.Contains(search, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    public async Task<CampaignView> GetAsync(Actor actor, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await db.CampaignPlans.AsNoTracking().AsSplitQuery()
            .Include(c => c.Objectives).Include(c => c.Evaluation).Include(c => c.Partners).Include(c => c.Pillar)
            .SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException();
        EnsureCanRead(actor, campaign);

        var row = (await RowsAsync(db, db.CampaignPlans.AsNoTracking().Where(c => c.Id == id), ct)).Single();
        var audiences = await db.CalendarAudiences.AsNoTracking().OrderBy(a => a.Order).Select(a => new AudienceRef(a.Code, a.NameAr, a.NameEn)).ToListAsync(ct);
        var zone = platform.Value.TimeZoneInfo;
        var entries = (await db.CalendarEntries.AsNoTracking().Where(e => e.CampaignPlanId == id)
                .Select(e => new { e.Id, e.InstitutionId, e.Institution.Code, e.Institution.NameAr, e.Institution.NameEn, e.TitleAr, e.TitleEn, e.StartsAt, e.EndsAt, e.Status })
                .ToListAsync(ct))
            .Select(e =>
            {
                var (first, last) = ClashDetector.DaysOf(Local(e.StartsAt, zone), Local(e.EndsAt, zone));
                return new LinkedEntry(e.Id, new InstitutionRef(e.InstitutionId, e.Code, e.NameAr, e.NameEn), e.TitleAr, e.TitleEn, first, last, e.Status, actor.IsMemberOf(e.InstitutionId));
            })
            .Where(e => e.Status == CalendarEntryStatus.Confirmed || actor.IsCenter || actor.IsMemberOf(e.Institution.Id))
            .OrderBy(e => e.FirstDay).ToList();

        var interactions = (await db.MediaInteractions.AsNoTracking().Where(i => i.CampaignPlanId == id).Select(i => i.Kind).ToListAsync(ct))
            .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var coverage = await db.MediaCoverage.AsNoTracking().Where(c => c.CampaignPlanId == id).Select(c => new { c.Tone, c.Reach }).ToListAsync(ct);
        var summary = new CoverageSummary(
            coverage.Count, coverage.Count(c => c.Tone == CoverageTone.Positive), coverage.Count(c => c.Tone == CoverageTone.Neutral),
            coverage.Count(c => c.Tone == CoverageTone.Negative), coverage.Sum(c => c.Reach ?? 0));

        var member = actor.IsMemberOf(campaign.InstitutionId);
        var open = campaign.Status != CampaignStatus.Evaluated;
        var can = new CampaignPermissions(
            EditPlan: member && open,
            EditObjectives: member && campaign.Status == CampaignStatus.Draft,
            RecordResults: member && campaign.Status is CampaignStatus.Active or CampaignStatus.Completed,
            Decide: actor.IsDirectorOf(campaign.InstitutionId) && open,
            LinkEntries: open && actor.IsInstitutionUser && Owners(campaign).Contains(actor.InstitutionId!.Value),
            Delete: actor.IsDirectorOf(campaign.InstitutionId) && campaign.Status == CampaignStatus.Draft);
        var codes = campaign.AudienceCodes;
        return new CampaignView(
            row,
            campaign.Pillar is { } p ? new PillarRef(p.Id, p.Code, p.NameAr, p.NameEn) : null,
            audiences.Where(a => codes.Contains(a.Code)).ToList(),
            campaign.AudienceInsight,
            campaign.Strategy,
            campaign.KeyMessages,
            campaign.Channels,
            campaign.ImplementationNotes,
            campaign.Objectives.OrderBy(o => o.Order).Select(o => new ObjectiveView(o.Id, o.Order, o.Statement, o.Metric, o.Unit, o.Baseline, o.Target, o.HigherIsBetter, o.DueOn, o.Result, o.Met)).ToList(),
            campaign.Evaluation.OrderBy(e => e.Stage).Select(e => new EvaluationView(e.Stage, e.Text, e.Metric, e.Target, e.Result)).ToList(),
            entries,
            interactions,
            summary,
            can,
            Today);
    }

    /// <summary>The campaign's title when the actor may read it (the calendar shows the link), else null.</summary>
    public async Task<CampaignRef?> LinkOfAsync(Actor actor, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Visible(db.CampaignPlans.AsNoTracking(), actor).Where(c => c.Id == id)
            .Select(c => new CampaignRef(c.Id, c.TitleAr, c.TitleEn)).SingleOrDefaultAsync(ct);
    }

    public async Task<CampaignLookups> LookupsAsync(Actor actor, CancellationToken ct)
    {
        EnsureCanList(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new CampaignLookups(
            await db.Pillars.AsNoTracking().Where(p => p.StrategyVersion.Status == StrategyStatus.Published).OrderBy(p => p.Order)
                .Select(p => new PillarRef(p.Id, p.Code, p.NameAr, p.NameEn)).ToListAsync(ct),
            await db.CalendarAudiences.AsNoTracking().OrderBy(a => a.Order).Select(a => new AudienceRef(a.Code, a.NameAr, a.NameEn)).ToListAsync(ct),
            await db.Institutions.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.Code)
                .Select(i => new InstitutionRef(i.Id, i.Code, i.NameAr, i.NameEn)).ToListAsync(ct));
    }

    public async Task<CampaignForm> GetFormAsync(Actor actor, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.CampaignPlans.AsNoTracking().Include(c => c.Partners).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException();
        EnsureCanRead(actor, c);
        Actor.Ensure(actor.IsMemberOf(c.InstitutionId));
        return new CampaignForm
        {
            TitleAr = c.TitleAr,
            TitleEn = c.TitleEn,
            StartsOn = c.StartsOn,
            EndsOn = c.EndsOn,
            PillarId = c.PillarId,
            AudienceCodes = c.AudienceCodes,
            AudienceInsight = c.AudienceInsight,
            Strategy = c.Strategy,
            KeyMessages = c.KeyMessages,
            Channels = c.Channels,
            ImplementationNotes = c.ImplementationNotes,
            BudgetPlanned = Text(c.BudgetPlanned),
            BudgetSpent = Text(c.BudgetSpent),
            Currency = c.Currency,
        };
    }

    /// <summary>A new draft campaign led by the actor's institution, with the six stages of its evaluation cycle.</summary>
    public async Task<int> CreateAsync(Actor actor, CampaignForm form, CancellationToken ct)
    {
        actor.EnsureInstitutionUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var institutionId = actor.InstitutionId!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var campaign = new CampaignPlan
        {
            InstitutionId = institutionId,
            TitleAr = string.Empty,
            TitleEn = string.Empty,
            Status = CampaignStatus.Draft,
            CreatedAt = now,
            CreatedById = actor.UserId,
            Evaluation = Enum.GetValues<EvaluationStage>().Select(stage => new CampaignEvaluationItem { InstitutionId = institutionId, Stage = stage }).ToList(),
        };
        await ApplyAsync(db, campaign, form, ct);
        db.CampaignPlans.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign.Id;
    }

    /// <summary>Changes the plan's sections (not the objectives) until the campaign is evaluated.</summary>
    public async Task SavePlanAsync(Actor actor, int id, CampaignForm form, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var campaign = await EditableAsync(db, actor, id, ct);
        await ApplyAsync(db, campaign, form, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Saves the objectives. A draft's are replaced as given; once launched, the objectives are what the
    /// campaign promised and only their results change (a result decides "met" from the target).
    /// </summary>
    public async Task SaveObjectivesAsync(Actor actor, int id, IReadOnlyList<ObjectiveForm> forms, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var campaign = await EditableAsync(db, actor, id, ct);
        var parsed = forms.Select((f, i) => Parse(f, i + 1)).ToList();
        if (campaign.Status == CampaignStatus.Draft)
        {
            var kept = parsed.Where(p => p.Form.Id is not null).Select(p => p.Form.Id!.Value).ToHashSet();
            if (kept.Any(k => campaign.Objectives.All(o => o.Id != k)))
            {
                throw new NotFoundException();
            }

            foreach (var removed in campaign.Objectives.Where(o => !kept.Contains(o.Id)).ToList())
            {
                campaign.Objectives.Remove(removed);
                db.CampaignObjectives.Remove(removed);
            }

            for (var i = 0; i < parsed.Count; i++)
            {
                var (form, baseline, target, result) = parsed[i];
                var objective = form.Id is { } objectiveId ? campaign.Objectives.Single(o => o.Id == objectiveId) : null;
                if (objective is null)
                {
                    objective = new CampaignObjective { InstitutionId = campaign.InstitutionId, Statement = string.Empty };
                    campaign.Objectives.Add(objective);
                }

                objective.Order = i + 1;
                objective.Statement = form.Statement.Trim();
                objective.Metric = MediaInput.Clean(form.Metric);
                objective.Unit = MediaInput.Clean(form.Unit);
                objective.Baseline = baseline;
                objective.Target = target;
                objective.HigherIsBetter = form.HigherIsBetter;
                objective.DueOn = form.DueOn;
                objective.Result = result;
                objective.Met = CampaignRules.Met(target, result, form.HigherIsBetter);
            }
        }
        else
        {
            var byId = campaign.Objectives.ToDictionary(o => o.Id);
            if (parsed.Count != byId.Count || parsed.Any(p => p.Form.Id is not { } objectiveId || !byId.ContainsKey(objectiveId)))
            {
                throw new RuleViolationException("Campaign_ObjectivesFrozen");
            }

            foreach (var (form, baseline, target, result) in parsed)
            {
                var objective = byId[form.Id!.Value];
                if (objective.Statement != form.Statement.Trim() || objective.Metric != MediaInput.Clean(form.Metric) || objective.Unit != MediaInput.Clean(form.Unit)
                    || objective.Baseline != baseline || objective.Target != target || objective.HigherIsBetter != form.HigherIsBetter || objective.DueOn != form.DueOn)
                {
                    throw new RuleViolationException("Campaign_ObjectivesFrozen");
                }

                objective.Result = result;
                objective.Met = CampaignRules.Met(objective.Target, result, objective.HigherIsBetter);
            }
        }

        campaign.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Saves the evaluation cycle's stages (text, metric, target, result) until the campaign is evaluated.</summary>
    public async Task SaveEvaluationAsync(Actor actor, int id, IReadOnlyList<EvaluationForm> forms, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var campaign = await EditableAsync(db, actor, id, ct);
        foreach (var form in forms)
        {
            if ((form.Text?.Trim().Length ?? 0) > MediaInput.MaxTextLength || (form.Metric?.Trim().Length ?? 0) > 300)
            {
                throw new RuleViolationException("Media_TooLong", MediaInput.MaxTextLength);
            }

            var target = Number(form.Target, "Campaign_TargetInvalid");
            var result = Number(form.Result, "Campaign_ResultInvalid");
            var item = campaign.Evaluation.SingleOrDefault(e => e.Stage == form.Stage);
            if (item is null)
            {
                item = new CampaignEvaluationItem { InstitutionId = campaign.InstitutionId, Stage = form.Stage };
                campaign.Evaluation.Add(item);
            }

            item.Text = MediaInput.Clean(form.Text);
            item.Metric = MediaInput.Clean(form.Metric);
            item.Target = target;
            item.Result = result;
        }

        campaign.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The lead's director launches a draft on a day up to today. Whether its plan was complete then (measurable
    /// objectives and a named audience) is recorded: it is what "launched with a written plan" counts.
    /// </summary>
    public async Task LaunchAsync(Actor actor, int id, DateOnly on, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var campaign = await DecidableAsync(db, actor, id, CampaignStatus.Draft, ct);
        if (on > Today)
        {
            throw new RuleViolationException("Campaign_DateInFuture");
        }

        campaign.Status = CampaignStatus.Active;
        campaign.LaunchedOn = on;
        campaign.PlannedAtLaunch = CampaignRules.IsPlanComplete(campaign);
        campaign.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The lead's director records that an active campaign ended, on a day from its launch to today.</summary>
    public async Task CompleteAsync(Actor actor, int id, DateOnly on, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var campaign = await DecidableAsync(db, actor, id, CampaignStatus.Active, ct);
        if (on > Today)
        {
            throw new RuleViolationException("Campaign_DateInFuture");
        }

        if (on < campaign.LaunchedOn)
        {
            throw new RuleViolationException("Campaign_CompletedBeforeLaunch");
        }

        campaign.Status = CampaignStatus.Completed;
        campaign.CompletedOn = on;
        campaign.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The lead's director closes the evaluation: every objective has a result (so the results are compared
    /// with the objectives) and the lessons are written. Evaluated is final.
    /// </summary>
    public async Task EvaluateAsync(Actor actor, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var campaign = await DecidableAsync(db, actor, id, CampaignStatus.Completed, ct);
        if (campaign.Objectives.Count == 0)
        {
            throw new RuleViolationException("Campaign_NoObjectives");
        }

        if (!CampaignRules.IsEvaluationComplete(campaign.Objectives.Select(o => o.Result).ToList()))
        {
            throw new RuleViolationException("Campaign_ResultsMissing");
        }

        if (string.IsNullOrWhiteSpace(campaign.Evaluation.SingleOrDefault(e => e.Stage == EvaluationStage.Learning)?.Text))
        {
            throw new RuleViolationException("Campaign_LearningMissing");
        }

        campaign.Status = CampaignStatus.Evaluated;
        campaign.EvaluatedOn = Today;
        campaign.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes a draft: its calendar entries, interactions and coverage stay, no longer tied to it.</summary>
    public async Task DeleteAsync(Actor actor, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var campaign = await DecidableAsync(db, actor, id, CampaignStatus.Draft, ct);
        foreach (var entry in await db.CalendarEntries.Where(e => e.CampaignPlanId == id).ToListAsync(ct))
        {
            entry.CampaignPlanId = null;
        }

        foreach (var interaction in await db.MediaInteractions.Where(i => i.CampaignPlanId == id).ToListAsync(ct))
        {
            interaction.CampaignPlanId = null;
        }

        foreach (var coverage in await db.MediaCoverage.Where(c => c.CampaignPlanId == id).ToListAsync(ct))
        {
            coverage.CampaignPlanId = null;
        }

        db.RemoveRange(campaign.Objectives);
        db.RemoveRange(campaign.Evaluation);
        db.RemoveRange(campaign.Partners);
        db.CampaignPlans.Remove(campaign);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds a co-owning institution (not the lead, not twice) until the campaign is evaluated.</summary>
    public async Task AddPartnerAsync(Actor actor, int id, int institutionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var campaign = await EditableAsync(db, actor, id, ct);
        if (institutionId == campaign.InstitutionId || campaign.Partners.Any(p => p.InstitutionId == institutionId))
        {
            throw new RuleViolationException("Campaign_PartnerAlready");
        }

        if (!await db.Institutions.AnyAsync(i => i.Id == institutionId && i.IsActive, ct))
        {
            throw new RuleViolationException("Campaign_PartnerUnknown");
        }

        campaign.Partners.Add(new CampaignPartner { InstitutionId = institutionId });
        await db.SaveChangesAsync(ct);
    }

    public async Task RemovePartnerAsync(Actor actor, int id, int institutionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var campaign = await EditableAsync(db, actor, id, ct);
        var partner = campaign.Partners.SingleOrDefault(p => p.InstitutionId == institutionId) ?? throw new NotFoundException();
        foreach (var entry in await db.CalendarEntries.Where(e => e.CampaignPlanId == id && e.InstitutionId == institutionId).ToListAsync(ct))
        {
            entry.CampaignPlanId = null;
        }

        campaign.Partners.Remove(partner);
        db.CampaignPartners.Remove(partner);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The actor's own institution's calendar entries that could implement the campaign (not cancelled, not linked elsewhere).</summary>
    public async Task<IReadOnlyList<EntryChoice>> EntryChoicesAsync(Actor actor, int id, CancellationToken ct)
    {
        actor.EnsureInstitutionUser();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await db.CampaignPlans.AsNoTracking().Include(c => c.Partners).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException();
        EnsureCanRead(actor, campaign);
        var own = actor.InstitutionId!.Value;
        var zone = platform.Value.TimeZoneInfo;
        return (await db.CalendarEntries.AsNoTracking()
                .Where(e => e.InstitutionId == own && e.CampaignPlanId == null && e.Status != CalendarEntryStatus.Cancelled)
                .OrderBy(e => e.StartsAt)
                .Select(e => new { e.Id, e.TitleAr, e.TitleEn, e.StartsAt, e.Status })
                .ToListAsync(ct))
            .Select(e => new EntryChoice(e.Id, e.TitleAr, e.TitleEn, DateOnly.FromDateTime(Local(e.StartsAt, zone)), e.Status))
            .ToList();
    }

    /// <summary>Links one of the actor's institution's calendar entries to a campaign it owns (leads or co-owns).</summary>
    public async Task LinkEntryAsync(Actor actor, int id, int entryId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var (campaign, entry) = await EntryAndCampaignAsync(db, actor, id, entryId, ct);
        if (entry.Status == CalendarEntryStatus.Cancelled)
        {
            throw new RuleViolationException("Calendar_CancelledLocked");
        }

        if (entry.CampaignPlanId is { } other && other != campaign.Id)
        {
            throw new RuleViolationException("Campaign_EntryLinkedElsewhere");
        }

        entry.CampaignPlanId = campaign.Id;
        await db.SaveChangesAsync(ct);
    }

    public async Task UnlinkEntryAsync(Actor actor, int id, int entryId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var (campaign, entry) = await EntryAndCampaignAsync(db, actor, id, entryId, ct);
        if (entry.CampaignPlanId != campaign.Id)
        {
            throw new NotFoundException();
        }

        entry.CampaignPlanId = null;
        await db.SaveChangesAsync(ct);
    }

    private async Task<(CampaignPlan Campaign, CalendarEntry Entry)> EntryAndCampaignAsync(StrategyGovDbContext db, Actor actor, int id, int entryId, CancellationToken ct)
    {
        var campaign = await db.CampaignPlans.Include(c => c.Partners).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException();
        EnsureCanRead(actor, campaign);
        Actor.Ensure(campaign.Status != CampaignStatus.Evaluated && actor.IsInstitutionUser && Owners(campaign).Contains(actor.InstitutionId!.Value));

        // The entry must be the actor's own institution's: another institution's is not found (or not theirs to change).
        var entry = await db.CalendarEntries.SingleOrDefaultAsync(e => e.Id == entryId, ct) ?? throw new NotFoundException();
        if (entry.InstitutionId != actor.InstitutionId && entry.Status != CalendarEntryStatus.Confirmed)
        {
            throw new NotFoundException();
        }

        Actor.Ensure(entry.InstitutionId == actor.InstitutionId);
        return (campaign, entry);
    }

    private async Task ApplyAsync(StrategyGovDbContext db, CampaignPlan campaign, CampaignForm form, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(form.TitleAr) || string.IsNullOrWhiteSpace(form.TitleEn))
        {
            throw new RuleViolationException("Campaign_TitleRequired");
        }

        if (form.TitleAr.Trim().Length > 300 || form.TitleEn.Trim().Length > 300)
        {
            throw new RuleViolationException("Media_TooLong", 300);
        }

        if (form.StartsOn is not { } starts || form.EndsOn is not { } ends)
        {
            throw new RuleViolationException("Campaign_DatesRequired");
        }

        if (ends < starts)
        {
            throw new RuleViolationException("Campaign_EndBeforeStart");
        }

        foreach (var text in new[] { form.AudienceInsight, form.Strategy, form.KeyMessages, form.ImplementationNotes })
        {
            if ((text?.Trim().Length ?? 0) > MediaInput.MaxTextLength)
            {
                throw new RuleViolationException("Media_TooLong", MediaInput.MaxTextLength);
            }
        }

        var planned = Number(form.BudgetPlanned, "Campaign_BudgetPlannedInvalid");
        var spent = Number(form.BudgetSpent, "Campaign_BudgetSpentInvalid");
        if (planned < 0 || spent < 0)
        {
            throw new RuleViolationException("Campaign_BudgetNegative");
        }

        var currency = (form.Currency ?? string.Empty).Trim().ToUpperInvariant();
        if (!CurrencyCode().IsMatch(currency))
        {
            throw new RuleViolationException("Campaign_CurrencyInvalid", form.Currency ?? string.Empty);
        }

        if (form.PillarId is { } pillarId && !await db.Pillars.AnyAsync(p => p.Id == pillarId && p.StrategyVersion.Status == StrategyStatus.Published, ct))
        {
            throw new RuleViolationException("Media_PillarUnknown");
        }

        var codes = form.AudienceCodes.Distinct().ToList();
        var known = await db.CalendarAudiences.Where(a => codes.Contains(a.Code)).Select(a => a.Code).ToListAsync(ct);
        if (known.Count != codes.Count)
        {
            throw new RuleViolationException("Calendar_AudienceRequired");
        }

        campaign.TitleAr = form.TitleAr.Trim();
        campaign.TitleEn = form.TitleEn.Trim();
        campaign.StartsOn = starts;
        campaign.EndsOn = ends;
        campaign.PillarId = form.PillarId;
        campaign.AudienceCodes = codes.Order(StringComparer.Ordinal).ToList();
        campaign.AudienceInsight = MediaInput.Clean(form.AudienceInsight);
        campaign.Strategy = MediaInput.Clean(form.Strategy);
        campaign.KeyMessages = MediaInput.Clean(form.KeyMessages);
        campaign.Channels = form.Channels.Distinct().Order().ToList();
        campaign.ImplementationNotes = MediaInput.Clean(form.ImplementationNotes);
        campaign.BudgetPlanned = planned;
        campaign.BudgetSpent = spent;
        campaign.Currency = currency;
        campaign.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    private static (ObjectiveForm Form, decimal? Baseline, decimal? Target, decimal? Result) Parse(ObjectiveForm form, int order)
    {
        if (string.IsNullOrWhiteSpace(form.Statement))
        {
            throw new RuleViolationException("Campaign_ObjectiveStatementRequired", order);
        }

        if (form.Statement.Trim().Length > 1000 || (form.Metric?.Trim().Length ?? 0) > 300 || (form.Unit?.Trim().Length ?? 0) > 64)
        {
            throw new RuleViolationException("Media_TooLong", 1000);
        }

        return (form, Number(form.Baseline, "Campaign_BaselineInvalid"), Number(form.Target, "Campaign_TargetInvalid"), Number(form.Result, "Campaign_ResultInvalid"));
    }

    /// <summary>A number typed in any digits, or null; otherwise the field's own refusal (<paramref name="messageKey"/>), quoting the text.</summary>
    private static decimal? Number(string? text, string messageKey) =>
        MediaInput.TryDecimal(text, out var value) ? value : throw new RuleViolationException(messageKey, text ?? string.Empty);

    /// <summary>A campaign the actor may change: their institution leads it and it is not evaluated yet.</summary>
    private static async Task<CampaignPlan> EditableAsync(StrategyGovDbContext db, Actor actor, int id, CancellationToken ct)
    {
        var campaign = await db.CampaignPlans.AsSplitQuery().Include(c => c.Partners).Include(c => c.Objectives).Include(c => c.Evaluation)
            .SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException();
        EnsureCanRead(actor, campaign);
        Actor.Ensure(actor.IsMemberOf(campaign.InstitutionId));
        if (campaign.Status == CampaignStatus.Evaluated)
        {
            throw new RuleViolationException("Campaign_Locked");
        }

        return campaign;
    }

    /// <summary>A campaign whose lead's director moves it on from <paramref name="from"/>.</summary>
    private static async Task<CampaignPlan> DecidableAsync(StrategyGovDbContext db, Actor actor, int id, CampaignStatus from, CancellationToken ct)
    {
        var campaign = await db.CampaignPlans.AsSplitQuery().Include(c => c.Partners).Include(c => c.Objectives).Include(c => c.Evaluation)
            .SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException();
        EnsureCanRead(actor, campaign);
        Actor.Ensure(actor.IsDirectorOf(campaign.InstitutionId));
        if (campaign.Status != from)
        {
            throw new RuleViolationException("Campaign_StatusChangeNotAllowed");
        }

        return campaign;
    }

    private static void EnsureCanList(Actor actor) => Actor.Ensure(actor.SeesAllInstitutions || actor.ReadsOneInstitution);

    /// <summary>Another institution's campaign is not found: the lead, its partners, the center and officials read it.</summary>
    private static void EnsureCanRead(Actor actor, CampaignPlan campaign)
    {
        if (!(actor.SeesAllInstitutions || (actor.ReadsOneInstitution && Owners(campaign).Contains(actor.InstitutionId!.Value))))
        {
            throw new NotFoundException();
        }
    }

    private static IEnumerable<int> Owners(CampaignPlan campaign) => campaign.Partners.Select(p => p.InstitutionId).Prepend(campaign.InstitutionId);

    internal static IQueryable<CampaignPlan> Visible(IQueryable<CampaignPlan> campaigns, Actor actor)
    {
        if (actor.SeesAllInstitutions)
        {
            return campaigns;
        }

        if (!actor.ReadsOneInstitution)
        {
            throw new AccessDeniedException();
        }

        var own = actor.InstitutionId;
        return campaigns.Where(c => c.InstitutionId == own || c.Partners.Any(p => p.InstitutionId == own));
    }

    internal static async Task<List<CampaignRow>> RowsAsync(StrategyGovDbContext db, IQueryable<CampaignPlan> query, CancellationToken ct)
    {
        var campaigns = await query.AsNoTracking().AsSplitQuery()
            .Include(c => c.Institution).Include(c => c.Objectives).Include(c => c.Partners).ThenInclude(p => p.Institution)
            .OrderByDescending(c => c.StartsOn).ThenBy(c => c.Id)
            .ToListAsync(ct);
        return campaigns.Select(c => new CampaignRow(
                c.Id,
                new InstitutionRef(c.InstitutionId, c.Institution.Code, c.Institution.NameAr, c.Institution.NameEn),
                c.Partners.OrderBy(p => p.Institution.Code).Select(p => new InstitutionRef(p.InstitutionId, p.Institution.Code, p.Institution.NameAr, p.Institution.NameEn)).ToList(),
                c.TitleAr, c.TitleEn, c.Status, c.StartsOn, c.EndsOn,
                CampaignRules.IsPlanComplete(c), c.PlannedAtLaunch,
                c.Objectives.Count, c.Objectives.Count(o => o.Met == true),
                c.LaunchedOn, c.CompletedOn, c.EvaluatedOn, c.BudgetPlanned, c.BudgetSpent, c.Currency, c.UpdatedAt))
            .ToList();
    }

    private static string? Text(decimal? value) => value?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
