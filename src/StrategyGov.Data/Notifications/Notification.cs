namespace StrategyGov.Data.Notifications;

public enum NotificationKind
{
    SubmissionReturned,
    SubmissionApproved,
    ObjectionAnswered,
    PeriodOpened,
    DueSoon,
    CouncilInvited,
    CouncilMeetingSoon,
    CouncilDecisionAssigned,
    CouncilDecisionDueSoon,
    CouncilDecisionOverdue,
    CouncilProgressReported,
    CouncilOutcomeAccepted,
    CouncilOutcomeReopened,
    InquiryAtRisk,
    InquiryBreached,
    InquiryEscalated,
    InquiryReferred,
    WebhookDisabled,
    SubmissionOverdue,
    SubmissionOverdueCenter,
}

/// <summary>
/// An in-app notification for one user. The text is not stored in a language: <see cref="MessageKey"/>
/// is a UI string key and <see cref="Arguments"/> its values (JSON), so it reads in the reader's language.
/// </summary>
public class Notification
{
    public long Id { get; set; }

    public required string RecipientUserId { get; set; }

    /// <summary>The institution the notification is about; null for the center's own.</summary>
    public int? InstitutionId { get; set; }

    public NotificationKind Kind { get; set; }

    public required string MessageKey { get; set; }

    /// <summary>JSON array of arguments, each <c>{"ar": …, "en": …}</c>.</summary>
    public required string Arguments { get; set; }

    /// <summary>App-relative link to what the notification is about.</summary>
    public string? Link { get; set; }

    /// <summary>
    /// Set for notifications that must go out once only (e.g. <c>due:12:7</c>): unique per recipient and kind,
    /// so a job that runs again, or twice at once, never notifies twice.
    /// </summary>
    public string? OnceKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}
