using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Identity;
using StrategyGov.Data.Reporting;

namespace StrategyGov.Data.Configurations;

public sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> builder)
    {
        builder.ToTable("Periods");
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.HasOne(p => p.StrategyVersion).WithMany().HasForeignKey(p => p.StrategyVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.HasIndex(s => new { s.PeriodId, s.InstitutionId }).IsUnique();
        builder.HasIndex(s => new { s.Status, s.SubmittedAt });
        builder.Property(s => s.ReturnMessage).HasMaxLength(4000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.Institution).WithMany().HasForeignKey(s => s.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Period).WithMany().HasForeignKey(s => s.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.ApprovedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Answers).WithOne(a => a.Submission).HasForeignKey(a => a.SubmissionId);
    }
}

public sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.HasIndex(a => new { a.SubmissionId, a.IndicatorId }).IsUnique();

        // Covers the scoring read (every answer of a period's submissions, ADR 0090): the rows are read
        // from the index alone, without a lookup of each row in the table.
        builder.HasIndex(a => new { a.SubmissionId, a.IndicatorId, a.Value, a.NotApplicable, a.Decision, a.VerifiedValue })
            .HasDatabaseName("IX_Answers_Scoring");
        builder.Property(a => a.Justification).HasMaxLength(4000);
        builder.Property(a => a.Comment).HasMaxLength(4000);
        builder.Property(a => a.ReviewComment).HasMaxLength(4000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Indicator).WithMany().HasForeignKey(a => a.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UpdatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.ReviewedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PackedAnswersConfiguration : IEntityTypeConfiguration<PackedAnswers>
{
    public void Configure(EntityTypeBuilder<PackedAnswers> builder)
    {
        // The triggers that delete a row when its answers change are SQL of each provider's migration
        // (PackedAnswers, ADR 0092).
        builder.HasKey(p => p.SubmissionId);
        builder.Property(p => p.SubmissionId).ValueGeneratedNever();
        builder.HasOne<Submission>().WithOne().HasForeignKey<PackedAnswers>(p => p.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AnswerSnapshotConfiguration : IEntityTypeConfiguration<AnswerSnapshot>
{
    public void Configure(EntityTypeBuilder<AnswerSnapshot> builder)
    {
        builder.HasIndex(s => new { s.SubmissionId, s.Round, s.IndicatorId }).IsUnique();
        builder.Property(s => s.Justification).HasMaxLength(4000);
        builder.Property(s => s.Comment).HasMaxLength(4000);
        builder.HasOne<Submission>().WithMany().HasForeignKey(s => s.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(s => s.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.HasIndex(e => new { e.SubmissionId, e.IndicatorId });
        builder.HasIndex(e => e.Sha256);
        builder.Property(e => e.FileName).HasMaxLength(255);
        builder.Property(e => e.ContentType).HasMaxLength(128);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.Url).HasMaxLength(2000);
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.HasOne(e => e.Submission).WithMany().HasForeignKey(e => e.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(e => e.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UploadedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApiToken>().WithMany().HasForeignKey(e => e.UploadedByApiTokenId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> builder)
    {
        builder.HasIndex(o => new { o.AnswerId, o.Status });
        builder.Property(o => o.Reason).HasMaxLength(4000);
        builder.Property(o => o.Resolution).HasMaxLength(4000);
        builder.Property(o => o.EvidenceUrl).HasMaxLength(2000);
        builder.HasOne(o => o.Answer).WithMany().HasForeignKey(o => o.AnswerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(o => o.RaisedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(o => o.ResolvedById).OnDelete(DeleteBehavior.Restrict);
    }
}
