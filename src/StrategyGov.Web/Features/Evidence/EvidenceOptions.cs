using System.ComponentModel.DataAnnotations;

namespace StrategyGov.Web.Features.Evidence;

/// <summary>Where evidence files live and how large they may be (section <c>Evidence</c>).</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>The folder of the evidence store; a relative path is under the app's content root.</summary>
    [Required]
    public string Path { get; set; } = "data/evidence";

    /// <summary>Largest accepted file in bytes (default 20 MB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}
