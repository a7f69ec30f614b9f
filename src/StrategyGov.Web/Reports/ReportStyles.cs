namespace StrategyGov.Web.Reports;

/// <summary>The print stylesheet shared by every PDF report.</summary>
public static class ReportStyles
{
    public const string Css = """
        @page { size: A4; }
        * { box-sizing: border-box; }
        html, body { margin: 0; padding: 0; }
        body { font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', 'Amiri', 'Noto Sans', sans-serif; font-size: 10.5pt; color: #1f2933; line-height: 1.55; }
        html[lang=en] body { font-family: 'Noto Sans', 'Noto Naskh Arabic', sans-serif; font-size: 10pt; }
        h1, h2, h3, .kufi { font-family: 'Noto Kufi Arabic', 'Noto Sans Arabic', 'Noto Sans', sans-serif; }
        html[lang=en] h1, html[lang=en] h2, html[lang=en] h3 { font-family: 'Noto Sans', sans-serif; }
        h1 { font-size: 19pt; margin: 0 0 4pt; color: #0b4f6c; }
        h2 { break-after: avoid; font-size: 13pt; margin: 16pt 0 6pt; color: #0b4f6c; border-bottom: 2px solid #c8a14a; padding-bottom: 3pt; }
        h3 { font-size: 11pt; margin: 10pt 0 4pt; color: #0b4f6c; }
        .cover { background: #0b4f6c; color: #fff; padding: 16pt 18pt; border-radius: 6pt; }
        .cover h1 { color: #fff; }
        .cover .center { font-size: 10pt; opacity: .9; }
        .cover .institution { font-size: 15pt; font-weight: bold; margin-top: 8pt; }
        .cover dl { display: grid; grid-template-columns: auto 1fr; gap: 2pt 10pt; margin: 8pt 0 0; font-size: 9.5pt; }
        .cover dt { opacity: .8; }
        .cover dd { margin: 0; }
        .cover .figures-status { margin: 8pt 0 0; padding: 4pt 8pt; background: rgba(255,255,255,.16); border-radius: 4pt; font-weight: bold; font-size: 10pt; }
        .caveat { color: #8a4b00; font-weight: bold; font-size: 8.5pt; }
        .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8pt; margin-top: 12pt; }
        .card { border: 1px solid #d6dde3; border-radius: 6pt; padding: 8pt 10pt; }
        .card .label { font-size: 8.5pt; color: #52606d; }
        .card .value { font-size: 17pt; font-weight: bold; font-family: 'Noto Sans', sans-serif; }
        .card .note { font-size: 8pt; color: #52606d; }
        .band { white-space: nowrap; display: inline-block; color: #fff; border-radius: 10pt; padding: 1pt 8pt; font-size: 9pt; font-weight: bold; }
        table { width: 100%; border-collapse: collapse; font-size: 9pt; }
        thead { display: table-header-group; }
        tr { page-break-inside: avoid; }
        th { background: #e8eef2; color: #0b4f6c; text-align: start; padding: 4pt 5pt; border-bottom: 1px solid #b8c4cc; }
        td { padding: 3pt 5pt; border-bottom: 1px solid #e4e8eb; vertical-align: top; }
        td.num, th.num { text-align: center; font-family: 'Noto Sans', sans-serif; white-space: nowrap; }
        th.num { white-space: normal; }
        /* Fixed column widths: with automatic ones a long unwrapped value ("1 press conference or briefing per
           quarter") widened its column and squeezed the English indicator names to 5-7 lines each. */
        table.indicators { table-layout: fixed; }
        table.indicators th:nth-child(1) { width: 7%; }
        table.indicators th:nth-child(2) { width: 37%; }
        table.indicators th:nth-child(3) { width: 13%; }
        table.indicators th:nth-child(4), table.indicators th:nth-child(5) { width: 9%; }
        table.indicators th:nth-child(6) { width: 6%; }
        table.indicators th:nth-child(7) { width: 9%; }
        table.indicators th:nth-child(8) { width: 10%; }
        table.indicators td:nth-child(3) { white-space: normal; }
        table.indicators td, table.indicators th { padding-inline: 3pt; }
        table.indicators td { overflow-wrap: anywhere; }
        html[lang=en] table.indicators { font-size: 8.5pt; }
        html[lang=en] table.indicators td { line-height: 1.4; }
        tr.group td { background: #f4f1e8; font-weight: bold; color: #5b4a1f; }
        .muted { color: #7b8794; }
        .gap-pos { color: #b3261e; }
        .chart { margin: 6pt 0 4pt; }
        .note-box { border: 1px solid #d6dde3; background: #f8fafb; border-radius: 6pt; padding: 6pt 10pt; font-size: 9pt; }
        .legend span { display: inline-block; margin-inline-end: 14pt; font-size: 8.5pt; }
        .page-break { page-break-before: always; }
        table.heat td.heat-cell { text-align: center; border: 1px solid #fff; padding: 2pt 3pt; font-size: 8.5pt; }
        table.heat td { padding: 2pt 4pt; font-size: 8.5pt; }
        table.ranking td { padding: 2pt 4pt; font-size: 8.5pt; }
        table.ranking td.nowrap { white-space: nowrap; }
        table.ranking .band { font-size: 7.5pt; padding: 0 6pt; }
        .legend i { display: inline-block; width: 10pt; height: 8pt; margin-inline-end: 4pt; vertical-align: middle; }
        """;
}
