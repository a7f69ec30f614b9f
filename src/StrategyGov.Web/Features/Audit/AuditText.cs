using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using StrategyGov.Data.Auditing;
using StrategyGov.Web.Localization;

namespace StrategyGov.Web.Features.Audit;

/// <summary>How the trail's stored names and values read on screen.</summary>
public static class AuditText
{
    // Values the pages already name under another prefix: the trail reads the same strings.
    private static readonly Dictionary<(string Entity, string Property), string> OtherPrefixes = new()
    {
        [("CouncilMeeting", "Status")] = "Council_MeetingStatus_",
        [("CouncilDecisionOwner", "Status")] = "Council_Status_",
        [("CouncilProgressNote", "Status")] = "Council_Status_",
        [("CouncilInvitation", "Attendance")] = "Council_Attendance_",
        [("CouncilDecision", "Kind")] = "Council_Kind_",
        [("CalendarEntry", "Kind")] = "Calendar_Kind_",
        [("CalendarEntry", "Status")] = "Calendar_Status_",
        [("InquiryTarget", "Kind")] = "InquiryKind_",
        [("RaciCell", "Letter")] = "Raci_Letter_",
        [("StrategyVersion", "Status")] = "Fw_Status_",
        [("CampaignPlan", "Status")] = "Campaign_Status_",
        [("CampaignEvaluationItem", "Stage")] = "Campaign_Stage_",
        [("MediaInteraction", "Kind")] = "Media_Kind_",
        [("MediaCoverage", "Tone")] = "Media_Tone_",
        [("MediaOutlet", "Kind")] = "Media_OutletKind_",
        [("MediaOutlet", "Status")] = "Media_Status_",
        [("Journalist", "Status")] = "Media_Status_",
        [("Journalist", "Role")] = "Media_Role_",
        [("Journalist", "Beat")] = "Media_Beat_",
        [("Journalist", "PreferredChannel")] = "Media_Channel_",
        [("Indicator", "Type")] = "MeasurementType_",
        [("Objection", "DecisionBefore")] = "Decision_",
    };

    /// <summary>The localized name of an entity type (<c>AuditEntity_Answer</c>), or the type name for types without one.</summary>
    public static string Entity(IStringLocalizer<SharedResource> localizer, string entityType) =>
        Named(localizer, $"AuditEntity_{entityType}", entityType);

    /// <summary>The localized name of a property (<c>AuditField_Value</c>), or the property name.</summary>
    public static string Field(IStringLocalizer<SharedResource> localizer, string property) =>
        Named(localizer, $"AuditField_{property}", property);

    /// <summary>
    /// A stored value as a reader knows it: an enum value through its UI string when there is one
    /// (<c>SubmissionStatus_Returned</c>, <c>Decision_Rejected</c>), booleans as yes/no, anything else as stored.
    /// </summary>
    public static string Value(IStringLocalizer<SharedResource> localizer, string entityType, string property, string value)
    {
        if (value is "true" or "false")
        {
            return localizer[value == "true" ? "Yes" : "No"];
        }

        var owner = entityType == "ReportingPeriod" ? "Period" : entityType;
        var prefix = OtherPrefixes.GetValueOrDefault((entityType, property), $"{owner}{property}_");
        var text = localizer[prefix + value];
        return text.ResourceNotFound ? Named(localizer, $"{property}_{value}", value) : text.Value;
    }

    public static string LocalTime(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static Color ActionColor(AuditAction action) => action switch
    {
        AuditAction.Created => Color.Success,
        AuditAction.Changed => Color.Info,
        AuditAction.Deleted => Color.Error,
        _ => Color.Default,
    };

    private static string Named(IStringLocalizer<SharedResource> localizer, string key, string fallback)
    {
        var text = localizer[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
