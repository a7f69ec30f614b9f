using StrategyGov.Web;
using StrategyGov.Web.Features.Audit;
using StrategyGov.Web.Features.Users;
using StrategyGov.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddStrategyGovObservability();
builder.AddStrategyGovData();
builder.AddStrategyGovScaleOut();
builder.AddStrategyGovIdentity();
builder.Services.AddStrategyGovLocalization();
builder.Services.AddStrategyGovFeatures();
builder.Services.AddStrategyGovUi();

var app = builder.Build();

if (AuditCommand.IsRequested(args))
{
    return await AuditCommand.RunAsync(app);
}

// `users create-admin` prints the first administrator's setup link and exits (docs/deployment.md).
if (UsersCommand.IsRequested(args))
{
    return await UsersCommand.RunAsync(app, args);
}

// `migrate` and `move-from-sqlite` run at deployment and exit (docs/deployment.md).
if (DatabaseCommands.IsCommand(args))
{
    return await DatabaseCommands.RunAsync(app, args);
}

app.EnsureProductionConfiguration();
await app.PrepareDatabaseAsync();

app.UseStrategyGovPipeline();
app.MapStrategyGovEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
return 0;

/// <summary>Entry point; public so that tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
