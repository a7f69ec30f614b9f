using StrategyGov.Data.Auditing;
using StrategyGov.Data.Institutions;

namespace StrategyGov.Data.Council;

/// <summary>A decision (binding) or a recommendation (advised) of the council.</summary>
public enum CouncilOutcomeKind
{
    Decision,
    Recommendation,
}

/// <summary>Where one owner institution stands with a decision. Done and NotApplicable await the center's acceptance.</summary>
public enum CouncilOwnerStatus
{
    NotStarted,
    InProgress,
    Done,
    NotApplicable,
}

/// <summary>A decision or recommendation taken on an agenda item, assigned to one or more institutions with a due date.</summary>
public class CouncilDecision : IAudited
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public CouncilMeeting Meeting { get; set; } = null!;

    public int AgendaItemId { get; set; }

    public CouncilAgendaItem AgendaItem { get; set; } = null!;

    /// <summary>Its number within the meeting: with the meeting's number it makes the reference, e.g. "10/3".</summary>
    public int Sequence { get; set; }

    public CouncilOutcomeKind Kind { get; set; }

    public required string TextAr { get; set; }

    public required string TextEn { get; set; }

    /// <summary>The last day (platform time zone) by which the owners are to have done it.</summary>
    public DateOnly DueOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<CouncilDecisionOwner> Owners { get; set; } = [];
}

/// <summary>
/// One owner institution of a decision and its follow-up: its status, the day it says it was done, and the
/// center's acceptance of that "done" (or of "not applicable"). Reopening sends it back to in progress.
/// </summary>
public class CouncilDecisionOwner : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public int DecisionId { get; set; }

    public CouncilDecision Decision { get; set; } = null!;

    public int InstitutionId { get; set; }

    public Institution Institution { get; set; } = null!;

    public CouncilOwnerStatus Status { get; set; }

    public string? NotApplicableReason { get; set; }

    /// <summary>The day (platform time zone) the institution says it was done.</summary>
    public DateOnly? DoneOn { get; set; }

    public DateTime? ReportedAt { get; set; }

    public string? ReportedByName { get; set; }

    /// <summary>When the center accepted the Done or NotApplicable; null while it awaits acceptance.</summary>
    public DateTime? AcceptedAt { get; set; }

    public string? AcceptedByName { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; }

    public List<CouncilProgressNote> Notes { get; set; } = [];
}

/// <summary>A progress note on one owner's follow-up, by the institution or the center, with its evidence.</summary>
public class CouncilProgressNote : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public int OwnerId { get; set; }

    public CouncilDecisionOwner Owner { get; set; } = null!;

    public int InstitutionId { get; set; }

    /// <summary>What was reported; empty when the note only records a status (the page then names the status or the acceptance).</summary>
    public required string Text { get; set; }

    /// <summary>The owner's status once this note was written.</summary>
    public CouncilOwnerStatus Status { get; set; }

    /// <summary>Written by the center (acceptance, reopening) rather than the institution.</summary>
    public bool ByCenter { get; set; }

    /// <summary>An http(s) link to evidence.</summary>
    public string? Link { get; set; }

    public string? AuthorUserId { get; set; }

    public required string AuthorName { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<CouncilEvidence> Files { get; set; } = [];
}

/// <summary>A file given as evidence with a progress note, kept in the evidence store.</summary>
public class CouncilEvidence : IAudited, IInstitutionOwned
{
    public Guid Id { get; set; }

    public int NoteId { get; set; }

    public CouncilProgressNote Note { get; set; } = null!;

    public int InstitutionId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    public required string Sha256 { get; set; }

    public string? UploadedById { get; set; }

    public DateTime UploadedAt { get; set; }
}
