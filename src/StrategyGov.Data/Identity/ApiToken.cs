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

    /// <summary>What the token may do, e.g. <c>scores:read</c>.</summary>
    public required string Scope { get; set; }

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
