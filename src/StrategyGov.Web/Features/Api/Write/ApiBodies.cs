using System.Globalization;
using System.Text;
using System.Text.Json;
using StrategyGov.Web.Features.Media;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api.Write;

/// <summary>Reading a write's body: its bytes up to a limit (kept for the idempotency hash), CSV or JSON, JSON names in any case.</summary>
internal static class ApiBodies
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/> (413).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static bool IsCsv(HttpRequest request) => request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The CSV records of a body (UTF-8, a byte-order mark ignored), each with the line it starts on.</summary>
    public static IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> Csv(byte[] body) => CsvRows.Parse(Encoding.UTF8.GetString(body).TrimStart('\uFEFF'));

    /// <summary>The array of a JSON body: the body itself, or the named property of an object; null when it is neither.</summary>
    public static JsonElement? Array(JsonDocument document, string name) =>
        document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement
        : document.RootElement.ValueKind == JsonValueKind.Object && TryGet(document.RootElement, name, out var array) && array.ValueKind == JsonValueKind.Array ? array
        : null;

    /// <summary>A JSON object of one operation's shape, or null when the body is not one.</summary>
    public static T? Deserialize<T>(byte[] body, JsonSerializerOptions options)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An ISO 8601 day in any digits (null when empty); false when the text is not one.</summary>
    public static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        var normalised = MediaInput.Clean(MediaInput.Digits(text));
        if (normalised is null)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(normalised, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        day = parsed;
        return true;
    }

    /// <summary>An ISO 8601 day in any digits, or null when empty; anything else is refused with its message.</summary>
    public static DateOnly? Day(string? text) =>
        TryDay(text, out var day) ? day : throw new RuleViolationException("Media_Import_NotDate", MediaInput.Digits(text)!.Trim());

    public static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            value = property.Value;
            return true;
        }

        value = default;
        return false;
    }
}
