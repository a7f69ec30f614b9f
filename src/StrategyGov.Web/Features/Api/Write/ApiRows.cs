using System.Globalization;
using System.Text.Json;
using StrategyGov.Web.Security;

namespace StrategyGov.Web.Features.Api.Write;

/// <summary>One row of a bulk write as sent: its number (CSV line, JSON item, 1-based) and the fields it holds, each with the name the sender wrote.</summary>
public sealed record ApiRow<TField>(int Number, IReadOnlyDictionary<TField, (string Header, string? Text)> Cells)
    where TField : struct
{
    public string? Text(TField field) => Cells.TryGetValue(field, out var cell) && !string.IsNullOrWhiteSpace(cell.Text) ? cell.Text.Trim() : null;
}

/// <summary>A row the sender must correct: its number, the field as written, a message key and its arguments.</summary>
public sealed record ApiRowProblem(int Row, string Column, string Key, params object[] Arguments);

/// <summary>
/// The rows of a bulk write (ADR 0107), whatever carried them: CSV with a header row naming the fields, or JSON
/// (an object holding an array of objects under <c>arrayName</c>, or the array itself). A name the write does not
/// know is ignored; a value that is not text (a number, a list) is kept as its JSON text. A row naming an
/// institution other than the token's (<c>institutionId</c>) is refused: a token writes only its own.
/// </summary>
internal static class ApiRows
{
    public const string InstitutionField = "institutionId";

    /// <summary>The rows, the CSV header (empty for JSON) and the rows naming another institution; null when JSON is not of that shape.</summary>
    public static (List<ApiRow<TField>> Rows, List<(int Position, string Header)> Header, List<ApiRowProblem> Problems)? Read<TField>(
        byte[] body, bool csv, string arrayName, Func<string, TField?> fieldOf, Actor actor)
        where TField : struct
    {
        var problems = new List<ApiRowProblem>();
        var rows = new List<ApiRow<TField>>();
        if (csv)
        {
            var records = ApiBodies.Csv(body);
            List<(int Position, string Header)> header = records.Count == 0 ? [] : records[0].Fields.Select((name, at) => (at, name.Trim())).ToList();
            var columns = header.Select(h => (h.Position, h.Header, Field: fieldOf(h.Header))).ToList();
            foreach (var (line, fields) in records.Skip(1))
            {
                var cells = new Dictionary<TField, (string Header, string? Text)>();
                foreach (var (at, name, field) in columns.Where(c => c.Position < fields.Count))
                {
                    Cell(line, name, fields[at], field, cells);
                }

                rows.Add(new ApiRow<TField>(line, cells));
            }

            return (rows, header, problems);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            if (ApiBodies.Array(document, arrayName) is not { } array || array.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.Object))
            {
                return null;
            }

            var number = 0;
            foreach (var item in array.EnumerateArray())
            {
                number++;
                var cells = new Dictionary<TField, (string Header, string? Text)>();
                foreach (var property in item.EnumerateObject())
                {
                    Cell(number, property.Name, Text(property.Value), fieldOf(property.Name), cells);
                }

                rows.Add(new ApiRow<TField>(number, cells));
            }

            return (rows, [], problems);
        }

        void Cell(int row, string name, string? text, TField? field, Dictionary<TField, (string Header, string? Text)> cells)
        {
            if (string.Equals(name, InstitutionField, StringComparison.OrdinalIgnoreCase))
            {
                var value = text?.Trim();
                if (!string.IsNullOrEmpty(value) && value != actor.InstitutionId?.ToString(CultureInfo.InvariantCulture))
                {
                    problems.Add(new ApiRowProblem(row, name, "Api_OtherInstitution", value));
                }
            }
            else if (field is { } known)
            {
                cells.TryAdd(known, (name, text));
            }
        }
    }

    /// <summary>A JSON value as text: a string as it is, null as absent, anything else (a number, a list) as its JSON.</summary>
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    /// <summary>A field's name in JSON: its code with a lower-case first letter.</summary>
    public static string JsonName<TField>(TField field)
        where TField : struct, Enum
    {
        var name = field.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
