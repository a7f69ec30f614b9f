using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StrategyGov.Data.Identity;
using StrategyGov.Web.Security;

namespace StrategyGov.Testing;

/// <summary>
/// The whole app on its own fresh SQLite file (migrated and seeded at start-up exactly as in
/// production), in Development so that the demo accounts exist. Optionally on a real Kestrel port
/// for the browser tests.
/// </summary>
public class StrategyGovAppFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "strategygov-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings = [];

    public StrategyGovAppFactory()
    {
        Directory.CreateDirectory(_directory);
        DatabasePath = Path.Combine(_directory, "strategygov.db");
    }

    public string DatabasePath { get; }

    /// <summary>Every warning and error the app logged, oldest first (shown when a browser test fails).</summary>
    public IReadOnlyCollection<string> Problems => _problems.Entries;

    private readonly ProblemLog _problems = new();

    /// <summary>This factory's own evidence store (inside <see cref="Folder"/>).</summary>
    public string EvidencePath => Path.Combine(_directory, "evidence");

    /// <summary>A folder of this factory's own, deleted with it.</summary>
    public string Folder => _directory;

    /// <summary>Adds or overrides a configuration value (before the app starts).</summary>
    public StrategyGovAppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Serves the app on a loopback port and returns its address (for a real browser).</summary>
    public string StartKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return addresses.Addresses.First().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("DemoAccounts:Enabled", "true");
        builder.UseSetting("Evidence:Path", EvidencePath);
        builder.ConfigureLogging(logging => logging.AddProvider(_problems));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>An HTTP client signed in as the given demo user (cookies kept, redirects not followed).</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = DemoUsers.Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await SignIn.PostAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("error", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return client;
    }

    /// <summary>The actor a demo user is once signed in, for calling feature services directly.</summary>
    public async Task<Actor> ActorAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        return Actor.From(await factory.CreateAsync(user));
    }

    /// <summary>A feature service from a fresh scope (services are scoped per circuit in the app).</summary>
    public T Service<T>()
        where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalising connection; the temp folder is cleaned by the OS.
        }

        GC.SuppressFinalize(this);
    }
}
