using StrategyGov.Data.Auditing;
using StrategyGov.Data.Calendar;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Institutions;

namespace StrategyGov.Data.Media;

/// <summary>Draft (being planned) → Active (launched) → Completed → Evaluated (results compared with the objectives; final).</summary>
public enum CampaignStatus
{
    Draft,
    Active,
    Completed,
    Evaluated,
}

/// <summary>The stages of the GCS Evaluation Cycle, in order.</summary>
public enum EvaluationStage
{
    Inputs,
    Outputs,
    Outtakes,
    Outcomes,
    Impact,
    Learning,
}

/// <summary>
/// A communication campaign planned on the GCS OASIS model: Objectives (SMART, <see cref="Objectives"/>),
/// Audience and insight, Strategy and ideas, Implementation (channels, budget, calendar entries) and Scoring
/// (the evaluation cycle, <see cref="Evaluation"/>). The lead institution keeps the plan; partner
/// institutions co-own it (it counts for them too) and link their own calendar entries to it.
/// </summary>
public class CampaignPlan : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    /// <summary>The lead institution.</summary>
    public int InstitutionId { get; set; }

    public Institution Institution { get; set; } = null!;

    public required string TitleAr { get; set; }

    public required string TitleEn { get; set; }

    public CampaignStatus Status { get; set; }

    /// <summary>Planned first and last local days (both included).</summary>
    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public int? PillarId { get; set; }

    public Pillar? Pillar { get; set; }

    // Audience and insight.

    /// <summary>The calendar's audience codes the campaign is aimed at (so clashes and audiences speak the same words).</summary>
    public List<string> AudienceCodes { get; set; } = [];

    /// <summary>Who exactly, and what we know about them that the campaign builds on.</summary>
    public string? AudienceInsight { get; set; }

    // Strategy and ideas.

    public string? Strategy { get; set; }

    public string? KeyMessages { get; set; }

    // Implementation.

    public List<CalendarChannel> Channels { get; set; } = [];

    public string? ImplementationNotes { get; set; }

    public decimal? BudgetPlanned { get; set; }

    public decimal? BudgetSpent { get; set; }

    /// <summary>ISO 4217 code of the budget (SAR, OMR, …).</summary>
    public string Currency { get; set; } = "SAR";

    public List<CampaignObjective> Objectives { get; set; } = [];

    public List<CampaignEvaluationItem> Evaluation { get; set; } = [];

    public List<CampaignPartner> Partners { get; set; } = [];

    /// <summary>The day it was launched (Draft → Active).</summary>
    public DateOnly? LaunchedOn { get; set; }

    /// <summary>
    /// Whether, at launch, the plan was written with measurable objectives and a named audience: the plan
    /// must precede the campaign, so what is added afterwards does not count.
    /// </summary>
    public bool PlannedAtLaunch { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public DateOnly? EvaluatedOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedById { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A SMART objective: what should change (specific), measured by a metric against a target (measurable), by a
/// day (time-bound: its own, or the campaign's end). Once the campaign is launched only the result changes.
/// </summary>
public class CampaignObjective : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public int CampaignPlanId { get; set; }

    public CampaignPlan CampaignPlan { get; set; } = null!;

    /// <summary>The lead institution of the campaign (for the audit trail).</summary>
    public int InstitutionId { get; set; }

    public int Order { get; set; }

    public required string Statement { get; set; }

    public string? Metric { get; set; }

    public string? Unit { get; set; }

    public decimal? Baseline { get; set; }

    public decimal? Target { get; set; }

    /// <summary>False for objectives that reduce something (complaints, misinformation rates).</summary>
    public bool HigherIsBetter { get; set; } = true;

    public DateOnly? DueOn { get; set; }

    public decimal? Result { get; set; }

    /// <summary>Whether the result reached the target; derived from the numbers when the result is recorded.</summary>
    public bool? Met { get; set; }
}

/// <summary>One stage of the evaluation cycle: what was planned or observed, with an optional metric, target and result.</summary>
public class CampaignEvaluationItem : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public int CampaignPlanId { get; set; }

    public CampaignPlan CampaignPlan { get; set; } = null!;

    public int InstitutionId { get; set; }

    public EvaluationStage Stage { get; set; }

    public string? Text { get; set; }

    public string? Metric { get; set; }

    public decimal? Target { get; set; }

    public decimal? Result { get; set; }
}

/// <summary>An institution co-owning a campaign with its lead institution.</summary>
public class CampaignPartner : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public int CampaignPlanId { get; set; }

    public CampaignPlan CampaignPlan { get; set; } = null!;

    /// <summary>The partner institution.</summary>
    public int InstitutionId { get; set; }

    public Institution Institution { get; set; } = null!;
}
