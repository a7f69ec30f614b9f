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

    // Role lists for [Authorize(Roles = ...)] and <AuthorizeView Roles>: the same groups as the Actor's questions.

    /// <summary>Center staff (<c>Actor.IsCenter</c>).</summary>
    public const string Center = CenterAdmin + "," + CenterReviewer;

    /// <summary>Everyone who reads every institution (<c>Actor.SeesAllInstitutions</c>).</summary>
    public const string National = Center + "," + Official;

    /// <summary>An institution's own people (<c>Actor.IsInstitutionUser</c>).</summary>
    public const string InstitutionStaff = InstitutionDirector + "," + InstitutionContributor;

    /// <summary>The center's and the institutions' people, officials excepted.</summary>
    public const string CenterAndInstitutionStaff = Center + "," + InstitutionStaff;

    public static readonly IReadOnlyList<string> All =
        [CenterAdmin, CenterReviewer, InstitutionDirector, InstitutionContributor, Official];

    /// <summary>Roles confined to the user's own institution.</summary>
    public static readonly IReadOnlyList<string> InstitutionScoped = [InstitutionDirector, InstitutionContributor];
}
