using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StrategyGov.Testing;

/// <summary>Reads a PDF back with poppler-utils (<c>pdftotext</c>, <c>pdfinfo</c>), as a reader's PDF viewer would.</summary>
public static partial class PdfTools
{
    /// <summary>The text of every page, in logical order (Arabic runs keep their bidi control marks).</summary>
    public static async Task<string> TextAsync(byte[] pdf) =>
        await WithFileAsync(pdf, file => RunAsync("pdftotext", "-enc", "UTF-8", file, "-"));

    public static async Task<int> PageCountAsync(byte[] pdf)
    {
        var info = await WithFileAsync(pdf, file => RunAsync("pdfinfo", file));
        var pages = PagesLine().Match(info);
        return pages.Success
            ? int.Parse(pages.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"pdfinfo printed no page count:\n{info}");
    }

    /// <summary>Whether pdfinfo says the PDF is tagged (has a structure tree for assistive technology).</summary>
    public static async Task<bool> IsTaggedAsync(byte[] pdf)
    {
        var info = await WithFileAsync(pdf, file => RunAsync("pdfinfo", file));
        return TaggedLine().Match(info) is { Success: true } tagged && tagged.Groups[1].Value == "yes";
    }

    /// <summary>The document language of the catalog (<c>/Lang</c>), which Chromium writes uncompressed.</summary>
    public static string? Language(byte[] pdf) =>
        LangEntry().Match(Encoding.Latin1.GetString(pdf)) is { Success: true } lang ? lang.Groups[1].Value : null;

    /// <summary>A number on a line of its own in pdftotext's output (a score card's figure, a table cell).</summary>
    public static Regex StandaloneNumber(string number) => new($@"(?m)^\s*{Regex.Escape(number)}\s*$");

    private static async Task<string> WithFileAsync(byte[] pdf, Func<string, Task<string>> read)
    {
        var file = Path.Combine(Path.GetTempPath(), $"strategygov-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            return await read(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is missing: install poppler-utils (bash scripts/install-deps.sh, which `bash scripts/test.sh` runs).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0
                ? await output
                : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await error}");
        }
    }

    [GeneratedRegex(@"^Tagged:\s+(\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex TaggedLine();

    [GeneratedRegex(@"/Lang\s*\(([^)]*)\)")]
    private static partial Regex LangEntry();

    [GeneratedRegex(@"^Pages:\s+(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
