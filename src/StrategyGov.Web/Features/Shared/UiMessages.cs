using Microsoft.Extensions.Localization;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Shared;

/// <summary>Turns the exceptions services throw into the sentence a user should read.</summary>
public static class UiMessages
{
    public static string Describe(Exception exception, IStringLocalizer<SharedResource> localizer) => exception switch
    {
        RuleViolationException rule => localizer[rule.Message, rule.Arguments],
        AccessDeniedException => localizer["AccessDenied"],
        NotFoundException => localizer["NotFound"],
        _ => localizer["UnhandledError"],
    };

    public static bool IsExpected(Exception exception) =>
        exception is RuleViolationException or AccessDeniedException or NotFoundException;
}
