using StrategyGov.Data.Identity;

namespace StrategyGov.Web.Security;

/// <summary>The master data of the platform (strategy framework, institution registry) is changed by center administrators only.</summary>
public static class CenterAdminAccess
{
    public static bool IsCenterAdmin(this Actor actor) => actor.IsInRole(AppRoles.CenterAdmin);

    /// <summary>Throws <see cref="AccessDeniedException"/> (403) unless the actor is a center administrator.</summary>
    public static void EnsureCenterAdmin(this Actor actor)
    {
        if (!actor.IsCenterAdmin())
        {
            throw new AccessDeniedException();
        }
    }
}
