using System.Globalization;
using System.Text.Json;

namespace StrategyGov.Web.Tests.Api;

/// <summary>
/// A small JSON Schema check of an answer against the OpenAPI 3.1 document: types (with null), required
/// and known properties, enums, array items, maps, $ref, oneOf/anyOf/allOf and the date formats. Enough
/// to catch an answer that is not what the document says; not a full validator.
/// </summary>
internal sealed class SchemaCheck(JsonElement document)
{
    private const int ItemsChecked = 25;

    public List<string> Errors { get; } = [];

    public void Check(JsonElement value, JsonElement schema, string path)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(value, Resolve(reference.GetString()!), path);
            return;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Check(value, part, path);
            }
        }

        foreach (var alternatives in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(alternatives, out var options)
                && !options.EnumerateArray().Any(option => Passes(value, option, path)))
            {
                Errors.Add($"{path}: matches none of {alternatives}");
            }
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(value, type))
        {
            Errors.Add($"{path}: {value.ValueKind} where the document says {type}");
            return;
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.ToString() == value.ToString()))
        {
            Errors.Add($"{path}: '{value}' is not one of {values}");
        }

        if (schema.TryGetProperty("format", out var format) && value.ValueKind == JsonValueKind.String && !FormatMatches(value.GetString()!, format.GetString()))
        {
            Errors.Add($"{path}: '{value}' is not a {format}");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(value, schema, path);
                break;
            case JsonValueKind.Array when schema.TryGetProperty("items", out var items):
                var index = 0;
                foreach (var item in value.EnumerateArray().Take(ItemsChecked))
                {
                    Check(item, items, $"{path}[{index++}]");
                }

                break;
        }
    }

    private void CheckObject(JsonElement value, JsonElement schema, string path)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(name => !value.TryGetProperty(name, out _)))
            {
                Errors.Add($"{path}: required '{name}' is missing");
            }
        }

        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(property.Value, propertySchema, $"{path}.{property.Name}");
            }
            else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
            {
                Check(property.Value, additional, $"{path}.{property.Name}");
            }
            else if (properties.ValueKind == JsonValueKind.Object)
            {
                Errors.Add($"{path}: '{property.Name}' is not in the document");
            }
        }
    }

    private bool Passes(JsonElement value, JsonElement schema, string path)
    {
        var probe = new SchemaCheck(document);
        probe.Check(value, schema, path);
        return probe.Errors.Count == 0;
    }

    /// <summary>A schema with its <c>$ref</c> followed (the schema itself when it has none).</summary>
    public JsonElement Resolve(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference) ? Resolve(reference.GetString()!) : schema;

    private JsonElement Resolve(string reference)
    {
        var node = document;
        foreach (var part in reference.TrimStart('#', '/').Split('/'))
        {
            node = node.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return node;
    }

    private static bool TypeMatches(JsonElement value, JsonElement type) =>
        type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => KindMatches(value, t.GetString()!))
            : KindMatches(value, type.GetString()!);

    private static bool KindMatches(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        _ => false,
    };

    private static bool FormatMatches(string text, string? format) => format switch
    {
        "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
        "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "uuid" => Guid.TryParse(text, out _),
        _ => true,
    };
}
