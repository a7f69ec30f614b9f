using StrategyGov.Data.Media;

namespace StrategyGov.Web.Features.Media.Interactions;

/// <summary>What an interaction and a coverage item must be, as message keys with the field each is about (its API name). Pure.</summary>
public static class InteractionRules
{
    public const int MaxTopicLength = 500;

    /// <summary>Kinds where the media are in the room, so at least one journalist or outlet is named.</summary>
    public static bool NeedsParticipants(InteractionKind kind) =>
        kind is InteractionKind.Meeting or InteractionKind.Interview or InteractionKind.PressConference or InteractionKind.Briefing;

    /// <summary>The first problem of an interaction, or null.</summary>
    public static (string Key, object[] Arguments, string Field)? Check(InteractionForm form, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(form.Topic))
        {
            return ("Media_TopicRequired", [], "topic");
        }

        if (form.Topic.Trim().Length > MaxTopicLength)
        {
            return ("Media_TooLong", [MaxTopicLength], "topic");
        }

        if (form.OccurredOn is not { } day)
        {
            return ("Media_DateRequired", [], "occurredOn");
        }

        if (day > today)
        {
            return ("Media_InteractionInFuture", [], "occurredOn");
        }

        if (form.Kind == InteractionKind.Meeting && form.JournalistIds.Count == 0)
        {
            return ("Media_MeetingNeedsJournalist", [], "journalistIds");
        }

        if (NeedsParticipants(form.Kind) && form.JournalistIds.Count + form.OutletIds.Count == 0)
        {
            return ("Media_ParticipantsRequired", [], "journalistIds");
        }

        if ((form.Outcome?.Trim().Length ?? 0) > MediaInput.MaxTextLength)
        {
            return ("Media_TooLong", [MediaInput.MaxTextLength], "outcome");
        }

        if ((form.SeniorOfficial?.Trim().Length ?? 0) > MediaInput.MaxNameLength || (form.Location?.Trim().Length ?? 0) > 300)
        {
            return ("Media_TooLong", [MediaInput.MaxNameLength], (form.SeniorOfficial?.Trim().Length ?? 0) > MediaInput.MaxNameLength ? "seniorOfficial" : "location");
        }

        return null;
    }

    /// <summary>The first problem of a coverage item and its reach as read (Arabic-Indic digits accepted).</summary>
    public static (string Key, object[] Arguments, string Field)? Check(CoverageForm form, DateOnly today, out long? reach)
    {
        reach = null;
        if (form.OutletId is null)
        {
            return ("Media_OutletRequired", [], "outletId");
        }

        if (form.PublishedOn is not { } day)
        {
            return ("Media_DateRequired", [], "publishedOn");
        }

        if (day > today)
        {
            return ("Media_CoverageInFuture", [], "publishedOn");
        }

        if (string.IsNullOrWhiteSpace(form.Headline))
        {
            return ("Media_HeadlineRequired", [], "headline");
        }

        if (form.Headline.Trim().Length > MaxTopicLength)
        {
            return ("Media_TooLong", [MaxTopicLength], "headline");
        }

        if (!MediaInput.IsWebAddress(form.Url) || (form.Url?.Trim().Length ?? 0) > 1000)
        {
            return ("Media_UrlInvalid", [form.Url ?? string.Empty], "url");
        }

        if (!MediaInput.TryCount(form.Reach, out reach))
        {
            return ("Media_ReachInvalid", [form.Reach ?? string.Empty], "reach");
        }

        return null;
    }
}
