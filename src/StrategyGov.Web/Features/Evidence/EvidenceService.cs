using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Hosting;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Evidence;

/// <summary>One evidence item as the answer form and the review show it.</summary>
public sealed record EvidenceItem(
    Guid Id,
    int IndicatorId,
    EvidenceKind Kind,
    string? FileName,
    string? ContentType,
    long SizeBytes,
    string? Url,
    DateOnly? ValidUntil,
    DateTime UploadedAt,
    string UploadedBy,
    bool IsExpired,
    string? Title = null)
{
    /// <summary>Where the browser gets it: the download endpoint for a file, the address for a link.</summary>
    public string Href => Kind == EvidenceKind.File ? $"evidence/{Id}" : Url!;

    public string Label => Kind == EvidenceKind.File ? FileName! : Title ?? Url!;
}

/// <summary>
/// What uploading a file did: <see cref="Added"/> is the new item, or null when the same file (same SHA-256)
/// is already evidence of this answer, under the name <see cref="AlreadyAttachedAs"/>;
/// <see cref="AlsoOn"/> lists the other indicators of the submission that have the same file.
/// </summary>
public sealed record EvidenceUpload(EvidenceItem? Added, string? AlreadyAttachedAs, IReadOnlyList<string> AlsoOn);

/// <summary>An evidence file ready to send: content, the detected type and the original name.</summary>
public sealed record EvidenceDownload(Stream Content, string ContentType, string FileName);

/// <summary>
/// Evidence behind answers: files (checked by content, stored by SHA-256 outside the database) and
/// links. Institution users add and remove evidence while their submission is editable; everyone who
/// may read the institution may list and download it; nobody else learns that it exists.
/// </summary>
public sealed class EvidenceService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    EvidenceStore store,
    TimeProvider clock,
    IOptions<PlatformOptions> platform)
{
    /// <summary>Longest title of a link.</summary>
    public const int MaxTitleLength = 200;

    public long MaxBytes => store.MaxBytes;

    /// <summary>Every evidence item of a submission, by indicator, oldest first.</summary>
    public Task<IReadOnlyDictionary<int, IReadOnlyList<EvidenceItem>>> ListAsync(Actor actor, int submissionId, CancellationToken ct) =>
        ListAsync(actor, submissionId, null, ct);

    /// <summary>
    /// The evidence of a submission added at or after <paramref name="changedSince"/> (UTC) when given. An item is never
    /// changed once added (it is removed and added again), so its upload time is its change time.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<EvidenceItem>>> ListAsync(Actor actor, int submissionId, DateTime? changedSince, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var institutionId = await db.Submissions.Where(s => s.Id == submissionId).Select(s => (int?)s.InstitutionId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        actor.EnsureCanRead(institutionId);
        var today = platform.Value.Today(clock);
        var rows = await WithUploaderAsync(db, db.Evidence.AsNoTracking().Where(e => e.SubmissionId == submissionId && (changedSince == null || e.UploadedAt >= changedSince)), ct);
        return rows
            .OrderBy(r => r.Evidence.UploadedAt)
            .Select(r => ToItem(r.Evidence, r.UploadedBy, today))
            .GroupBy(i => i.IndicatorId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EvidenceItem>)g.ToList());
    }

    /// <summary>
    /// The indicator of a submission's framework with this code (either case, any digits), for a caller that names
    /// answers by code (the API). Another institution's submission is not found; a code the submission does not answer
    /// is refused with its message.
    /// </summary>
    public async Task<int> IndicatorIdAsync(Actor actor, int submissionId, string? code, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submission = await db.Submissions.AsNoTracking().Include(s => s.Institution).SingleOrDefaultAsync(s => s.Id == submissionId, ct)
            ?? throw new NotFoundException();
        actor.EnsureCanRead(submission.InstitutionId);
        var wanted = Features.Media.MediaInput.Clean(Features.Media.MediaInput.Digits(code))?.ToUpperInvariant()
            ?? throw new RuleViolationException("Api_IndicatorMissing");
        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == submission.PeriodId, ct);
        return await SubmissionWorkflow.ApplicableIndicators(db, submission, period)
            .Where(i => i.Code.ToUpper() == wanted)
            .Select(i => (int?)i.Id)
            .SingleOrDefaultAsync(ct) ?? throw new RuleViolationException("Api_IndicatorUnknown", wanted);
    }

    /// <summary>One evidence item (metadata); another institution's is not found.</summary>
    public async Task<EvidenceItem> GetAsync(Actor actor, Guid evidenceId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var institutionId = await db.Evidence.Where(e => e.Id == evidenceId).Select(e => (int?)e.Submission.InstitutionId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        actor.EnsureCanRead(institutionId);
        var row = (await WithUploaderAsync(db, db.Evidence.AsNoTracking().Where(e => e.Id == evidenceId), ct)).Single();
        return ToItem(row.Evidence, row.UploadedBy, platform.Value.Today(clock));
    }

    /// <summary>
    /// Stores an uploaded file as evidence of one answer. Everything is checked before anything is
    /// written: who may add it, that the submission is editable, the size, that the content is an
    /// accepted type and that the name does not claim another type. The same file twice on one answer
    /// is not added again (ADR 0109); on another indicator of the submission it is, and the result says where else it is.
    /// </summary>
    public async Task<EvidenceUpload> UploadAsync(
        Actor actor, int submissionId, int indicatorId, string fileName, Stream content, DateOnly? validUntil, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await SubmissionWorkflow.LoadForDraftingAsync(db, actor, submissionId, indicatorId, ct);
        var stored = await store.SaveAsync(content, EvidenceFileName.Sanitise(fileName), ct);
        var evidence = NewFile(actor, submissionId, indicatorId, stored, validUntil);
        db.AuditAs(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // After the submission's row is touched (locked until commit), so two uploads of one file cannot both pass the check.
        await SubmissionWorkflow.TouchEditableAsync(db, submissionId, now, ct);
        var same = await SameFileAsync(db, submissionId, stored.Sha256, ct);
        var here = same.FirstOrDefault(e => e.IndicatorId == indicatorId);
        var elsewhere = same.Where(e => e.IndicatorId != indicatorId).Select(e => e.IndicatorCode).Distinct().Order(StringComparer.Ordinal).ToList();
        if (here is not null)
        {
            return new EvidenceUpload(null, here.FileName, elsewhere);
        }

        evidence.UploadedAt = now;
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new EvidenceUpload(ToItem(evidence, actor.Name, platform.Value.Today(clock)), null, elsewhere);
    }

    /// <summary>Adds a link (http or https only) as evidence of one answer.</summary>
    public Task<EvidenceItem> AddLinkAsync(Actor actor, int submissionId, int indicatorId, string url, DateOnly? validUntil, CancellationToken ct) =>
        AddLinkAsync(actor, submissionId, indicatorId, url, null, validUntil, ct);

    /// <summary>Adds a link (http or https only) as evidence of one answer, with an optional title shown instead of the address.</summary>
    public async Task<EvidenceItem> AddLinkAsync(
        Actor actor, int submissionId, int indicatorId, string url, string? title, DateOnly? validUntil, CancellationToken ct)
    {
        title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        if (title is { Length: > MaxTitleLength })
        {
            throw new RuleViolationException("Evidence_TitleTooLong", MaxTitleLength);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await SubmissionWorkflow.LoadForDraftingAsync(db, actor, submissionId, indicatorId, ct);
        return await AddAsync(db, actor, new Data.Reporting.Evidence
        {
            Id = Guid.NewGuid(),
            SubmissionId = submissionId,
            IndicatorId = indicatorId,
            Kind = EvidenceKind.Link,
            Url = EvidenceLink.Validate(url),
            Title = title,
            ValidUntil = validUntil,
            UploadedById = actor.AccountId,
            UploadedByApiTokenId = actor.ApiTokenId,
        }, ct);
    }

    /// <summary>
    /// Takes an item off its answer while the submission is editable. The file stays in the store
    /// (content-addressed, possibly shared, and part of the record).
    /// </summary>
    public async Task RemoveAsync(Actor actor, Guid evidenceId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditAs(actor);
        var evidence = await db.Evidence.SingleOrDefaultAsync(e => e.Id == evidenceId, ct) ?? throw new NotFoundException();
        await SubmissionWorkflow.LoadForDraftingAsync(db, actor, evidence.SubmissionId, evidence.IndicatorId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SubmissionWorkflow.TouchEditableAsync(db, evidence.SubmissionId, clock.GetUtcNow().UtcDateTime, ct);
        db.Evidence.Remove(evidence);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Opens an evidence file for download; another institution's evidence is not found.</summary>
    public async Task<EvidenceDownload> OpenAsync(Actor actor, Guid evidenceId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var evidence = await db.Evidence.AsNoTracking()
            .Where(e => e.Id == evidenceId && e.Kind == EvidenceKind.File)
            .Select(e => new { e.Submission.InstitutionId, e.Sha256, e.ContentType, e.FileName })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException();
        actor.EnsureCanRead(evidence.InstitutionId);
        return new EvidenceDownload(store.Open(evidence.Sha256!), evidence.ContentType!, evidence.FileName!);
    }

    /// <summary>How many valid (unexpired) evidence items each indicator of a submission has.</summary>
    internal static async Task<Dictionary<int, int>> CountValidAsync(StrategyGovDbContext db, int submissionId, DateOnly today, CancellationToken ct)
    {
        var items = await db.Evidence.AsNoTracking()
            .Where(e => e.SubmissionId == submissionId)
            .Select(e => new { e.IndicatorId, e.ValidUntil })
            .ToListAsync(ct);
        return items.Where(e => e.ValidUntil is null || e.ValidUntil >= today)
            .GroupBy(e => e.IndicatorId)
            .ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>A file of the submission already stored with this SHA-256: on which indicator, under which name.</summary>
    internal sealed record SameFile(int IndicatorId, string IndicatorCode, string FileName);

    internal static async Task<List<SameFile>> SameFileAsync(StrategyGovDbContext db, int submissionId, string sha256, CancellationToken ct) =>
        await db.Evidence.AsNoTracking()
            .Where(e => e.SubmissionId == submissionId && e.Kind == EvidenceKind.File && e.Sha256 == sha256)
            .Join(db.Indicators, e => e.IndicatorId, i => i.Id, (e, i) => new SameFile(e.IndicatorId, i.Code, e.FileName!))
            .ToListAsync(ct);

    internal static Data.Reporting.Evidence NewFile(Actor actor, int submissionId, int indicatorId, StoredFile stored, DateOnly? validUntil) => new()
    {
        Id = Guid.NewGuid(),
        SubmissionId = submissionId,
        IndicatorId = indicatorId,
        Kind = EvidenceKind.File,
        FileName = stored.FileName,
        ContentType = stored.Type.ContentType,
        SizeBytes = stored.SizeBytes,
        Sha256 = stored.Sha256,
        ValidUntil = validUntil,
        UploadedById = actor.AccountId,
        UploadedByApiTokenId = actor.ApiTokenId,
    };

    private async Task<EvidenceItem> AddAsync(StrategyGovDbContext db, Actor actor, Data.Reporting.Evidence evidence, CancellationToken ct)
    {
        db.AuditAs(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        evidence.UploadedAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SubmissionWorkflow.TouchEditableAsync(db, evidence.SubmissionId, now, ct);
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ToItem(evidence, actor.Name, platform.Value.Today(clock));
    }

    private static EvidenceItem ToItem(Data.Reporting.Evidence e, string uploadedBy, DateOnly today) =>
        new(e.Id, e.IndicatorId, e.Kind, e.FileName, e.ContentType, e.SizeBytes, e.Url, e.ValidUntil, e.UploadedAt, uploadedBy,
            e.ValidUntil is { } until && until < today, e.Title);

    private sealed record Uploaded(Data.Reporting.Evidence Evidence, string UploadedBy);

    /// <summary>Each item with who added it: the person's name, or the API token's (ADR 0110).</summary>
    private static async Task<List<Uploaded>> WithUploaderAsync(StrategyGovDbContext db, IQueryable<Data.Reporting.Evidence> evidence, CancellationToken ct) =>
        await (from e in evidence
               join u in db.Users on e.UploadedById equals u.Id into users
               from u in users.DefaultIfEmpty()
               join t in db.ApiTokens on e.UploadedByApiTokenId equals t.Id into tokens
               from t in tokens.DefaultIfEmpty()
               select new Uploaded(e, u != null ? u.FullName : t != null ? t.Name : string.Empty))
            .ToListAsync(ct);
}
