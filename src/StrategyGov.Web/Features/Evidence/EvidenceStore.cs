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
        var temporaryFolder = Path.Combine(Path.GetTempPath(), "strategygov-incoming");
        Directory.CreateDirectory(temporaryFolder);
        var temporary = Path.Combine(temporaryFolder, Guid.NewGuid().ToString("N"));
        try
        {
            var (sha256, size, type) = await ReceiveAsync(content, temporary, ct);
            var fileName = EvidenceFileName.FitToType(sanitisedName, type)
                ?? throw new RuleViolationException("Evidence_ExtensionMismatch", Path.GetExtension(sanitisedName), type.Extensions[0]);
            var target = PathOf(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target))
            {
                File.Delete(temporary);
            }
            else
            {
                File.Move(temporary, target);
            }

            return new StoredFile(sha256, size, type, fileName);
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

    private async Task<(string Sha256, long Size, EvidenceFileType Type)> ReceiveAsync(Stream content, string temporary, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            size += read;
            if (size > MaxBytes)
            {
                throw new RuleViolationException("Evidence_TooLarge", MaxBytes / (1024 * 1024));
            }

            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        if (size == 0)
        {
            throw new RuleViolationException("Evidence_Empty");
        }

        var type = FileSignature.Detect(file) ?? throw new RuleViolationException("Evidence_TypeNotAllowed");
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size, type);
    }
}
