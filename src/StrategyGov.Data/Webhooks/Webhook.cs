using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Identity;
using StrategyGov.Data.Institutions;

namespace StrategyGov.Data.Webhooks;

/// <summary>
/// A URL that hears of events (ADR 0108): the center's (no institution) hears every institution's events,
/// an institution's only its own and the national ones (a period published, scores revised).
/// </summary>
public class WebhookSubscription : IAudited, IMaybeInstitutionOwned
{
    public int Id { get; set; }

    /// <summary>The owning institution; null for the center's own subscription.</summary>
    public int? InstitutionId { get; set; }

    public required string Name { get; set; }

    public required string Url { get; set; }

    /// <summary>Event names separated by spaces, e.g. <c>submission.returned period.published</c>.</summary>
    public required string Events { get; set; }

    /// <summary>The signing secret, protected with ASP.NET Core Data Protection (shown to its owner once).</summary>
    [NotAudited]
    public required string ProtectedSecret { get; set; }

    /// <summary>
    /// The secret before the last rotation, protected like <see cref="ProtectedSecret"/>: deliveries are signed with
    /// both until <see cref="PreviousSecretUntil"/>, so a receiver can switch without losing events (ADR 0110).
    /// </summary>
    [NotAudited]
    public string? PreviousProtectedSecret { get; set; }

    /// <summary>When the previous secret stops signing; null when there is none.</summary>
    public DateTime? PreviousSecretUntil { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Failed attempts since the last success; at the configured limit the subscription is disabled.</summary>
    [NotAudited]
    public int ConsecutiveFailures { get; set; }

    public DateTime? DisabledAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedById { get; set; }
}

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>One event for one subscription, with the outcome of its latest attempt; retried until delivered or given up.</summary>
public class WebhookDelivery
{
    public long Id { get; set; }

    public int SubscriptionId { get; set; }

    public WebhookSubscription Subscription { get; set; } = null!;

    public required string EventType { get; set; }

    /// <summary>What the event is (e.g. <c>audit:123</c>): unique per subscription, so an event raised twice is delivered once.</summary>
    public required string EventKey { get; set; }

    /// <summary>The exact JSON body sent (and signed).</summary>
    public required string Payload { get; set; }

    public DateTime CreatedAt { get; set; }

    public WebhookDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public int? LastDurationMs { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    /// <summary>When the next attempt is due; null once delivered or given up.</summary>
    public DateTime? NextAttemptAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    /// <summary>An instance sending it holds it until then, so two instances never send the same attempt.</summary>
    public DateTime? ClaimedUntil { get; set; }
}

/// <summary>The center's webhook settings (one row): the hosts webhooks may be sent to, and how far the audit log has been read.</summary>
public class WebhookSettings : IAudited
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    /// <summary>Host names, one a line; <c>*.example.gov</c> allows every sub-domain.</summary>
    public string AllowedHosts { get; set; } = string.Empty;

    /// <summary>The last audit event turned into deliveries.</summary>
    [NotAudited]
    public long LastAuditSequence { get; set; }
}

public sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Url).HasMaxLength(500);
        builder.Property(s => s.Events).HasMaxLength(500);
        builder.Property(s => s.ProtectedSecret).HasMaxLength(1000);
        builder.Property(s => s.PreviousProtectedSecret).HasMaxLength(1000);
        builder.Property(s => s.CreatedById).HasMaxLength(450);
        builder.HasIndex(s => s.InstitutionId);
        builder.HasOne<Institution>().WithMany().HasForeignKey(s => s.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.Property(d => d.EventType).HasMaxLength(50);
        builder.Property(d => d.EventKey).HasMaxLength(200);
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(d => new { d.SubscriptionId, d.EventKey }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasOne(d => d.Subscription).WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class WebhookSettingsConfiguration : IEntityTypeConfiguration<WebhookSettings>
{
    public void Configure(EntityTypeBuilder<WebhookSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        // No seed row (HasData): a database move needs empty tables; the row is written on first use.
        builder.Property(s => s.AllowedHosts).HasMaxLength(4000);
    }
}
