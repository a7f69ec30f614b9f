using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using StrategyGov.Data.Identity;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Users;

/// <summary>
/// What checking the session on every request costs (ADR 0095): the same cheap request with and without the
/// sign-in cookie over HTTP, the check's one query alone, and the work Identity's own security-stamp
/// validator would do per request with a zero interval (load the user, compare, rebuild the principal with
/// its roles and claims), on SQLite and, when STRATEGYGOV_BENCH_POSTGRES names a server, on PostgreSQL.
/// </summary>
internal static class SessionCheckBenchmark
{
    private const int Batch = 200;
    private const int Batches = 10;

    public static async Task RunAsync(StrategyGovAppFactory app, string baseUrl)
    {
        var cookie = await CookieAsync(app, baseUrl);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        async Task GetAsync(bool withCookie)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
            if (withCookie)
            {
                request.Headers.Add("Cookie", cookie);
            }

            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK || (withCookie && response.Headers.Contains("Set-Cookie")))
            {
                throw new InvalidOperationException($"Unexpected answer {(int)response.StatusCode}: the cookie was refused or re-issued.");
            }
        }

        var (anonymous, signedIn) = (new List<double>(), new List<double>());
        for (var b = 0; b < Batches + 2; b++)
        {
            var a = await PerCallAsync(() => GetAsync(false));
            var s = await PerCallAsync(() => GetAsync(true));
            if (b >= 2)
            {
                (anonymous, signedIn) = ([.. anonymous, a], [.. signedIn, s]);
            }
        }

        Console.WriteLine($"Session check over HTTP (GET /health/live, {Batches}×{Batch} requests each, alternating; SQLite):");
        Console.WriteLine($"  without a cookie: median {Median(anonymous):0} µs per request");
        Console.WriteLine($"  with the sign-in cookie (decrypt + check): median {Median(signedIn):0} µs per request (+{Median(signedIn) - Median(anonymous):0} µs)");
        await QueriesAsync(app, "SQLite");

        if (Environment.GetEnvironmentVariable("STRATEGYGOV_BENCH_POSTGRES") is { Length: > 0 } server)
        {
            var database = $"strategygov_bench_sessions_{Guid.NewGuid():N}";
            var contentRoot = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().ContentRootPath;
            await using var onPostgres = new StrategyGovAppFactory()
                .With("contentRoot", contentRoot)
                .With("Database:Provider", "PostgreSql")
                .With("Database:MigrateOnStartup", "true")
                .With("ConnectionStrings:Default", new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
            await using (var admin = new Npgsql.NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin).ExecuteNonQueryAsync();
            }

            await QueriesAsync(onPostgres, "PostgreSQL");
        }
    }

    private static async Task QueriesAsync(StrategyGovAppFactory app, string provider)
    {
        var sessions = app.Services.GetRequiredService<UserSessions>();
        using var scope = app.Services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var user = (await signIn.UserManager.FindByEmailAsync(DemoUsers.DirectorMoh))!;
        var principal = await signIn.CreateUserPrincipalAsync(user);

        var ours = new List<double>();
        var identity = new List<double>();
        for (var b = 0; b < Batches + 2; b++)
        {
            var o = await PerCallAsync(async () =>
            {
                if (!await sessions.IsCurrentAsync(principal, CancellationToken.None))
                {
                    throw new InvalidOperationException("The session was refused.");
                }
            });

            // Identity's SecurityStampValidator with ValidationInterval = 0, minus the new cookie it then writes.
            var i = await PerCallAsync(async () =>
            {
                using var request = app.Services.CreateScope();
                var manager = request.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
                var validated = await manager.ValidateSecurityStampAsync(principal) ?? throw new InvalidOperationException("Stamp refused.");
                await manager.CreateUserPrincipalAsync(validated);
            });
            if (b >= 2)
            {
                ours.Add(o);
                identity.Add(i);
            }
        }

        Console.WriteLine($"  {provider}: the check's query (stamp + deactivation by key): median {Median(ours):0} µs per request");
        Console.WriteLine($"  {provider}: Identity's validator at interval 0 (user, roles, claims, new principal): median {Median(identity):0} µs per request");
    }

    private static async Task<string> CookieAsync(StrategyGovAppFactory app, string baseUrl)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };
        var response = await SignIn.PostAsync(client, DemoUsers.DirectorMoh, DemoUsers.Password);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("StrategyGov.Auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));
    }

    // Microseconds per call over one batch.
    private static async Task<double> PerCallAsync(Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Batch; i++)
        {
            await call();
        }

        return watch.Elapsed.TotalMicroseconds / Batch;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
