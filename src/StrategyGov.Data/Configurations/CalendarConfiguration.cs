using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StrategyGov.Data.Calendar;
using StrategyGov.Data.Identity;

namespace StrategyGov.Data.Configurations;

public sealed class CalendarEntryConfiguration : IEntityTypeConfiguration<CalendarEntry>
{
    public void Configure(EntityTypeBuilder<CalendarEntry> builder)
    {
        builder.HasIndex(e => new { e.StartsAt, e.EndsAt });
        builder.HasIndex(e => new { e.InstitutionId, e.Status });
        builder.Property(e => e.TitleAr).HasMaxLength(300);
        builder.Property(e => e.TitleEn).HasMaxLength(300);
        builder.Property(e => e.Description).HasMaxLength(4000);
        builder.Property(e => e.Location).HasMaxLength(300);
        builder.Property(e => e.Channels).HasConversion(
            channels => string.Join(',', channels),
            text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<CalendarChannel>).ToList(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<CalendarChannel>>(
                (a, b) => a!.SequenceEqual(b!),
                list => list.Aggregate(0, (hash, channel) => HashCode.Combine(hash, channel)),
                list => list.ToList())).HasMaxLength(300);
        builder.HasOne(e => e.Institution).WithMany().HasForeignKey(e => e.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Pillar).WithMany().HasForeignKey(e => e.PillarId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Audiences).WithMany().UsingEntity("CalendarEntryAudiences");
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.ConfirmedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CalendarAudienceConfiguration : IEntityTypeConfiguration<CalendarAudience>
{
    public void Configure(EntityTypeBuilder<CalendarAudience> builder)
    {
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.Code).HasMaxLength(64);
    }
}

public sealed class CalendarFeedTokenConfiguration : IEntityTypeConfiguration<CalendarFeedToken>
{
    public void Configure(EntityTypeBuilder<CalendarFeedToken> builder)
    {
        builder.HasIndex(t => t.UserId).IsUnique();
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
