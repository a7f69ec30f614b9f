using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Council;
using StrategyGov.Web.Features.Evidence;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Council;

/// <summary>
/// The council's files (a meeting's attachments, the evidence of a progress note) in the platform's
/// evidence store: checked by content before they are stored, addressed by their hash, downloaded by a
/// random id by those who may see the meeting (attachments) or the owner's follow-up (evidence) only.
/// </summary>
public sealed class CouncilFileService(IDbContextFactory<StrategyGovDbContext> dbFactory, EvidenceStore store, CouncilTime time)
{
    public long MaxBytes => store.MaxBytes;

    /// <summary>Checks and stores one file; a refused file (empty, too large, not an accepted type, a name claiming another type) leaves nothing.</summary>
    internal Task<StoredFile> StoreAsync(IncomingFile file, CancellationToken ct) =>
        store.SaveAsync(file.Content, EvidenceFileName.Sanitise(file.Name), ct);

    public async Task<AttachmentView> AttachAsync(Actor actor, int meetingId, IncomingFile file, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var meeting = await CouncilAccess.ForChangeAsync(db, actor, meetingId, ct);
        if (meeting.Status == CouncilMeetingStatus.Cancelled)
        {
            throw new RuleViolationException("Council_Locked");
        }

        var stored = await StoreAsync(file, ct);
        var now = time.UtcNow;
        var attachment = new CouncilAttachment
        {
            Id = Guid.NewGuid(),
            MeetingId = meetingId,
            FileName = stored.FileName,
            ContentType = stored.Type.ContentType,
            SizeBytes = stored.SizeBytes,
            Sha256 = stored.Sha256,
            UploadedById = actor.UserId,
            UploadedByName = actor.Name,
            UploadedAt = now,
        };
        db.CouncilAttachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return new AttachmentView(attachment.Id, attachment.FileName, attachment.ContentType, attachment.SizeBytes, attachment.UploadedByName, time.ToLocal(now));
    }

    /// <summary>Takes an attachment off a meeting not yet closed (the file stays in the store, as evidence does).</summary>
    public async Task RemoveAttachmentAsync(Actor actor, Guid attachmentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var attachment = await db.CouncilAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId, ct) ?? throw new NotFoundException();
        await CouncilAccess.ForEditAsync(db, actor, attachment.MeetingId, ct);
        db.CouncilAttachments.Remove(attachment);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Opens a council file for download; one the actor may not see is not found, whatever its id.</summary>
    public async Task<EvidenceDownload> OpenAsync(Actor actor, Guid fileId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attachment = await db.CouncilAttachments.AsNoTracking()
            .Where(a => a.Id == fileId)
            .Select(a => new { a.MeetingId, a.Sha256, a.ContentType, a.FileName })
            .SingleOrDefaultAsync(ct);
        if (attachment is not null)
        {
            if (!await CouncilAccess.Visible(db.CouncilMeetings, actor).AnyAsync(m => m.Id == attachment.MeetingId, ct))
            {
                throw new NotFoundException();
            }

            return new EvidenceDownload(store.Open(attachment.Sha256), attachment.ContentType, attachment.FileName);
        }

        var evidence = await db.CouncilEvidence.AsNoTracking()
            .Where(e => e.Id == fileId)
            .Select(e => new { e.InstitutionId, e.Sha256, e.ContentType, e.FileName })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        if (!CouncilAccess.SeesFollowUp(actor, evidence.InstitutionId))
        {
            throw new NotFoundException();
        }

        return new EvidenceDownload(store.Open(evidence.Sha256), evidence.ContentType, evidence.FileName);
    }
}
