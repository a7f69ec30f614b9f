using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StrategyGov.Data.Identity;
using StrategyGov.Data.Institutions;

namespace StrategyGov.Data.Configurations;

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Scope).HasMaxLength(512);
        builder.HasOne<Institution>().WithMany().HasForeignKey(t => t.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.RevokedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ApiCallConfiguration : IEntityTypeConfiguration<ApiCall>
{
    public void Configure(EntityTypeBuilder<ApiCall> builder)
    {
        builder.Property(c => c.Method).HasMaxLength(10);
        builder.Property(c => c.Path).HasMaxLength(300);
        builder.HasIndex(c => new { c.TokenId, c.At });
        builder.HasIndex(c => c.At);
        builder.HasOne<ApiToken>().WithMany().HasForeignKey(c => c.TokenId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ApiIdempotencyRecordConfiguration : IEntityTypeConfiguration<ApiIdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<ApiIdempotencyRecord> builder)
    {
        builder.Property(r => r.CallerId).HasMaxLength(450);
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(100);
        builder.Property(r => r.ETag).HasMaxLength(100);
        builder.HasIndex(r => new { r.CallerId, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
    }
}
