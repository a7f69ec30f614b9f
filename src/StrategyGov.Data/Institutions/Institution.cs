using StrategyGov.Data.Auditing;
namespace StrategyGov.Data.Institutions;

/// <summary>A kind of institution (ministry, authority, municipality, …): the peer group for rankings.</summary>
public class InstitutionType : IAudited
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string NameAr { get; set; }

    public required string NameEn { get; set; }

    public int Order { get; set; }
}

/// <summary>A government institution that reports to the center.</summary>
public class Institution : IAudited, IInstitutionOwned
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string NameAr { get; set; }

    public required string NameEn { get; set; }

    public int TypeId { get; set; }

    public InstitutionType Type { get; set; } = null!;

    public int? ParentId { get; set; }

    public Institution? Parent { get; set; }

    public bool IsActive { get; set; } = true;

    // An institution's users see the changes of their own institution's record.
    int IInstitutionOwned.InstitutionId => Id;
}
