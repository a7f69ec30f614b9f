using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Identity;
using StrategyGov.Data.Notifications;
using StrategyGov.Web.Features.Notifications;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Users;
using StrategyGov.Web.Security;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Users;

/// <summary>
/// The center administrator's user administration through the service, on a real SQLite database: every
/// rule and refusal, the states an account goes through, and the audit trail of each change.
/// </summary>
public sealed class UserAdministrationTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private UserService Users => app.Service<UserService>();

    [Fact]
    public async Task Create_ContributorOfMoh_IsInvitedWithoutAPasswordAndListedAsInvited()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var moh = await app.InstitutionIdAsync("MOH");

        var issued = await Users.CreateAsync(admin, Form("sara.create@moh.gov.sa", "سارة الحربي", AppRoles.InstitutionContributor, moh), null, None);

        var stored = await app.StoredUserAsync("sara.create@moh.gov.sa");
        var row = Assert.Single(await Users.ListAsync(admin, new UserFilter(Search: "sara.create"), None));
        Assert.Equal((AccountTokenPurpose.Invitation, false), (issued.Purpose, issued.Mailed));
        Assert.StartsWith("/account/link?token=sgl_", issued.Link, StringComparison.Ordinal);
        Assert.Null(stored.PasswordHash);
        Assert.Equal((admin.UserId, "InstitutionContributor", moh), (stored.CreatedById, stored.RoleNames, stored.InstitutionId));
        Assert.Equal((UserState.Invited, "MOH", "سارة الحربي"), (row.State, row.InstitutionCode, row.FullName));
        Assert.Equal([AppRoles.InstitutionContributor], row.Roles);
        Assert.True(row.LinkExpiresAt > DateTime.UtcNow.AddDays(2.9));
    }

    public static TheoryData<string, string, string?, string, string> BrokenForms() => new()
    {
        { "a@x.gov.sa", "", null, "CenterReviewer", "Users_NameRequired" },
        { "", "اسم", null, "CenterReviewer", "Users_EmailRequired" },
        { "not-an-email", "اسم", null, "CenterReviewer", "Users_EmailInvalid" },
        { "عربي@x.gov.sa", "اسم", null, "CenterReviewer", "Users_EmailInvalid" },
        { "b@x.gov.sa", "اسم", null, "", "Users_RoleRequired" },
        { "c@x.gov.sa", "اسم", null, "Minister", "Users_RoleUnknown" },
        { "d@x.gov.sa", "اسم", null, "InstitutionDirector", "Users_InstitutionRequired" },
        { "e@x.gov.sa", "اسم", "MOH", "Official", "Users_InstitutionForbidden" },
        { "f@x.gov.sa", "اسم", "MOH", "CenterReviewer,InstitutionContributor", "Users_RolesMixed" },
        { "g@x.gov.sa", "اسم", null, "Official", "Users_PhoneInvalid" },
        { "ADMIN@strategygov.local", "اسم", null, "Official", "Users_EmailTaken" },
    };

    [Theory]
    [MemberData(nameof(BrokenForms))]
    public async Task Create_RuleBroken_IsRefusedWithItsMessageAndNothingStored(string email, string name, string? institution, string roles, string reason)
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var before = (await Users.ListAsync(admin, new UserFilter(), None)).Count;
        var form = Form(email, name, roles, institution is null ? null : await app.InstitutionIdAsync(institution));
        form.Phone = reason == "Users_PhoneInvalid" ? "05x-123" : null;

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Users.CreateAsync(admin, form, null, None));

        Assert.Equal(reason, refused.Message);
        Assert.Equal(before, (await Users.ListAsync(admin, new UserFilter(), None)).Count);
    }

    [Fact]
    public async Task Create_ArabicIndicDigits_AreStoredAsAsciiDigitsAndSearchable()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var form = Form("nora\u0661\u0662@center.gov.sa", "نورة القحطاني", AppRoles.CenterReviewer, null);
        form.Phone = "+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧";

        await Users.CreateAsync(admin, form, null, None);

        var stored = await app.StoredUserAsync("nora12@center.gov.sa");
        Assert.Equal("+966501234567", stored.PhoneNumber);
        Assert.Single(await Users.ListAsync(admin, new UserFilter(Search: "٥٠١٢٣"), None));
        Assert.Single(await Users.ListAsync(admin, new UserFilter(Search: "القحطاني"), None));
    }

    [Fact]
    public async Task Update_RolesAndInstitution_OneAuditedChangeWithBeforeAndAfter_AndTheUsersSessionsEnd()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var email = await app.ActiveUserAsync(AppRoles.InstitutionContributor, "MOH");
        var user = await app.StoredUserAsync(email);
        var details = await Users.GetAsync(admin, user.Id, None);
        var form = details.Form.Copy();
        form.Roles = [AppRoles.InstitutionDirector];
        form.InstitutionId = await app.InstitutionIdAsync("AMN-EAST");
        var lastEvent = await LastSequenceAsync();

        await Users.UpdateAsync(admin, user.Id, form, None);

        var after = await app.StoredUserAsync(email);
        var change = Assert.Single(await EventsSinceAsync(lastEvent, nameof(ApplicationUser)));
        var (before, now) = (Json(change.Before), Json(change.After));
        Assert.Equal(("InstitutionContributor", "InstitutionDirector"), (before["RoleNames"], now["RoleNames"]));
        Assert.Equal(user.InstitutionId.ToString(), before["InstitutionId"]);
        Assert.Equal((admin.UserId, form.InstitutionId), (change.ActorUserId, change.InstitutionId));
        Assert.NotEqual(user.SecurityStamp, after.SecurityStamp);
        Assert.Equal([AppRoles.InstitutionDirector], (await Users.GetAsync(admin, user.Id, None)).Form.Roles.ToList());
    }

    [Fact]
    public async Task Update_NameOnly_KeepsTheSessions()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var email = await app.ActiveUserAsync(AppRoles.Official);
        var user = await app.StoredUserAsync(email);
        var form = (await Users.GetAsync(admin, user.Id, None)).Form;
        form.FullName = "عبدالله المطيري";

        await Users.UpdateAsync(admin, user.Id, form, None);

        var after = await app.StoredUserAsync(email);
        Assert.Equal(("عبدالله المطيري", user.SecurityStamp), (after.FullName, after.SecurityStamp));
    }

    [Fact]
    public async Task Update_OwnRolesOrDeactivatingOneself_IsRefused()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var form = (await Users.GetAsync(admin, admin.UserId, None)).Form;
        form.Roles.Add(AppRoles.Official);

        var roles = await Assert.ThrowsAsync<RuleViolationException>(() => Users.UpdateAsync(admin, admin.UserId, form, None));
        var deactivate = await Assert.ThrowsAsync<RuleViolationException>(() => Users.SetActiveAsync(admin, admin.UserId, false, None));
        var reset = await Assert.ThrowsAsync<RuleViolationException>(() => Users.ForcePasswordResetAsync(admin, admin.UserId, null, None));

        Assert.Equal(("Users_SelfRoles", "Users_SelfDeactivate", "Users_SelfReset"), (roles.Message, deactivate.Message, reset.Message));
        Assert.Null((await app.StoredUserAsync(DemoUsers.Admin)).DeactivatedAt);
    }

    [Fact]
    public async Task EntraAccount_RolesInstitutionAndPasswordAreReadOnly_ButItCanBeDeactivated()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var users = app.Service<UserManager<ApplicationUser>>();
        var entra = new ApplicationUser { UserName = "khalid@entra.gov.sa", Email = "khalid@entra.gov.sa", FullName = "خالد", RoleNames = AppRoles.CenterReviewer };
        await users.CreateAsync(entra);
        await users.AddToRoleAsync(entra, AppRoles.CenterReviewer);
        await users.AddLoginAsync(entra, new UserLoginInfo("OpenIdConnect", "entra-object-id-1", "Microsoft"));
        var form = (await Users.GetAsync(admin, entra.Id, None)).Form;
        form.Roles = [AppRoles.CenterAdmin];

        var roles = await Assert.ThrowsAsync<RuleViolationException>(() => Users.UpdateAsync(admin, entra.Id, form, None));
        var reset = await Assert.ThrowsAsync<RuleViolationException>(() => Users.ForcePasswordResetAsync(admin, entra.Id, null, None));
        await Users.SetActiveAsync(admin, entra.Id, false, None);

        var row = Assert.Single(await Users.ListAsync(admin, new UserFilter(Search: "khalid@entra"), None));
        Assert.Equal(("Users_ExternalReadOnly", "Users_ExternalNoPassword"), (roles.Message, reset.Message));
        Assert.Equal((true, UserState.Deactivated), (row.IsExternal, row.State));
        Assert.True((await Users.GetAsync(admin, entra.Id, None)).IsExternal);
    }

    [Fact]
    public async Task Deactivate_ThenReactivate_EndsSessionsRevokesLinksAndIsAudited()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var invited = await app.InviteAsync("pending.deactivated@moh.gov.sa", AppRoles.InstitutionContributor, "MOH");
        var email = await app.ActiveUserAsync(AppRoles.CenterReviewer);
        var user = await app.StoredUserAsync(email);
        var lastEvent = await LastSequenceAsync();

        await Users.SetActiveAsync(admin, user.Id, false, None);
        await Users.SetActiveAsync(admin, invited.UserId, false, None);
        var deactivated = await app.StoredUserAsync(email);
        await Users.SetActiveAsync(admin, user.Id, true, None);

        var reactivated = await app.StoredUserAsync(email);
        var events = await EventsSinceAsync(lastEvent, nameof(ApplicationUser));
        Assert.Equal(admin.UserId, deactivated.DeactivatedById);
        Assert.NotEqual(user.SecurityStamp, deactivated.SecurityStamp);
        Assert.Null(reactivated.DeactivatedAt);
        Assert.Equal(3, events.Count);
        Assert.Contains("DeactivatedAt", events[0].After, StringComparison.Ordinal);
        Assert.Equal(SetPasswordStatus.LinkInvalid, (await app.Service<AccountLinkService>().SetPasswordAsync(Accounts.TokenOf(invited.Link!), Accounts.Password, Accounts.Password, None)).Status);
        Assert.Equal(UserState.Active, Assert.Single(await Users.ListAsync(admin, new UserFilter(Search: email), None)).State);
    }

    [Fact]
    public async Task DeactivatedAccount_ReceivesNoNotification()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var email = await app.ActiveUserAsync(AppRoles.InstitutionContributor, "AMN-EAST");
        await Users.SetActiveAsync(admin, await app.UserIdAsync(email), false, None);

        await app.Service<NotificationService>().PublishAsync(NotificationKind.PeriodOpened, NotificationAudience.Institution(await app.InstitutionIdAsync("AMN-EAST")),
            [NotificationArg.Ltr("2027-Q1"), NotificationArg.Ltr("2027-03-31")], string.Empty, onceKey: null, None);

        await using var db = await app.DbAsync();
        var recipients = await db.Notifications.Where(n => n.Arguments.Contains("2027-Q1")).Select(n => n.RecipientUserId).ToListAsync();
        Assert.Contains(await app.UserIdAsync(DemoUsers.DirectorEast), recipients);
        Assert.DoesNotContain(await app.UserIdAsync(email), recipients);
    }

    [Fact]
    public async Task Unlock_LockedAccount_IsActiveAgain()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var email = await app.ActiveUserAsync(AppRoles.Official);
        var users = app.Service<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddMinutes(10));
        var locked = Assert.Single(await Users.ListAsync(admin, new UserFilter(State: UserState.Locked, Search: email), None));

        await Users.UnlockAsync(admin, user!.Id, None);

        Assert.Equal(UserState.Locked, locked.State);
        Assert.Equal(UserState.Active, Assert.Single(await Users.ListAsync(admin, new UserFilter(Search: email), None)).State);
    }

    [Fact]
    public async Task ForcePasswordReset_ActiveUser_OldPasswordStopsAndTheNewLinkSetsANewOne()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var email = await app.ActiveUserAsync(AppRoles.InstitutionDirector, "MOH");
        var userId = await app.UserIdAsync(email);

        var issued = await Users.ForcePasswordResetAsync(admin, userId, null, None);

        Assert.Equal(AccountTokenPurpose.PasswordReset, issued.Purpose);
        Assert.Null((await app.StoredUserAsync(email)).PasswordHash);
        Assert.Equal(UserState.ResetRequired, Assert.Single(await Users.ListAsync(admin, new UserFilter(Search: email), None)).State);
        var resent = await Users.SendNewLinkAsync(admin, userId, null, None);
        Assert.Equal(AccountTokenPurpose.PasswordReset, resent.Purpose);
        Assert.Null(await app.Service<AccountLinkService>().FindAsync(Accounts.TokenOf(issued.Link!), None));
        var accepted = await app.AcceptAsync(resent.Link!, "Another#Pass2026");
        Assert.Equal("/account/login?notice=password-set", accepted.Headers.Location?.OriginalString);
        Assert.Equal(UserState.Active, Assert.Single(await Users.ListAsync(admin, new UserFilter(Search: email), None)).State);
    }

    [Fact]
    public async Task SendNewLink_AccountWithAPassword_IsRefused_AndInvitedAccountGetsANewInvitation()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var active = await app.UserIdAsync(await app.ActiveUserAsync(AppRoles.Official));
        var first = await app.InviteAsync("twice.invited@center.gov.sa", AppRoles.CenterReviewer);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Users.SendNewLinkAsync(admin, active, null, None));
        var second = await Users.SendNewLinkAsync(admin, first.UserId, null, None);

        Assert.Equal("Users_AlreadyAccepted", refused.Message);
        Assert.Equal(AccountTokenPurpose.Invitation, second.Purpose);
        Assert.Null(await app.Service<AccountLinkService>().FindAsync(Accounts.TokenOf(first.Link!), None));
        Assert.NotNull(await app.Service<AccountLinkService>().FindAsync(Accounts.TokenOf(second.Link!), None));
    }

    [Fact]
    public async Task List_FiltersByRoleInstitutionStateAndLastSignIn()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var east = await app.InstitutionIdAsync("AMN-EAST");
        await app.InviteAsync("filter.invited@east.gov.sa", AppRoles.InstitutionContributor, "AMN-EAST");
        await app.AuthCookieAsync(DemoUsers.DirectorEast, DemoUsers.Password);

        var directors = await Users.ListAsync(admin, new UserFilter(Role: AppRoles.InstitutionDirector), None);
        var eastUsers = await Users.ListAsync(admin, new UserFilter(InstitutionId: east), None);
        var invited = await Users.ListAsync(admin, new UserFilter(InstitutionId: east, State: UserState.Invited), None);
        var recent = await Users.ListAsync(admin, new UserFilter(InstitutionId: east, LastSignIn: LastSignInFilter.Within30Days), None);
        var never = await Users.ListAsync(admin, new UserFilter(InstitutionId: east, LastSignIn: LastSignInFilter.Never), None);

        Assert.All(directors, r => Assert.Contains(AppRoles.InstitutionDirector, r.Roles));
        Assert.Contains(directors, r => r.Email == DemoUsers.DirectorMoh);
        Assert.All(eastUsers, r => Assert.Equal("AMN-EAST", r.InstitutionCode));
        Assert.Equal("filter.invited@east.gov.sa", Assert.Single(invited).Email);
        Assert.Equal(DemoUsers.DirectorEast, Assert.Single(recent).Email);
        Assert.Contains(never, r => r.Email == "filter.invited@east.gov.sa");
        Assert.DoesNotContain(never, r => r.Email == DemoUsers.DirectorEast);
    }

    [Fact]
    public async Task AuditTrail_OfAnAccountsLife_NeverHoldsASecret()
    {
        var admin = await app.ActorAsync(DemoUsers.Admin);
        var lastEvent = await LastSequenceAsync();
        var issued = await app.InviteAsync("audited.life@moh.gov.sa", AppRoles.InstitutionContributor, "MOH");
        await app.AcceptAsync(issued.Link!);
        await Users.ForcePasswordResetAsync(admin, issued.UserId, null, None);
        var user = await app.StoredUserAsync("audited.life@moh.gov.sa");

        await using var db = await app.DbAsync();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence > lastEvent).ToListAsync();
        var text = string.Join("\n", events.Select(e => $"{e.Before} {e.After}"));
        var tokenHash = AccountLinkService.Hash(Accounts.TokenOf(issued.Link!));

        Assert.Contains(events, e => e.EntityType == nameof(ApplicationUser) && e.Action == AuditAction.Created && e.InstitutionId == user.InstitutionId);
        Assert.Contains(events, e => e.EntityType == nameof(AccountToken) && e.Action == AuditAction.Created);
        Assert.Contains(events, e => e.EntityType == nameof(ApplicationUser) && e.ActorUserId == user.Id && e.After!.Contains("PasswordChangedAt", StringComparison.Ordinal));
        foreach (var secret in new[] { "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "NormalizedEmail", "AccessFailedCount", "AQAAAA", tokenHash, Accounts.TokenOf(issued.Link!), user.SecurityStamp! })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    private static UserForm Form(string email, string name, string roles, int? institutionId) => new()
    {
        Email = email,
        FullName = name,
        Roles = roles.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(),
        InstitutionId = institutionId,
    };

    private async Task<long> LastSequenceAsync()
    {
        await using var db = await app.DbAsync();
        return await db.AuditEvents.MaxAsync(e => e.Sequence);
    }

    private async Task<List<AuditEvent>> EventsSinceAsync(long sequence, string entityType)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEvents.AsNoTracking().Where(e => e.Sequence > sequence && e.EntityType == entityType).OrderBy(e => e.Sequence).ToListAsync();
    }

    private static Dictionary<string, string?> Json(string? json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json ?? "{}")!.ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.ToString());
}
