using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Identity;
using StrategyGov.Data.Notifications;

namespace StrategyGov.Data.Configurations;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        // The sequence is the key: two writers appending after the same head collide on it (ADR 0080).
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.EntityType).HasMaxLength(100);
        builder.Property(e => e.EntityKey).HasMaxLength(100);
        builder.Property(e => e.Reason).HasMaxLength(4000);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => new { e.InstitutionId, e.Sequence });
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => e.EntityType);
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.MessageKey).HasMaxLength(100);
        builder.Property(n => n.Arguments).HasMaxLength(4000);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.Property(n => n.OnceKey).HasMaxLength(100);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.RecipientUserId, n.ReadAt });
        builder.HasIndex(n => new { n.RecipientUserId, n.Kind, n.OnceKey }).IsUnique();
    }
}
