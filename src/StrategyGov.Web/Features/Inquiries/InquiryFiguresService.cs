using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Inquiries;
using StrategyGov.Scoring;
using StrategyGov.Web.Features.Inquiries.Clock;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Inquiries;

/// <summary>Days of the platform's time zone, both included, by which inquiries are counted (received on).</summary>
public sealed record InquiryWindow(DateOnly From, DateOnly To)
{
    /// <summary>The quarter <paramref name="day"/> falls in.</summary>
    public static InquiryWindow QuarterOf(DateOnly day)
    {
        var first = new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);
        return new InquiryWindow(first, first.AddMonths(3).AddDays(-1));
    }
}

/// <summary>
/// What an institution's (or the nation's) log says for a window (docs/decisions/0098 §Figures). Rates are
/// percentages with two decimals; hours are working hours; medians and the 90th percentile are the
/// values at ranks ⌈n/2⌉ and ⌈0.9·n⌉ of the sorted first-response times (nearest rank: a time that happened).
/// </summary>
public sealed record InquiryFigures(
    int Volume,
    int Answered,
    int Decided,
    int WithinTarget,
    int FirstResponded,
    int? MedianFirstResponseMinutes,
    int? P90FirstResponseMinutes,
    int Referred,
    int OverdueNow,
    int OpenNow,
    int DeadlinesDecided,
    int DeadlinesMet)
{
    public static readonly InquiryFigures Empty = new(0, 0, 0, 0, 0, null, null, 0, 0, 0, 0, 0);

    /// <summary>Answered within the answer target, of those answered or already past the target while open; null when none is decided yet.</summary>
    public decimal? WithinTargetRate => Rate(WithinTarget, Decided);

    /// <summary>Referred to another institution (misrouted), of those received.</summary>
    public decimal? ReferralRate => Rate(Referred, Volume);

    public decimal? DeadlinesMetRate => Rate(DeadlinesMet, DeadlinesDecided);

    public static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero);
}

public sealed record LeagueRow(
    int InstitutionId,
    string Code,
    string NameAr,
    string NameEn,
    string TypeCode,
    string TypeNameAr,
    string TypeNameEn,
    InquiryFigures Figures,
    int? Rank);

public sealed record LeagueTable(InquiryWindow Window, InquiryFigures National, IReadOnlyList<LeagueRow> Rows);

public sealed record LeagueFilter(string? TypeCode = null, InquiryKind? Kind = null);

/// <summary>What a home page's inquiry panel shows, as counted at <paramref name="CountedAt"/> (UTC, to the minute).</summary>
public sealed record InquiryDashboard(InquiryWindow Window, InquiryFigures Figures, IReadOnlyList<MonthlyPoint> Months, DateTime CountedAt);

/// <summary>One month of the dashboards' chart.</summary>
public sealed record MonthlyPoint(DateOnly Month, int Received, int Answered, int WithinTarget);

/// <summary>
/// The figures of the inquiry log: per institution, nationally, the league table and the dashboards'
/// chart. Counted in SQL (the league table of 300 institutions reads 100,000 inquiries a year, ADR 0098,
/// docs/performance.md §Inquiries); institution users get their own institution's only.
/// </summary>
public sealed class InquiryFiguresService(IDbContextFactory<StrategyGovDbContext> dbFactory, TimeProvider clock, IOptions<PlatformOptions> platform, IMemoryCache cache)
{
    private TimeZoneInfo Zone => platform.Value.TimeZoneInfo;

    public InquiryWindow CurrentQuarter => InquiryWindow.QuarterOf(platform.Value.Today(clock));

    /// <summary>One institution's figures (its own users, the center, officials) or the nation's (<paramref name="institutionId"/> null: the center and officials).</summary>
    public async Task<InquiryFigures> FiguresAsync(Actor actor, int? institutionId, InquiryWindow window, InquiryKind? kind, CancellationToken ct)
    {
        if (institutionId is { } id)
        {
            actor.EnsureCanRead(id);
        }
        else
        {
            actor.EnsureSeesAllInstitutions();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var institutions = institutionId is { } only
            ? [only]
            : await db.Institutions.AsNoTracking().Where(i => i.IsActive).Select(i => i.Id).ToListAsync(ct);
        var (figures, national) = await ComputeAsync(db, window, kind, institutionId, institutions.ToHashSet(), ct);
        return institutionId is { } one ? figures.GetValueOrDefault(one, InquiryFigures.Empty) : national;
    }

    /// <summary>Every active institution with its figures and its rank by the share answered within target (the center and officials).</summary>
    public async Task<LeagueTable> LeagueAsync(Actor actor, InquiryWindow window, LeagueFilter filter, CancellationToken ct)
    {
        actor.EnsureSeesAllInstitutions();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LeagueAsync(db, window, filter, ct);
    }

    /// <summary>The league table without the access check (the benchmark calls this).</summary>
    internal async Task<LeagueTable> LeagueAsync(StrategyGovDbContext db, InquiryWindow window, LeagueFilter filter, CancellationToken ct)
    {
        var institutions = await db.Institutions.AsNoTracking()
            .Where(i => i.IsActive && (filter.TypeCode == null || i.Type.Code == filter.TypeCode))
            .Select(i => new { i.Id, i.Code, i.NameAr, i.NameEn, TypeCode = i.Type.Code, TypeNameAr = i.Type.NameAr, TypeNameEn = i.Type.NameEn })
            .ToListAsync(ct);
        var (figures, national) = await ComputeAsync(db, window, filter.Kind, institutionId: null, institutions.Select(i => i.Id).ToHashSet(), ct);
        var rows = institutions
            .Select(i => new LeagueRow(i.Id, i.Code, i.NameAr, i.NameEn, i.TypeCode, i.TypeNameAr, i.TypeNameEn, figures.GetValueOrDefault(i.Id, InquiryFigures.Empty), null))
            .ToList();
        return new LeagueTable(window, national, Rank(rows));
    }

    /// <summary>
    /// Competition ranking ("1224") on the share answered within target as shown (one decimal); institutions
    /// with nothing decided are not ranked and come last. Ties are listed by median first response, then code.
    /// </summary>
    public static IReadOnlyList<LeagueRow> Rank(IReadOnlyList<LeagueRow> rows)
    {
        var shown = rows.ToDictionary(r => r.InstitutionId, r => r.Figures.WithinTargetRate is { } rate ? ScoreDisplay.Round(rate) : (decimal?)null);
        var ranked = rows.Where(r => shown[r.InstitutionId] is not null).ToList();
        return rows
            .Select(r => r with
            {
                Rank = shown[r.InstitutionId] is { } value ? 1 + ranked.Count(o => shown[o.InstitutionId] > value) : null,
            })
            .OrderBy(r => r.Rank ?? int.MaxValue)
            .ThenBy(r => r.Figures.MedianFirstResponseMinutes ?? int.MaxValue)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The home pages' panel: this quarter's figures and the six months' chart of one institution or of the nation,
    /// counted at most once a minute on each instance (every official's home page shows the nation's; issue 22).
    /// The figures say the minute they were counted (<see cref="InquiryDashboard.CountedAt"/>).
    /// </summary>
    public async Task<InquiryDashboard> DashboardAsync(Actor actor, int? institutionId, CancellationToken ct)
    {
        if (institutionId is { } id)
        {
            actor.EnsureCanRead(id);
        }
        else
        {
            actor.EnsureSeesAllInstitutions();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var minute = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        return (await cache.GetOrCreateAsync((typeof(InquiryDashboard), institutionId, minute), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var window = CurrentQuarter;
            return new InquiryDashboard(window, await FiguresAsync(actor, institutionId, window, kind: null, ct), await MonthlyAsync(actor, institutionId, ct), minute);
        }))!;
    }

    /// <summary>How many months the dashboards' chart shows.</summary>
    public const int ChartMonths = 6;

    /// <summary>Received, answered and answered within target in each of the last six months (the dashboards' chart), in one grouped count.</summary>
    public async Task<IReadOnlyList<MonthlyPoint>> MonthlyAsync(Actor actor, int? institutionId, CancellationToken ct)
    {
        if (institutionId is { } id)
        {
            actor.EnsureCanRead(id);
        }
        else
        {
            actor.EnsureSeesAllInstitutions();
        }

        var today = platform.Value.Today(clock);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - ChartMonths);
        var b = Enumerable.Range(0, ChartMonths + 1).Select(m => ToUtc(first.AddMonths(m))).ToArray();
        DateTime b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3], b4 = b[4], b5 = b[5], b6 = b[6];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Inquiries.AsNoTracking()
            .Where(i => i.ReceivedAt >= b0 && i.ReceivedAt < b6 && (institutionId == null || i.InstitutionId == institutionId))
            .GroupBy(i => i.ReceivedAt < b1 ? 0 : i.ReceivedAt < b2 ? 1 : i.ReceivedAt < b3 ? 2 : i.ReceivedAt < b4 ? 3 : i.ReceivedAt < b5 ? 4 : 5)
            .Select(g => new
            {
                Month = g.Key,
                Received = g.Count(),
                Answered = g.Count(i => i.AnswerMinutes != null),
                Within = g.Count(i => i.AnswerMinutes != null && i.AnswerMinutes <= i.AnswerTargetMinutes),
            })
            .ToDictionaryAsync(c => c.Month, ct);
        return Enumerable.Range(0, ChartMonths)
            .Select(m => counts.TryGetValue(m, out var c) ? new MonthlyPoint(first.AddMonths(m), c.Received, c.Answered, c.Within) : new MonthlyPoint(first.AddMonths(m), 0, 0, 0))
            .ToList();
    }

    private DateTime ToUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Zone);

    /// <summary>
    /// The figures of the institutions in <paramref name="included"/> (active, of the type asked for) and of them
    /// together: one grouped count, one histogram of first-response minutes, one count of what is open now; each
    /// an index-only read of 100,000 rows (ADR 0098 §Figures). Institutions are filtered here rather than joined in
    /// SQL, so that each query reads one index only.
    /// </summary>
    private async Task<(Dictionary<int, InquiryFigures> Figures, InquiryFigures National)> ComputeAsync(
        StrategyGovDbContext db, InquiryWindow window, InquiryKind? kind, int? institutionId, IReadOnlySet<int> included, CancellationToken ct)
    {
        var from = ToUtc(window.From);
        var to = ToUtc(window.To.AddDays(1));
        var now = clock.GetUtcNow().UtcDateTime;
        var scope = db.Inquiries.AsNoTracking();
        if (kind is { } k)
        {
            scope = scope.Where(i => i.Kind == k);
        }

        if (institutionId is { } id)
        {
            scope = scope.Where(i => i.InstitutionId == id);
        }

        var received = scope.Where(i => i.ReceivedAt >= from && i.ReceivedAt < to);
        var counts = (await received
                .GroupBy(i => i.InstitutionId)
                .Select(g => new
                {
                    InstitutionId = g.Key,
                    Volume = g.Count(),
                    Answered = g.Count(i => i.AnswerMinutes != null),
                    Within = g.Count(i => i.AnswerMinutes != null && i.AnswerMinutes <= i.AnswerTargetMinutes),
                    OpenMissed = g.Count(i => i.AnswerMinutes == null && i.AnswerDueAt != null && i.AnswerDueAt < now),
                    FirstResponded = g.Count(i => i.FirstResponseMinutes != null),
                    Referred = g.Count(i => i.ReferredAt != null),
                    DeadlinesDecided = g.Count(i => i.RequesterDeadline != null && (i.AnsweredAt != null || i.RequesterDeadline < now)),
                    DeadlinesMet = g.Count(i => i.RequesterDeadline != null && i.AnsweredAt != null && i.AnsweredAt <= i.RequesterDeadline),
                })
                .ToListAsync(ct))
            .Where(c => included.Contains(c.InstitutionId))
            .ToList();
        var histogram = (await received
                .Where(i => i.FirstResponseMinutes != null)
                .GroupBy(i => new { i.InstitutionId, i.FirstResponseMinutes })
                .Select(g => new { g.Key.InstitutionId, Minutes = g.Key.FirstResponseMinutes!.Value, Count = g.Count() })
                .ToListAsync(ct))
            .Where(h => included.Contains(h.InstitutionId))
            .ToList();
        var open = (await OpenNowAsync(scope, now, ct)).Where(o => included.Contains(o.Key)).ToDictionary(o => o.Key, o => o.Value);

        var percentiles = histogram.GroupBy(h => h.InstitutionId).ToDictionary(g => g.Key, g => Percentiles.Of(g.Select(h => (h.Minutes, h.Count))));
        var result = new Dictionary<int, InquiryFigures>();
        foreach (var c in counts)
        {
            var (median, p90) = percentiles.GetValueOrDefault(c.InstitutionId);
            var (overdue, openNow) = open.GetValueOrDefault(c.InstitutionId);
            result[c.InstitutionId] = new InquiryFigures(
                c.Volume, c.Answered, c.Answered + c.OpenMissed, c.Within, c.FirstResponded, median, p90, c.Referred, overdue, openNow, c.DeadlinesDecided, c.DeadlinesMet);
        }

        // Institutions with nothing received in the window may still have overdue inquiries from before.
        foreach (var (quiet, (overdue, openNow)) in open.Where(o => !result.ContainsKey(o.Key)))
        {
            result[quiet] = InquiryFigures.Empty with { OverdueNow = overdue, OpenNow = openNow };
        }

        var (nationalMedian, nationalP90) = Percentiles.Of(histogram.GroupBy(h => h.Minutes).Select(g => (g.Key, g.Sum(h => h.Count))));
        var national = result.Values.Aggregate(InquiryFigures.Empty, (a, f) => new InquiryFigures(
            a.Volume + f.Volume, a.Answered + f.Answered, a.Decided + f.Decided, a.WithinTarget + f.WithinTarget, a.FirstResponded + f.FirstResponded,
            null, null, a.Referred + f.Referred, a.OverdueNow + f.OverdueNow, a.OpenNow + f.OpenNow, a.DeadlinesDecided + f.DeadlinesDecided, a.DeadlinesMet + f.DeadlinesMet));
        return (result, national with { MedianFirstResponseMinutes = nationalMedian, P90FirstResponseMinutes = nationalP90 });
    }

    /// <summary>Open inquiries per institution, and those past a target now (whatever their receipt date).</summary>
    private static async Task<Dictionary<int, (int Overdue, int Open)>> OpenNowAsync(IQueryable<Inquiry> scope, DateTime now, CancellationToken ct) =>
        (await scope
            .Where(Inquiry.Open)
            .GroupBy(i => i.InstitutionId)
            .Select(g => new
            {
                InstitutionId = g.Key,
                Overdue = g.Count(i => (i.AnswerDueAt != null && i.AnswerDueAt < now) || (i.FirstResponseAt == null && i.FirstResponseDueAt != null && i.FirstResponseDueAt < now)),
                Open = g.Count(),
            })
            .ToListAsync(ct))
        .ToDictionary(x => x.InstitutionId, x => (x.Overdue, x.Open));
}

/// <summary>
/// The median and the 90th percentile of a set of whole minutes given as a histogram (how many times each value
/// occurs), nearest rank: the values at ranks ⌈n/2⌉ and ⌈0.9·n⌉ of the sorted values. Exact, and the histogram
/// is what SQL returns cheaply: one grouped read of an index in its own order.
/// </summary>
public static class Percentiles
{
    public static (int? Median, int? P90) Of(IEnumerable<(int Minutes, int Count)> histogram)
    {
        var sorted = histogram.Where(h => h.Count > 0).OrderBy(h => h.Minutes).ToList();
        var n = sorted.Sum(h => (long)h.Count);
        if (n == 0)
        {
            return (null, null);
        }

        return (At(sorted, (n + 1) / 2), At(sorted, ((9 * n) + 9) / 10));
    }

    private static int At(List<(int Minutes, int Count)> sorted, long rank)
    {
        long seen = 0;
        foreach (var (minutes, count) in sorted)
        {
            seen += count;
            if (seen >= rank)
            {
                return minutes;
            }
        }

        return sorted[^1].Minutes;
    }
}
