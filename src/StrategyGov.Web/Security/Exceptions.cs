namespace StrategyGov.Web.Security;

/// <summary>The actor may not do this (HTTP 403).</summary>
public sealed class AccessDeniedException(string message = "Access denied.") : Exception(message);

/// <summary>Not found, or not visible to the actor (HTTP 404).</summary>
public sealed class NotFoundException(string message = "Not found.") : Exception(message);

/// <summary>
/// A business rule refused the operation; <see cref="Exception.Message"/> is a resource key and the
/// arguments fill it, so every caller shows the same message in the user's language.
/// </summary>
public class RuleViolationException(string messageKey, params object[] arguments) : Exception(messageKey)
{
    public object[] Arguments { get; } = arguments;
}

/// <summary>
/// The record changed since the version the caller started from (HTTP 412 for an <c>If-Match</c>); the
/// message key says so in the reader's language.
/// </summary>
public sealed class ConcurrencyConflictException() : RuleViolationException("Api_PreconditionFailed");
