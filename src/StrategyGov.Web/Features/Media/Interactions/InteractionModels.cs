using StrategyGov.Data.Media;
using StrategyGov.Web.Features.Media.Journalists;

namespace StrategyGov.Web.Features.Media.Interactions;

/// <summary>
/// Which interactions (or coverage) to list: local days [From, To] (inclusive) and optional filters; <see cref="ChangedSince"/>
/// (UTC): only those changed at or after it (an interaction also when one of its coverage items changed).
/// </summary>
public sealed record InteractionFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    int? InstitutionId = null,
    InteractionKind? Kind = null,
    int? JournalistId = null,
    int? CampaignId = null,
    string? Search = null,
    DateTime? ChangedSince = null);

public sealed record PillarRef(int Id, string Code, string NameAr, string NameEn);

public sealed record CampaignRef(int Id, string TitleAr, string TitleEn);

/// <summary>A journalist (and the outlet they worked for then) or an outlet alone that took part.</summary>
public sealed record ParticipantView(int? JournalistId, string? JournalistAr, string? JournalistEn, int? OutletId, string? OutletAr, string? OutletEn);

public sealed record CoverageRow(
    int Id,
    InstitutionRef Institution,
    int? InteractionId,
    int? CampaignId,
    OutletRef Outlet,
    DateOnly PublishedOn,
    string Headline,
    string? Url,
    CoverageTone Tone,
    long? Reach,
    DateTime UpdatedUtc);

public sealed record InteractionRow(
    int Id,
    InstitutionRef Institution,
    InteractionKind Kind,
    DateOnly OccurredOn,
    string Topic,
    PillarRef? Pillar,
    string? Outcome,
    string? SeniorOfficial,
    string? Location,
    CampaignRef? Campaign,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<CoverageRow> Coverage,
    bool CanEdit,
    DateTime UpdatedUtc);

public sealed class InteractionForm
{
    public InteractionKind Kind { get; set; } = InteractionKind.PressConference;

    public DateOnly? OccurredOn { get; set; }

    public string Topic { get; set; } = string.Empty;

    public int? PillarId { get; set; }

    public string? Outcome { get; set; }

    public string? SeniorOfficial { get; set; }

    public string? Location { get; set; }

    public int? CampaignId { get; set; }

    public IReadOnlyCollection<int> JournalistIds { get; set; } = [];

    /// <summary>Outlets taking part without a named journalist (a release sent to a newsroom).</summary>
    public IReadOnlyCollection<int> OutletIds { get; set; } = [];
}

/// <summary>A coverage item as typed: the reach is text so that Arabic-Indic digits are read as digits.</summary>
public sealed class CoverageForm
{
    public int? InteractionId { get; set; }

    public int? CampaignId { get; set; }

    public int? OutletId { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public string Headline { get; set; } = string.Empty;

    public string? Url { get; set; }

    public CoverageTone Tone { get; set; } = CoverageTone.Neutral;

    public string? Reach { get; set; }
}

/// <summary>The choices of the interaction form.</summary>
public sealed record InteractionLookups(
    IReadOnlyList<JournalistChoice> Journalists,
    IReadOnlyList<OutletRef> Outlets,
    IReadOnlyList<PillarRef> Pillars,
    IReadOnlyList<CampaignRef> Campaigns,
    IReadOnlyList<InstitutionRef> Institutions);
