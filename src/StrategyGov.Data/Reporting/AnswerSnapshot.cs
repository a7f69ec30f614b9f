namespace StrategyGov.Data.Reporting;

/// <summary>
/// An answer as it stood when the submission was submitted (one row per answer and round), so the
/// reviewer of a re-submission sees what changed since the previous one.
/// </summary>
public class AnswerSnapshot
{
    public int Id { get; set; }

    public int SubmissionId { get; set; }

    /// <summary>1 for the first submission, 2 for the first re-submission, …</summary>
    public int Round { get; set; }

    public int IndicatorId { get; set; }

    public decimal? Value { get; set; }

    public bool NotApplicable { get; set; }

    public string? Justification { get; set; }

    public string? Comment { get; set; }

    public int EvidenceCount { get; set; }

    public DateTime SubmittedAt { get; set; }
}
