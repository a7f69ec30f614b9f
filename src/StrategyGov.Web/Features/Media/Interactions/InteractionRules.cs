using StrategyGov.Data.Media;

namespace StrategyGov.Web.Features.Media.Interactions;

/// <summary>What an interaction and a coverage item must be, as message keys. Pure.</summary>
public static class InteractionRules
{
    public const int MaxTopicLength = 500;

    /// <summary>Kinds where the media are in the room, so at least one journalist or outlet is named.</summary>
    public static bool NeedsParticipants(InteractionKind kind) =>
        kind is InteractionKind.Meeting or InteractionKind.Interview or InteractionKind.PressConference or InteractionKind.Briefing;

    /// <summary>The first problem of an interaction, or null.</summary>
    public static (string Key, object[] Arguments)? Check(InteractionForm form, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(form.Topic))
        {
            return ("Media_TopicRequired", []);
        }

        if (form.Topic.Trim().Length > MaxTopicLength)
        {
            return ("Media_TooLong", [MaxTopicLength]);
        }

        if (form.OccurredOn is not { } day)
        {
            return ("Media_DateRequired", []);
        }

        if (day > today)
        {
            return ("Media_InteractionInFuture", []);
        }

        if (form.Kind == InteractionKind.Meeting && form.JournalistIds.Count == 0)
        {
            return ("Media_MeetingNeedsJournalist", []);
        }

        if (NeedsParticipants(form.Kind) && form.JournalistIds.Count + form.OutletIds.Count == 0)
        {
            return ("Media_ParticipantsRequired", []);
        }

        if ((form.Outcome?.Trim().Length ?? 0) > MediaInput.MaxTextLength)
        {
            return ("Media_TooLong", [MediaInput.MaxTextLength]);
        }

        if ((form.SeniorOfficial?.Trim().Length ?? 0) > MediaInput.MaxNameLength || (form.Location?.Trim().Length ?? 0) > 300)
        {
            return ("Media_TooLong", [MediaInput.MaxNameLength]);
        }

        return null;
    }

    /// <summary>The first problem of a coverage item and its reach as read (Arabic-Indic digits accepted).</summary>
    public static (string Key, object[] Arguments)? Check(CoverageForm form, DateOnly today, out long? reach)
    {
        reach = null;
        if (form.OutletId is null)
        {
            return ("Media_OutletRequired", []);
        }

        if (form.PublishedOn is not { } day)
        {
            return ("Media_DateRequired", []);
        }

        if (day > today)
        {
            return ("Media_CoverageInFuture", []);
        }

        if (string.IsNullOrWhiteSpace(form.Headline))
        {
            return ("Media_HeadlineRequired", []);
        }

        if (form.Headline.Trim().Length > MaxTopicLength)
        {
            return ("Media_TooLong", [MaxTopicLength]);
        }

        if (!MediaInput.IsWebAddress(form.Url) || (form.Url?.Trim().Length ?? 0) > 1000)
        {
            return ("Media_UrlInvalid", [form.Url ?? string.Empty]);
        }

        if (!MediaInput.TryCount(form.Reach, out reach))
        {
            return ("Media_ReachInvalid", [form.Reach ?? string.Empty]);
        }

        return null;
    }
}
