using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Testing;
using StrategyGov.Web.Tests.Support;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Two app instances on one PostgreSQL database share their Data Protection keys through it, so a
/// sign-in cookie issued by one is accepted by the other; an instance with keys of its own refuses it.
/// </summary>
public sealed class DataProtectionKeysTests(PostgresDatabaseFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task SignIn_OnOneInstance_KeyInTheDatabaseAndCookieAcceptedByAnother()
    {
        await using var first = OnPostgres();
        await using var second = OnPostgres();
        await using var ownKeys = new StrategyGovAppFactory().With("DataProtection:PersistKeysToDatabase", "true");
        var cookies = new System.Net.CookieContainer();
        using var firstClient = Client(first, cookies);

        var signIn = await SignIn.PostAsync(firstClient, DemoUsers.DirectorMoh, DemoUsers.Password);
        using var secondClient = Client(second, cookies);
        var onSecond = await secondClient.GetAsync("/");
        var onOwnKeys = await Client(ownKeys, cookies).GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        await using var db = new StrategyGovDbContext(postgres.ContextOptions());
        Assert.NotEmpty(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Contains("سارة الهنائية", await onSecond.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, onOwnKeys.StatusCode);
        Assert.Contains("/account/login", onOwnKeys.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private StrategyGovAppFactory OnPostgres() => new StrategyGovAppFactory()
        .With("Database:Provider", "PostgreSql")
        .With("Database:MigrateOnStartup", "true")
        .With("ConnectionStrings:Default", postgres.ConnectionString);

    // Clients of different instances holding one browser's cookies.
    private static HttpClient Client(StrategyGovAppFactory app, System.Net.CookieContainer cookies) =>
        new(new CookieContainerHandler(cookies) { InnerHandler = app.Server.CreateHandler() })
        {
            BaseAddress = new Uri("http://localhost"),
        };
}
