using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StrategyGov.Data.Identity;
using StrategyGov.Data.Institutions;
using StrategyGov.Data.Reporting;

namespace StrategyGov.Data.Configurations;

public sealed class ScoreSnapshotConfiguration : IEntityTypeConfiguration<ScoreSnapshot>
{
    public void Configure(EntityTypeBuilder<ScoreSnapshot> builder)
    {
        // Two captures racing for the same period: the second fails on this index and reads the first.
        builder.HasIndex(s => new { s.PeriodId, s.Revision }).IsUnique();
        builder.Property(s => s.Reason).HasMaxLength(2000);
        builder.HasOne(s => s.Period).WithMany().HasForeignKey(s => s.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.CapturedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Entries).WithOne(e => e.Snapshot).HasForeignKey(e => e.SnapshotId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ScoreSnapshotEntryConfiguration : IEntityTypeConfiguration<ScoreSnapshotEntry>
{
    public void Configure(EntityTypeBuilder<ScoreSnapshotEntry> builder)
    {
        builder.HasIndex(e => new { e.SnapshotId, e.InstitutionId }).IsUnique();
        builder.Property(e => e.InstitutionType).HasMaxLength(32);
        builder.Property(e => e.BandCode).HasMaxLength(32);
        builder.HasOne<Institution>().WithMany().HasForeignKey(e => e.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}
