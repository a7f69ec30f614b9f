using StrategyGov.Data.Auditing;

namespace StrategyGov.Data.Reporting;

public enum EvidenceKind
{
    File,
    Link,
}

/// <summary>
/// Evidence behind one answer (submission × indicator): an uploaded file, stored outside the database
/// under its SHA-256, or a link. The id is a random GUID so that download URLs cannot be guessed.
/// </summary>
public class Evidence : IAudited, ISubmissionOwned
{
    public Guid Id { get; set; }

    public int SubmissionId { get; set; }

    public Submission Submission { get; set; } = null!;

    public int IndicatorId { get; set; }

    public EvidenceKind Kind { get; set; }

    /// <summary>The original file name, sanitised (no folders, no control characters; Arabic kept).</summary>
    public string? FileName { get; set; }

    /// <summary>The content type detected from the file's content, never taken from the browser.</summary>
    public string? ContentType { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content: the file's address in the evidence store.</summary>
    public string? Sha256 { get; set; }

    /// <summary>An http(s) address (links only).</summary>
    public string? Url { get; set; }

    /// <summary>What a link is, as its giver named it (links only, optional); the address is shown without one.</summary>
    public string? Title { get; set; }

    /// <summary>Until when the evidence is valid (e.g. a crisis plan reviewed yearly); none means always.</summary>
    public DateOnly? ValidUntil { get; set; }

    /// <summary>The person who added it; null when an API token did (<see cref="UploadedByApiTokenId"/>, ADR 0110).</summary>
    public string? UploadedById { get; set; }

    /// <summary>The API token that added it, for an upload through the API (a token has no account).</summary>
    public int? UploadedByApiTokenId { get; set; }

    public DateTime UploadedAt { get; set; }
}
