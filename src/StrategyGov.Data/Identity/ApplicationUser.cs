using Microsoft.AspNetCore.Identity;
using StrategyGov.Data.Institutions;

namespace StrategyGov.Data.Identity;

/// <summary>A user of the platform; institution users belong to exactly one institution.</summary>
public class ApplicationUser : IdentityUser
{
    public required string FullName { get; set; }

    public int? InstitutionId { get; set; }

    public Institution? Institution { get; set; }
}

/// <summary>The five roles of docs/product.md §Users and roles.</summary>
public static class AppRoles
{
    public const string CenterAdmin = nameof(CenterAdmin);
    public const string CenterReviewer = nameof(CenterReviewer);
    public const string InstitutionDirector = nameof(InstitutionDirector);
    public const string InstitutionContributor = nameof(InstitutionContributor);
    public const string Official = nameof(Official);

    public static readonly IReadOnlyList<string> All =
        [CenterAdmin, CenterReviewer, InstitutionDirector, InstitutionContributor, Official];

    /// <summary>Roles confined to the user's own institution.</summary>
    public static readonly IReadOnlyList<string> InstitutionScoped = [InstitutionDirector, InstitutionContributor];
}
