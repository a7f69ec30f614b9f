using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Media;
using StrategyGov.Web.Features.Media.Journalists;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Media.Interactions;

/// <summary>
/// Each institution's log of media interactions and the coverage they produced (ADR 0099). An institution's
/// directors and contributors keep their own log and see only it; the center and officials read every
/// institution's. Another institution's interaction is "not found".
/// </summary>
public sealed class InteractionService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    JournalistService register,
    IOptions<PlatformOptions> platform,
    TimeProvider clock)
{
    public DateOnly Today => platform.Value.Today(clock);

    public async Task<IReadOnlyList<InteractionRow>> ListAsync(Actor actor, InteractionFilter filter, CancellationToken ct)
    {
        var institutionId = Scope(actor, filter.InstitutionId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.MediaInteractions.AsNoTracking().AsQueryable();
        if (institutionId is { } id)
        {
            query = query.Where(i => i.InstitutionId == id);
        }

        if (filter.From is { } from)
        {
            query = query.Where(i => i.OccurredOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(i => i.OccurredOn <= to);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(i => i.Kind == kind);
        }

        if (filter.JournalistId is { } journalistId)
        {
            query = query.Where(i => i.Participants.Any(p => p.JournalistId == journalistId));
        }

        if (filter.CampaignId is { } campaignId)
        {
            query = query.Where(i => i.CampaignPlanId == campaignId);
        }

        if (filter.ChangedSince is { } since)
        {
            // The row shows the interaction's coverage, so a changed coverage item changes the row.
            query = query.Where(i => i.UpdatedAt >= since || db.MediaCoverage.Any(c => c.InteractionId == i.Id && c.UpdatedAt >= since));
        }

        var rows = await RowsAsync(db, actor, query, ct);
        var search = filter.Search?.Trim();
        return rows
            .Where(r => string.IsNullOrEmpty(search)
                || r.Topic.Contains(search, StringComparison.OrdinalIgnoreCase)
                || r.Participants.Any(p => (p.JournalistAr ?? string.Empty).Contains(search, StringComparison.Ordinal) || (p.JournalistEn ?? string.Empty).Contains(search, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    public async Task<InteractionRow> GetAsync(Actor actor, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var institutionId = await db.MediaInteractions.Where(i => i.Id == id).Select(i => (int?)i.InstitutionId).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        actor.EnsureCanRead(institutionId);
        return (await RowsAsync(db, actor, db.MediaInteractions.AsNoTracking().Where(i => i.Id == id), ct)).Single();
    }

    public async Task<InteractionForm> GetFormAsync(Actor actor, int id, CancellationToken ct)
    {
        var row = await GetAsync(actor, id, ct);
        Actor.Ensure(row.CanEdit);
        return new InteractionForm
        {
            Kind = row.Kind,
            OccurredOn = row.OccurredOn,
            Topic = row.Topic,
            PillarId = row.Pillar?.Id,
            Outcome = row.Outcome,
            SeniorOfficial = row.SeniorOfficial,
            Location = row.Location,
            CampaignId = row.Campaign?.Id,
            JournalistIds = row.Participants.Where(p => p.JournalistId is not null).Select(p => p.JournalistId!.Value).ToList(),
            OutletIds = row.Participants.Where(p => p.JournalistId is null && p.OutletId is not null).Select(p => p.OutletId!.Value).ToList(),
        };
    }

    /// <summary>The choices of the form: the register, the published pillars, the campaigns the actor's institution owns.</summary>
    public async Task<InteractionLookups> LookupsAsync(Actor actor, CancellationToken ct)
    {
        JournalistService.EnsureCanRead(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var own = actor.IsInstitutionUser ? actor.InstitutionId : null;
        var campaigns = own is { } institutionId
            ? await db.CampaignPlans.AsNoTracking()
                .Where(c => c.InstitutionId == institutionId || c.Partners.Any(p => p.InstitutionId == institutionId))
                .OrderByDescending(c => c.StartsOn)
                .Select(c => new CampaignRef(c.Id, c.TitleAr, c.TitleEn)).ToListAsync(ct)
            : [];
        return new InteractionLookups(
            await register.JournalistChoicesAsync(actor, ct),
            await register.OutletChoicesAsync(actor, ct),
            await db.Pillars.AsNoTracking().Where(p => p.StrategyVersion.Status == StrategyStatus.Published).OrderBy(p => p.Order)
                .Select(p => new PillarRef(p.Id, p.Code, p.NameAr, p.NameEn)).ToListAsync(ct),
            campaigns,
            actor.SeesAllInstitutions
                ? await db.Institutions.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.Code)
                    .Select(i => new InstitutionRef(i.Id, i.Code, i.NameAr, i.NameEn)).ToListAsync(ct)
                : []);
    }

    /// <summary>Logs a new interaction of the actor's institution, or changes one of its interactions.</summary>
    public async Task<int> SaveAsync(Actor actor, int? id, InteractionForm form, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var interaction = await ApplyAsync(db, actor, id, form, ct);
        await db.SaveChangesAsync(ct);
        return interaction.Id;
    }

    /// <summary>
    /// Interactions sent by the institution's system (ADR 0107): every row through the form's own checks, all or
    /// nothing; a row whose external id is already the institution's changes that interaction.
    /// </summary>
    public Task<MediaWriteResult> SaveManyAsync(Actor actor, IReadOnlyList<MediaRowInput<InteractionForm>> rows, bool dryRun, CancellationToken ct) =>
        MediaBulkWrite.RunAsync(
            dbFactory, actor, rows, dryRun,
            (db, institutionId, externalIds) => db.MediaInteractions.Where(i => i.InstitutionId == institutionId && i.ExternalId != null && externalIds.Contains(i.ExternalId))
                .ToDictionaryAsync(i => i.ExternalId!, i => i.Id, StringComparer.Ordinal, ct),
            async (db, id, row) =>
            {
                var interaction = await ApplyAsync(db, actor, id, row.Form, ct);
                interaction.ExternalId = row.ExternalId;
                return interaction;
            },
            form => InteractionRules.Check(form, Today)?.Field,
            ct);

    /// <summary>Checks a form and sets it on a new or existing interaction of the actor's institution, in <paramref name="db"/>; nothing saved.</summary>
    private async Task<MediaInteraction> ApplyAsync(StrategyGovDbContext db, Actor actor, int? id, InteractionForm form, CancellationToken ct)
    {
        actor.EnsureInstitutionUser();
        if (InteractionRules.Check(form, Today) is { } problem)
        {
            throw new RuleViolationException(problem.Key, problem.Arguments);
        }

        MediaInteraction interaction;
        if (id is { } existing)
        {
            interaction = await db.MediaInteractions.Include(i => i.Participants).SingleOrDefaultAsync(i => i.Id == existing, ct) ?? throw new NotFoundException();
            actor.EnsureMemberOf(interaction.InstitutionId);
        }
        else
        {
            interaction = new MediaInteraction
            {
                InstitutionId = actor.InstitutionId!.Value,
                Topic = string.Empty,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                CreatedById = actor.AccountId,
            };
            db.MediaInteractions.Add(interaction);
        }

        await EnsurePillarAndCampaignAsync(db, interaction.InstitutionId, form.PillarId, form.CampaignId, ct);
        var journalistIds = form.JournalistIds.Distinct().ToList();
        var journalists = await db.Journalists.AsNoTracking()
            .Where(j => journalistIds.Contains(j.Id) && j.Status != RegisterStatus.Merged)
            .Select(j => new { j.Id, j.OutletId })
            .ToListAsync(ct);
        var outletIds = form.OutletIds.Distinct().ToList();
        var outlets = await db.MediaOutlets.AsNoTracking().Where(o => outletIds.Contains(o.Id) && o.Status != RegisterStatus.Merged).Select(o => o.Id).ToListAsync(ct);
        if (journalists.Count != journalistIds.Count || outlets.Count != outletIds.Count)
        {
            throw new RuleViolationException("Media_ParticipantUnknown");
        }

        interaction.Kind = form.Kind;
        interaction.OccurredOn = form.OccurredOn!.Value;
        interaction.Topic = form.Topic.Trim();
        interaction.PillarId = form.PillarId;
        interaction.Outcome = MediaInput.Clean(form.Outcome);
        interaction.SeniorOfficial = MediaInput.Clean(form.SeniorOfficial);
        interaction.Location = MediaInput.Clean(form.Location);
        interaction.CampaignPlanId = form.CampaignId;
        interaction.UpdatedAt = clock.GetUtcNow().UtcDateTime;

        // Participants kept when unchanged (no audit noise), added and removed one by one otherwise.
        var wanted = journalists.Select(j => (JournalistId: (int?)j.Id, j.OutletId)).Concat(outlets.Select(o => (JournalistId: (int?)null, OutletId: (int?)o))).ToList();
        foreach (var participant in interaction.Participants.ToList())
        {
            if (!wanted.Remove(wanted.FirstOrDefault(w => w.JournalistId == participant.JournalistId && (participant.JournalistId is not null || w.OutletId == participant.OutletId))))
            {
                interaction.Participants.Remove(participant);
                db.InteractionParticipants.Remove(participant);
            }
        }

        foreach (var (journalistId, outletId) in wanted)
        {
            interaction.Participants.Add(new InteractionParticipant { InstitutionId = interaction.InstitutionId, JournalistId = journalistId, OutletId = outletId });
        }

        return interaction;
    }

    /// <summary>Removes an interaction of the actor's institution; its coverage stays, no longer tied to it.</summary>
    public async Task DeleteAsync(Actor actor, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var interaction = await db.MediaInteractions.Include(i => i.Participants).Include(i => i.Coverage).SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException();
        actor.EnsureMemberOf(interaction.InstitutionId);
        foreach (var coverage in interaction.Coverage)
        {
            coverage.InteractionId = null;
        }

        db.InteractionParticipants.RemoveRange(interaction.Participants);
        db.MediaInteractions.Remove(interaction);
        await db.SaveChangesAsync(ct);
    }

    // Coverage.

    public async Task<IReadOnlyList<CoverageRow>> CoverageAsync(Actor actor, InteractionFilter filter, CancellationToken ct)
    {
        var institutionId = Scope(actor, filter.InstitutionId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.MediaCoverage.AsNoTracking().AsQueryable();
        if (institutionId is { } id)
        {
            query = query.Where(c => c.InstitutionId == id);
        }

        if (filter.From is { } from)
        {
            query = query.Where(c => c.PublishedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(c => c.PublishedOn <= to);
        }

        if (filter.CampaignId is { } campaignId)
        {
            query = query.Where(c => c.CampaignPlanId == campaignId);
        }

        if (filter.ChangedSince is { } since)
        {
            query = query.Where(c => c.UpdatedAt >= since);
        }

        return await ProjectCoverage(query.OrderByDescending(c => c.PublishedOn).ThenByDescending(c => c.Id)).ToListAsync(ct);
    }

    public async Task<CoverageForm> GetCoverageFormAsync(Actor actor, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var coverage = await db.MediaCoverage.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException();
        actor.EnsureMemberOf(coverage.InstitutionId);
        return new CoverageForm
        {
            InteractionId = coverage.InteractionId,
            CampaignId = coverage.CampaignPlanId,
            OutletId = coverage.OutletId,
            PublishedOn = coverage.PublishedOn,
            Headline = coverage.Headline,
            Url = coverage.Url,
            Tone = coverage.Tone,
            Reach = coverage.Reach?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Records a coverage item of the actor's institution (of one of its interactions or campaigns), or changes one.</summary>
    public async Task<int> SaveCoverageAsync(Actor actor, int? id, CoverageForm form, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var coverage = await ApplyCoverageAsync(db, actor, id, form, ct);
        await db.SaveChangesAsync(ct);
        return coverage.Id;
    }

    /// <summary>Coverage sent by the institution's system (ADR 0107), as <see cref="SaveManyAsync"/> for interactions.</summary>
    public Task<MediaWriteResult> SaveCoverageManyAsync(Actor actor, IReadOnlyList<MediaRowInput<CoverageForm>> rows, bool dryRun, CancellationToken ct) =>
        MediaBulkWrite.RunAsync(
            dbFactory, actor, rows, dryRun,
            (db, institutionId, externalIds) => db.MediaCoverage.Where(c => c.InstitutionId == institutionId && c.ExternalId != null && externalIds.Contains(c.ExternalId))
                .ToDictionaryAsync(c => c.ExternalId!, c => c.Id, StringComparer.Ordinal, ct),
            async (db, id, row) =>
            {
                var coverage = await ApplyCoverageAsync(db, actor, id, row.Form, ct);
                coverage.ExternalId = row.ExternalId;
                return coverage;
            },
            form => InteractionRules.Check(form, Today, out _)?.Field,
            ct);

    /// <summary>Checks a form and sets it on a new or existing coverage item of the actor's institution, in <paramref name="db"/>; nothing saved.</summary>
    private async Task<MediaCoverage> ApplyCoverageAsync(StrategyGovDbContext db, Actor actor, int? id, CoverageForm form, CancellationToken ct)
    {
        actor.EnsureInstitutionUser();
        if (InteractionRules.Check(form, Today, out var reach) is { } problem)
        {
            throw new RuleViolationException(problem.Key, problem.Arguments);
        }

        MediaCoverage coverage;
        if (id is { } existing)
        {
            coverage = await db.MediaCoverage.SingleOrDefaultAsync(c => c.Id == existing, ct) ?? throw new NotFoundException();
            actor.EnsureMemberOf(coverage.InstitutionId);
        }
        else
        {
            coverage = new MediaCoverage { InstitutionId = actor.InstitutionId!.Value, Headline = string.Empty, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.MediaCoverage.Add(coverage);
        }

        var campaignId = form.CampaignId;
        if (form.InteractionId is { } interactionId)
        {
            var interaction = await db.MediaInteractions.AsNoTracking().Where(i => i.Id == interactionId)
                .Select(i => new { i.InstitutionId, i.CampaignPlanId }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
            actor.EnsureMemberOf(interaction.InstitutionId);
            Actor.Ensure(interaction.InstitutionId == coverage.InstitutionId);
            campaignId ??= interaction.CampaignPlanId;
        }

        await EnsurePillarAndCampaignAsync(db, coverage.InstitutionId, null, campaignId, ct);
        if (!await db.MediaOutlets.AnyAsync(o => o.Id == form.OutletId && o.Status != RegisterStatus.Merged, ct))
        {
            throw new RuleViolationException("Media_OutletUnknown");
        }

        coverage.InteractionId = form.InteractionId;
        coverage.CampaignPlanId = campaignId;
        coverage.OutletId = form.OutletId!.Value;
        coverage.PublishedOn = form.PublishedOn!.Value;
        coverage.Headline = form.Headline.Trim();
        coverage.Url = MediaInput.Clean(form.Url);
        coverage.Tone = form.Tone;
        coverage.Reach = reach;
        coverage.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return coverage;
    }

    public async Task DeleteCoverageAsync(Actor actor, int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var coverage = await db.MediaCoverage.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException();
        actor.EnsureMemberOf(coverage.InstitutionId);
        db.MediaCoverage.Remove(coverage);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The institution the actor may list: their own (another one is not found), or any for the center and officials.</summary>
    internal static int? Scope(Actor actor, int? institutionId)
    {
        if (actor.SeesAllInstitutions)
        {
            return institutionId;
        }

        Actor.Ensure(actor.ReadsOneInstitution);
        if (institutionId is { } id)
        {
            actor.EnsureCanRead(id);
        }

        return actor.InstitutionId;
    }

    /// <summary>A pillar of the published strategy, and a campaign the institution leads or co-owns.</summary>
    private static async Task EnsurePillarAndCampaignAsync(StrategyGovDbContext db, int institutionId, int? pillarId, int? campaignId, CancellationToken ct)
    {
        if (pillarId is { } pillar && !await db.Pillars.AnyAsync(p => p.Id == pillar && p.StrategyVersion.Status == StrategyStatus.Published, ct))
        {
            throw new RuleViolationException("Media_PillarUnknown");
        }

        if (campaignId is { } campaign && !await db.CampaignPlans.AnyAsync(c => c.Id == campaign && (c.InstitutionId == institutionId || c.Partners.Any(p => p.InstitutionId == institutionId)), ct))
        {
            throw new RuleViolationException("Media_CampaignNotOwned");
        }
    }

    private static async Task<List<InteractionRow>> RowsAsync(StrategyGovDbContext db, Actor actor, IQueryable<MediaInteraction> query, CancellationToken ct)
    {
        var interactions = await query
            .OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.Id)
            .Select(i => new
            {
                i.Id,
                Institution = new InstitutionRef(i.InstitutionId, i.Institution.Code, i.Institution.NameAr, i.Institution.NameEn),
                i.Kind, i.OccurredOn, i.Topic,
                Pillar = i.Pillar == null ? null : new PillarRef(i.Pillar.Id, i.Pillar.Code, i.Pillar.NameAr, i.Pillar.NameEn),
                i.Outcome, i.SeniorOfficial, i.Location, i.CampaignPlanId, i.UpdatedAt,
            })
            .ToListAsync(ct);
        var ids = interactions.Select(i => i.Id).ToList();
        var participants = (await db.InteractionParticipants.AsNoTracking()
                .Where(p => ids.Contains(p.InteractionId))
                .OrderBy(p => p.Id)
                .Select(p => new
                {
                    p.InteractionId,
                    View = new ParticipantView(p.JournalistId, p.Journalist == null ? null : p.Journalist.NameAr, p.Journalist == null ? null : p.Journalist.NameEn,
                        p.OutletId, p.Outlet == null ? null : p.Outlet.NameAr, p.Outlet == null ? null : p.Outlet.NameEn),
                })
                .ToListAsync(ct))
            .ToLookup(p => p.InteractionId, p => p.View);
        var coverage = (await ProjectCoverage(db.MediaCoverage.AsNoTracking().Where(c => c.InteractionId != null && ids.Contains(c.InteractionId.Value)))
                .ToListAsync(ct))
            .ToLookup(c => c.InteractionId!.Value);
        var campaignIds = interactions.Select(i => i.CampaignPlanId).OfType<int>().Distinct().ToList();
        var campaigns = await db.CampaignPlans.AsNoTracking().Where(c => campaignIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new CampaignRef(c.Id, c.TitleAr, c.TitleEn), ct);
        return interactions.Select(i => new InteractionRow(
                i.Id, i.Institution, i.Kind, i.OccurredOn, i.Topic, i.Pillar, i.Outcome, i.SeniorOfficial, i.Location,
                i.CampaignPlanId is { } c ? campaigns.GetValueOrDefault(c) : null,
                participants[i.Id].ToList(),
                coverage[i.Id].OrderBy(x => x.PublishedOn).ToList(),
                actor.IsMemberOf(i.Institution.Id),
                coverage[i.Id].Select(x => x.UpdatedUtc).Append(i.UpdatedAt).Max()))
            .ToList();
    }

    private static IQueryable<CoverageRow> ProjectCoverage(IQueryable<MediaCoverage> coverage) => coverage.Select(c => new CoverageRow(
        c.Id, new InstitutionRef(c.InstitutionId, c.Institution.Code, c.Institution.NameAr, c.Institution.NameEn), c.InteractionId, c.CampaignPlanId, new OutletRef(c.Outlet.Id, c.Outlet.NameAr, c.Outlet.NameEn), c.PublishedOn, c.Headline, c.Url, c.Tone, c.Reach, c.UpdatedAt));
}
