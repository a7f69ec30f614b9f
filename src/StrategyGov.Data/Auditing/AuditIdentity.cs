namespace StrategyGov.Data.Auditing;

/// <summary>Who a change is recorded for.</summary>
public sealed record AuditIdentity(string? UserId, string Name, int? InstitutionId)
{
    public const string SystemName = "system";

    public static readonly AuditIdentity System = new(null, SystemName, null);
}

/// <summary>
/// The audit settings of one context instance (one operation): who acts, why, and whether the change
/// is recorded at all. Services set it with <see cref="AuditExtensions.AuditAs"/>.
/// </summary>
public sealed class AuditScope
{
    public AuditIdentity Identity { get; set; } = AuditIdentity.System;

    public string? Reason { get; set; }

    /// <summary>Only for the initial seed, which records one summary event instead (ADR 0080).</summary>
    public bool Suppressed { get; set; }

    // Written by the interceptor between SavingChanges and SavedChanges of one save.
    internal List<PendingAuditEntry> Pending { get; } = [];

    internal Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? OwnedTransaction { get; set; }
}

public static class AuditExtensions
{
    /// <summary>Records the changes this context saves from now on as made by <paramref name="identity"/>.</summary>
    public static TContext AuditAs<TContext>(this TContext db, AuditIdentity identity, string? reason = null)
        where TContext : StrategyGovDbContext
    {
        db.Audit.Identity = identity;
        db.Audit.Reason = reason;
        return db;
    }
}
