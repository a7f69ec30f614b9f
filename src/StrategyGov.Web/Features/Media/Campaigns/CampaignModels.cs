using StrategyGov.Data.Calendar;
using StrategyGov.Data.Media;
using StrategyGov.Web.Features.Media.Interactions;
using StrategyGov.Web.Features.Media.Journalists;

namespace StrategyGov.Web.Features.Media.Campaigns;

/// <summary>Which campaigns to list; <see cref="ChangedSince"/> (UTC): only those changed at or after it.</summary>
public sealed record CampaignFilter(CampaignStatus? Status = null, int? InstitutionId = null, string? Search = null, DateTime? ChangedSince = null);

public sealed record CampaignRow(
    int Id,
    InstitutionRef Lead,
    IReadOnlyList<InstitutionRef> Partners,
    string TitleAr,
    string TitleEn,
    CampaignStatus Status,
    DateOnly StartsOn,
    DateOnly EndsOn,
    bool PlanComplete,
    bool PlannedAtLaunch,
    int ObjectiveCount,
    int ObjectivesMet,
    DateOnly? LaunchedOn,
    DateOnly? CompletedOn,
    DateOnly? EvaluatedOn,
    decimal? BudgetPlanned,
    decimal? BudgetSpent,
    string Currency,
    DateTime UpdatedUtc);

public sealed record ObjectiveView(
    int Id,
    int Order,
    string Statement,
    string? Metric,
    string? Unit,
    decimal? Baseline,
    decimal? Target,
    bool HigherIsBetter,
    DateOnly? DueOn,
    decimal? Result,
    bool? Met)
{
    public bool Measurable => CampaignRules.IsMeasurable(Statement, Metric, Target);
}

public sealed record EvaluationView(EvaluationStage Stage, string? Text, string? Metric, decimal? Target, decimal? Result);

public sealed record AudienceRef(string Code, string NameAr, string NameEn);

/// <summary>A calendar entry implementing the campaign.</summary>
public sealed record LinkedEntry(int Id, InstitutionRef Institution, string TitleAr, string TitleEn, DateOnly FirstDay, DateOnly LastDay, CalendarEntryStatus Status, bool CanUnlink);

/// <summary>The coverage of a campaign in figures, over every owner's records (the details stay with the institution that logged them).</summary>
public sealed record CoverageSummary(int Items, int Positive, int Neutral, int Negative, long Reach)
{
    public static readonly CoverageSummary Empty = new(0, 0, 0, 0, 0);
}

/// <summary>What the actor may do with a campaign.</summary>
public sealed record CampaignPermissions(bool EditPlan, bool EditObjectives, bool RecordResults, bool Decide, bool LinkEntries, bool Delete);

public sealed record CampaignView(
    CampaignRow Row,
    PillarRef? Pillar,
    IReadOnlyList<AudienceRef> Audiences,
    string? AudienceInsight,
    string? Strategy,
    string? KeyMessages,
    IReadOnlyList<CalendarChannel> Channels,
    string? ImplementationNotes,
    IReadOnlyList<ObjectiveView> Objectives,
    IReadOnlyList<EvaluationView> Evaluation,
    IReadOnlyList<LinkedEntry> CalendarEntries,
    IReadOnlyDictionary<InteractionKind, int> Interactions,
    CoverageSummary Coverage,
    CampaignPermissions Can,
    DateOnly Today);

/// <summary>The plan's sections as typed: numbers are text so that Arabic-Indic digits are read as digits.</summary>
public sealed class CampaignForm
{
    public string TitleAr { get; set; } = string.Empty;

    public string TitleEn { get; set; } = string.Empty;

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public int? PillarId { get; set; }

    public IReadOnlyCollection<string> AudienceCodes { get; set; } = [];

    public string? AudienceInsight { get; set; }

    public string? Strategy { get; set; }

    public string? KeyMessages { get; set; }

    public IReadOnlyCollection<CalendarChannel> Channels { get; set; } = [];

    public string? ImplementationNotes { get; set; }

    public string? BudgetPlanned { get; set; }

    public string? BudgetSpent { get; set; }

    public string Currency { get; set; } = "SAR";
}

public sealed class ObjectiveForm
{
    /// <summary>The objective changed, or null for a new one.</summary>
    public int? Id { get; set; }

    public string Statement { get; set; } = string.Empty;

    public string? Metric { get; set; }

    public string? Unit { get; set; }

    public string? Baseline { get; set; }

    public string? Target { get; set; }

    public bool HigherIsBetter { get; set; } = true;

    public DateOnly? DueOn { get; set; }

    public string? Result { get; set; }
}

public sealed class EvaluationForm
{
    public EvaluationStage Stage { get; set; }

    public string? Text { get; set; }

    public string? Metric { get; set; }

    public string? Target { get; set; }

    public string? Result { get; set; }
}

/// <summary>The choices of the campaign forms.</summary>
public sealed record CampaignLookups(IReadOnlyList<PillarRef> Pillars, IReadOnlyList<AudienceRef> Audiences, IReadOnlyList<InstitutionRef> Institutions);

/// <summary>A calendar entry of the actor's institution that could be linked to the campaign.</summary>
public sealed record EntryChoice(int Id, string TitleAr, string TitleEn, DateOnly FirstDay, CalendarEntryStatus Status);
