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

    /// <summary>Most files one upload of several may hold, the files inside zips included (default 200).</summary>
    [Range(1, 10_000)]
    public int MaxBatchFiles { get; set; } = 200;

    /// <summary>
    /// Most bytes one upload of several may hold once unzipped (default 200 MB): a zip whose entries
    /// declare more is refused before anything is unpacked, and counting stops any that lie.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxBatchBytes { get; set; } = 200 * 1024 * 1024;
}
