using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data.Auditing;
using StrategyGov.Data.Identity;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Users;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests.Users;

/// <summary>
/// User administration on a real PostgreSQL server: the whole account life over HTTP, a link raced by
/// parallel uses, and the all-or-nothing import, with the audit chain intact afterwards.
/// </summary>
public sealed class UsersPostgresTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private StrategyGovAppFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new StrategyGovAppFactory()
            .With("Database:Provider", "PostgreSql")
            .With("Database:MigrateOnStartup", "true")
            .With("ConnectionStrings:Default", postgres.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AccountLife_InviteAcceptSignInDeactivate_OnPostgreSql()
    {
        var admin = await _app.ActorAsync(DemoUsers.Admin);
        var issued = await _app.InviteAsync("pg.life@moh.gov.sa", AppRoles.InstitutionContributor, "MOH", "منيرة العنزي");

        var accepted = await _app.AcceptAsync(issued.Link!);
        var cookie = await _app.AuthCookieAsync(issued.Email);
        var before = await _app.GetWithCookieAsync("/api/v1/periods", cookie);
        await _app.Service<UserService>().SetActiveAsync(admin, issued.UserId, false, None);
        var after = await _app.GetWithCookieAsync("/api/v1/periods", cookie);

        Assert.Equal("/account/login?notice=password-set", accepted.Headers.Location?.OriginalString);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (before.StatusCode, after.StatusCode));
        var row = Assert.Single(await _app.Service<UserService>().ListAsync(admin, new UserFilter(Search: "منيرة"), None));
        Assert.Equal((UserState.Deactivated, "MOH"), (row.State, row.InstitutionCode));
        Assert.NotNull(row.LastSignInAt);
        await using var db = await _app.DbAsync();
        Assert.True((await AuditChain.VerifyAsync(db, None)).IsIntact);
        Assert.Equal(AccountLinkService.Hash(Accounts.TokenOf(issued.Link!)), (await db.AccountTokens.SingleAsync(t => t.UserId == issued.UserId)).TokenHash);
    }

    [Fact]
    public async Task Link_UsedFourTimesAtOnce_OnlyOneSetsThePassword()
    {
        var issued = await _app.InviteAsync("pg.raced@moh.gov.sa", AppRoles.InstitutionContributor, "MOH");
        var links = _app.Service<AccountLinkService>();
        var token = Accounts.TokenOf(issued.Link!);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => links.SetPasswordAsync(token, $"Raced#Pass{i}2026", $"Raced#Pass{i}2026", None))));

        Assert.Equal(1, outcomes.Count(o => o.Status == SetPasswordStatus.Done));
        await using var db = await _app.DbAsync();
        Assert.True((await AuditChain.VerifyAsync(db, None)).IsIntact);
    }

    [Fact]
    public async Task Import_WithOneBadRow_ImportsNothing_ThenTheCorrectedFileImportsAll()
    {
        var admin = await _app.ActorAsync(DemoUsers.Admin);
        var workbook = _app.Service<UserWorkbook>();

        var refused = await workbook.ImportAsync(admin, Sheet(("pg.a@moh.gov.sa", "MOH", "٠٥٥١١١٢٢٢٣"), ("pg.b@moh.gov.sa", "NOPE", "")), null, None);
        var imported = await workbook.ImportAsync(admin, Sheet(("pg.a@moh.gov.sa", "MOH", "٠٥٥١١١٢٢٢٣"), ("pg.b@moh.gov.sa", "MOH", "")), null, None);

        Assert.Equal((3, "Institution"), (Assert.Single(refused.Errors).Row, refused.Errors[0].Column));
        Assert.Equal(2, imported.Created.Count);
        Assert.Equal("0551112223", (await _app.StoredUserAsync("pg.a@moh.gov.sa")).PhoneNumber);
    }

    private static MemoryStream Sheet(params (string Email, string Institution, string Phone)[] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(UserWorkbook.SheetName);
        string[] headers = ["Email", "FullName", "Roles", "Institution", "Phone"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(headers[c]);
        }

        for (var r = 0; r < rows.Length; r++)
        {
            sheet.Cell(r + 2, 1).SetValue(rows[r].Email);
            sheet.Cell(r + 2, 2).SetValue("مستخدم مستورد");
            sheet.Cell(r + 2, 3).SetValue(AppRoles.InstitutionContributor);
            sheet.Cell(r + 2, 4).SetValue(rows[r].Institution);
            sheet.Cell(r + 2, 5).SetValue(rows[r].Phone);
        }

        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }
}
