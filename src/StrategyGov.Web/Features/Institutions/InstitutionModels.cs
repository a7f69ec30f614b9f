namespace StrategyGov.Web.Features.Institutions;

public sealed record InstitutionRow(
    int Id,
    string Code,
    string NameAr,
    string NameEn,
    string TypeCode,
    string TypeNameAr,
    string TypeNameEn,
    int? ParentId,
    string? ParentCode,
    string? ParentNameAr,
    string? ParentNameEn,
    bool IsActive,
    int SubmissionCount);

/// <summary>What the registry page filters by; null means any.</summary>
public sealed record InstitutionFilter(string? Search = null, string? TypeCode = null, int? ParentId = null, bool? Active = null);

public sealed class InstitutionForm
{
    public string Code { get; set; } = string.Empty;

    public string NameAr { get; set; } = string.Empty;

    public string NameEn { get; set; } = string.Empty;

    public string TypeCode { get; set; } = string.Empty;

    /// <summary>The parent institution's code (e.g. the ministry a municipality falls under), or none.</summary>
    public string? ParentCode { get; set; }

    public bool IsActive { get; set; } = true;
}

public sealed record InstitutionTypeRow(int Id, string Code, string NameAr, string NameEn, int Order, int InstitutionCount, int IndicatorCount)
{
    public bool InUse => InstitutionCount > 0 || IndicatorCount > 0;
}

public sealed class InstitutionTypeForm
{
    public string Code { get; set; } = string.Empty;

    public string NameAr { get; set; } = string.Empty;

    public string NameEn { get; set; } = string.Empty;

    public int Order { get; set; }
}

/// <summary>A field of an institution that a rule refused (the Excel import turns it into a column).</summary>
public enum InstitutionField
{
    Code,
    NameAr,
    NameEn,
    Type,
    Parent,
    Active,
}

public sealed record InstitutionProblem(InstitutionField Field, string MessageKey, params object[] Arguments);

/// <summary>One reason an Excel import was refused; nothing is imported while there is any.</summary>
public sealed record SheetError(string Sheet, int Row, string Column, string MessageKey, params object[] Arguments);

public sealed record InstitutionImportResult(int Created, int Updated, IReadOnlyList<SheetError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
