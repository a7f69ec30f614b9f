using StrategyGov.Data.Auditing;

namespace StrategyGov.Data.Reporting;

/// <summary>
/// The scores of a published period, frozen so that reports and rankings of the past never move.
/// A period may have several revisions (an upheld objection re-scores it); the highest revision is the
/// one shown. Each revision says who made it, when and why.
/// </summary>
public class ScoreSnapshot : IAudited
{
    public int Id { get; set; }

    public int PeriodId { get; set; }

    public ReportingPeriod Period { get; set; } = null!;

    /// <summary>1 for the capture at publication, then 2, 3, … for each audited re-computation.</summary>
    public int Revision { get; set; }

    public DateTime CapturedAt { get; set; }

    /// <summary>The user who asked for a re-computation; null for the capture at publication.</summary>
    public string? CapturedById { get; set; }

    /// <summary>Why this revision exists ("Published", or the reason given for a re-computation).</summary>
    public required string Reason { get; set; }

    public List<ScoreSnapshotEntry> Entries { get; set; } = [];
}

/// <summary>One institution's frozen scores: what the engine was given and what it returned.</summary>
public class ScoreSnapshotEntry
{
    public int Id { get; set; }

    public int SnapshotId { get; set; }

    public ScoreSnapshot Snapshot { get; set; } = null!;

    public int InstitutionId { get; set; }

    /// <summary>The institution type (peer group) at the time of the capture.</summary>
    public required string InstitutionType { get; set; }

    public SubmissionStatus SubmissionStatus { get; set; }

    public DateTime? FirstSubmittedAt { get; set; }

    public int? NationalRank { get; set; }

    public int? PeerRank { get; set; }

    public string? BandCode { get; set; }

    /// <summary>The engine's input (answers and decisions by indicator code) as JSON.</summary>
    public required string InputJson { get; set; }

    /// <summary>The engine's result (overall, pillar, practice and indicator scores and shares) as JSON.</summary>
    public required string ResultJson { get; set; }
}
