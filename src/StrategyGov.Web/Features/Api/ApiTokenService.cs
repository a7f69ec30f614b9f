using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Identity;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api;

/// <summary>
/// What an API token may do: <c>resource:read</c> or <c>resource:write</c>, several per token, stored
/// separated by spaces (ADR 0105). Writing a resource includes reading it.
/// </summary>
public static class ApiScopes
{
    /// <summary>Periods, scoreboards and explanation trees (of one institution when the token is bound to one).</summary>
    public const string ScoresRead = "scores:read";

    /// <summary>The published strategy framework.</summary>
    public const string FrameworkRead = "framework:read";

    /// <summary>Submissions with their answers, verified values and review decisions (read through the API's reads).</summary>
    public const string SubmissionsRead = "submissions:read";

    /// <summary>The RACI matrix and an institution's expectations.</summary>
    public const string RaciRead = "raci:read";

    /// <summary>Crisis-communication readiness.</summary>
    public const string CrisisRead = "crisis:read";

    public const string AnswersRead = "answers:read";

    /// <summary>Answers of the institution's open draft, a whole submission in one request.</summary>
    public const string AnswersWrite = "answers:write";

    public const string EvidenceRead = "evidence:read";

    public const string EvidenceWrite = "evidence:write";

    public const string RolesRead = "roles:read";

    public const string RolesWrite = "roles:write";

    public const string CalendarRead = "calendar:read";

    public const string CalendarWrite = "calendar:write";

    public const string InquiriesRead = "inquiries:read";

    public const string InquiriesWrite = "inquiries:write";

    public const string MediaRead = "media:read";

    public const string MediaWrite = "media:write";

    public const string CouncilRead = "council:read";

    public const string CouncilWrite = "council:write";

    public static readonly IReadOnlyList<string> All =
    [
        ScoresRead, FrameworkRead, SubmissionsRead, RaciRead, CrisisRead, AnswersRead, AnswersWrite, EvidenceRead, EvidenceWrite, RolesRead, RolesWrite,
        CalendarRead, CalendarWrite, InquiriesRead, InquiriesWrite, MediaRead, MediaWrite, CouncilRead, CouncilWrite,
    ];

    /// <summary>Each resource a token can be given, and whether it can be written through the API.</summary>
    public static readonly IReadOnlyList<(string Name, bool Writable)> Resources =
    [
        ("scores", false), ("framework", false), ("submissions", false), ("raci", false), ("crisis", false), ("answers", true), ("evidence", true), ("roles", true),
        ("calendar", true), ("inquiries", true), ("media", true), ("council", true),
    ];

    /// <summary>The scopes of a stored or requested scope string (space-separated), in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Parse(string? scopes)
    {
        var given = (scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return All.Where(given.Contains).ToList();
    }

    /// <summary>Scopes that are not ours, to refuse a token asked for with them.</summary>
    public static IReadOnlyList<string> Unknown(string? scopes) =>
        (scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => !All.Contains(s)).ToList();

    /// <summary>Whether <paramref name="granted"/> (a token's scope string) allows <paramref name="required"/>.</summary>
    public static bool Allows(string granted, string required)
    {
        var scopes = granted.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return scopes.Contains(required, StringComparer.Ordinal)
            || (required.EndsWith(":read", StringComparison.Ordinal) && scopes.Contains(required[..^":read".Length] + ":write", StringComparer.Ordinal));
    }

    /// <summary>Whether a token with these scopes writes anything (it then acts as a member of its institution).</summary>
    public static bool Writes(string granted) =>
        granted.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(s => s.EndsWith(":write", StringComparison.Ordinal));
}

public sealed record ApiTokenRow(
    int Id, string Name, string Prefix, string Scope, int? InstitutionId, string? InstitutionCode,
    DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, int? RequestsPerMinute = null);

/// <summary>One logged call of a token.</summary>
public sealed record ApiCallRow(DateTime At, string Method, string Path, int Status, int DurationMs);

/// <summary>A token as created: <paramref name="Token"/> is shown once and never stored.</summary>
public sealed record CreatedApiToken(ApiTokenRow Row, string Token);

/// <summary>A valid token's grants, for the bearer authentication handler.</summary>
public sealed record ApiTokenGrant(int Id, string Name, string Scope, int? InstitutionId, int? RequestsPerMinute);

/// <summary>
/// API tokens for machine clients (ADR 0041): created and revoked by a CenterAdmin, stored as SHA-256
/// of 32 random bytes, bound to a scope and optionally to one institution, with an expiry.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<StrategyGovDbContext> dbFactory, TimeProvider clock)
{
    public const string TokenPrefix = "sgk_";

    public async Task<IReadOnlyList<ApiTokenRow>> ListAsync(Actor actor, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ApiTokens.AsNoTracking()
            .Select(t => new ApiTokenRow(
                t.Id, t.Name, t.Prefix, t.Scope, t.InstitutionId,
                db.Institutions.Where(i => i.Id == t.InstitutionId).Select(i => i.Code).FirstOrDefault(),
                t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.RequestsPerMinute))
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.CreatedAt).ToList();
    }

    /// <param name="scope">One scope or several separated by spaces (<see cref="ApiScopes"/>).</param>
    /// <param name="requestsPerMinute">This token's rate; null for the configured default.</param>
    public async Task<CreatedApiToken> CreateAsync(
        Actor actor, string name, string scope, int? institutionId, DateTime expiresAt, CancellationToken ct, int? requestsPerMinute = null)
    {
        actor.EnsureCenterAdmin();
        var now = clock.GetUtcNow().UtcDateTime;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new RuleViolationException("ApiToken_NameRequired");
        }

        if (ApiScopes.Unknown(scope) is [var unknown, ..])
        {
            throw new RuleViolationException("ApiToken_UnknownScope", unknown);
        }

        var scopes = ApiScopes.Parse(scope);
        if (scopes.Count == 0)
        {
            throw new RuleViolationException("ApiToken_ScopeRequired");
        }

        // A national token reads; writing is always an institution's, recorded as it would record it.
        if (institutionId is null && ApiScopes.Writes(scope))
        {
            throw new RuleViolationException("ApiToken_WriteNeedsInstitution");
        }

        if (requestsPerMinute is < 1 or > 100_000)
        {
            throw new RuleViolationException("ApiToken_RateOutOfRange");
        }

        if (expiresAt <= now)
        {
            throw new RuleViolationException("ApiToken_ExpiryInPast");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        string? institutionCode = null;
        if (institutionId is { } id)
        {
            institutionCode = await db.Institutions.Where(i => i.Id == id).Select(i => i.Code).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException();
        }

        var token = TokenPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var entity = new ApiToken
        {
            Name = name.Trim(),
            TokenHash = Hash(token),
            Prefix = token[..12],
            Scope = string.Join(' ', scopes),
            RequestsPerMinute = requestsPerMinute,
            InstitutionId = institutionId,
            CreatedAt = now,
            CreatedById = actor.UserId,
            ExpiresAt = expiresAt,
        };
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(ct);
        return new CreatedApiToken(
            new ApiTokenRow(entity.Id, entity.Name, entity.Prefix, entity.Scope, institutionId, institutionCode, entity.CreatedAt, entity.ExpiresAt, null, null, requestsPerMinute),
            token);
    }

    public async Task RevokeAsync(Actor actor, int tokenId, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId, ct) ?? throw new NotFoundException();
        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow().UtcDateTime;
            token.RevokedById = actor.UserId;
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>A token's most recent calls, newest first (the log keeps <see cref="ApiOptions.CallLogDays"/> days).</summary>
    public async Task<IReadOnlyList<ApiCallRow>> CallsAsync(Actor actor, int tokenId, int take, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiCalls.AsNoTracking().Where(c => c.TokenId == tokenId)
            .OrderByDescending(c => c.Id).Take(take)
            .Select(c => new ApiCallRow(c.At, c.Method, c.Path, c.Status, c.DurationMs))
            .ToListAsync(ct);
    }

    /// <summary>Institutions a token can be bound to (code and names), for the form.</summary>
    public async Task<IReadOnlyList<(int Id, string Code, string NameAr, string NameEn)>> InstitutionChoicesAsync(Actor actor, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Institutions.AsNoTracking().Where(i => i.IsActive).Select(i => new { i.Id, i.Code, i.NameAr, i.NameEn }).ToListAsync(ct);
        return rows.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => (i.Id, i.Code, i.NameAr, i.NameEn)).ToList();
    }

    /// <summary>The grant of a presented token; null when unknown, revoked or expired.</summary>
    public async Task<ApiTokenGrant?> ValidateAsync(string token, CancellationToken ct)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.ApiTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (found is null || found.RevokedAt is not null || found.ExpiresAt <= now)
        {
            return null;
        }

        // Last use is informative only: recorded at most once a minute per token.
        if (found.LastUsedAt is null || now - found.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            found.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }

        return new ApiTokenGrant(found.Id, found.Name, found.Scope, found.InstitutionId, found.RequestsPerMinute);
    }

    private static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
