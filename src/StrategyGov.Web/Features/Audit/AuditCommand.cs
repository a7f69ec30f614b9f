using Microsoft.EntityFrameworkCore;
using StrategyGov.Data;
using StrategyGov.Data.Auditing;

namespace StrategyGov.Web.Features.Audit;

/// <summary>
/// <c>dotnet run --project src/StrategyGov.Web -- audit verify</c>: walks the audit chain of the
/// configured database and prints OK or the first broken link; exit code 0 when intact, 1 when broken.
/// </summary>
public static class AuditCommand
{
    public static bool IsRequested(string[] args) => args is ["audit", "verify", ..];

    public static async Task<int> RunAsync(WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<StrategyGovDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var result = await AuditChain.VerifyAsync(db, CancellationToken.None);
        Console.WriteLine(Describe(result));
        return result.IsIntact ? 0 : 1;
    }

    public static string Describe(AuditVerification result) => result.Break is { } broken
        ? $"BROKEN at event {broken.Sequence} ({broken.Kind}): expected {broken.Expected}, stored {broken.Stored}. {result.EventsChecked} events before it are intact."
        : $"OK: {result.EventsChecked} events, head hash {result.HeadHash}.";
}
