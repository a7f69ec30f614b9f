using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Media;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Features.Media.Campaigns;
using StrategyGov.Web.Features.Media.Interactions;
using StrategyGov.Web.Features.Media.Journalists;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Media;

/// <summary>A period's media activity in figures: for one institution (its own) or for the nation (the center, officials).</summary>
public sealed record MediaPanelData(
    string PeriodCode,
    DateOnly From,
    DateOnly To,
    IReadOnlyDictionary<InteractionKind, int> Interactions,
    IReadOnlyDictionary<CoverageTone, int> Tone,
    long Reach,
    IReadOnlyDictionary<CampaignStatus, int> Campaigns,
    IReadOnlyList<(InstitutionRef Institution, int Interactions)> MostActive)
{
    public int InteractionCount => Interactions.Values.Sum();

    public int CoverageCount => Tone.Values.Sum();

    /// <summary>A tone's share of the coverage in percent (0 when there is none), for the split bar.</summary>
    public decimal Share(CoverageTone tone) => CoverageCount == 0 ? 0 : Math.Round(100m * Tone.GetValueOrDefault(tone) / CoverageCount, 1);
}

/// <summary>The media panel of the home pages: what the actor may read of a period, counted.</summary>
public sealed class MediaDashboardService(IDbContextFactory<StrategyGovDbContext> dbFactory)
{
    /// <summary>The figures of a period (by default the open one, else the latest), or null when there is no period yet.</summary>
    public async Task<MediaPanelData?> PanelAsync(Actor actor, int? periodId, CancellationToken ct)
    {
        var institutionId = InteractionService.Scope(actor, null);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.Periods.AsNoTracking()
            .Where(p => periodId == null || p.Id == periodId)
            .OrderByDescending(p => p.Status == PeriodStatus.Open).ThenByDescending(p => p.OpensOn)
            .Select(p => new { p.Code, p.OpensOn, p.ClosesOn })
            .FirstOrDefaultAsync(ct);
        if (period is null)
        {
            return periodId is null ? null : throw new NotFoundException();
        }
        var (from, to) = (period.OpensOn, period.ClosesOn);

        var interactions = db.MediaInteractions.AsNoTracking().Where(i => i.OccurredOn >= from && i.OccurredOn <= to);
        var coverage = db.MediaCoverage.AsNoTracking().Where(c => c.PublishedOn >= from && c.PublishedOn <= to);
        if (institutionId is { } own)
        {
            interactions = interactions.Where(i => i.InstitutionId == own);
            coverage = coverage.Where(c => c.InstitutionId == own);
        }

        // Counted in SQL: a national period holds tens of thousands of interactions (issue 22).
        var kinds = await interactions.GroupBy(i => i.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var tones = await coverage.GroupBy(c => c.Tone).Select(g => new { g.Key, Count = g.Count(), Reach = g.Sum(c => c.Reach ?? 0) }).ToListAsync(ct);
        var campaigns = await CampaignService.Visible(db.CampaignPlans.AsNoTracking(), actor)
            .Where(c => c.StartsOn <= to && c.EndsOn >= from)
            .GroupBy(c => c.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var perInstitution = institutionId is null
            ? await interactions
                .GroupBy(i => new { i.InstitutionId, i.Institution.Code, i.Institution.NameAr, i.Institution.NameEn })
                .Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync(ct)
            : [];
        return new MediaPanelData(
            period.Code, from, to,
            kinds,
            tones.ToDictionary(t => t.Key, t => t.Count),
            tones.Sum(t => t.Reach),
            campaigns,
            perInstitution
                .Select(x => (new InstitutionRef(x.Key.InstitutionId, x.Key.Code, x.Key.NameAr, x.Key.NameEn), x.Count))
                .OrderByDescending(x => x.Count).ThenBy(x => x.Item1.Code, StringComparer.Ordinal).Take(5).ToList());
    }
}
