using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StrategyGov.Data;
using StrategyGov.Data.Reporting;
using StrategyGov.Web.Features.Submissions;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Evidence;

/// <summary>One file as the browser (or a test) hands it over: its name and how to read it.</summary>
public sealed record BatchUpload(string Name, Func<Stream> Open);

/// <summary>
/// Several evidence files at once, or zips of them (issue 25, ADR 0109): each file is matched to an
/// indicator of the submission by the code in its name and checked by the same rules as a single
/// upload; the user sees the preview, and only on confirmation are the ready files attached, in one
/// transaction. Only the institution's own users, only while their submission is editable.
/// </summary>
public sealed class EvidenceBatchService(
    IDbContextFactory<StrategyGovDbContext> dbFactory,
    EvidenceStore store,
    TimeProvider clock,
    IOptions<EvidenceOptions> options)
{
    /// <summary>
    /// Receives and checks every file (unpacking zips within the limits) and says what would happen to
    /// each; nothing is stored or attached. Refuses the whole upload when it holds more files or bytes
    /// than one upload may (<see cref="EvidenceOptions.MaxBatchFiles"/>, <see cref="EvidenceOptions.MaxBatchBytes"/>).
    /// </summary>
    public async Task<EvidenceBatch> PreviewAsync(Actor actor, int submissionId, IReadOnlyList<BatchUpload> uploads, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (submission, period) = await SubmissionWorkflow.LoadForDraftingAsync(db, actor, submissionId, ct);
        var indicators = await SubmissionWorkflow.ApplicableIndicators(db, submission, period).Select(i => new { i.Code, i.Id }).ToListAsync(ct);
        var existing = await ExistingFilesAsync(db, submissionId, ct);

        var batch = new EvidenceBatch(submissionId);
        try
        {
            var budget = new Budget(options.Value);
            foreach (var upload in uploads)
            {
                if (Path.GetExtension(upload.Name).Equals(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    await AddArchiveAsync(batch, upload, budget, ct);
                }
                else
                {
                    budget.TakeFiles(1);
                    await using var content = upload.Open();
                    await AddFileAsync(batch, upload.Name, null, content, budget, ct);
                }
            }

            Match(batch, indicators.ToDictionary(i => i.Code, i => i.Id, StringComparer.Ordinal), existing);
            return batch;
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Attaches the ready files of a previewed upload to their answers, all in one transaction, checked
    /// again: the actor still drafts this submission and it is still editable; a file that meanwhile
    /// became evidence of the same answer is not added twice. Returns how many were attached.
    /// </summary>
    public async Task<int> AttachAsync(Actor actor, EvidenceBatch batch, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await SubmissionWorkflow.LoadForDraftingAsync(db, actor, batch.SubmissionId, ct);
        db.AuditAs(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SubmissionWorkflow.TouchEditableAsync(db, batch.SubmissionId, now, ct);
        var attached = (await ExistingFilesAsync(db, batch.SubmissionId, ct)).Select(e => (e.Sha256, e.IndicatorId)).ToHashSet();
        var added = new List<Data.Reporting.Evidence>();
        foreach (var staged in batch.Ready)
        {
            if (attached.Add((staged.Incoming!.File.Sha256, staged.IndicatorId!.Value)))
            {
                var evidence = EvidenceService.NewFile(actor, batch.SubmissionId, staged.IndicatorId.Value, staged.Incoming.File, validUntil: null);
                evidence.UploadedAt = now;
                added.Add(evidence);
            }
        }

        db.Evidence.AddRange(added);
        await db.SaveChangesAsync(ct);

        // Into the store only once the rows are written; a file kept when the commit then fails is
        // only an unreferenced copy (the store keeps removed evidence too).
        foreach (var staged in batch.Ready)
        {
            store.Keep(staged.Incoming!);
        }

        await transaction.CommitAsync(ct);
        return added.Count;
    }

    private async Task AddArchiveAsync(EvidenceBatch batch, BatchUpload upload, Budget budget, CancellationToken ct)
    {
        string staged;
        await using (var content = upload.Open())
        {
            try
            {
                staged = await store.StageAsync(content, budget.Limits.MaxBatchBytes, budget.TooLarge, ct);
            }
            catch (RuleViolationException refused) when (refused.Message != Budget.TooLargeKey)
            {
                batch.Add(Refused(upload.Name, null, 0, refused));
                return;
            }
        }

        try
        {
            await using var file = new FileStream(staged, FileMode.Open, FileAccess.Read, FileShare.None, 81920, useAsync: true);
            using var archive = new ZipArchive(file, ZipArchiveMode.Read);

            // The zip's own account of its entries is checked before anything is unpacked (a zip bomb
            // declares its size honestly or is stopped by counting while unpacking).
            var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/') && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)).ToList();
            budget.TakeFiles(entries.Count);
            budget.Expect(entries.Sum(e => e.Length));
            foreach (var entry in entries)
            {
                if (!StaysInside(entry.FullName))
                {
                    batch.Add(Refused(entry.FullName, upload.Name, entry.Length, new RuleViolationException("Evidence_ZipPathOutside")));
                }
                else if (entry.Length > store.MaxBytes)
                {
                    batch.Add(Refused(entry.FullName, upload.Name, entry.Length, new RuleViolationException("Evidence_TooLarge", store.MaxBytes / (1024 * 1024))));
                }
                else
                {
                    await using var content = entry.Open();
                    await AddFileAsync(batch, entry.FullName, upload.Name, content, budget, ct);
                }
            }
        }
        catch (InvalidDataException)
        {
            batch.Add(Refused(upload.Name, null, new FileInfo(staged).Length, new RuleViolationException("Evidence_ZipInvalid")));
        }
        finally
        {
            File.Delete(staged);
        }
    }

    private async Task AddFileAsync(EvidenceBatch batch, string path, string? archive, Stream content, Budget budget, CancellationToken ct)
    {
        IncomingFile incoming;
        try
        {
            incoming = await store.ReceiveAsync(content, EvidenceFileName.Sanitise(path), ct);
        }
        catch (RuleViolationException refused)
        {
            batch.Add(Refused(path, archive, 0, refused));
            return;
        }

        try
        {
            budget.Use(incoming.File.SizeBytes);
        }
        catch
        {
            incoming.Dispose();
            throw;
        }

        batch.Add(new BatchFile(path, archive, incoming.File.SizeBytes, BatchFileStatus.Ready, null, null, null, []), incoming);
    }

    /// <summary>Each received file's indicator from its name, then duplicates and the other indicators with the same file.</summary>
    private static void Match(EvidenceBatch batch, Dictionary<string, int> indicators, List<ExistingFile> existing)
    {
        var accepted = new List<ExistingFile>();
        foreach (var staged in batch.All.Where(s => s.Incoming is not null).ToList())
        {
            var codes = EvidenceFileMatcher.CodesIn(staged.Row.Name, indicators.Keys);
            if (codes.Count != 1)
            {
                batch.Replace(staged, staged.Row with
                {
                    Status = codes.Count == 0 ? BatchFileStatus.NoIndicator : BatchFileStatus.SeveralIndicators,
                    Problem = codes.Count == 0 ? null : new BatchProblem("Evidence_BatchSeveralCodes", [string.Join("، ", codes)]),
                });
                continue;
            }

            var code = codes[0];
            var indicatorId = indicators[code];
            var sha = staged.Incoming!.File.Sha256;
            var earlier = existing.Concat(accepted).FirstOrDefault(e => e.Sha256 == sha && e.IndicatorId == indicatorId);
            var alsoOn = existing.Concat(accepted)
                .Where(e => e.Sha256 == sha && e.IndicatorId != indicatorId)
                .Select(e => e.IndicatorCode).Distinct().Order(StringComparer.Ordinal).ToList();
            var row = staged.Row with
            {
                Status = earlier is null ? BatchFileStatus.Ready : BatchFileStatus.Duplicate,
                IndicatorCode = code,
                DuplicateOf = earlier?.FileName,
                AlsoOn = alsoOn,
            };
            batch.Replace(staged, row, indicatorId);
            if (earlier is null)
            {
                accepted.Add(new ExistingFile(sha, indicatorId, code, staged.Row.Name));
            }
        }
    }

    private static BatchFile Refused(string path, string? archive, long size, RuleViolationException refused) =>
        new(path, archive, size, BatchFileStatus.Refused, null, new BatchProblem(refused.Message, refused.Arguments), null, []);

    /// <summary>An entry's name that would land outside a folder it was unpacked into (never unpacked by name here, but refused all the same).</summary>
    private static bool StaysInside(string entryName)
    {
        var name = entryName.Replace('\\', '/');
        return !name.StartsWith('/') && !name.Contains(':', StringComparison.Ordinal) && !name.Split('/').Any(segment => segment == "..");
    }

    private static async Task<List<ExistingFile>> ExistingFilesAsync(StrategyGovDbContext db, int submissionId, CancellationToken ct) =>
        await db.Evidence.AsNoTracking()
            .Where(e => e.SubmissionId == submissionId && e.Kind == EvidenceKind.File && e.Sha256 != null)
            .Join(db.Indicators, e => e.IndicatorId, i => i.Id, (e, i) => new ExistingFile(e.Sha256!, e.IndicatorId, i.Code, e.FileName!))
            .ToListAsync(ct);

    private sealed record ExistingFile(string Sha256, int IndicatorId, string IndicatorCode, string FileName);

    /// <summary>What is left of the upload's limits as files are counted in; passing one refuses the whole upload.</summary>
    private sealed class Budget(EvidenceOptions limits)
    {
        public const string TooLargeKey = "Evidence_BatchTooLarge";

        private int _files;
        private long _bytes;

        public EvidenceOptions Limits => limits;

        public RuleViolationException TooLarge() => new(TooLargeKey, limits.MaxBatchBytes / (1024 * 1024));

        public void TakeFiles(int count)
        {
            _files += count;
            if (_files > limits.MaxBatchFiles)
            {
                throw new RuleViolationException("Evidence_BatchTooManyFiles", limits.MaxBatchFiles);
            }
        }

        /// <summary>Refuses a zip whose entries declare more than is left.</summary>
        public void Expect(long bytes)
        {
            if (_bytes + bytes > limits.MaxBatchBytes)
            {
                throw TooLarge();
            }
        }

        public void Use(long bytes)
        {
            Expect(bytes);
            _bytes += bytes;
        }
    }
}
