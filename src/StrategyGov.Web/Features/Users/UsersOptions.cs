using System.ComponentModel.DataAnnotations;

namespace StrategyGov.Web.Features.Users;

/// <summary>How long account links live and how often an open page re-checks its user (the <c>Users</c> section, ADR 0095).</summary>
public sealed class UsersOptions
{
    public const string Section = "Users";

    /// <summary>An invitation link, from the moment it is issued.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>A password-reset link (asked for by the user, or forced by an administrator).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The first administrator's setup link printed by <c>users create-admin</c>.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan AdminSetupLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How often an open page (a Blazor circuit, which sends no more HTTP requests) checks that its user
    /// is still signed in: not signed out elsewhere, not deactivated, cookie not expired.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CircuitRevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan LifetimeOf(Data.Identity.AccountTokenPurpose purpose) => purpose switch
    {
        Data.Identity.AccountTokenPurpose.Invitation => InvitationLifetime,
        Data.Identity.AccountTokenPurpose.PasswordReset => PasswordResetLifetime,
        _ => AdminSetupLifetime,
    };
}
