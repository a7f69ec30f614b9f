using StrategyGov.Data.Auditing;
using StrategyGov.Data.Framework;
using StrategyGov.Data.Institutions;

namespace StrategyGov.Data.Media;

/// <summary>What happened between an institution and the media.</summary>
public enum InteractionKind
{
    /// <summary>A background meeting with journalists or opinion writers (not a press conference).</summary>
    Meeting,
    Interview,
    PressConference,
    PressRelease,
    Statement,
    Briefing,
}

public enum CoverageTone
{
    Positive,
    Neutral,
    Negative,
}

/// <summary>One entry of an institution's media log: a meeting, interview, press conference, release, statement or briefing.</summary>
public class MediaInteraction : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public Institution Institution { get; set; } = null!;

    /// <summary>The institution's own id for it (its system's), unique per institution: a re-send through the API updates (ADR 0107).</summary>
    public string? ExternalId { get; set; }

    public InteractionKind Kind { get; set; }

    /// <summary>The local day it took place (never in the future: plans belong in the calendar).</summary>
    public DateOnly OccurredOn { get; set; }

    public required string Topic { get; set; }

    /// <summary>A pillar of the published strategy the interaction served, when one fits.</summary>
    public int? PillarId { get; set; }

    public Pillar? Pillar { get; set; }

    public string? Outcome { get; set; }

    /// <summary>Who spoke for the institution (a background meeting counts when a senior official attended).</summary>
    public string? SeniorOfficial { get; set; }

    public string? Location { get; set; }

    /// <summary>The campaign the interaction was part of, if any.</summary>
    public int? CampaignPlanId { get; set; }

    public List<InteractionParticipant> Participants { get; set; } = [];

    public List<MediaCoverage> Coverage { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public string? CreatedById { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A journalist (with the outlet they worked for then) or an outlet alone that took part in an interaction.
/// An entity of its own rather than a many-to-many join, so that adding or removing one is audited.
/// </summary>
public class InteractionParticipant : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public int InteractionId { get; set; }

    public MediaInteraction Interaction { get; set; } = null!;

    /// <summary>The institution of the interaction (so the audit trail shows the event to it).</summary>
    public int InstitutionId { get; set; }

    public int? JournalistId { get; set; }

    public Journalist? Journalist { get; set; }

    public int? OutletId { get; set; }

    public MediaOutlet? Outlet { get; set; }
}

/// <summary>A piece of coverage: an article, broadcast or post an outlet published, with its tone and reach when known.</summary>
public class MediaCoverage : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public Institution Institution { get; set; } = null!;

    /// <summary>The institution's own id for it (its system's), unique per institution: a re-send through the API updates (ADR 0107).</summary>
    public string? ExternalId { get; set; }

    /// <summary>The interaction that led to it, if any.</summary>
    public int? InteractionId { get; set; }

    public MediaInteraction? Interaction { get; set; }

    public int? CampaignPlanId { get; set; }

    public int OutletId { get; set; }

    public MediaOutlet Outlet { get; set; } = null!;

    public DateOnly PublishedOn { get; set; }

    public required string Headline { get; set; }

    public string? Url { get; set; }

    public CoverageTone Tone { get; set; }

    /// <summary>Readers, viewers or impressions, when the outlet or a monitoring service gives them.</summary>
    public long? Reach { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
