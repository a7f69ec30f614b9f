using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using StrategyGov.Data.Reporting;
using StrategyGov.Scoring;
using StrategyGov.Testing;
using StrategyGov.Web.Features.Submissions;

namespace StrategyGov.Web.Tests;

/// <summary>
/// Every UI string exists in Arabic and English, and the language switch keeps users on the platform.
/// The source is scanned rather than listed so that a new <c>L["Key"]</c> without its translations fails here.
/// </summary>
public sealed partial class LocalizationTests(StrategyGovAppFactory app) : IClassFixture<StrategyGovAppFactory>
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();
    private static readonly string WebProject = Path.Combine(RepositoryRoot, "src", "StrategyGov.Web");
    private static readonly IReadOnlyDictionary<string, string> English = ReadResx("SharedResource.resx");
    private static readonly IReadOnlyDictionary<string, string> Arabic = ReadResx("SharedResource.ar.resx");

    [Fact]
    public void Resources_EveryKeyUsedInTheCode_ExistsInBothLanguages()
    {
        var used = KeysUsedInSource();

        var missing = used
            .SelectMany(u => new[] { (Language: "en", u.Key, u.File), (Language: "ar", u.Key, u.File) })
            .Where(m => !(m.Language == "en" ? English : Arabic).ContainsKey(m.Key))
            .Select(m => $"{m.Key} ({m.Language}, used in {m.File})")
            .ToList();

        Assert.Contains(used, u => u.Key == "AppName");
        Assert.Contains(used, u => u.Key == "Submit_Unanswered");
        Assert.Contains(used, u => u.Key == "Login_Invalid");
        Assert.Empty(missing);
    }

    [Fact]
    public void Resources_KeysBuiltFromStatesAndRules_ExistInBothLanguages()
    {
        var validation = Enum.GetValues<MeasurementType>().Select(t => AnswerRules.ValidateValue(t, 5, -1m)).ToList();
        var keys = Enum.GetNames<SubmissionStatus>().Select(s => $"SubmissionStatus_{s}")
            .Concat(Enum.GetNames<PeriodStatus>().Select(s => $"PeriodStatus_{s}"))
            .Concat(Enum.GetNames<ReviewDecision>().Select(d => $"Decision_{d}"))
            .Append("Decision_Pending")
            .Concat(validation.OfType<string>())
            .ToList();

        var missing = keys.Where(k => !English.ContainsKey(k) || !Arabic.ContainsKey(k)).ToList();

        Assert.DoesNotContain(null, validation);
        Assert.Empty(missing);
    }

    [Fact]
    public void Resources_ArabicAndEnglish_HaveTheSameKeysAndNoEmptyValue()
    {
        var onlyEnglish = English.Keys.Except(Arabic.Keys).Order(StringComparer.Ordinal).ToList();
        var onlyArabic = Arabic.Keys.Except(English.Keys).Order(StringComparer.Ordinal).ToList();

        Assert.Empty(onlyEnglish);
        Assert.Empty(onlyArabic);
        Assert.Empty(English.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key));
        Assert.Empty(Arabic.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key));
        Assert.True(English.Count > 50, $"Only {English.Count} strings were read from the English resources.");
    }

    [Fact]
    public async Task Culture_English_SetsTheCookieAndTheLoginPageIsLeftToRight()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var response = await client.GetAsync("/culture/en?returnUrl=/account/login");
        var page = await client.GetStringAsync("/account/login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("c%3Den%7Cuic%3Den", cookie, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", page, StringComparison.Ordinal);
        Assert.Contains("Sign in", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Culture_BackToArabic_LoginPageIsRightToLeft()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await client.GetAsync("/culture/en?returnUrl=/account/login");

        await client.GetAsync("/culture/ar?returnUrl=/account/login");
        var page = await client.GetStringAsync("/account/login");

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("http://evil.example/account/login")]
    [InlineData("/\\evil.example")]
    [InlineData("evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\r\n/evil.example")]
    public async Task Culture_ReturnUrlOffSite_RedirectsHome(string returnUrl)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/culture/en?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Culture_Unsupported_IsBadRequest()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/culture/fr?returnUrl=/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    private static List<(string Key, string File)> KeysUsedInSource()
    {
        var sources = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));
        var keys = new List<(string, string)>();
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            var relative = Path.GetRelativePath(WebProject, file);
            foreach (var regex in new[] { LocalizerKey(), RuleKey(), KeyChosenInSwitch() })
            {
                keys.AddRange(regex.Matches(text).Select(m => (m.Groups["key"].Value, relative)));
            }
        }

        return keys;
    }

    private static IReadOnlyDictionary<string, string> ReadResx(string fileName)
    {
        var document = XDocument.Load(Path.Combine(WebProject, "Resources", "Localization", fileName));
        return document.Root!.Elements("data").ToDictionary(
            d => (string)d.Attribute("name")!,
            d => (string?)d.Element("value") ?? string.Empty,
            StringComparer.Ordinal);
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StrategyGov.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"StrategyGov.sln was not found above {AppContext.BaseDirectory}.");
    }

    // L["Key"], L["Key", args], localizer["Key"]; keys built at run time ($"...") are checked separately.
    [GeneratedRegex("""\b(?:L|localizer|Localizer)\["(?<key>[^"]+)"[\],]""")]
    private static partial Regex LocalizerKey();

    // new RuleViolationException("Key", …) and its kinds, which may take other arguments first.
    [GeneratedRegex("""new \w*Exception\((?:\w+, )*"(?<key>[A-Z][A-Za-z]*_[A-Za-z_]+)"[),]""")]
    private static partial Regex RuleKey();

    // A key picked in a switch arm and shown later (AnswerRules, the login page's error messages).
    [GeneratedRegex("""=> "(?<key>[A-Z][A-Za-z]*_[A-Za-z_]+)"[,;]""")]
    private static partial Regex KeyChosenInSwitch();
}
