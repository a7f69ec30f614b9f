using System.Net;
using ClosedXML.Excel;
using StrategyGov.Data.Identity;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Users;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Users;

/// <summary>
/// Who may administer accounts, tried as the wrong user through the service, the pages and the Excel
/// downloads: only a center administrator manages every account; an institution's director only invites,
/// re-invites, deactivates and reactivates their own institution's contributors (another institution's
/// accounts are not found, a director's are refused); nobody else does anything.
/// </summary>
public sealed class UserAccessTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private UserService Users => app.Service<UserService>();

    public static TheoryData<string> NonManagers() => [DemoUsers.Reviewer, DemoUsers.Official, DemoUsers.ContributorMoh];

    [Theory]
    [MemberData(nameof(NonManagers))]
    public async Task EveryOperation_RoleThatManagesNoAccounts_IsRefusedAndChangesNothing(string email)
    {
        var actor = await app.ActorAsync(email);
        var target = await app.InviteAsync($"target.{email}", AppRoles.InstitutionContributor, "MOH");
        var form = new UserForm { Email = $"new.{email}", FullName = "اسم", Roles = [AppRoles.InstitutionContributor], InstitutionId = await app.InstitutionIdAsync("MOH") };

        Func<Task>[] operations =
        [
            () => Users.ListAsync(actor, new UserFilter(), None),
            () => Users.GetAsync(actor, target.UserId, None),
            () => Users.InstitutionChoicesAsync(actor, None),
            () => Users.CreateAsync(actor, form, null, None),
            () => Users.UpdateAsync(actor, target.UserId, form, None),
            () => Users.SetActiveAsync(actor, target.UserId, false, None),
            () => Users.UnlockAsync(actor, target.UserId, None),
            () => Users.ForcePasswordResetAsync(actor, target.UserId, null, None),
            () => Users.SendNewLinkAsync(actor, target.UserId, null, None),
            () => app.Service<UserWorkbook>().ExportAsync(actor, None),
            () => app.Service<UserWorkbook>().TemplateAsync(actor, None),
            () => app.Service<UserWorkbook>().ImportAsync(actor, new MemoryStream(), null, None),
        ];

        foreach (var operation in operations)
        {
            await Assert.ThrowsAsync<AccessDeniedException>(operation);
        }

        var stored = await app.StoredUserAsync(target.Email);
        Assert.Null(stored.DeactivatedAt);
        Assert.NotNull(await app.Service<AccountLinkService>().FindAsync(Accounts.TokenOf(target.Link!), None));
    }

    [Fact]
    public async Task Director_ListsOnlyTheirOwnInstitutionsAccounts()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var moh = await app.InstitutionIdAsync("MOH");
        var east = await app.InstitutionIdAsync("AMN-EAST");

        var own = await Users.ListAsync(director, new UserFilter(), None);
        var askingForAnother = await Users.ListAsync(director, new UserFilter(InstitutionId: east), None);

        Assert.Contains(own, r => r.Email == DemoUsers.ContributorMoh);
        Assert.All(own, r => Assert.Equal(moh, r.InstitutionId));
        Assert.All(askingForAnother, r => Assert.Equal(moh, r.InstitutionId));
        Assert.DoesNotContain(own, r => r.Email == DemoUsers.DirectorEast || r.Email == DemoUsers.Admin);
    }

    [Fact]
    public async Task Director_InvitesAContributor_WhoBelongsToTheirInstitutionWhateverTheFormSays()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var form = new UserForm { Email = "invited.by.director@moh.gov.sa", FullName = "ريم العتيبي" };

        var issued = await Users.CreateAsync(director, form, null, None);

        var stored = await app.StoredUserAsync(issued.Email);
        Assert.Equal((director.InstitutionId, "InstitutionContributor", director.UserId), (stored.InstitutionId, stored.RoleNames, stored.CreatedById));
        Assert.NotNull(issued.Link);
    }

    [Fact]
    public async Task Director_InvitingADirectorOrIntoAnotherInstitution_IsRefused()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var east = await app.InstitutionIdAsync("AMN-EAST");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Users.CreateAsync(director,
            new UserForm { Email = "second.director@moh.gov.sa", FullName = "مدير", Roles = [AppRoles.InstitutionDirector] }, null, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Users.CreateAsync(director,
            new UserForm { Email = "center.by.director@moh.gov.sa", FullName = "مشرف", Roles = [AppRoles.CenterAdmin] }, null, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Users.CreateAsync(director,
            new UserForm { Email = "east.by.moh@east.gov.sa", FullName = "مساهم", Roles = [AppRoles.InstitutionContributor], InstitutionId = east }, null, None));

        var admin = await app.ActorAsync(DemoUsers.Admin);
        var all = await Users.ListAsync(admin, new UserFilter(), None);
        Assert.DoesNotContain(all, r => r.Email is "second.director@moh.gov.sa" or "center.by.director@moh.gov.sa" or "east.by.moh@east.gov.sa");
    }

    [Fact]
    public async Task Director_AnotherInstitutionsContributor_IsNotFound()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var eastContributor = await app.InviteAsync("east.contributor@east.gov.sa", AppRoles.InstitutionContributor, "AMN-EAST");

        await Assert.ThrowsAsync<NotFoundException>(() => Users.SetActiveAsync(director, eastContributor.UserId, false, None));
        await Assert.ThrowsAsync<NotFoundException>(() => Users.SendNewLinkAsync(director, eastContributor.UserId, null, None));

        Assert.Null((await app.StoredUserAsync(eastContributor.Email)).DeactivatedAt);
        Assert.NotNull(await app.Service<AccountLinkService>().FindAsync(Accounts.TokenOf(eastContributor.Link!), None));
    }

    [Fact]
    public async Task Director_OwnContributorsCanBeDeactivatedAndReinvited_ButNotADirectorNorTheAdministratorsWork()
    {
        var director = await app.ActorAsync(DemoUsers.DirectorMoh);
        var contributor = await app.InviteAsync("own.contributor@moh.gov.sa", AppRoles.InstitutionContributor, "MOH");
        var otherDirector = await app.InviteAsync("other.director@moh.gov.sa", AppRoles.InstitutionDirector, "MOH");

        var resent = await Users.SendNewLinkAsync(director, contributor.UserId, null, None);
        await Users.SetActiveAsync(director, contributor.UserId, false, None);
        var deactivated = await app.StoredUserAsync(contributor.Email);
        await Users.SetActiveAsync(director, contributor.UserId, true, None);

        Assert.Equal(AccountTokenPurpose.Invitation, resent.Purpose);
        Assert.Equal(director.UserId, deactivated.DeactivatedById);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Users.SetActiveAsync(director, otherDirector.UserId, false, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Users.SetActiveAsync(director, director.UserId, false, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Users.GetAsync(director, contributor.UserId, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Users.UpdateAsync(director, contributor.UserId, new UserForm(), None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Users.UnlockAsync(director, contributor.UserId, None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Users.ForcePasswordResetAsync(director, contributor.UserId, null, None));
        Assert.Null((await app.StoredUserAsync(otherDirector.Email)).DeactivatedAt);
    }

    [Fact]
    public async Task Export_Director_DownloadsOnlyTheirOwnInstitutionsAccounts()
    {
        var client = await app.SignedInClientAsync(DemoUsers.DirectorMoh);

        var response = await client.GetAsync("/users/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(UserWorkbook.SheetName);
        var emails = Enumerable.Range(2, sheet.LastRowUsed()!.RowNumber() - 1).Select(r => sheet.Cell(r, 1).GetString()).ToList();
        var institutions = Enumerable.Range(2, sheet.LastRowUsed()!.RowNumber() - 1).Select(r => sheet.Cell(r, 4).GetString()).Distinct().ToList();
        Assert.Contains(DemoUsers.ContributorMoh, emails);
        Assert.DoesNotContain(DemoUsers.DirectorEast, emails);
        Assert.DoesNotContain(DemoUsers.Admin, emails);
        Assert.Equal(["MOH"], institutions);
    }

    [Theory]
    [InlineData(DemoUsers.ContributorMoh, "/users/export.xlsx")]
    [InlineData(DemoUsers.Reviewer, "/users/export.xlsx")]
    [InlineData(DemoUsers.Official, "/users/export.xlsx")]
    [InlineData(DemoUsers.DirectorMoh, "/users/import-template.xlsx")]
    public async Task Downloads_WrongRole_Are403(string email, string url)
    {
        var client = await app.SignedInClientAsync(email);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(DemoUsers.DirectorMoh, "/users")]
    [InlineData(DemoUsers.Reviewer, "/users")]
    [InlineData(DemoUsers.ContributorMoh, "/team")]
    [InlineData(DemoUsers.Admin, "/team")]
    public async Task Pages_WrongRole_RedirectToAccessDenied(string email, string url)
    {
        var client = await app.SignedInClientAsync(email);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData("/users")]
    [InlineData("/team")]
    [InlineData("/users/export.xlsx")]
    public async Task Anonymous_IsSentToSignIn(string url)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Pages_RightRole_ShowTheirHeading()
    {
        var admin = await app.SignedInClientAsync(DemoUsers.Admin);
        var director = await app.SignedInClientAsync(DemoUsers.DirectorEast);

        var users = await admin.GetStringAsync("/users");
        var team = await director.GetStringAsync("/team");

        Assert.Contains("<h1", users, StringComparison.Ordinal);
        Assert.Contains("المستخدمون", users, StringComparison.Ordinal);
        Assert.Contains("فريقنا", team, StringComparison.Ordinal);
        Assert.Contains(DemoUsers.DirectorEast, team, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoUsers.ContributorMoh, team, StringComparison.Ordinal);
    }
}
