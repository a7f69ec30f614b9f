using System.ComponentModel.DataAnnotations;

namespace StrategyGov.Web.Features.Webhooks;

/// <summary>The <c>Webhooks</c> section: how deliveries are sent and retried (ADR 0108).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Seconds between two passes of the sender; 0 stops the background sender (tests drive it themselves).</summary>
    [Range(0, 3600)]
    public int PollSeconds { get; set; } = 10;

    /// <summary>Seconds one request may take before it counts as failed.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Failed attempts in a row after which a subscription is disabled and its owner notified.</summary>
    [Range(1, 1000)]
    public int DisableAfterFailures { get; set; } = 15;

    /// <summary>
    /// Hours a rotated secret keeps signing beside the new one (ADR 0110): deliveries carry both signatures, so a
    /// receiver can switch to the new secret without losing events. 0 drops the old secret at once.
    /// </summary>
    [Range(0, 720)]
    public int RotationOverlapHours { get; set; } = 24;

    /// <summary>Plain http to a loopback address (a receiver on the same machine); only for development and tests.</summary>
    public bool AllowHttpLoopback { get; set; }

    /// <summary>Delay before each retry: 1 min, 5 min, 30 min, 2 h, 12 h; then the delivery is given up.</summary>
    public static readonly IReadOnlyList<TimeSpan> RetryDelays =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12),
    ];
}
