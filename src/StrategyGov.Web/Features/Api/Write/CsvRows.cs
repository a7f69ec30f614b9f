using System.Text;

namespace StrategyGov.Web.Features.Api.Write;

/// <summary>
/// RFC 4180 CSV: fields separated by commas, quoted with double quotes when they hold a comma, a quote
/// (doubled) or a line break. Returns each record with the line it starts on (1-based), so that an
/// error names the line the sender sees in the file.
/// </summary>
public static class CsvRows
{
    public static IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> Parse(string text)
    {
        var records = new List<(int, IReadOnlyList<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    End();
                    line++;
                    start = line;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }

        End();
        return records;

        void End()
        {
            if (any || field.Length > 0)
            {
                fields.Add(field.ToString());
                records.Add((start, fields.ToList()));
            }

            fields.Clear();
            field.Clear();
            any = false;
        }
    }
}
