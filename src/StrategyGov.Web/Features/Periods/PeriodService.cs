using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Features.Computed;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Web.Features.Scores;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Periods;

public sealed record PeriodRow(
    int Id,
    string Code,
    PeriodStatus Status,
    DateOnly OpensOn,
    DateOnly DueOn,
    DateOnly ClosesOn,
    int StrategyVersionId,
    string StrategyNameAr,
    string StrategyNameEn,
    DateTime? PublishedAt = null,
    int ObjectionWindowDays = 14,
    int Submissions = 0,
    int OverdueEscalationDays = 3)
{
    /// <summary>The center may still change when it hears of overdue submissions (not once the period is closed).</summary>
    public bool EscalationEditable => Status is PeriodStatus.Planned or PeriodStatus.Open;
}

/// <summary>
/// What an administrator enters to create a period; <paramref name="OverdueEscalationDays"/> null takes
/// the platform's default (<see cref="ReportingOptions.OverdueEscalationDays"/>).
/// </summary>
public sealed record NewPeriod(string Code, int StrategyVersionId, DateOnly OpensOn, DateOnly DueOn, DateOnly ClosesOn, int? OverdueEscalationDays = null);

public sealed record StrategyVersionOption(int Id, string Code, int Version, string NameAr, string NameEn);

/// <summary>
/// Reporting periods: Planned → Open → Closed → Published. Every signed-in user may list them; only a
/// center administrator creates and moves them. Each transition is one method, so whatever must
/// follow it (audit, notifications) hooks in at exactly one place.
/// </summary>
public sealed partial class PeriodService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    TimeProvider clock,
    IOptions<ReportingOptions> options,
    NotificationService notifications,
    ScoreSnapshotService snapshots,
    ComputedIndicatorService computed)
{
    /// <summary>The center hears of an overdue submission at the earliest the first day after the due date (with the directors)…</summary>
    public const int MinEscalationDays = 1;

    /// <summary>…and at the latest two months after it.</summary>
    public const int MaxEscalationDays = 60;

    /// <summary>Periods that have opened (not Planned), newest first.</summary>
    public async Task<IReadOnlyList<PeriodRow>> ListStartedAsync(CancellationToken ct)
    {
        var periods = await ListAsync(ct);
        return periods.Where(p => p.Status != PeriodStatus.Planned).ToList();
    }

    /// <summary>Every period, newest first, with its submission count (administration).</summary>
    public async Task<IReadOnlyList<PeriodRow>> ListAllAsync(Actor actor, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        return await ListAsync(ct);
    }

    /// <summary>Published strategy versions: the only ones a period may be bound to.</summary>
    public async Task<IReadOnlyList<StrategyVersionOption>> PublishedStrategiesAsync(Actor actor, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StrategyVersions.AsNoTracking()
            .Where(s => s.Status == StrategyStatus.Published)
            .OrderByDescending(s => s.Version)
            .Select(s => new StrategyVersionOption(s.Id, s.Code, s.Version, s.NameAr, s.NameEn))
            .ToListAsync(ct);
    }

    /// <summary>The period users most likely mean: the latest open one, else the latest started one.</summary>
    public static PeriodRow? Current(IReadOnlyList<PeriodRow> startedNewestFirst) =>
        startedNewestFirst.FirstOrDefault(p => p.Status == PeriodStatus.Open) ?? startedNewestFirst.FirstOrDefault();

    /// <summary>Creates a Planned period bound to a published strategy version.</summary>
    public async Task<int> CreateAsync(Actor actor, NewPeriod input, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        var code = input.Code?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!CodePattern().IsMatch(code))
        {
            throw new RuleViolationException("Period_CodeInvalid");
        }

        if (!(input.OpensOn < input.DueOn && input.DueOn <= input.ClosesOn))
        {
            throw new RuleViolationException("Period_DatesOrder");
        }

        var escalationDays = input.OverdueEscalationDays ?? options.Value.OverdueEscalationDays;
        EnsureEscalationDays(escalationDays);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var strategy = await db.StrategyVersions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == input.StrategyVersionId, ct)
            ?? throw new RuleViolationException("Period_StrategyNotPublished");
        if (strategy.Status != StrategyStatus.Published)
        {
            throw new RuleViolationException("Period_StrategyNotPublished");
        }

        if (await db.Periods.AnyAsync(p => p.Code == code, ct))
        {
            throw new RuleViolationException("Period_CodeTaken", code);
        }

        var period = new ReportingPeriod
        {
            Code = code,
            StrategyVersionId = strategy.Id,
            OpensOn = input.OpensOn,
            DueOn = input.DueOn,
            ClosesOn = input.ClosesOn,
            Status = PeriodStatus.Planned,
            ObjectionWindowDays = options.Value.ObjectionWindowDays,
            OverdueEscalationDays = escalationDays,
        };
        db.Periods.Add(period);
        await db.SaveChangesAsync(ct);
        return period.Id;
    }

    /// <summary>
    /// Opens a Planned period: every active institution gets a Draft submission. Opening an open
    /// period again only adds drafts for institutions activated since (never a duplicate).
    /// Returns how many drafts were created.
    /// </summary>
    public async Task<int> OpenAsync(Actor actor, int periodId, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var period = await FindAsync(db, periodId, ct);
        if (period.Status is not (PeriodStatus.Planned or PeriodStatus.Open))
        {
            throw new RuleViolationException("Period_CannotOpen", period.Code);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Submissions.Where(s => s.PeriodId == periodId).Select(s => s.InstitutionId).ToListAsync(ct);
        var missing = await db.Institutions.Where(i => i.IsActive && !existing.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
        foreach (var institutionId in missing)
        {
            db.Submissions.Add(new Submission
            {
                InstitutionId = institutionId,
                PeriodId = periodId,
                Status = SubmissionStatus.Draft,
                CreatedAt = now,
                LastActivityAt = now,
            });
        }

        period.Status = PeriodStatus.Open;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);

            // Every draft starts with its computed answers filled from the institutions' records.
            var drafts = await db.Submissions.Where(s => s.PeriodId == periodId).Select(s => s.Id).ToListAsync(ct);
            await computed.FillAsync(db, drafts, ComputedIndicatorService.Scope.Editable, actor.UserId, ct);
            await transaction.CommitAsync(ct);
        }

        await notifications.PeriodOpenedAsync(periodId, ct);
        return missing.Count;
    }

    /// <summary>Closes an open period: institutions can no longer change answers; review goes on.</summary>
    public async Task CloseAsync(Actor actor, int periodId, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var period = await FindAsync(db, periodId, ct);
        if (period.Status != PeriodStatus.Open)
        {
            throw new RuleViolationException("Period_CannotClose", period.Code);
        }

        period.Status = PeriodStatus.Closed;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Publishes a closed period's results; the objection window starts now. Refused while a
    /// submission still awaits review, so published figures are never provisional.
    /// </summary>
    public async Task PublishAsync(Actor actor, int periodId, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var period = await FindAsync(db, periodId, ct);
        if (period.Status != PeriodStatus.Closed)
        {
            throw new RuleViolationException("Period_CannotPublish", period.Code);
        }

        var pending = await db.Submissions
            .Where(s => s.PeriodId == periodId && s.Status == SubmissionStatus.Submitted)
            .Select(s => s.Institution.Code)
            .ToListAsync(ct);
        if (pending.Count > 0)
        {
            throw new RuleViolationException("Period_PendingReview", string.Join("، ", pending.Order(StringComparer.Ordinal)));
        }

        period.Status = PeriodStatus.Published;
        period.PublishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        // The published scores are frozen now, so reports and rankings of this period never move.
        await snapshots.CaptureAsync(periodId, ct);
    }

    /// <summary>
    /// Sets after how many days past the due date the center is told of a submission still not
    /// submitted. Only while the period is planned or open: afterwards nothing is escalated any more.
    /// </summary>
    public async Task SetOverdueEscalationAsync(Actor actor, int periodId, int days, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        EnsureEscalationDays(days);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var period = await FindAsync(db, periodId, ct);
        if (period.Status is not (PeriodStatus.Planned or PeriodStatus.Open))
        {
            throw new RuleViolationException("Period_EscalationClosed", period.Code);
        }

        period.OverdueEscalationDays = days;
        await db.SaveChangesAsync(ct);
    }

    private static void EnsureEscalationDays(int days)
    {
        if (days is < MinEscalationDays or > MaxEscalationDays)
        {
            throw new RuleViolationException("Period_EscalationDaysRange", MinEscalationDays, MaxEscalationDays);
        }
    }

    private async Task<IReadOnlyList<PeriodRow>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var periods = await db.Periods.AsNoTracking()
            .Select(p => new PeriodRow(
                p.Id, p.Code, p.Status, p.OpensOn, p.DueOn, p.ClosesOn, p.StrategyVersionId, p.StrategyVersion.NameAr, p.StrategyVersion.NameEn,
                p.PublishedAt, p.ObjectionWindowDays, db.Submissions.Count(s => s.PeriodId == p.Id), p.OverdueEscalationDays))
            .ToListAsync(ct);
        return periods.OrderByDescending(p => p.OpensOn).ThenByDescending(p => p.Code, StringComparer.Ordinal).ToList();
    }

    private static async Task<ReportingPeriod> FindAsync(StrategyGovDbContext db, int periodId, CancellationToken ct) =>
        await db.Periods.SingleOrDefaultAsync(p => p.Id == periodId, ct) ?? throw new NotFoundException();

    // 2026-Q1 … Q4, 2026-H1/H2 (half years), 2026-FY (a whole year).
    [GeneratedRegex(@"^(19|20)\d{2}-(Q[1-4]|H[12]|FY)$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
