using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StrategyGov.Data.Identity;

namespace StrategyGov.Data.Council;

public sealed class CouncilSeriesConfiguration : IEntityTypeConfiguration<CouncilSeries>
{
    public void Configure(EntityTypeBuilder<CouncilSeries> builder)
    {
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Code).HasMaxLength(32);
        builder.Property(s => s.TitleAr).HasMaxLength(300);
        builder.Property(s => s.TitleEn).HasMaxLength(300);
        builder.Property(s => s.DescriptionAr).HasMaxLength(2000);
        builder.Property(s => s.DescriptionEn).HasMaxLength(2000);
        builder.Property(s => s.DefaultPlace).HasMaxLength(300);
    }
}

public sealed class CouncilMeetingConfiguration : IEntityTypeConfiguration<CouncilMeeting>
{
    public void Configure(EntityTypeBuilder<CouncilMeeting> builder)
    {
        builder.HasIndex(m => m.StartsAt);
        builder.HasIndex(m => new { m.SeriesId, m.Number }).IsUnique();

        // The API's changedSince (ADR 0104).
        builder.HasIndex(m => m.UpdatedAt);
        builder.Property(m => m.TitleAr).HasMaxLength(300);
        builder.Property(m => m.TitleEn).HasMaxLength(300);
        builder.Property(m => m.Place).HasMaxLength(300);
        builder.Property(m => m.OnlineUrl).HasMaxLength(1000);
        builder.Property(m => m.MinutesAr).HasMaxLength(20000);
        builder.Property(m => m.MinutesEn).HasMaxLength(20000);
        builder.Property(m => m.CancelReason).HasMaxLength(1000);
        builder.Property(m => m.ClosedByName).HasMaxLength(200);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne(m => m.Series).WithMany().HasForeignKey(m => m.SeriesId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CouncilAgendaItemConfiguration : IEntityTypeConfiguration<CouncilAgendaItem>
{
    public void Configure(EntityTypeBuilder<CouncilAgendaItem> builder)
    {
        builder.HasIndex(a => new { a.MeetingId, a.Order });
        builder.Property(a => a.TitleAr).HasMaxLength(500);
        builder.Property(a => a.TitleEn).HasMaxLength(500);
        builder.Property(a => a.NotesAr).HasMaxLength(4000);
        builder.Property(a => a.NotesEn).HasMaxLength(4000);
        builder.Property(a => a.PresenterName).HasMaxLength(200);
        builder.HasOne(a => a.Meeting).WithMany(m => m.AgendaItems).HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Pillar).WithMany().HasForeignKey(a => a.PillarId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Practice).WithMany().HasForeignKey(a => a.PracticeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CouncilInvitationConfiguration : IEntityTypeConfiguration<CouncilInvitation>
{
    public void Configure(EntityTypeBuilder<CouncilInvitation> builder)
    {
        builder.HasIndex(i => new { i.MeetingId, i.InstitutionId }).IsUnique();
        builder.HasIndex(i => i.InstitutionId);
        builder.Property(i => i.AttendeeName).HasMaxLength(200);
        builder.Property(i => i.AttendeeTitle).HasMaxLength(200);
        builder.Property(i => i.AttendanceNote).HasMaxLength(1000);
        builder.Property(i => i.AttendanceRecordedByName).HasMaxLength(200);
        builder.HasOne(i => i.Meeting).WithMany(m => m.Invitations).HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Institution).WithMany().HasForeignKey(i => i.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CouncilInviteeConfiguration : IEntityTypeConfiguration<CouncilInvitee>
{
    public void Configure(EntityTypeBuilder<CouncilInvitee> builder)
    {
        builder.Property(p => p.PersonName).HasMaxLength(200);
        builder.Property(p => p.PersonTitle).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.RoleCode).HasMaxLength(32);
        builder.HasOne(p => p.Invitation).WithMany(i => i.People).HasForeignKey(p => p.InvitationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CouncilAttachmentConfiguration : IEntityTypeConfiguration<CouncilAttachment>
{
    public void Configure(EntityTypeBuilder<CouncilAttachment> builder)
    {
        builder.HasIndex(a => a.MeetingId);
        builder.Property(a => a.FileName).HasMaxLength(260);
        builder.Property(a => a.ContentType).HasMaxLength(200);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.UploadedByName).HasMaxLength(200);
        builder.HasOne(a => a.Meeting).WithMany(m => m.Attachments).HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UploadedById).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class CouncilDecisionConfiguration : IEntityTypeConfiguration<CouncilDecision>
{
    public void Configure(EntityTypeBuilder<CouncilDecision> builder)
    {
        builder.HasIndex(d => new { d.MeetingId, d.Sequence }).IsUnique();
        builder.HasIndex(d => d.DueOn);
        builder.Property(d => d.TextAr).HasMaxLength(4000);
        builder.Property(d => d.TextEn).HasMaxLength(4000);
        builder.HasOne(d => d.Meeting).WithMany(m => m.Decisions).HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.AgendaItem).WithMany().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CouncilDecisionOwnerConfiguration : IEntityTypeConfiguration<CouncilDecisionOwner>
{
    public void Configure(EntityTypeBuilder<CouncilDecisionOwner> builder)
    {
        builder.HasIndex(o => new { o.DecisionId, o.InstitutionId }).IsUnique();
        builder.HasIndex(o => new { o.InstitutionId, o.Status });
        builder.HasIndex(o => new { o.InstitutionId, o.UpdatedAt });
        builder.Property(o => o.NotApplicableReason).HasMaxLength(2000);
        builder.Property(o => o.ReportedByName).HasMaxLength(200);
        builder.Property(o => o.AcceptedByName).HasMaxLength(200);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne(o => o.Decision).WithMany(d => d.Owners).HasForeignKey(o => o.DecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Institution).WithMany().HasForeignKey(o => o.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CouncilProgressNoteConfiguration : IEntityTypeConfiguration<CouncilProgressNote>
{
    public void Configure(EntityTypeBuilder<CouncilProgressNote> builder)
    {
        builder.HasIndex(n => n.OwnerId);
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.Property(n => n.Link).HasMaxLength(1000);
        builder.Property(n => n.AuthorName).HasMaxLength(200);
        builder.HasOne(n => n.Owner).WithMany(o => o.Notes).HasForeignKey(n => n.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class CouncilEvidenceConfiguration : IEntityTypeConfiguration<CouncilEvidence>
{
    public void Configure(EntityTypeBuilder<CouncilEvidence> builder)
    {
        builder.HasIndex(e => e.NoteId);
        builder.Property(e => e.FileName).HasMaxLength(260);
        builder.Property(e => e.ContentType).HasMaxLength(200);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.HasOne(e => e.Note).WithMany(n => n.Files).HasForeignKey(e => e.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.UploadedById).OnDelete(DeleteBehavior.SetNull);
    }
}
