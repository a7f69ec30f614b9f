using StrategyGov.Data.Auditing;
using StrategyGov.Data.Institutions;

namespace StrategyGov.Data.Governance;

/// <summary>
/// An institution's crisis-communication plan (one per institution). The document is a link or a
/// reference (e.g. a document-management number) until evidence files are stored by the platform.
/// </summary>
public class CrisisPlan : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public Institution Institution { get; set; } = null!;

    public required string Title { get; set; }

    public string? Owner { get; set; }

    public DateOnly? LastReviewedOn { get; set; }

    public DateOnly? ValidUntil { get; set; }

    public string? DocumentReference { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedByName { get; set; }
}

/// <summary>A crisis-communication exercise or drill an institution held.</summary>
public class CrisisDrill : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public Institution Institution { get; set; } = null!;

    public DateOnly HeldOn { get; set; }

    public required string Scenario { get; set; }

    public string? Participants { get; set; }

    public string? Lessons { get; set; }

    public DateTime RecordedAt { get; set; }

    public string? RecordedByName { get; set; }
}
