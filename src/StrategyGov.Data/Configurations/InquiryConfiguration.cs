using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StrategyGov.Data.Inquiries;

namespace StrategyGov.Data.Configurations;

public sealed class InquiryConfiguration : IEntityTypeConfiguration<Inquiry>
{
    public void Configure(EntityTypeBuilder<Inquiry> builder)
    {
        // The log lists an institution's inquiries by received time; the figures and the league table count a
        // window of received times per institution from this index alone (it holds every column they read, so the
        // 100,000 rows of a year are read in index order without touching the table; ADR 0098 §Figures). No index
        // starts with ReceivedAt, so that no planner prefers one that would send it to the table row by row.
        builder.HasIndex(i => new
            {
                i.InstitutionId, i.ReceivedAt, i.Kind, i.AnswerMinutes, i.AnswerTargetMinutes, i.AnswerDueAt,
                i.FirstResponseMinutes, i.AnsweredAt, i.ReferredAt, i.RequesterDeadline,
            })
            .HasDatabaseName("IX_Inquiries_Figures");

        // The first-response histogram of the percentiles, grouped in the index's own order.
        builder.HasIndex(i => new { i.InstitutionId, i.FirstResponseMinutes, i.ReceivedAt, i.Kind }).HasDatabaseName("IX_Inquiries_FirstResponse");

        // NULLs are distinct in a unique index on both providers: inquiries without an external id are not constrained.
        builder.HasIndex(i => new { i.InstitutionId, i.ExternalId }).IsUnique();

        // The open inquiries (a few percent of the log), counted per institution as "overdue now" by the figures.
        // A partial index: a database uses it only for a query whose WHERE implies its filter, for SQLite one with
        // this very term, which is how EF Core writes Inquiry.Open (tested on both). An index on Status itself is of no
        // use to a "not in" (SQLite walked the whole table through another index: 1.1 s for 100,000 rows).
        builder.HasIndex(i => new { i.InstitutionId, i.Kind, i.AnswerDueAt, i.FirstResponseAt, i.FirstResponseDueAt })
            .HasFilter("\"Status\" NOT IN ('Answered', 'Closed')")
            .HasDatabaseName("IX_Inquiries_Open");

        builder.Property(i => i.ExternalId).HasMaxLength(100);
        builder.Property(i => i.Outlet).HasMaxLength(200);
        builder.Property(i => i.Requester).HasMaxLength(200);
        builder.Property(i => i.SourceUrl).HasMaxLength(1000);
        builder.Property(i => i.Topic).HasMaxLength(300);
        builder.Property(i => i.Details).HasMaxLength(4000);
        builder.Property(i => i.PillarCode).HasMaxLength(16);
        builder.Property(i => i.FirstResponseNote).HasMaxLength(2000);
        builder.Property(i => i.ResponseText).HasMaxLength(8000);
        builder.Property(i => i.ResponseFileSha256).HasMaxLength(64);
        builder.Property(i => i.ResponseFileName).HasMaxLength(255);
        builder.Property(i => i.ResponseFileType).HasMaxLength(128);
        builder.Property(i => i.ClosingNote).HasMaxLength(2000);
        builder.Property(i => i.ReferredToName).HasMaxLength(300);
        builder.Property(i => i.ReferralNote).HasMaxLength(2000);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.IsOpen);
        builder.HasOne(i => i.Institution).WithMany().HasForeignKey(i => i.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.AssignedTo).WithMany().HasForeignKey(i => i.AssignedToId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Institutions.Institution>().WithMany().HasForeignKey(i => i.ReferredToInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institutions.Institution>().WithMany().HasForeignKey(i => i.ReferredFromInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Inquiry>().WithMany().HasForeignKey(i => i.ReferredFromInquiryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Identity.ApplicationUser>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Pauses).WithOne(p => p.Inquiry).HasForeignKey(p => p.InquiryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class InquiryPauseConfiguration : IEntityTypeConfiguration<InquiryPause>
{
    public void Configure(EntityTypeBuilder<InquiryPause> builder)
    {
        builder.HasIndex(p => new { p.InquiryId, p.StartedAt });
        builder.Property(p => p.Note).HasMaxLength(2000);
    }
}

public sealed class WorkingCalendarConfiguration : IEntityTypeConfiguration<WorkingCalendar>
{
    public void Configure(EntityTypeBuilder<WorkingCalendar> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.Property(c => c.WorkingDays).HasMaxLength(100);
        builder.Property(c => c.UpdatedByName).HasMaxLength(200);
    }
}

public sealed class WorkingDayExceptionConfiguration : IEntityTypeConfiguration<WorkingDayException>
{
    public void Configure(EntityTypeBuilder<WorkingDayException> builder)
    {
        builder.HasIndex(e => e.FromDate);
        builder.HasIndex(e => e.ImportUid);
        builder.Property(e => e.NameAr).HasMaxLength(200);
        builder.Property(e => e.NameEn).HasMaxLength(200);
        builder.Property(e => e.ImportUid).HasMaxLength(300);
    }
}

public sealed class InquiryTargetConfiguration : IEntityTypeConfiguration<InquiryTarget>
{
    public void Configure(EntityTypeBuilder<InquiryTarget> builder) => builder.HasIndex(t => t.Kind).IsUnique();
}
