using StrategyGov.Data.Auditing;
using StrategyGov.Data.Institutions;

namespace StrategyGov.Data.Media;

/// <summary>What kind of medium an outlet is: traditional (press, broadcast, agency) or new media.</summary>
public enum OutletKind
{
    Newspaper,
    Television,
    Radio,
    NewsAgency,
    NewsWebsite,
    Magazine,
    SocialMedia,
    Podcast,
}

/// <summary>
/// An entry of the national register: proposed by an institution (or the center), verified by the center,
/// or merged into another entry that duplicated it (kept, hidden, pointing at the survivor).
/// </summary>
public enum RegisterStatus
{
    Proposed,
    Verified,
    Merged,
}

public enum JournalistRole
{
    Reporter,
    Editor,
    Correspondent,
    OpinionWriter,
    Presenter,
    Photographer,
    ContentCreator,
}

/// <summary>The subject a journalist mostly covers.</summary>
public enum MediaBeat
{
    General,
    Health,
    Municipal,
    Economy,
    Education,
    Security,
    Environment,
    Technology,
    Culture,
    Sports,
    Politics,
    Social,
}

public enum ContactChannel
{
    Email,
    Phone,
    WhatsApp,
    InPerson,
    SocialMedia,
}

public enum MediaLanguage
{
    Arabic,
    English,
    French,
    Urdu,
    Hindi,
}

/// <summary>
/// A media outlet of the national register, shared by every institution (national master data: institutions
/// propose entries, the center verifies and merges duplicates). Audited without an institution: its events are
/// the center's.
/// </summary>
public class MediaOutlet : IAudited
{
    public int Id { get; set; }

    public required string NameAr { get; set; }

    public required string NameEn { get; set; }

    /// <summary>The Arabic name normalised (no diacritics, one form of alef, …), for finding duplicates.</summary>
    public required string NameKey { get; set; }

    public OutletKind Kind { get; set; }

    public string? Website { get; set; }

    public RegisterStatus Status { get; set; }

    /// <summary>The entry this one was merged into (status <see cref="RegisterStatus.Merged"/>).</summary>
    public int? MergedIntoId { get; set; }

    /// <summary>The institution that proposed the entry; null when the center entered it.</summary>
    public int? ProposedByInstitutionId { get; set; }

    public Institution? ProposedByInstitution { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A journalist, opinion writer or content creator of the national register. Contacts are personal data:
/// institution users of the register and the center see them; who deals with whom is the center's view.
/// </summary>
public class Journalist : IAudited
{
    public int Id { get; set; }

    public required string NameAr { get; set; }

    public string? NameEn { get; set; }

    /// <summary>The Arabic name normalised, for finding duplicates (with the outlet).</summary>
    public required string NameKey { get; set; }

    /// <summary>The outlet the journalist works for; none for a freelance writer or a content creator.</summary>
    public int? OutletId { get; set; }

    public MediaOutlet? Outlet { get; set; }

    public JournalistRole Role { get; set; }

    /// <summary>The title as the outlet gives it, e.g. "رئيس قسم المحليات".</summary>
    public string? Position { get; set; }

    public MediaBeat Beat { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>A social-media handle, e.g. @name.</summary>
    public string? Handle { get; set; }

    public ContactChannel? PreferredChannel { get; set; }

    public List<MediaLanguage> Languages { get; set; } = [];

    /// <summary>The press accreditation the center records (number and expiry).</summary>
    public string? AccreditationNumber { get; set; }

    public DateOnly? AccreditedUntil { get; set; }

    public RegisterStatus Status { get; set; }

    public int? MergedIntoId { get; set; }

    public int? ProposedByInstitutionId { get; set; }

    public Institution? ProposedByInstitution { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? VerifiedAt { get; set; }
}
