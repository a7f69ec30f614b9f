using StrategyGov.Data.Auditing;
using StrategyGov.Scoring;

namespace StrategyGov.Data.Reporting;

public enum ObjectionStatus
{
    Open,
    Upheld,
    Dismissed,
}

/// <summary>
/// An institution's objection to a verified value of a published period, and the reviewer's answer.
/// Upheld changes the answer's verified value; dismissed keeps it, with the reviewer's reasons.
/// </summary>
public class Objection : IAudited
{
    public int Id { get; set; }

    public int AnswerId { get; set; }

    public Answer Answer { get; set; } = null!;

    public ObjectionStatus Status { get; set; }

    public required string Reason { get; set; }

    /// <summary>The value the institution asks to be verified; none means "verify what we reported".</summary>
    public decimal? RequestedValue { get; set; }

    /// <summary>An http(s) link to supporting evidence.</summary>
    public string? EvidenceUrl { get; set; }

    public required string RaisedById { get; set; }

    public DateTime RaisedAt { get; set; }

    /// <summary>The decision and verified value the objection was about (kept for the record).</summary>
    public ReviewDecision? DecisionBefore { get; set; }

    public decimal? VerifiedValueBefore { get; set; }

    public string? Resolution { get; set; }

    public string? ResolvedById { get; set; }

    public DateTime? ResolvedAt { get; set; }
}
