namespace StrategyGov.Data.Auditing;

public enum AuditAction
{
    Created,
    Changed,
    Deleted,

    /// <summary>An event that is not a row change (the initial seed, a verification, …).</summary>
    Recorded,
}

/// <summary>
/// One entry of the append-only audit trail. Events form a hash chain: <see cref="Hash"/> is the
/// SHA-256 of the event's canonical content including <see cref="PreviousHash"/>, so changing or
/// removing any stored event breaks the chain from there on (<see cref="AuditChain.VerifyAsync"/>).
/// Never updated or deleted by the application.
/// </summary>
public class AuditEvent
{
    /// <summary>Position in the chain, 1, 2, 3, … without gaps; the primary key.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, to whole microseconds (what PostgreSQL keeps), so the stored value re-hashes the same.</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>The acting user, or null for the system (seeding, background jobs).</summary>
    public string? ActorUserId { get; set; }

    public required string ActorName { get; set; }

    public int? ActorInstitutionId { get; set; }

    /// <summary>The entity's CLR type name, e.g. <c>Answer</c>.</summary>
    public required string EntityType { get; set; }

    /// <summary>The primary key, invariant text (composite keys joined with <c>,</c>).</summary>
    public required string EntityKey { get; set; }

    /// <summary>The institution the changed entity belongs to, if any: that institution's users see the event.</summary>
    public int? InstitutionId { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>JSON object of the changed properties' values before the change (null when created).</summary>
    public string? Before { get; set; }

    /// <summary>JSON object of the changed properties' values after the change (null when deleted).</summary>
    public string? After { get; set; }

    public string? Reason { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
