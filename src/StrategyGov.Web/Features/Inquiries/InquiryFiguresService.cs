using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
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

/// <summary>One month of the dashboards' chart.</summary>
public sealed record MonthlyPoint(DateOnly Month, int Received, int Answered, int WithinTarget);

/// <summary>
/// The figures of the inquiry log: per institution, nationally, the league table and the dashboards'
/// chart. Counted in SQL (the league table of 300 institutions reads 100,000 inquiries a year, ADR 0098,
/// docs/performance.md §Inquiries); institution users get their own institution's only.
/// </summary>
public sealed class InquiryFiguresService(IDbContextFactory<StrategyGovDbContext> dbFactory, TimeProvider clock, IOptions<PlatformOptions> platform)
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
        var figures = await ComputeAsync(db, window, kind, institutionId, typeCode: null, ct);
        return institutionId is { } one ? figures.GetValueOrDefault(one, InquiryFigures.Empty) : await NationalAsync(db, window, kind, typeCode: null, ct);
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
        var figures = await ComputeAsync(db, window, filter.Kind, institutionId: null, filter.TypeCode, ct);
        var national = await NationalAsync(db, window, filter.Kind, filter.TypeCode, ct);
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

    /// <summary>Received, answered and answered within target in each of the last <paramref name="months"/> months (the dashboards' chart).</summary>
    public async Task<IReadOnlyList<MonthlyPoint>> MonthlyAsync(Actor actor, int? institutionId, int months, CancellationToken ct)
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
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - months);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var points = new List<MonthlyPoint>(months);
        for (var month = first; month <= today; month = month.AddMonths(1))
        {
            var from = ToUtc(month);
            var to = ToUtc(month.AddMonths(1));
            var counts = await db.Inquiries.AsNoTracking()
                .Where(i => i.ReceivedAt >= from && i.ReceivedAt < to && (institutionId == null || i.InstitutionId == institutionId))
                .GroupBy(_ => 1)
                .Select(g => new
                {
                    Received = g.Count(),
                    Answered = g.Count(i => i.AnswerMinutes != null),
                    Within = g.Count(i => i.AnswerMinutes != null && i.AnswerMinutes <= i.AnswerTargetMinutes),
                })
                .SingleOrDefaultAsync(ct);
            points.Add(new MonthlyPoint(month, counts?.Received ?? 0, counts?.Answered ?? 0, counts?.Within ?? 0));
        }

        return points;
    }

    private DateTime ToUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Zone);

    /// <summary>Each institution's figures: one grouped count, one percentile query, one count of what is overdue now.</summary>
    private async Task<Dictionary<int, InquiryFigures>> ComputeAsync(
        StrategyGovDbContext db, InquiryWindow window, InquiryKind? kind, int? institutionId, string? typeCode, CancellationToken ct)
    {
        var from = ToUtc(window.From);
        var to = ToUtc(window.To.AddDays(1));
        var now = clock.GetUtcNow().UtcDateTime;
        var scope = Scoped(db, kind, institutionId, typeCode);
        var counts = await scope
            .Where(i => i.ReceivedAt >= from && i.ReceivedAt < to)
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
            .ToListAsync(ct);
        var open = await OpenNowAsync(scope, now, ct);
        var percentiles = (await PercentilesAsync(db, from, to, kind, institutionId, typeCode, byInstitution: true, ct)).ToDictionary(p => p.InstitutionId);
        var result = new Dictionary<int, InquiryFigures>();
        foreach (var c in counts)
        {
            var p = percentiles.GetValueOrDefault(c.InstitutionId);
            var (overdue, openNow) = open.GetValueOrDefault(c.InstitutionId);
            result[c.InstitutionId] = new InquiryFigures(
                c.Volume, c.Answered, c.Answered + c.OpenMissed, c.Within, c.FirstResponded, p?.Median, p?.P90, c.Referred, overdue, openNow, c.DeadlinesDecided, c.DeadlinesMet);
        }

        // Institutions with nothing received in the window may still have overdue inquiries from before.
        foreach (var (id, (overdue, openNow)) in open.Where(o => !result.ContainsKey(o.Key)))
        {
            result[id] = InquiryFigures.Empty with { OverdueNow = overdue, OpenNow = openNow };
        }

        return result;
    }

    private async Task<InquiryFigures> NationalAsync(StrategyGovDbContext db, InquiryWindow window, InquiryKind? kind, string? typeCode, CancellationToken ct)
    {
        var all = await ComputeAsync(db, window, kind, institutionId: null, typeCode, ct);
        var from = ToUtc(window.From);
        var to = ToUtc(window.To.AddDays(1));
        var national = (await PercentilesAsync(db, from, to, kind, institutionId: null, typeCode, byInstitution: false, ct)).SingleOrDefault();
        var sum = all.Values.Aggregate(InquiryFigures.Empty, (a, f) => new InquiryFigures(
            a.Volume + f.Volume, a.Answered + f.Answered, a.Decided + f.Decided, a.WithinTarget + f.WithinTarget, a.FirstResponded + f.FirstResponded,
            null, null, a.Referred + f.Referred, a.OverdueNow + f.OverdueNow, a.OpenNow + f.OpenNow, a.DeadlinesDecided + f.DeadlinesDecided, a.DeadlinesMet + f.DeadlinesMet));
        return sum with { MedianFirstResponseMinutes = national?.Median, P90FirstResponseMinutes = national?.P90 };
    }

    private static IQueryable<Inquiry> Scoped(StrategyGovDbContext db, InquiryKind? kind, int? institutionId, string? typeCode)
    {
        var query = db.Inquiries.AsNoTracking().Where(i => i.Institution.IsActive);
        if (kind is { } k)
        {
            query = query.Where(i => i.Kind == k);
        }

        if (institutionId is { } id)
        {
            query = query.Where(i => i.InstitutionId == id);
        }

        if (typeCode is not null)
        {
            query = query.Where(i => i.Institution.Type.Code == typeCode);
        }

        return query;
    }

    /// <summary>Open inquiries per institution, and those past a target now (whatever their receipt date).</summary>
    private static async Task<Dictionary<int, (int Overdue, int Open)>> OpenNowAsync(IQueryable<Inquiry> scope, DateTime now, CancellationToken ct) =>
        (await scope
            .Where(i => i.Status != InquiryStatus.Answered && i.Status != InquiryStatus.Closed)
            .GroupBy(i => i.InstitutionId)
            .Select(g => new
            {
                InstitutionId = g.Key,
                Overdue = g.Count(i => (i.AnswerDueAt != null && i.AnswerDueAt < now) || (i.FirstResponseAt == null && i.FirstResponseDueAt != null && i.FirstResponseDueAt < now)),
                Open = g.Count(),
            })
            .ToListAsync(ct))
        .ToDictionary(x => x.InstitutionId, x => (x.Overdue, x.Open));

    /// <summary>
    /// Median and 90th percentile of the first-response times (nearest rank) per institution or over all, with
    /// window functions that both databases run: standard SQL, identifiers quoted as both quote them.
    /// </summary>
    private static async Task<List<PercentileRow>> PercentilesAsync(
        StrategyGovDbContext db, DateTime from, DateTime to, InquiryKind? kind, int? institutionId, string? typeCode, bool byInstitution, CancellationToken ct)
    {
        var arguments = new List<object> { from, to };
        var where = "q.\"ReceivedAt\" >= {0} AND q.\"ReceivedAt\" < {1} AND q.\"FirstResponseMinutes\" IS NOT NULL AND inst.\"IsActive\" = {2}";
        arguments.Add(true);
        if (kind is { } k)
        {
            where += $" AND q.\"Kind\" = {{{arguments.Count}}}";
            arguments.Add(k.ToString());
        }

        if (institutionId is { } id)
        {
            where += $" AND q.\"InstitutionId\" = {{{arguments.Count}}}";
            arguments.Add(id);
        }

        var join = "JOIN \"Institutions\" inst ON inst.\"Id\" = q.\"InstitutionId\"";
        if (typeCode is not null)
        {
            join += " JOIN \"InstitutionTypes\" t ON t.\"Id\" = inst.\"TypeId\"";
            where += $" AND t.\"Code\" = {{{arguments.Count}}}";
            arguments.Add(typeCode);
        }

        var partition = byInstitution ? "PARTITION BY q.\"InstitutionId\" " : string.Empty;
        var key = byInstitution ? "r.\"InstitutionId\"" : "0";
        var sql = $"""
            SELECT {key} AS "InstitutionId", r.c AS "Count",
                   MAX(CASE WHEN r.n = (r.c + 1) / 2 THEN r.m END) AS "Median",
                   MAX(CASE WHEN r.n = (9 * r.c + 9) / 10 THEN r.m END) AS "P90"
            FROM (
                SELECT q."InstitutionId" AS "InstitutionId", q."FirstResponseMinutes" AS m,
                       ROW_NUMBER() OVER ({partition}ORDER BY q."FirstResponseMinutes") AS n,
                       COUNT(*) OVER ({partition.TrimEnd()}) AS c
                FROM "Inquiries" q {join}
                WHERE {where}
            ) r
            GROUP BY {(byInstitution ? "r.\"InstitutionId\", " : string.Empty)}r.c
            """;
        return await db.Database.SqlQuery<PercentileRow>(FormattableStringFactory.Create(sql, [.. arguments])).ToListAsync(ct);
    }

    /// <summary>A row of the percentile query.</summary>
    public sealed class PercentileRow
    {
        public int InstitutionId { get; set; }

        public long Count { get; set; }

        public int? Median { get; set; }

        public int? P90 { get; set; }
    }
}
