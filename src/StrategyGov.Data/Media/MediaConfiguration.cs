using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StrategyGov.Data.Calendar;
using StrategyGov.Data.Identity;
using StrategyGov.Data.Institutions;

namespace StrategyGov.Data.Media;

public sealed class MediaOutletConfiguration : IEntityTypeConfiguration<MediaOutlet>
{
    public void Configure(EntityTypeBuilder<MediaOutlet> builder)
    {
        builder.HasIndex(o => o.NameKey);
        builder.HasIndex(o => o.Status);
        builder.Property(o => o.NameAr).HasMaxLength(200);
        builder.Property(o => o.NameEn).HasMaxLength(200);
        builder.Property(o => o.NameKey).HasMaxLength(200);
        builder.Property(o => o.Website).HasMaxLength(500);
        builder.HasOne<MediaOutlet>().WithMany().HasForeignKey(o => o.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.ProposedByInstitution).WithMany().HasForeignKey(o => o.ProposedByInstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class JournalistConfiguration : IEntityTypeConfiguration<Journalist>
{
    public void Configure(EntityTypeBuilder<Journalist> builder)
    {
        builder.HasIndex(j => j.NameKey);
        builder.HasIndex(j => new { j.Status, j.OutletId });
        builder.Property(j => j.NameAr).HasMaxLength(200);
        builder.Property(j => j.NameEn).HasMaxLength(200);
        builder.Property(j => j.NameKey).HasMaxLength(200);
        builder.Property(j => j.Position).HasMaxLength(200);
        builder.Property(j => j.Email).HasMaxLength(256);
        builder.Property(j => j.Phone).HasMaxLength(40);
        builder.Property(j => j.Handle).HasMaxLength(100);
        builder.Property(j => j.AccreditationNumber).HasMaxLength(64);
        builder.Property(j => j.Languages).HasConversion(MediaConversions.List<MediaLanguage>(), MediaConversions.ListComparer<MediaLanguage>()).HasMaxLength(200);
        builder.HasOne(j => j.Outlet).WithMany().HasForeignKey(j => j.OutletId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Journalist>().WithMany().HasForeignKey(j => j.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(j => j.ProposedByInstitution).WithMany().HasForeignKey(j => j.ProposedByInstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MediaInteractionConfiguration : IEntityTypeConfiguration<MediaInteraction>
{
    public void Configure(EntityTypeBuilder<MediaInteraction> builder)
    {
        builder.HasIndex(i => new { i.InstitutionId, i.OccurredOn });
        builder.HasIndex(i => new { i.InstitutionId, i.ExternalId }).IsUnique();

        // The API's changedSince (ADR 0104): an institution's token asks for its own records changed since its last call.
        builder.HasIndex(i => new { i.InstitutionId, i.UpdatedAt });
        builder.Property(i => i.ExternalId).HasMaxLength(100);
        builder.Property(i => i.Topic).HasMaxLength(500);
        builder.Property(i => i.Outcome).HasMaxLength(4000);
        builder.Property(i => i.SeniorOfficial).HasMaxLength(200);
        builder.Property(i => i.Location).HasMaxLength(300);
        builder.HasOne(i => i.Institution).WithMany().HasForeignKey(i => i.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Pillar).WithMany().HasForeignKey(i => i.PillarId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CampaignPlan>().WithMany().HasForeignKey(i => i.CampaignPlanId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Participants).WithOne(p => p.Interaction).HasForeignKey(p => p.InteractionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Coverage).WithOne(c => c.Interaction).HasForeignKey(c => c.InteractionId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class InteractionParticipantConfiguration : IEntityTypeConfiguration<InteractionParticipant>
{
    public void Configure(EntityTypeBuilder<InteractionParticipant> builder)
    {
        builder.HasIndex(p => new { p.JournalistId, p.InstitutionId });
        builder.HasIndex(p => new { p.OutletId, p.InstitutionId });
        builder.HasOne(p => p.Journalist).WithMany().HasForeignKey(p => p.JournalistId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Outlet).WithMany().HasForeignKey(p => p.OutletId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MediaCoverageConfiguration : IEntityTypeConfiguration<MediaCoverage>
{
    public void Configure(EntityTypeBuilder<MediaCoverage> builder)
    {
        builder.HasIndex(c => new { c.InstitutionId, c.PublishedOn });
        builder.HasIndex(c => new { c.InstitutionId, c.ExternalId }).IsUnique();
        builder.HasIndex(c => new { c.InstitutionId, c.UpdatedAt });
        builder.Property(c => c.ExternalId).HasMaxLength(100);
        builder.Property(c => c.Headline).HasMaxLength(500);
        builder.Property(c => c.Url).HasMaxLength(1000);
        builder.HasOne(c => c.Outlet).WithMany().HasForeignKey(c => c.OutletId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Institution).WithMany().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CampaignPlan>().WithMany().HasForeignKey(c => c.CampaignPlanId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class CampaignPlanConfiguration : IEntityTypeConfiguration<CampaignPlan>
{
    public void Configure(EntityTypeBuilder<CampaignPlan> builder)
    {
        builder.HasIndex(c => new { c.InstitutionId, c.Status });
        builder.HasIndex(c => new { c.InstitutionId, c.UpdatedAt });
        builder.Property(c => c.TitleAr).HasMaxLength(300);
        builder.Property(c => c.TitleEn).HasMaxLength(300);
        builder.Property(c => c.AudienceInsight).HasMaxLength(4000);
        builder.Property(c => c.Strategy).HasMaxLength(4000);
        builder.Property(c => c.KeyMessages).HasMaxLength(4000);
        builder.Property(c => c.ImplementationNotes).HasMaxLength(4000);
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.Property(c => c.AudienceCodes).HasConversion(MediaConversions.Codes(), MediaConversions.ListComparer<string>()).HasMaxLength(1000);
        builder.Property(c => c.Channels).HasConversion(MediaConversions.List<CalendarChannel>(), MediaConversions.ListComparer<CalendarChannel>()).HasMaxLength(300);
        builder.HasOne(c => c.Institution).WithMany().HasForeignKey(c => c.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Pillar).WithMany().HasForeignKey(c => c.PillarId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Objectives).WithOne(o => o.CampaignPlan).HasForeignKey(o => o.CampaignPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Evaluation).WithOne(e => e.CampaignPlan).HasForeignKey(e => e.CampaignPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Partners).WithOne(p => p.CampaignPlan).HasForeignKey(p => p.CampaignPlanId).OnDelete(DeleteBehavior.Cascade);

        // The calendar entries of a campaign point at it (CalendarEntry.CampaignPlanId); configured here so that the
        // calendar's own configuration need not know about campaigns.
        builder.HasMany<CalendarEntry>().WithOne().HasForeignKey(e => e.CampaignPlanId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class CampaignObjectiveConfiguration : IEntityTypeConfiguration<CampaignObjective>
{
    public void Configure(EntityTypeBuilder<CampaignObjective> builder)
    {
        builder.HasIndex(o => new { o.CampaignPlanId, o.Order });
        builder.Property(o => o.Statement).HasMaxLength(1000);
        builder.Property(o => o.Metric).HasMaxLength(300);
        builder.Property(o => o.Unit).HasMaxLength(64);
        builder.HasOne<Institution>().WithMany().HasForeignKey(o => o.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CampaignEvaluationItemConfiguration : IEntityTypeConfiguration<CampaignEvaluationItem>
{
    public void Configure(EntityTypeBuilder<CampaignEvaluationItem> builder)
    {
        builder.HasIndex(e => new { e.CampaignPlanId, e.Stage }).IsUnique();
        builder.Property(e => e.Text).HasMaxLength(4000);
        builder.Property(e => e.Metric).HasMaxLength(300);
        builder.HasOne<Institution>().WithMany().HasForeignKey(e => e.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CampaignPartnerConfiguration : IEntityTypeConfiguration<CampaignPartner>
{
    public void Configure(EntityTypeBuilder<CampaignPartner> builder)
    {
        builder.HasIndex(p => new { p.CampaignPlanId, p.InstitutionId }).IsUnique();
        builder.HasIndex(p => p.InstitutionId);
        builder.HasOne(p => p.Institution).WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Lists stored as one comma-separated column (enum names or codes), as the calendar stores its channels.</summary>
internal static class MediaConversions
{
    public static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<T>, string> List<T>()
        where T : struct, Enum => new(
            items => string.Join(',', items),
            text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<T>).ToList());

    public static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<string>, string> Codes() => new(
        items => string.Join(',', items),
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList());

    public static ValueComparer<List<T>> ListComparer<T>() => new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}
