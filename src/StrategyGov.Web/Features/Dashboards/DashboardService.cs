using StrategyGov.Scoring;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Dashboards;

/// <summary>Everything the center's dashboard shows for one period.</summary>
public sealed record CenterDashboardData(PeriodScores Scores, PeriodTrend<IndexTrend>? Trend, PeriodTimeliness Timeliness);

/// <summary>Everything an institution's dashboard shows for one period.</summary>
public sealed record InstitutionDashboardData(
    InstitutionScores Scores,
    PeriodTrend<TrendResult>? Trend,
    OnTimeRate OnTime,
    IReadOnlyList<ImprovementPotential> Potentials);

/// <summary>Gathers the dashboards' data through the score service, which checks the actor.</summary>
public sealed class DashboardService(ScoreService scores)
{
    /// <summary>The center's view of a period: center staff and officials.</summary>
    public async Task<CenterDashboardData> CenterAsync(Actor actor, int periodId, CancellationToken ct)
    {
        var period = await scores.GetPeriodAsync(actor, periodId, ct);
        var trend = await scores.GetNationalTrendAsync(actor, period, ct);
        return new CenterDashboardData(period, trend, scores.TimelinessOf(period));
    }

    /// <summary>One institution's view of a period: its own users, center staff and officials.</summary>
    public async Task<InstitutionDashboardData> InstitutionAsync(Actor actor, int institutionId, int periodId, CancellationToken ct)
    {
        var institution = await scores.GetInstitutionAsync(actor, institutionId, periodId, ct);
        var trend = await scores.GetInstitutionTrendAsync(actor, institution, ct);
        var onTime = await scores.GetInstitutionOnTimeAsync(actor, institutionId, ct);
        return new InstitutionDashboardData(institution, trend, onTime, Improvement.Potentials(institution.Entry.Result));
    }
}
