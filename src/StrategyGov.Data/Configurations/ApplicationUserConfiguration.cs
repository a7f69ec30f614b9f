using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StrategyGov.Data.Identity;

namespace StrategyGov.Data.Configurations;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.Property(u => u.RoleNames).HasMaxLength(200);
        builder.Property(u => u.CreatedById).HasMaxLength(450);
        builder.Property(u => u.DeactivatedById).HasMaxLength(450);
        builder.HasOne(u => u.Institution).WithMany().HasForeignKey(u => u.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AccountTokenConfiguration : IEntityTypeConfiguration<AccountToken>
{
    public void Configure(EntityTypeBuilder<AccountToken> builder)
    {
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.CreatedById).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);

        // Two uses of one link at the same moment: the second update finds UsedAt already set and fails.
        builder.Property(t => t.UsedAt).IsConcurrencyToken();
    }
}
