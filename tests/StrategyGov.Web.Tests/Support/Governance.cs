using Microsoft.EntityFrameworkCore;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Roles;

namespace StrategyGov.Web.Tests.Support;

/// <summary>Seeded governance rows by code, and the input of a typical assignment.</summary>
public static class Governance
{
    public static async Task<int> RoleIdAsync(this StrategyGovAppFactory app, string code)
    {
        await using var db = await app.DbAsync();
        return await db.CommunicationRoles.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    public static AssignmentInput Spokesperson(int roleId, DateOnly startsOn, string name = "م. عبدالله بن فهد الشهري") => new(
        roleId, name, "المتحدث الرسمي للأمانة", "a.alshehri@east.gov.example", "+966 13 833 4100",
        "سارة بنت محمد القحطاني", "s.alqahtani@east.gov.example", "+966 13 833 4101", startsOn, null);

    public static RoleSlot Slot(this InstitutionRoles roles, string code) => roles.Slots.Single(s => s.Role.Code == code);

    public static RoleSlot Cell(this NationalRegister register, string institution, string role) =>
        register.Rows.Single(r => r.Institution.Code == institution).Slots.Single(s => s.Role.Code == role);
}
