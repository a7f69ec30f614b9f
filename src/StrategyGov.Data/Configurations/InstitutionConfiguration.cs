using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StrategyGov.Data.Institutions;

namespace StrategyGov.Data.Configurations;

public sealed class InstitutionTypeConfiguration : IEntityTypeConfiguration<InstitutionType>
{
    public void Configure(EntityTypeBuilder<InstitutionType> builder)
    {
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.Code).HasMaxLength(32);
        builder.Property(t => t.NameAr).HasMaxLength(100);
        builder.Property(t => t.NameEn).HasMaxLength(100);
    }
}

public sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> builder)
    {
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Code).HasMaxLength(32);
        builder.Property(i => i.NameAr).HasMaxLength(300);
        builder.Property(i => i.NameEn).HasMaxLength(300);
        builder.HasOne(i => i.Type).WithMany().HasForeignKey(i => i.TypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Parent).WithMany().HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
