using System.Text.Json;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Notifications;

namespace StrategyGov.Web.Features.Webhooks;

/// <summary>
/// The events a subscription can choose, and where each comes from (ADR 0108): changes of state are read
/// from the audit log, so every way of making them (page, API, import, job) raises them; the two that
/// happen by time passing (a council decision overdue, an inquiry past its target) have no row change and
/// come from the reminder passes' once-only notifications.
/// </summary>
public static class WebhookEvents
{
    public const string SubmissionReturned = "submission.returned";
    public const string SubmissionApproved = "submission.approved";
    public const string PeriodPublished = "period.published";
    public const string ScoreRevised = "score.revised";
    public const string DecisionOverdue = "council.decision_overdue";
    public const string InquiryBreached = "inquiry.breached";
    public const string AnswersChanged = "answers.changed";

    /// <summary>Sent by "send a test ping" only; never subscribed to.</summary>
    public const string Ping = "ping";

    public static readonly IReadOnlyList<string> All =
        [SubmissionReturned, SubmissionApproved, PeriodPublished, ScoreRevised, DecisionOverdue, InquiryBreached, AnswersChanged];

    /// <summary>The known events of a space-separated list, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Parse(string? events)
    {
        var given = (events ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return All.Where(given.Contains).ToList();
    }

    /// <summary>The UI string key of an event's name.</summary>
    public static string LabelKey(string eventType) => "Webhooks_Event_" + eventType.Replace('.', '_');

    /// <summary>The webhook event an audit event is, with what the payload says about it; null for most.</summary>
    internal static RaisedEvent? FromAudit(AuditEvent e)
    {
        switch (e.EntityType)
        {
            case "Submission" when e.Action == AuditAction.Changed:
                var status = AfterValue(e, "Status");
                var type = status switch { "Returned" => SubmissionReturned, "Approved" => SubmissionApproved, _ => null };
                return type is null ? null : new RaisedEvent(type, e.InstitutionId, new { submissionId = Id(e), institutionId = e.InstitutionId, status });
            case "ReportingPeriod" when e.Action == AuditAction.Changed && AfterValue(e, "Status") == "Published":
                return new RaisedEvent(PeriodPublished, null, new { periodId = Id(e) });
            case "ScoreSnapshot" when e.Action == AuditAction.Created && AfterValue(e, "Revision") is { } revision && revision != "1":
                return new RaisedEvent(ScoreRevised, null, new { periodId = int.Parse(AfterValue(e, "PeriodId")!, System.Globalization.CultureInfo.InvariantCulture), revision = int.Parse(revision, System.Globalization.CultureInfo.InvariantCulture) });
            default:
                return null;
        }
    }

    /// <summary>The webhook event a time-based notification is (published to the institution's audience), or null.</summary>
    internal static string? FromNotification(NotificationKind kind) => kind switch
    {
        NotificationKind.CouncilDecisionOverdue => DecisionOverdue,
        NotificationKind.InquiryBreached => InquiryBreached,
        _ => null,
    };

    private static int Id(AuditEvent e) => int.Parse(e.EntityKey, System.Globalization.CultureInfo.InvariantCulture);

    private static string? AfterValue(AuditEvent e, string property)
    {
        if (e.After is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(e.After);
        return json.RootElement.TryGetProperty(property, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
    }
}

/// <summary>An event to deliver: its type, the institution it concerns (null: national) and its data.</summary>
internal sealed record RaisedEvent(string Type, int? InstitutionId, object Data);
