using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using StrategyGov.Web.Hosting;

namespace StrategyGov.Web.Reports;

public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>Debian's Chromium; the README's commands install it.</summary>
    [Required]
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Pages printing at once; further requests wait their turn.</summary>
    [Range(1, 64)]
    public int MaxConcurrentPages { get; set; } = 4;
}

/// <summary>What to print around the report's own HTML on every page.</summary>
public sealed record PdfPageSetup(bool RightToLeft, string FooterLeft, string FooterRight, string PageLabel, string OfLabel);

/// <summary>
/// Prints HTML to PDF with one long-lived headless Chromium shared by the whole app: a bounded number of
/// pages print at once, the rest queue; pages are reused between prints; a browser that crashed or was
/// closed is relaunched and the request retried once, so one crash never fails the requests after it.
/// </summary>
public sealed class PdfRenderer(IOptions<PdfOptions> options, ILogger<PdfRenderer> logger) : IAsyncDisposable
{
    internal static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private readonly SemaphoreSlim _pages = new(options.Value.MaxConcurrentPages);
    private readonly SemaphoreSlim _launch = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentQueue<PooledPage> _idle = new();
    // A page is replaced after this many prints, so that nothing a long-lived renderer accumulates grows without bound.
    private const int PrintsPerPage = 200;

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private int _waiting;

    /// <summary>Requests waiting for a page (for the readiness of the pipeline and its metrics).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public async Task<byte[]> RenderAsync(string html, PdfPageSetup setup, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _waiting);
        Telemetry.PdfQueueLength.Add(1);
        try
        {
            await _pages.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
            Telemetry.PdfQueueLength.Add(-1);
        }

        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var browser = await GetBrowserAsync(ct);
                try
                {
                    return await PrintAsync(browser, html, setup);
                }
                catch (PlaywrightException e) when (attempt == 1)
                {
                    logger.LogWarning(e, "PDF printing failed; relaunching Chromium and retrying once");
                    await ResetAsync(browser);
                }
            }
        }
        finally
        {
            _pages.Release();
            Telemetry.PdfRenderDuration.RecordSince(started);
        }
    }

    /// <summary>Starts Chromium and opens a page ahead of the first request (a warm page prints in a fraction of a second).</summary>
    public async Task WarmUpAsync(CancellationToken ct)
    {
        var browser = await GetBrowserAsync(ct);
        if (_idle.IsEmpty)
        {
            _idle.Enqueue(new PooledPage(await browser.NewPageAsync(), 0));
        }
    }

    /// <summary>Whether the shared browser is up (readiness).</summary>
    public bool IsBrowserRunning => _browser is { IsConnected: true };

    private async Task<byte[]> PrintAsync(IBrowser browser, string html, PdfPageSetup setup)
    {
        // A new page costs Chromium a renderer of its own (≈ 160 ms here, more than printing a report):
        // pages are kept and reused, at most one per print slot, each for a bounded number of prints.
        var page = TakeIdlePage(browser) ?? new PooledPage(await browser.NewPageAsync(), 0);
        var keep = false;
        try
        {
            await page.Page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            var pdf = PdfArabicText.Mend(await page.Page.PdfAsync(PrintOptions(setup)));
            keep = page.Uses + 1 < PrintsPerPage;
            return pdf;
        }
        finally
        {
            if (keep)
            {
                _idle.Enqueue(page with { Uses = page.Uses + 1 });
            }
            else
            {
                await CloseQuietlyAsync(page.Page);
            }
        }
    }

    private PooledPage? TakeIdlePage(IBrowser browser)
    {
        while (_idle.TryDequeue(out var page))
        {
            // Pages of a browser that crashed or was replaced are gone with it.
            if (!page.Page.IsClosed && ReferenceEquals(page.Page.Context.Browser, browser))
            {
                return page;
            }
        }

        return null;
    }

    private static async Task CloseQuietlyAsync(IPage page)
    {
        try
        {
            await page.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // The browser is already gone.
        }
    }

    /// <summary>A page kept for the next print, and how many it has printed.</summary>
    private sealed record PooledPage(IPage Page, int Uses);

    /// <summary>The print settings of every report (public so the benchmark prints raw Chromium the same way).</summary>
    public static PagePdfOptions PrintOptions(PdfPageSetup setup) => new()
    {
        Format = "A4",
        PrintBackground = true,
        // Accessible PDFs (ADR 0102): a structure tree from the HTML, with /Lang from <html lang>, and
        // bookmarks from the headings.
        Tagged = true,
        Outline = true,
        DisplayHeaderFooter = true,
        HeaderTemplate = "<span></span>",
        FooterTemplate = Footer(setup),
        Margin = new Margin { Top = "14mm", Bottom = "18mm", Left = "12mm", Right = "12mm" },
    };

    // Chromium fills the pageNumber/totalPages spans; the template must size its own font.
    private static string Footer(PdfPageSetup setup)
    {
        var dir = setup.RightToLeft ? "rtl" : "ltr";
        var font = setup.RightToLeft ? "'Noto Naskh Arabic','Noto Sans Arabic',sans-serif" : "'Noto Sans',sans-serif";
        return $"""
            <div dir="{dir}" style="font-family:{font};font-size:8px;color:#555;width:100%;margin:0 12mm;display:flex;justify-content:space-between;">
              <span>{Escape(setup.FooterLeft)}</span>
              <span>{Escape(setup.PageLabel)} <span class="pageNumber"></span> {Escape(setup.OfLabel)} <span class="totalPages"></span></span>
              <span>{Escape(setup.FooterRight)}</span>
            </div>
            """;
    }

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);

    private async Task<IBrowser> GetBrowserAsync(CancellationToken ct)
    {
        if (_browser is { IsConnected: true } ready)
        {
            return ready;
        }

        await _launch.WaitAsync(ct);
        try
        {
            if (_browser is { IsConnected: true } launched)
            {
                return launched;
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.Value.ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
            logger.LogInformation("Chromium {Version} started for PDF printing", _browser.Version);
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }

    private async Task ResetAsync(IBrowser failed)
    {
        await _launch.WaitAsync();
        try
        {
            if (ReferenceEquals(_browser, failed))
            {
                _browser = null;
                try
                {
                    await failed.CloseAsync();
                }
                catch (PlaywrightException)
                {
                    // Already gone.
                }
            }
        }
        finally
        {
            _launch.Release();
        }
    }

    /// <summary>For tests and operations: kills the browser as a crash would.</summary>
    internal async Task CrashBrowserForTestAsync()
    {
        if (_browser is { } browser)
        {
            await browser.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _pages.Dispose();
        _launch.Dispose();
    }
}
