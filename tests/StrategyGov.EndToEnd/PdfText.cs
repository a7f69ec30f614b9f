using System.Diagnostics;
using StrategyGov.Web.Localization;

namespace StrategyGov.EndToEnd;

/// <summary>Reads the text of a PDF back with poppler's pdftotext, without bidi control marks.</summary>
public static class PdfText
{
    public static async Task<string> ReadAsync(string pdfPath)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", [pdfPath, "-"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pdftotext failed: {await process.StandardError.ReadToEndAsync()}");
        return Bidi.Strip(text);
    }
}
