using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Roles;
using StrategyGov.Web.Localization;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// The role register through its service (issue 4): a director names, hands over, ends and confirms
/// holders of AMN-EAST's roles (seeded with a vacant spokesperson and a stale contact); the national
/// register follows. Each test works on its own role so that the order of the tests does not matter.
/// </summary>
public sealed class RoleAssignmentTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private RoleAssignmentService Assignments => app.Service<RoleAssignmentService>();

    private DateOnly Today => app.Service<RoleRegister>().Today;

    [Fact]
    public async Task Seeded_MohFilled_EastMonitoringLeadVacant_OnlyRequiredRolesInRegister()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);

        var register = await Assignments.GetRegisterAsync(admin, new RegisterFilter(), None);

        Assert.All(register.Rows.Single(r => r.Institution.Code == "MOH").Slots, s => Assert.Empty(s.Gaps));
        Assert.Equal([RoleGap.Vacant], register.Cell("AMN-EAST", "MONITORING-LEAD").Gaps);
        Assert.Equal(6, register.Roles.Count);
        Assert.All(register.Roles, r => Assert.True(r.IsRequired));
        Assert.Equal(32, register.Rows.Count); // active institutions only
    }

    [Fact]
    public async Task Add_DirectorNamesSpokesperson_RegisterShowsTheVacancyClosed()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var eastId = await app.InstitutionIdAsync("AMN-EAST");
        var roleId = await app.RoleIdAsync("SPOKESPERSON");
        var reviewer = await app.ActorAsync(DemoUsers.Reviewer);
        var before = (await Assignments.GetRegisterAsync(reviewer, new RegisterFilter(), None)).Cell("AMN-EAST", "SPOKESPERSON");

        await Assignments.AddAsync(director, eastId, Governance.Spokesperson(roleId, Today), None);

        Assert.Equal([RoleGap.Vacant], before.Gaps);
        var cell = (await Assignments.GetRegisterAsync(reviewer, new RegisterFilter("municipality"), None))
            .Cell("AMN-EAST", "SPOKESPERSON");
        Assert.Empty(cell.Gaps);
        Assert.Equal("م. عبدالله بن فهد الشهري", cell.Current?.PersonName);
        Assert.Equal(Today, cell.Current?.ConfirmedOn);
        Assert.Contains(cell.History, h => h.PersonName == "م. فهد بن عبدالعزيز الدوسري"); // the former holder stays
    }

    [Fact]
    public async Task Add_NewHolderWhileOneIsInTheRole_HandsOverAndKeepsTheHistory()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var eastId = await app.InstitutionIdAsync("AMN-EAST");
        var roleId = await app.RoleIdAsync("COMM-DIRECTOR");
        var before = (await Assignments.GetInstitutionAsync(director, eastId, None)).Slot("COMM-DIRECTOR");

        await Assignments.AddAsync(director, eastId, Governance.Spokesperson(roleId, Today, "خالد بن سعد الدوسري"), None);

        var after = (await Assignments.GetInstitutionAsync(director, eastId, None)).Slot("COMM-DIRECTOR");
        Assert.Equal("خالد بن سعد الدوسري", after.Current?.PersonName);
        var handedOver = Assert.Single(after.History, h => h.Id == before.Current!.Id);
        Assert.Equal(Today.AddDays(-1), handedOver.EndsOn);
    }

    [Fact]
    public async Task Add_StartingBeforeTheCurrentHolder_IsRefused()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var eastId = await app.InstitutionIdAsync("AMN-EAST");
        var roleId = await app.RoleIdAsync("CRISIS-LEAD");
        var current = (await Assignments.GetInstitutionAsync(director, eastId, None)).Slot("CRISIS-LEAD").Current!;

        var error = await Assert.ThrowsAsync<RuleViolationException>(() =>
            Assignments.AddAsync(director, eastId, Governance.Spokesperson(roleId, current.StartsOn.AddDays(-1)), None));

        Assert.Equal("Roles_StartsBeforeCurrent", error.Message);
    }

    [Fact]
    public async Task End_CurrentHolderEndedYesterday_RoleBecomesVacantAndStaysInHistory()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var eastId = await app.InstitutionIdAsync("AMN-EAST");
        var holder = (await Assignments.GetInstitutionAsync(director, eastId, None)).Slot("DIGITAL-LEAD").Current!;

        await Assignments.EndAsync(director, holder.Id, Today.AddDays(-1), None);

        var slot = (await Assignments.GetInstitutionAsync(director, eastId, None)).Slot("DIGITAL-LEAD");
        Assert.Null(slot.Current);
        Assert.Equal([RoleGap.Vacant], slot.Gaps);
        Assert.Contains(slot.History, h => h.Id == holder.Id && h.EndsOn == Today.AddDays(-1));
    }

    [Fact]
    public async Task Confirm_StaleContact_ClosesTheUnconfirmedGap()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var eastId = await app.InstitutionIdAsync("AMN-EAST");
        var before = (await Assignments.GetInstitutionAsync(director, eastId, None)).Slot("GCC-LIAISON");
        Assert.Contains(RoleGap.Unconfirmed, before.Gaps); // seeded confirmed 240 days ago

        await Assignments.ConfirmAsync(director, before.Current!.Id, None);

        var after = (await Assignments.GetInstitutionAsync(director, eastId, None)).Slot("GCC-LIAISON");
        Assert.Empty(after.Gaps);
        Assert.Equal(Today, after.Current!.ConfirmedOn);
        Assert.False(string.IsNullOrEmpty(after.Current.ConfirmedByName));
    }

    [Theory]
    [InlineData("", "a@b.example", null, "Roles_NameRequired")]
    [InlineData("اسم", null, null, "Roles_ContactRequired")]
    [InlineData("اسم", "not-an-email", null, "Roles_InvalidEmail")]
    [InlineData("اسم", "a@b.example", "اسم البديل", "Roles_DeputyContactRequired")]
    public async Task Add_IncompleteInput_IsRefusedWithItsReason(string name, string? email, string? deputy, string key)
    {
        var director = await app.ActorAsync(DemoUsers.DirectorEast);
        var eastId = await app.InstitutionIdAsync("AMN-EAST");
        var roleId = await app.RoleIdAsync("MONITORING-LEAD");
        var input = new AssignmentInput(roleId, name, null, email, null, deputy, null, null, Today, null);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Assignments.AddAsync(director, eastId, input, None));

        Assert.Equal(key, error.Message);
    }

    // Isolation: the director of AMN-EAST tries every way into MOH's register.

    [Fact]
    public async Task OtherInstitution_DirectorCannotReadOrChange_AndNothingChanges()
    {
        var east = await app.ActorAsync(DemoUsers.DirectorEast);
        var mohId = await app.InstitutionIdAsync("MOH");
        var roleId = await app.RoleIdAsync("MONITORING-LEAD");
        var moh = await Assignments.GetInstitutionAsync(await app.ActorAsync(DemoUsers.DirectorMoh), mohId, None);
        var spokesperson = moh.Slot("SPOKESPERSON").Current!;
        var input = Governance.Spokesperson(roleId, Today);

        await Assert.ThrowsAsync<NotFoundException>(() => Assignments.GetInstitutionAsync(east, mohId, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Assignments.ExportInstitutionAsync(east, mohId, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Assignments.AddAsync(east, mohId, input, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Assignments.UpdateAsync(east, spokesperson.Id, input with { RoleId = spokesperson.RoleId }, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Assignments.EndAsync(east, spokesperson.Id, Today, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Assignments.ConfirmAsync(east, spokesperson.Id, None));

        await using var db = await app.DbAsync();
        var stored = await db.RoleAssignments.AsNoTracking().SingleAsync(a => a.Id == spokesperson.Id);
        Assert.Equal(spokesperson.PersonName, stored.PersonName);
        Assert.Null(stored.EndsOn);
        Assert.Equal(spokesperson.ConfirmedAt, stored.ConfirmedAt);
        Assert.False(await db.RoleAssignments.AnyAsync(a => a.InstitutionId == mohId && a.RoleId == roleId && a.PersonName == input.PersonName));
    }

    [Theory]
    [InlineData(DemoUsers.ContributorMoh)]
    [InlineData(DemoUsers.Admin)]
    [InlineData(DemoUsers.Reviewer)]
    [InlineData(DemoUsers.Official)]
    public async Task Change_NotTheInstitutionsDirector_ReadsButIsAccessDenied(string email)
    {
        var user = await app.ActorAsync(email);
        var mohId = await app.InstitutionIdAsync("MOH");
        var roles = await Assignments.GetInstitutionAsync(user, mohId, None);
        var holder = roles.Slot("COMM-DIRECTOR").Current!;

        Assert.False(roles.CanEdit);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Assignments.ConfirmAsync(user, holder.Id, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Assignments.EndAsync(user, holder.Id, Today, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Assignments.AddAsync(user, mohId, Governance.Spokesperson(holder.RoleId, Today), None));
    }

    [Theory]
    [InlineData(DemoUsers.DirectorEast)]
    [InlineData(DemoUsers.ContributorMoh)]
    public async Task Register_InstitutionUser_IsAccessDenied(string email)
    {
        var user = await app.ActorAsync(email);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Assignments.GetRegisterAsync(user, new RegisterFilter(), None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Assignments.ExportRegisterAsync(user, new RegisterFilter(), None));
    }

    [Fact]
    public async Task ExportRegister_Official_HasEveryInstitutionTimesRequiredRoleWithContacts()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = Bilingual.CreateCulture(Bilingual.Arabic);
        var official = await app.ActorAsync(DemoUsers.Official);
        var register = await Assignments.GetRegisterAsync(official, new RegisterFilter(), None);

        var file = await Assignments.ExportRegisterAsync(official, new RegisterFilter(), None);

        using var workbook = new XLWorkbook(new MemoryStream(file.Content));
        var sheet = workbook.Worksheets.Single();
        Assert.Equal(register.Rows.Count * register.Roles.Count + 1, sheet.LastRowUsed().RowNumber());
        var moh = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "MOH" && r.Cell(4).GetString() == "المتحدث الرسمي");
        Assert.Equal("د. خالد بن سعيد الهنائي", moh.Cell(6).GetString());
        Assert.Equal("+968 2460 1101", moh.Cell(9).GetString());
        Assert.True(sheet.RightToLeft);
    }
}
