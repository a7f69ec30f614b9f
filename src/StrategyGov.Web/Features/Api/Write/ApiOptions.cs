using System.ComponentModel.DataAnnotations;

namespace StrategyGov.Web.Features.Api.Write;

/// <summary>Settings <c>Api:*</c>: rates, how long calls and idempotency keys are kept (ADR 0105).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests a minute per token unless the token has its own rate (each instance counts its own).</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>Days a token's calls stay in its call log.</summary>
    [Range(1, 365)]
    public int CallLogDays { get; set; } = 30;

    /// <summary>Hours an idempotency key is remembered.</summary>
    [Range(1, 24 * 30)]
    public int IdempotencyHours { get; set; } = 24;
}
