using StrategyGov.Data;
using StrategyGov.Data.Auditing;

namespace StrategyGov.Web.Security;

public static class ActorAudit
{
    /// <summary>
    /// Records every change of an audited entity that this context saves as made by
    /// <paramref name="actor"/> (with an optional reason, e.g. a return message). Call it right after
    /// creating the context in a service method that writes; without it the changes are recorded as "system".
    /// </summary>
    public static StrategyGovDbContext AuditAs(this StrategyGovDbContext db, Actor actor, string? reason = null) =>
        db.AuditAs(new AuditIdentity(actor.UserId, actor.Name, actor.InstitutionId), reason);
}
