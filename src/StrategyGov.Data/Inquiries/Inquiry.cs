using System.Linq.Expressions;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Identity;
using StrategyGov.Data.Institutions;

namespace StrategyGov.Data.Inquiries;

/// <summary>What reached the institution (docs/decisions/0098).</summary>
public enum InquiryKind
{
    /// <summary>A journalist's or outlet's question.</summary>
    MediaInquiry,

    /// <summary>A citizen's complaint raised in the media (press, broadcast or social media).</summary>
    CitizenComplaint,

    /// <summary>A question, mention or comment on social media that is not a complaint.</summary>
    SocialMediaPost,

    /// <summary>A letter or e-mail from an outlet or a member of the public.</summary>
    Correspondence,
}

/// <summary>Where it came from; <see cref="SocialMedia"/> is what the social-media indicators count.</summary>
public enum InquiryChannel
{
    Newspaper,
    Television,
    Radio,
    NewsWebsite,
    SocialMedia,
    Email,
    Letter,
    Phone,
    Other,
}

/// <summary>
/// New → In progress → Answered → Closed. Waiting on the requester pauses the clock; Referred (to
/// another institution) does not: the requester is still waiting for an answer.
/// </summary>
public enum InquiryStatus
{
    New,
    InProgress,
    WaitingOnRequester,
    Referred,
    Answered,
    Closed,
}

/// <summary>
/// A media inquiry, a complaint raised in the media, a social-media post or a piece of correspondence an
/// institution received, with its response-time clocks. Times are UTC instants. The clock columns
/// (targets, deadlines, minutes used) are derived from the facts, the working calendar and the pauses;
/// they are recomputed whenever one of those changes and are not audited themselves (the facts are).
/// </summary>
public class Inquiry : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public Institution Institution { get; set; } = null!;

    /// <summary>The institution's own helpdesk id, unique within the institution: imports and pushes update by it.</summary>
    public string? ExternalId { get; set; }

    public InquiryKind Kind { get; set; }

    public InquiryChannel Channel { get; set; }

    /// <summary>The outlet (newspaper, channel, programme) or the platform (X, Instagram, …).</summary>
    public required string Outlet { get; set; }

    /// <summary>The journalist, the account or the citizen who asked.</summary>
    public string? Requester { get; set; }

    public string? SourceUrl { get; set; }

    public DateTime ReceivedAt { get; set; }

    public required string Topic { get; set; }

    public string? Details { get; set; }

    /// <summary>A pillar code of the strategy (e.g. P3), stable across framework versions.</summary>
    public string? PillarCode { get; set; }

    /// <summary>The journalist's own deadline, when they gave one (elapsed time, not working time).</summary>
    public DateTime? RequesterDeadline { get; set; }

    public string? AssignedToId { get; set; }

    public ApplicationUser? AssignedTo { get; set; }

    public InquiryStatus Status { get; set; }

    /// <summary>The first reply to the requester (an acknowledgement or a holding line counts here, not as the answer).</summary>
    public DateTime? FirstResponseAt { get; set; }

    public string? FirstResponseNote { get; set; }

    /// <summary>The substantive answer: the requester was told the outcome (text or attached document).</summary>
    public DateTime? AnsweredAt { get; set; }

    public string? ResponseText { get; set; }

    /// <summary>The attached response document in the evidence store (content address), if any.</summary>
    public string? ResponseFileSha256 { get; set; }

    public string? ResponseFileName { get; set; }

    public string? ResponseFileType { get; set; }

    public long? ResponseFileSize { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? ClosingNote { get; set; }

    public DateTime? ReferredAt { get; set; }

    /// <summary>The institution on the platform it was referred to (a copy is logged there), or null.</summary>
    public int? ReferredToInstitutionId { get; set; }

    /// <summary>Who it was referred to, in words (an institution outside the platform, a department).</summary>
    public string? ReferredToName { get; set; }

    public string? ReferralNote { get; set; }

    /// <summary>On the copy a referral logged in the receiving institution: the referring inquiry.</summary>
    public int? ReferredFromInquiryId { get; set; }

    /// <summary>The referring institution, kept on the copy (its name is shown; its records are not).</summary>
    public int? ReferredFromInstitutionId { get; set; }

    public List<InquiryPause> Pauses { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public string? CreatedById { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two people acting on one inquiry at once do not overwrite each other.</summary>
    public int Version { get; set; }

    // The clocks, derived (ADR 0098). Targets are those in force for the kind when the inquiry was logged.

    [NotAudited]
    public int FirstResponseTargetMinutes { get; set; }

    [NotAudited]
    public int AnswerTargetMinutes { get; set; }

    /// <summary>Null while the clock is paused (waiting on the requester).</summary>
    [NotAudited]
    public DateTime? FirstResponseDueAt { get; set; }

    [NotAudited]
    public DateTime? AnswerDueAt { get; set; }

    /// <summary>Working minutes from receipt to the first response, pauses excluded.</summary>
    [NotAudited]
    public int? FirstResponseMinutes { get; set; }

    /// <summary>Working minutes from receipt to the answer, pauses excluded.</summary>
    [NotAudited]
    public int? AnswerMinutes { get; set; }

    /// <summary>Elapsed (clock) minutes from receipt to the answer, pauses excluded.</summary>
    [NotAudited]
    public int? AnswerElapsedMinutes { get; set; }

    public bool IsOpen => Status is not (InquiryStatus.Answered or InquiryStatus.Closed);

    /// <summary>
    /// <see cref="IsOpen"/> for a query. EF Core writes it as the filter of the partial index <c>IX_Inquiries_Open</c>
    /// (InquiryConfiguration), which SQLite uses only for a WHERE that contains that very term.
    /// </summary>
    public static readonly Expression<Func<Inquiry, bool>> Open = i => i.Status != InquiryStatus.Answered && i.Status != InquiryStatus.Closed;
}

/// <summary>A time the clock stood still because the institution was waiting on the requester.</summary>
public class InquiryPause : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public int InquiryId { get; set; }

    public Inquiry Inquiry { get; set; } = null!;

    public int InstitutionId { get; set; }

    public DateTime StartedAt { get; set; }

    /// <summary>Null while still waiting.</summary>
    public DateTime? EndedAt { get; set; }

    public string? Note { get; set; }
}
