using StrategyGov.Data.Identity;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Roles;

/// <summary>Who may change what in the governance registers (roles, RACI, crisis readiness).</summary>
public static class GovernanceAccess
{
    /// <summary>Only an institution's director keeps its role register, crisis plan and drill log.</summary>
    public static bool CanMaintain(Actor actor, int institutionId) =>
        actor.IsInRole(AppRoles.InstitutionDirector) && actor.InstitutionId == institutionId;

    /// <summary>Another institution's records are not found (404); one's own but read-only is denied (403).</summary>
    public static void EnsureCanMaintain(Actor actor, int institutionId)
    {
        actor.EnsureCanRead(institutionId);
        if (!CanMaintain(actor, institutionId))
        {
            throw new AccessDeniedException();
        }
    }

    /// <summary>National views (the register, readiness of all institutions): the center and officials.</summary>
    public static void EnsureSeesAll(Actor actor)
    {
        if (!actor.SeesAllInstitutions)
        {
            throw new AccessDeniedException();
        }
    }

    /// <summary>The catalogs (roles, RACI activities, parties and cells) are the center administrators'.</summary>
    public static void EnsureAdmin(Actor actor)
    {
        if (!actor.IsInRole(AppRoles.CenterAdmin))
        {
            throw new AccessDeniedException();
        }
    }
}
