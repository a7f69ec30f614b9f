using Microsoft.Playwright;
using StrategyGov.Testing;

namespace StrategyGov.EndToEnd;

/// <summary>
/// The app on a real Kestrel port with its own fresh database, and one headless Debian Chromium
/// driven by Playwright, shared by the tests of a class.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public BrowserFixture()
        : this(new StrategyGovAppFactory())
    {
    }

    /// <summary>For a fixture whose app needs settings of its own (set before it starts).</summary>
    protected BrowserFixture(StrategyGovAppFactory app) => App = app;

    public StrategyGovAppFactory App { get; }

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = null!;

    // Actions and assertions wait as long as each other: CI runs the browser tests beside the
    // integration tests on two cores, where a save can take several seconds.
    private const int Timeout = 20_000;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(Timeout);
        BaseUrl = App.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A fresh browser context (its own cookies) on the app. <paramref name="bypassCsp"/> lets a test inject its own
    /// script (axe-core) past the app's Content-Security-Policy.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            AcceptDownloads = true,
            BypassCSP = bypassCsp,
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        context.SetDefaultTimeout(Timeout);
        return context;
    }

    /// <summary>A fresh browser context (or the one given) signed in as the user, on the home page.</summary>
    public async Task<IPage> SignInAsync(string email, IBrowserContext? context = null, bool bypassCsp = false)
    {
        context ??= await NewContextAsync(bypassCsp);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(DemoUsers.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>
    /// Clicks and waits for the file it downloads. A download is usually a PDF printed by the server's own
    /// Chromium (the first one starts it) or a workbook built on request, so it may take longer than a click
    /// on a machine that also runs the integration tests: up to a minute.
    /// </summary>
    public static Task<IDownload> DownloadAsync(IPage page, Func<Task> click) =>
        page.RunAndWaitForDownloadAsync(click, new PageRunAndWaitForDownloadOptions { Timeout = 60_000 });

    /// <summary>Blazor prerenders: a click before the circuit is live is lost, so wait for the layout's marker.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync();

    public async Task GotoAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitInteractiveAsync(page);
    }

    /// <summary>
    /// Runs a browser scenario; when it fails, every open page is saved as a screenshot next to the
    /// test results (artifacts/screenshots), and the failure says what each page showed as a message
    /// and what the server logged as a warning or error, so that a CI failure can be understood from its log.
    /// </summary>
    public async Task RunAsync(string name, Func<Task> scenario)
    {
        try
        {
            await scenario();
        }
        catch (Exception e)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            var pages = Browser.Contexts.SelectMany(c => c.Pages).ToList();
            var state = new List<string>();
            for (var i = 0; i < pages.Count; i++)
            {
                await pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{i}.png"), FullPage = true });
                state.Add($"page {i}: {pages[i].Url}");
                state.AddRange((await pages[i].Locator(".mud-alert-message, .mud-snackbar, #blazor-error-ui[style*='block']").AllInnerTextsAsync())
                    .Select(text => $"  shows: {text.Trim()}"));
            }

            state.AddRange(App.Problems.TakeLast(20).Select(problem => $"server: {problem}"));
            throw new BrowserScenarioException(e, state);
        }
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>
/// A failed browser scenario: the original failure (its page snapshot cut short) and where it happened,
/// then what the pages and the server showed. Not wrapped as an inner exception, so that the end of the
/// test log (all a CI summary keeps) is the page and server state rather than the snapshot repeated.
/// </summary>
public sealed class BrowserScenarioException(Exception failure, IEnumerable<string> state)
    : Exception($"{Shorten(failure.Message)}\n{failure.StackTrace}\n--- at the time of the failure ---\n{string.Join('\n', state)}")
{
    private static string Shorten(string message) => message.Length <= 3000 ? message : $"{message[..3000]}…";
}
