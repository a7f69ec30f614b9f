namespace StrategyGov.Web.Features.Evidence;

/// <summary>What will happen to one file of an upload of several.</summary>
public enum BatchFileStatus
{
    /// <summary>Will be attached to <see cref="BatchFile.IndicatorCode"/>.</summary>
    Ready,

    /// <summary>No indicator code of this submission in its name.</summary>
    NoIndicator,

    /// <summary>Codes of more than one indicator in its name.</summary>
    SeveralIndicators,

    /// <summary>The same file (SHA-256) is already evidence of that indicator, or earlier in this upload.</summary>
    Duplicate,

    /// <summary>Refused by the evidence rules (type, size, name, zip limits); <see cref="BatchFile.Problem"/> says why.</summary>
    Refused,
}

/// <summary>A reason in the user's language: a UI string key and its arguments.</summary>
public sealed record BatchProblem(string Key, object[] Arguments);

/// <summary>
/// One file of the preview: its name (with its folders inside a zip, <see cref="Archive"/> naming the
/// zip), size, the indicator it matched, what will happen to it, and the other indicators that
/// already have the same file.
/// </summary>
public sealed record BatchFile(
    string Name,
    string? Archive,
    long SizeBytes,
    BatchFileStatus Status,
    string? IndicatorCode,
    BatchProblem? Problem,
    string? DuplicateOf,
    IReadOnlyList<string> AlsoOn);

/// <summary>
/// An upload of several files (or zips of them), received and checked in temporary files outside the
/// evidence store and previewed: nothing is attached until <see cref="EvidenceBatchService.AttachAsync"/>.
/// Disposing it deletes the temporary files that were not attached.
/// </summary>
public sealed class EvidenceBatch(int submissionId) : IDisposable
{
    private readonly List<Staged> _files = [];

    public int SubmissionId { get; } = submissionId;

    public IReadOnlyList<BatchFile> Files => _files.Select(f => f.Row).ToList();

    public int ReadyCount => _files.Count(f => f.Row.Status == BatchFileStatus.Ready);

    internal IEnumerable<Staged> Ready => _files.Where(f => f.Row.Status == BatchFileStatus.Ready);

    internal IReadOnlyList<Staged> All => _files;

    internal void Add(BatchFile row, IncomingFile? incoming = null, int? indicatorId = null) => _files.Add(new Staged(row, incoming, indicatorId));

    internal void Replace(Staged staged, BatchFile row, int? indicatorId = null) =>
        _files[_files.IndexOf(staged)] = staged with { Row = row, IndicatorId = indicatorId ?? staged.IndicatorId };

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.Incoming?.Dispose();
        }
    }

    internal sealed record Staged(BatchFile Row, IncomingFile? Incoming, int? IndicatorId);
}
