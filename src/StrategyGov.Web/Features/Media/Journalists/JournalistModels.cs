using StrategyGov.Data.Media;

namespace StrategyGov.Web.Features.Media.Journalists;

public sealed record OutletRef(int Id, string NameAr, string NameEn);

public sealed record InstitutionRef(int Id, string Code, string NameAr, string NameEn);

/// <summary>Whether a journalist holds a press accreditation on a given day.</summary>
public enum AccreditationState
{
    None,
    Valid,
    Expired,
}

/// <summary>A journalist's contacts: personal data, shown to the center and to institution users, not to officials.</summary>
public sealed record JournalistContacts(string? Email, string? Phone, string? Handle, ContactChannel? PreferredChannel);

public sealed record JournalistRow(
    int Id,
    string NameAr,
    string? NameEn,
    OutletRef? Outlet,
    JournalistRole Role,
    string? Position,
    MediaBeat Beat,
    JournalistContacts? Contacts,
    IReadOnlyList<MediaLanguage> Languages,
    string? AccreditationNumber,
    DateOnly? AccreditedUntil,
    AccreditationState Accreditation,
    RegisterStatus Status,
    InstitutionRef? ProposedBy,
    bool CanEdit,
    IReadOnlyList<int> PossibleDuplicateIds);

public sealed record OutletRow(
    int Id,
    string NameAr,
    string NameEn,
    OutletKind Kind,
    string? Website,
    RegisterStatus Status,
    InstitutionRef? ProposedBy,
    int JournalistCount,
    bool CanEdit,
    IReadOnlyList<int> PossibleDuplicateIds);

/// <summary>What the register page filters by; null means any.</summary>
public sealed record JournalistFilter(
    string? Search = null,
    int? OutletId = null,
    MediaBeat? Beat = null,
    JournalistRole? Role = null,
    RegisterStatus? Status = null,
    AccreditationState? Accreditation = null);

public sealed class JournalistForm
{
    public string NameAr { get; set; } = string.Empty;

    public string? NameEn { get; set; }

    public int? OutletId { get; set; }

    public JournalistRole Role { get; set; }

    public string? Position { get; set; }

    public MediaBeat Beat { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Handle { get; set; }

    public ContactChannel? PreferredChannel { get; set; }

    public IReadOnlyCollection<MediaLanguage> Languages { get; set; } = [MediaLanguage.Arabic];

    /// <summary>Kept by the center only; ignored when an institution saves.</summary>
    public string? AccreditationNumber { get; set; }

    public DateOnly? AccreditedUntil { get; set; }
}

public sealed class OutletForm
{
    public string NameAr { get; set; } = string.Empty;

    public string NameEn { get; set; } = string.Empty;

    public OutletKind Kind { get; set; }

    public string? Website { get; set; }
}

/// <summary>How one institution dealt with a journalist: how often, how, and when last.</summary>
public sealed record InstitutionRelation(InstitutionRef Institution, int Interactions, DateOnly LastOn, IReadOnlyDictionary<InteractionKind, int> ByKind);

/// <summary>A journalist with every institution that dealt with them (the center's "who deals with whom").</summary>
public sealed record JournalistRelations(int JournalistId, string NameAr, string? NameEn, OutletRef? Outlet, MediaBeat Beat, IReadOnlyList<InstitutionRelation> Institutions)
{
    public int Total => Institutions.Sum(i => i.Interactions);
}

/// <summary>One interaction as a journalist's page lists it.</summary>
public sealed record JournalistInteraction(int Id, InstitutionRef Institution, InteractionKind Kind, DateOnly OccurredOn, string Topic);

/// <summary>
/// A journalist's page: the entry; for the center and officials every institution that dealt with them and
/// every interaction; for an institution user only their own institution's interactions.
/// </summary>
public sealed record JournalistDetail(
    JournalistRow Journalist,
    IReadOnlyList<InstitutionRelation>? Relations,
    IReadOnlyList<JournalistInteraction> Interactions,
    IReadOnlyList<JournalistRow> PossibleDuplicates,
    bool CanCurate);

/// <summary>The refused field of a register entry (the Excel import turns it into a column).</summary>
public enum RegisterField
{
    NameAr,
    NameEn,
    Outlet,
    Role,
    Position,
    Beat,
    Email,
    Phone,
    Handle,
    PreferredChannel,
    Languages,
    AccreditationNumber,
    AccreditedUntil,
    Kind,
    Website,
}

public sealed record RegisterProblem(RegisterField Field, string MessageKey, params object[] Arguments);
