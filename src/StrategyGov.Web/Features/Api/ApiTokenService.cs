using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Identity;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api;

/// <summary>What an API token may read.</summary>
public static class ApiScopes
{
    /// <summary>Periods, scoreboards and explanation trees (of one institution when the token is bound to one).</summary>
    public const string ScoresRead = "scores:read";

    /// <summary>The published strategy framework.</summary>
    public const string FrameworkRead = "framework:read";

    /// <summary>Submissions with their answers, verified values and review decisions.</summary>
    public const string SubmissionsRead = "submissions:read";

    /// <summary>Evidence metadata and files.</summary>
    public const string EvidenceRead = "evidence:read";

    /// <summary>Role holders and vacancies.</summary>
    public const string RolesRead = "roles:read";

    /// <summary>The RACI matrix and an institution's expectations.</summary>
    public const string RaciRead = "raci:read";

    /// <summary>Calendar entries.</summary>
    public const string CalendarRead = "calendar:read";

    /// <summary>Crisis-communication readiness.</summary>
    public const string CrisisRead = "crisis:read";

    /// <summary>Council meetings and decisions.</summary>
    public const string CouncilRead = "council:read";

    /// <summary>Media inquiries and their clocks.</summary>
    public const string InquiriesRead = "inquiries:read";

    /// <summary>Media interactions, coverage and campaigns.</summary>
    public const string MediaRead = "media:read";

    public static readonly IReadOnlyList<string> All =
        [ScoresRead, FrameworkRead, SubmissionsRead, EvidenceRead, RolesRead, RaciRead, CalendarRead, CrisisRead, CouncilRead, InquiriesRead, MediaRead];
}

public sealed record ApiTokenRow(
    int Id, string Name, string Prefix, string Scope, int? InstitutionId, string? InstitutionCode,
    DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt);

/// <summary>A token as created: <paramref name="Token"/> is shown once and never stored.</summary>
public sealed record CreatedApiToken(ApiTokenRow Row, string Token);

/// <summary>A valid token's grants, for the bearer authentication handler.</summary>
public sealed record ApiTokenGrant(int Id, string Name, string Scope, int? InstitutionId);

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
                t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.CreatedAt).ToList();
    }

    public async Task<CreatedApiToken> CreateAsync(Actor actor, string name, string scope, int? institutionId, DateTime expiresAt, CancellationToken ct)
    {
        actor.EnsureCenterAdmin();
        var now = clock.GetUtcNow().UtcDateTime;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new RuleViolationException("ApiToken_NameRequired");
        }

        if (!ApiScopes.All.Contains(scope))
        {
            throw new RuleViolationException("ApiToken_UnknownScope", scope);
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
            Scope = scope,
            InstitutionId = institutionId,
            CreatedAt = now,
            CreatedById = actor.UserId,
            ExpiresAt = expiresAt,
        };
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(ct);
        return new CreatedApiToken(
            new ApiTokenRow(entity.Id, entity.Name, entity.Prefix, entity.Scope, institutionId, institutionCode, entity.CreatedAt, entity.ExpiresAt, null, null),
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

        return new ApiTokenGrant(found.Id, found.Name, found.Scope, found.InstitutionId);
    }

    private static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
