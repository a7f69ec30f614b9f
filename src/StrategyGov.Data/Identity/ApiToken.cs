using StrategyGov.Data.Auditing;

namespace StrategyGov.Data.Identity;

/// <summary>
/// A bearer token for a machine client of the API. Only the SHA-256 of the token is stored; the token
/// itself is shown once, when a CenterAdmin creates it.
/// </summary>
public class ApiToken : IAudited
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    [NotAudited]
    public required string TokenHash { get; set; }

    /// <summary>The first characters of the token, so people can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>What the token may do: scopes separated by spaces, e.g. <c>scores:read answers:write</c>.</summary>
    public required string Scope { get; set; }

    /// <summary>Requests a minute this token may make; null for the configured default.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>The one institution the token may read; null for every institution.</summary>
    public int? InstitutionId { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedById { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedById { get; set; }

    [NotAudited]
    public DateTime? LastUsedAt { get; set; }
}

/// <summary>One call made with an API token, kept for a bounded time (ApiOptions.CallLogDays).</summary>
public class ApiCall
{
    public long Id { get; set; }

    public int TokenId { get; set; }

    public DateTime At { get; set; }

    public required string Method { get; set; }

    public required string Path { get; set; }

    public int Status { get; set; }

    public int DurationMs { get; set; }
}

/// <summary>
/// The response to a POST sent with an <c>Idempotency-Key</c>: the same key and body replays it, the same
/// key with another body is refused. <see cref="Status"/> is 0 while the first request is still running.
/// </summary>
public class ApiIdempotencyRecord
{
    public long Id { get; set; }

    /// <summary>Who sent it (a user id or <c>api-token:N</c>): keys are per caller.</summary>
    public required string CallerId { get; set; }

    public required string Key { get; set; }

    /// <summary>Lower-case hex SHA-256 of method, path, query and body.</summary>
    public required string RequestHash { get; set; }

    public int Status { get; set; }

    public string? ContentType { get; set; }

    public string? Body { get; set; }

    public string? ETag { get; set; }

    public DateTime CreatedAt { get; set; }
}
