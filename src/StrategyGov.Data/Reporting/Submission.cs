using StrategyGov.Data.Auditing;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Institutions;
using StrategyGov.Scoring;

namespace StrategyGov.Data.Reporting;

/// <summary>Draft → Submitted → (Returned → Submitted)* → Approved; Approved is locked.</summary>
public enum SubmissionStatus
{
    Draft,
    Submitted,
    Returned,
    Approved,
}

/// <summary>An institution's self-report for one period.</summary>
public class Submission : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public Institution Institution { get; set; } = null!;

    public int PeriodId { get; set; }

    public ReportingPeriod Period { get; set; } = null!;

    public SubmissionStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The latest submission (re-submissions move it).</summary>
    public DateTime? SubmittedAt { get; set; }

    /// <summary>The first submission: timeliness is judged on it.</summary>
    public DateTime? FirstSubmittedAt { get; set; }

    public DateTime? ReturnedAt { get; set; }

    public string? ReturnMessage { get; set; }

    public DateTime? ApprovedAt { get; set; }

    public string? ApprovedById { get; set; }

    public DateTime LastActivityAt { get; set; }

    /// <summary>How many times it has been submitted (each submission snapshots its answers as that round).</summary>
    public int Round { get; set; }

    /// <summary>Optimistic concurrency: incremented by every change of the submission's state.</summary>
    public int Version { get; set; }

    public List<Answer> Answers { get; set; } = [];

    /// <summary>Whether the institution may still change its answers.</summary>
    public bool IsEditableByInstitution => Status is SubmissionStatus.Draft or SubmissionStatus.Returned;

    /// <summary>Whether the submission counts for scoring.</summary>
    public bool CountsForScoring => Status is SubmissionStatus.Submitted or SubmissionStatus.Approved;
}

/// <summary>One answer: the self-reported value or N/A, and the reviewer's decision.</summary>
public class Answer : IAudited, ISubmissionOwned
{
    public int Id { get; set; }

    public int SubmissionId { get; set; }

    public Submission Submission { get; set; } = null!;

    public int IndicatorId { get; set; }

    public Indicator Indicator { get; set; } = null!;

    public decimal? Value { get; set; }

    public bool NotApplicable { get; set; }

    public string? Justification { get; set; }

    public string? Comment { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedById { get; set; }

    public ReviewDecision? Decision { get; set; }

    public decimal? VerifiedValue { get; set; }

    public string? ReviewComment { get; set; }

    public string? ReviewedById { get; set; }

    public DateTime? ReviewedAt { get; set; }

    /// <summary>Optimistic concurrency: incremented by every change, so two editors never overwrite each other silently.</summary>
    public int Version { get; set; }

    /// <summary>When the value was last computed from the institution's records (computed indicators only).</summary>
    public DateTime? ComputedAt { get; set; }

    /// <summary>
    /// The records the computed value was made of, as they were then (JSON: the calculation, its
    /// numerator and denominator, each record with its label and link): the evidence of a computed answer.
    /// </summary>
    public string? ComputedBasis { get; set; }

    public bool IsAnswered => NotApplicable || Value.HasValue;
}
