using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StrategyGov.Data.Framework;

namespace StrategyGov.Data.Configurations;

public sealed class StrategyVersionConfiguration : IEntityTypeConfiguration<StrategyVersion>
{
    public void Configure(EntityTypeBuilder<StrategyVersion> builder)
    {
        builder.HasIndex(s => new { s.Code, s.Version }).IsUnique();
        builder.Property(s => s.Code).HasMaxLength(32);
        builder.Property(s => s.NameAr).HasMaxLength(300);
        builder.Property(s => s.NameEn).HasMaxLength(300);
        builder.HasMany(s => s.Pillars).WithOne(p => p.StrategyVersion).HasForeignKey(p => p.StrategyVersionId);
        builder.HasMany(s => s.Bands).WithOne().HasForeignKey(b => b.StrategyVersionId);
    }
}

public sealed class MaturityBandDefinitionConfiguration : IEntityTypeConfiguration<MaturityBandDefinition>
{
    public void Configure(EntityTypeBuilder<MaturityBandDefinition> builder)
    {
        builder.ToTable("MaturityBands");
        builder.HasIndex(b => new { b.StrategyVersionId, b.Code }).IsUnique();
        builder.Property(b => b.Code).HasMaxLength(32);
        builder.Property(b => b.NameAr).HasMaxLength(100);
        builder.Property(b => b.NameEn).HasMaxLength(100);
        builder.Property(b => b.Color).HasMaxLength(7);
    }
}

public sealed class PillarConfiguration : IEntityTypeConfiguration<Pillar>
{
    public void Configure(EntityTypeBuilder<Pillar> builder)
    {
        builder.HasIndex(p => new { p.StrategyVersionId, p.Code }).IsUnique();
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.Property(p => p.NameAr).HasMaxLength(300);
        builder.Property(p => p.NameEn).HasMaxLength(300);
        builder.HasMany(p => p.Practices).WithOne(p => p.Pillar).HasForeignKey(p => p.PillarId);
    }
}

public sealed class PracticeConfiguration : IEntityTypeConfiguration<Practice>
{
    public void Configure(EntityTypeBuilder<Practice> builder)
    {
        builder.HasIndex(p => new { p.PillarId, p.Code }).IsUnique();
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.Property(p => p.NameAr).HasMaxLength(300);
        builder.Property(p => p.NameEn).HasMaxLength(300);
        builder.HasMany(p => p.Indicators).WithOne(i => i.Practice).HasForeignKey(i => i.PracticeId);
    }
}

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.HasIndex(i => new { i.PracticeId, i.Code }).IsUnique();
        builder.Property(i => i.Code).HasMaxLength(32);
        builder.Property(i => i.TextAr).HasMaxLength(1000);
        builder.Property(i => i.TextEn).HasMaxLength(1000);
        builder.Property(i => i.GuidanceAr).HasMaxLength(4000);
        builder.Property(i => i.GuidanceEn).HasMaxLength(4000);
        builder.Property(i => i.UnitAr).HasMaxLength(100);
        builder.Property(i => i.UnitEn).HasMaxLength(100);
        builder.Property(i => i.ComputedFrom).HasMaxLength(64);
        builder.HasMany(i => i.Levels).WithOne().HasForeignKey(l => l.IndicatorId);
        builder.HasMany(i => i.ApplicableTypes).WithMany().UsingEntity("IndicatorApplicability");
    }
}

public sealed class MaturityLevelDescriptorConfiguration : IEntityTypeConfiguration<MaturityLevelDescriptor>
{
    public void Configure(EntityTypeBuilder<MaturityLevelDescriptor> builder)
    {
        builder.HasIndex(l => new { l.IndicatorId, l.Level }).IsUnique();
        builder.Property(l => l.DescriptorAr).HasMaxLength(1000);
        builder.Property(l => l.DescriptorEn).HasMaxLength(1000);
    }
}
