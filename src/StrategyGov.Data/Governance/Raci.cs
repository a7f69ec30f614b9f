using StrategyGov.Data.Auditing;

namespace StrategyGov.Data.Governance;

/// <summary>A strategy activity, a row of the responsibility matrix.</summary>
public class RaciActivity : IAudited
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string NameAr { get; set; }

    public required string NameEn { get; set; }

    public int Order { get; set; }

    public List<RaciCell> Cells { get; set; } = [];
}

/// <summary>A party of the responsibility matrix (the center, a ministry, the institution's media department, …).</summary>
public class RaciParty : IAudited
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string NameAr { get; set; }

    public required string NameEn { get; set; }

    /// <summary>
    /// The party is a part of every institution (its leadership, its media department), so the cells of
    /// this column are what each institution is expected to do.
    /// </summary>
    public bool IsInstitutionSide { get; set; }

    public int Order { get; set; }
}

public enum RaciLetter
{
    /// <summary>Responsible: does the work.</summary>
    R,

    /// <summary>Accountable: answers for it and signs it off; exactly one per activity.</summary>
    A,

    /// <summary>Consulted before.</summary>
    C,

    /// <summary>Informed after.</summary>
    I,
}

/// <summary>One filled cell of the matrix; an empty cell has no row.</summary>
public class RaciCell : IAudited
{
    public int ActivityId { get; set; }

    public RaciActivity Activity { get; set; } = null!;

    public int PartyId { get; set; }

    public RaciParty Party { get; set; } = null!;

    public RaciLetter Letter { get; set; }
}
