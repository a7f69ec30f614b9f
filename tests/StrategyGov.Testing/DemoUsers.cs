using StrategyGov.Web.Features.Account;

namespace StrategyGov.Testing;

/// <summary>The demo accounts of seed-data/demo-users.json.</summary>
public static class DemoUsers
{
    public const string Password = DemoAccountOptions.DevelopmentPassword;
    public const string Admin = "admin@strategygov.local";
    public const string Reviewer = "reviewer@strategygov.local";
    public const string DirectorMoh = "director.moh@strategygov.local";
    public const string DirectorEast = "director.east@strategygov.local";
    public const string ContributorMoh = "contributor.moh@strategygov.local";
    public const string Official = "official@strategygov.local";
}
