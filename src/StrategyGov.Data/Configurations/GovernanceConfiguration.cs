using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StrategyGov.Data.Governance;

namespace StrategyGov.Data.Configurations;

public sealed class CommunicationRoleConfiguration : IEntityTypeConfiguration<CommunicationRole>
{
    public void Configure(EntityTypeBuilder<CommunicationRole> builder)
    {
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.Code).HasMaxLength(32);
        builder.Property(r => r.TitleAr).HasMaxLength(200);
        builder.Property(r => r.TitleEn).HasMaxLength(200);
        builder.Property(r => r.ResponsibilitiesAr).HasMaxLength(4000);
        builder.Property(r => r.ResponsibilitiesEn).HasMaxLength(4000);
    }
}

public sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.HasIndex(a => new { a.InstitutionId, a.RoleId });
        builder.Property(a => a.PersonName).HasMaxLength(200);
        builder.Property(a => a.PersonTitle).HasMaxLength(200);
        builder.Property(a => a.Email).HasMaxLength(256);
        builder.Property(a => a.Phone).HasMaxLength(40);
        builder.Property(a => a.DeputyName).HasMaxLength(200);
        builder.Property(a => a.DeputyEmail).HasMaxLength(256);
        builder.Property(a => a.DeputyPhone).HasMaxLength(40);
        builder.Property(a => a.ConfirmedByName).HasMaxLength(200);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Institution).WithMany().HasForeignKey(a => a.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Role).WithMany().HasForeignKey(a => a.RoleId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RaciActivityConfiguration : IEntityTypeConfiguration<RaciActivity>
{
    public void Configure(EntityTypeBuilder<RaciActivity> builder)
    {
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.Code).HasMaxLength(32);
        builder.Property(a => a.NameAr).HasMaxLength(400);
        builder.Property(a => a.NameEn).HasMaxLength(400);
    }
}

public sealed class RaciPartyConfiguration : IEntityTypeConfiguration<RaciParty>
{
    public void Configure(EntityTypeBuilder<RaciParty> builder)
    {
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.Property(p => p.NameAr).HasMaxLength(200);
        builder.Property(p => p.NameEn).HasMaxLength(200);
    }
}

public sealed class RaciCellConfiguration : IEntityTypeConfiguration<RaciCell>
{
    public void Configure(EntityTypeBuilder<RaciCell> builder)
    {
        builder.HasKey(c => new { c.ActivityId, c.PartyId });
        builder.HasOne(c => c.Activity).WithMany(a => a.Cells).HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Party).WithMany().HasForeignKey(c => c.PartyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CrisisPlanConfiguration : IEntityTypeConfiguration<CrisisPlan>
{
    public void Configure(EntityTypeBuilder<CrisisPlan> builder)
    {
        builder.HasIndex(p => p.InstitutionId).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Owner).HasMaxLength(200);
        builder.Property(p => p.DocumentReference).HasMaxLength(1000);
        builder.Property(p => p.UpdatedByName).HasMaxLength(200);
        builder.HasOne(p => p.Institution).WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CrisisDrillConfiguration : IEntityTypeConfiguration<CrisisDrill>
{
    public void Configure(EntityTypeBuilder<CrisisDrill> builder)
    {
        builder.HasIndex(d => new { d.InstitutionId, d.HeldOn });
        builder.Property(d => d.Scenario).HasMaxLength(1000);
        builder.Property(d => d.Participants).HasMaxLength(1000);
        builder.Property(d => d.Lessons).HasMaxLength(4000);
        builder.Property(d => d.RecordedByName).HasMaxLength(200);
        builder.HasOne(d => d.Institution).WithMany().HasForeignKey(d => d.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}
