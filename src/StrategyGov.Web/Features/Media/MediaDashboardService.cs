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

        var kinds = await interactions.Select(i => new { i.Kind, i.InstitutionId, i.Institution.Code, i.Institution.NameAr, i.Institution.NameEn }).ToListAsync(ct);
        var tones = await coverage.Select(c => new { c.Tone, c.Reach }).ToListAsync(ct);
        var campaigns = await CampaignService.Visible(db.CampaignPlans.AsNoTracking(), actor)
            .Where(c => c.StartsOn <= to && c.EndsOn >= from)
            .Select(c => c.Status)
            .ToListAsync(ct);
        return new MediaPanelData(
            period.Code, from, to,
            kinds.GroupBy(k => k.Kind).ToDictionary(g => g.Key, g => g.Count()),
            tones.GroupBy(t => t.Tone).ToDictionary(g => g.Key, g => g.Count()),
            tones.Sum(t => t.Reach ?? 0),
            campaigns.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()),
            institutionId is null
                ? kinds.GroupBy(k => k.InstitutionId)
                    .Select(g => (new InstitutionRef(g.Key, g.First().Code, g.First().NameAr, g.First().NameEn), g.Count()))
                    .OrderByDescending(x => x.Item2).ThenBy(x => x.Item1.Code, StringComparer.Ordinal).Take(5).ToList()
                : []);
    }
}
