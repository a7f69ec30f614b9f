using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Identity;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Audit;

/// <summary>What to look for in the trail; empty fields do not filter. Dates are platform-local days, inclusive.</summary>
public sealed record AuditFilter(
    string? EntityType = null,
    int? InstitutionId = null,
    string? Actor = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Text = null);

/// <summary>One changed property: its value before and after (null = not set).</summary>
public sealed record AuditChange(string Property, string? Before, string? After);

public sealed record AuditRow(
    long Sequence,
    DateTime OccurredAt,
    string ActorName,
    bool BySystem,
    string EntityType,
    string EntityKey,
    int? InstitutionId,
    string? InstitutionNameAr,
    string? InstitutionNameEn,
    AuditAction Action,
    IReadOnlyList<AuditChange> Changes,
    string? Reason);

public sealed record AuditEventPage(IReadOnlyList<AuditRow> Rows, int Total);

public sealed record AuditInstitution(int Id, string Code, string NameAr, string NameEn);

public sealed record AuditFilterOptions(IReadOnlyList<string> EntityTypes, IReadOnlyList<AuditInstitution> Institutions);

/// <summary>
/// Browsing and verifying the audit trail. The center sees every event; an institution's users only
/// the events of their own institution's data; nobody can change or delete an event.
/// </summary>
public sealed class AuditService(IDbContextFactory<StrategyGovDbContext> dbFactory, IOptions<PlatformOptions> platform)
{
    public const int MaxPageSize = 200;

    public async Task<AuditEventPage> BrowseAsync(Actor actor, AuditFilter filter, int page, int pageSize, CancellationToken ct)
    {
        var scope = InstitutionScope(actor);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filtered(db.AuditEvents.AsNoTracking(), filter, scope ?? filter.InstitutionId);
        var total = await query.CountAsync(ct);
        var events = await query.OrderByDescending(e => e.Sequence).Skip(Math.Max(page, 0) * pageSize).Take(pageSize).ToListAsync(ct);

        var institutionIds = events.Select(e => e.InstitutionId).OfType<int>().Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking()
            .Where(i => institutionIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => (i.NameAr, i.NameEn), ct);

        var zone = platform.Value.TimeZoneInfo;
        var changes = events.ToDictionary(e => e.Sequence, e => Changes(e.Before, e.After, zone));
        var userIds = changes.Values.SelectMany(c => c)
            .Where(c => c.Property.EndsWith("ById", StringComparison.Ordinal))
            .SelectMany(c => new[] { c.Before, c.After })
            .OfType<string>()
            .Distinct()
            .ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);

        var rows = events.Select(e =>
        {
            var names = e.InstitutionId is { } id && institutions.TryGetValue(id, out var found) ? found : default;
            return new AuditRow(
                e.Sequence, e.OccurredAt, e.ActorName, e.ActorUserId is null, e.EntityType, e.EntityKey, e.InstitutionId,
                names.NameAr, names.NameEn, e.Action, changes[e.Sequence].Select(c => WithUserNames(c, users)).ToList(), e.Reason);
        }).ToList();
        return new AuditEventPage(rows, total);
    }

    /// <summary>
    /// The choices of the filters: the entity types that occur in the trail the actor may see, and the
    /// institutions (the center only; an institution's users are fixed to their own).
    /// </summary>
    public async Task<AuditFilterOptions> FilterOptionsAsync(Actor actor, CancellationToken ct)
    {
        var scope = InstitutionScope(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var types = await db.AuditEvents.AsNoTracking()
            .Where(e => scope == null || e.InstitutionId == scope)
            .Select(e => e.EntityType)
            .Distinct()
            .ToListAsync(ct);
        var institutions = scope is null
            ? await db.Institutions.AsNoTracking().OrderBy(i => i.Code).Select(i => new AuditInstitution(i.Id, i.Code, i.NameAr, i.NameEn)).ToListAsync(ct)
            : [];
        return new AuditFilterOptions(types.Order(StringComparer.Ordinal).ToList(), institutions);
    }

    /// <summary>Walks the whole chain (CenterAdmin only) and reports the first broken link.</summary>
    public async Task<AuditVerification> VerifyAsync(Actor actor, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AuditChain.VerifyAsync(db, ct);
    }

    /// <summary>Null for the center (everything); the own institution for its users; others may not browse.</summary>
    private static int? InstitutionScope(Actor actor)
    {
        if (actor.IsCenter)
        {
            return null;
        }

        return actor.IsInstitutionUser ? actor.InstitutionId : throw new AccessDeniedException();
    }

    private IQueryable<AuditEvent> Filtered(IQueryable<AuditEvent> events, AuditFilter filter, int? institutionId)
    {
        if (institutionId is { } id)
        {
            events = events.Where(e => e.InstitutionId == id);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            events = events.Where(e => e.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actorText = filter.Actor.Trim();
            events = events.Where(e => e.ActorName.Contains(actorText));
        }

        var zone = platform.Value.TimeZoneInfo;
        if (filter.From is { } from)
        {
            var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
            events = events.Where(e => e.OccurredAt >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var untilUtc = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
            events = events.Where(e => e.OccurredAt < untilUtc);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            events = events.Where(e =>
                e.EntityKey.Contains(text)
                || (e.Before != null && e.Before.Contains(text))
                || (e.After != null && e.After.Contains(text))
                || (e.Reason != null && e.Reason.Contains(text)));
        }

        return events;
    }

    // A user id (UpdatedById, ReviewedById, …) reads as the user's name.
    private static AuditChange WithUserNames(AuditChange change, IReadOnlyDictionary<string, string> users)
    {
        return change.Property.EndsWith("ById", StringComparison.Ordinal)
            ? change with { Before = NameOf(change.Before), After = NameOf(change.After) }
            : change;

        string? NameOf(string? id) => id is not null && users.TryGetValue(id, out var name) ? name : id;
    }

    private static IReadOnlyList<AuditChange> Changes(string? beforeJson, string? afterJson, TimeZoneInfo zone)
    {
        var before = Parse(beforeJson, zone);
        var after = Parse(afterJson, zone);
        return before.Keys.Union(after.Keys)
            .Select(p => new AuditChange(p, before.GetValueOrDefault(p), after.GetValueOrDefault(p)))
            .ToList();
    }

    private static Dictionary<string, string?> Parse(string? json, TimeZoneInfo zone)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String when p.Value.TryGetDateTime(out var time) && time.Kind == DateTimeKind.Utc => AuditText.LocalTime(time, zone),
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            },
            StringComparer.Ordinal);
    }
}
