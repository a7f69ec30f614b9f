using StrategyGov.Data.Auditing;
using StrategyGov.Data.Institutions;

namespace StrategyGov.Data.Governance;

/// <summary>A communication role of the national catalog (spokesperson, crisis lead, …), kept by the center.</summary>
public class CommunicationRole : IAudited
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string TitleAr { get; set; }

    public required string TitleEn { get; set; }

    public string? ResponsibilitiesAr { get; set; }

    public string? ResponsibilitiesEn { get; set; }

    /// <summary>Every institution must fill it; an empty one is a governance gap.</summary>
    public bool IsRequired { get; set; }

    /// <summary>The holder must have a named deputy.</summary>
    public bool DeputyRequired { get; set; }

    public int Order { get; set; }
}

/// <summary>
/// Who holds a role in an institution, from when to when. Ended assignments stay as the history;
/// the current holder is the one whose dates include today.
/// </summary>
public class RoleAssignment : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public int InstitutionId { get; set; }

    public Institution Institution { get; set; } = null!;

    public int RoleId { get; set; }

    public CommunicationRole Role { get; set; } = null!;

    public required string PersonName { get; set; }

    public string? PersonTitle { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? DeputyName { get; set; }

    public string? DeputyEmail { get; set; }

    public string? DeputyPhone { get; set; }

    public DateOnly StartsOn { get; set; }

    /// <summary>Last day in the role; null while it continues.</summary>
    public DateOnly? EndsOn { get; set; }

    /// <summary>When the institution last confirmed these contacts are right (entering them counts).</summary>
    public DateTime ConfirmedAt { get; set; }

    public string? ConfirmedByName { get; set; }

    public DateTime CreatedAt { get; set; }

    public int Version { get; set; }
}
