using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Evidence;

/// <summary>A file received into the store: its address, size, type and the name to show for it.</summary>
public sealed record StoredFile(string Sha256, long SizeBytes, EvidenceFileType Type, string FileName);

/// <summary>
/// The evidence files on disk, outside the database, each at <c>ab/cd/&lt;sha256&gt;</c> under
/// <see cref="EvidenceOptions.Path"/>: identical files are stored once, and nothing about a path can be
/// guessed from a download URL (downloads go through the evidence id). A refused file leaves nothing.
/// </summary>
public sealed class EvidenceStore(IOptions<EvidenceOptions> options, IHostEnvironment environment)
{
    public string Root { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Path));

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>
    /// Copies the upload to a temporary file (outside the store) while hashing and counting it, checks
    /// size, type and name, then moves it to its address. Throws <see cref="RuleViolationException"/>
    /// (and deletes the temporary file, so the store is untouched) when the content is empty, too
    /// large, of a type not accepted, or named as another type.
    /// </summary>
    public async Task<StoredFile> SaveAsync(Stream content, string sanitisedName, CancellationToken ct)
    {
        using var incoming = await ReceiveAsync(content, sanitisedName, ct);
        return Keep(incoming);
    }

    /// <summary>
    /// The first half of <see cref="SaveAsync"/>: the upload received and checked in a temporary file,
    /// not yet in the store (an upload of several files is previewed before anything is kept).
    /// </summary>
    public async Task<IncomingFile> ReceiveAsync(Stream content, string sanitisedName, CancellationToken ct)
    {
        var temporary = NewTemporaryPath();
        try
        {
            var (sha256, size) = await CopyAsync(content, temporary, MaxBytes, () => new RuleViolationException("Evidence_TooLarge", MaxBytes / (1024 * 1024)), ct);
            EvidenceFileType type;
            await using (var file = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                type = FileSignature.Detect(file) ?? throw new RuleViolationException("Evidence_TypeNotAllowed");
            }

            var fileName = EvidenceFileName.FitToType(sanitisedName, type)
                ?? throw new RuleViolationException("Evidence_ExtensionMismatch", Path.GetExtension(sanitisedName), type.Extensions[0]);
            return new IncomingFile(temporary, new StoredFile(sha256, size, type, fileName));
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Moves a received file to its address in the store (once; identical content is kept once).</summary>
    public StoredFile Keep(IncomingFile incoming)
    {
        var target = PathOf(incoming.File.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!File.Exists(target))
        {
            File.Move(incoming.TemporaryPath, target);
        }

        incoming.Dispose();
        return incoming.File;
    }

    /// <summary>
    /// Copies content that is not evidence itself (a zip of evidence) to a temporary file, at most
    /// <paramref name="maxBytes"/> (<paramref name="tooLarge"/> is thrown beyond); the caller deletes the file.
    /// </summary>
    public async Task<string> StageAsync(Stream content, long maxBytes, Func<RuleViolationException> tooLarge, CancellationToken ct)
    {
        var temporary = NewTemporaryPath();
        try
        {
            await CopyAsync(content, temporary, maxBytes, tooLarge, ct);
            return temporary;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Stream Open(string sha256) => new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    /// <summary>The file's address; the hash is checked so that no stored value can point outside the store.</summary>
    public string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
        {
            throw new InvalidOperationException("Not a SHA-256 address.");
        }

        return Path.Combine(Root, sha256[..2], sha256[2..4], sha256);
    }

    private static string NewTemporaryPath()
    {
        var temporaryFolder = Path.Combine(Path.GetTempPath(), "strategygov-incoming");
        Directory.CreateDirectory(temporaryFolder);
        return Path.Combine(temporaryFolder, Guid.NewGuid().ToString("N"));
    }

    private static async Task<(string Sha256, long Size)> CopyAsync(
        Stream content, string temporary, long maxBytes, Func<RuleViolationException> tooLarge, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            size += read;
            if (size > maxBytes)
            {
                throw tooLarge();
            }

            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        if (size == 0)
        {
            throw new RuleViolationException("Evidence_Empty");
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }
}

/// <summary>A file received and checked in a temporary file outside the store; deleted on dispose unless kept.</summary>
public sealed class IncomingFile(string temporaryPath, StoredFile file) : IDisposable
{
    public string TemporaryPath { get; } = temporaryPath;

    public StoredFile File { get; } = file;

    public void Dispose() => System.IO.File.Delete(TemporaryPath);
}
