// The inquiry league table for 300 institutions × 100,000 inquiries a year (docs/performance.md §Inquiries,
// ADR 0098). Run:
//   dotnet run -c Release --project tests/StrategyGov.Benchmarks.Inquiries            # both databases
//   dotnet run -c Release --project tests/StrategyGov.Benchmarks.Inquiries -- sqlite  # or: postgres
// PostgreSQL: `STRATEGYGOV_BENCH_POSTGRES` names a server, or a private throw-away cluster is started with
// scripts/postgres-cluster.sh. Prints figures; asserts nothing. Target: the league table under 200 ms.
using System.Globalization;
using StrategyGov.Benchmarks.Inquiries;
using StrategyGov.Web.Hosting;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine($"StrategyGov inquiry benchmarks · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · {System.Runtime.InteropServices.RuntimeInformation.OSDescription} · .NET {Environment.Version}");

bool Part(string name) => args.Length == 0 || args.Contains(name);

if (Part("sqlite"))
{
    Console.WriteLine("1. SQLite, 300 institutions × 100,000 inquiries in the last twelve months");
    await LeagueBenchmark.RunAsync(DatabaseProviders.Sqlite);
}

if (Part("postgres"))
{
    Console.WriteLine("2. PostgreSQL, 300 institutions × 100,000 inquiries in the last twelve months");
    await LeagueBenchmark.RunAsync(DatabaseProviders.PostgreSql);
}
