using System.Globalization;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StrategyGov.Data;
using StrategyGov.Testing;
using StrategyGov.Web.Localization;

namespace StrategyGov.EndToEnd;

/// <summary>Steps and files several browser journeys share: a downloaded PDF's text, evidence files and zips, a campaign registered on the calendar.</summary>
internal static class Journeys
{
    /// <summary>Clicks, saves the PDF it downloads into the app's folder under <paramref name="name"/> and returns its text (pdftotext, bidi marks stripped).</summary>
    public static async Task<string> PdfTextAsync(BrowserFixture browser, IPage page, Func<Task> click, string name)
    {
        var download = await BrowserFixture.DownloadAsync(page, click);
        var file = Path.Combine(browser.App.Folder, name);
        await download.SaveAsAsync(file);
        return Bidi.Strip(await PdfTools.TextAsync(await File.ReadAllBytesAsync(file)));
    }

    /// <summary>A tiny file that starts as a PDF does; <paramref name="text"/> makes its content (and hash) its own.</summary>
    public static byte[] Pdf(string text) => System.Text.Encoding.UTF8.GetBytes($"%PDF-1.7\n% {text}\n");

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The Ministry of Health's confirmed national influenza campaign of the demo data and its first day in platform time.</summary>
    public static async Task<(int Id, DateOnly FirstDay)> FluCampaignAsync(StrategyGovAppFactory app)
    {
        await using var db = await app.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        var flu = await db.CalendarEntries.SingleAsync(e => e.TitleEn == "National seasonal influenza vaccination campaign");
        var riyadh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");
        return (flu.Id, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(flu.StartsAt, riyadh)));
    }

    /// <summary>
    /// The signed-in director registers a one-day, high-profile social media campaign for the general public from the
    /// calendar page on <paramref name="day"/>; returns the new entry's id.
    /// </summary>
    public static async Task<int> RegisterCampaignAsync(BrowserFixture browser, IPage director, DateOnly day, string titleAr, string titleEn)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await browser.GotoAsync(director, $"/calendar?date={date}");
        await director.GetByTestId("new-entry").ClickAsync();
        await director.GetByTestId("title-ar").FillAsync(titleAr);
        await director.GetByTestId("title-en").FillAsync(titleEn);
        await director.GetByTestId("start-date").FillAsync(date);
        await director.GetByTestId("end-date").FillAsync(date);
        await director.GetByTestId("audience-general-public").CheckAsync();
        await director.GetByTestId("channel-SocialMedia").CheckAsync();
        await director.GetByTestId("high-profile").CheckAsync();
        await director.GetByTestId("entry-save").ClickAsync();
        await Assertions.Expect(director.GetByTestId("entry-save")).ToHaveCountAsync(0);

        await using var db = await browser.App.Service<IDbContextFactory<StrategyGovDbContext>>().CreateDbContextAsync();
        return await db.CalendarEntries.Where(e => e.TitleEn == titleEn).Select(e => e.Id).SingleAsync();
    }
}
