using System.ComponentModel.DataAnnotations;

namespace StrategyGov.Web.Features.Roles;

public sealed class RolesOptions
{
    public const string Section = "Roles";

    /// <summary>Contacts not confirmed for more than this many days count as a gap.</summary>
    [Range(1, 3650)]
    public int ConfirmationDays { get; set; } = 180;
}
