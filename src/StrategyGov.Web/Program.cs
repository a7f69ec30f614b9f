using StrategyGov.Web;
using StrategyGov.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddStrategyGovData();
builder.AddStrategyGovIdentity();
builder.Services.AddStrategyGovLocalization();
builder.Services.AddStrategyGovFeatures();
builder.AddStrategyGovReports();
builder.Services.AddStrategyGovUi();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseStrategyGovPipeline();
app.MapStrategyGovEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point; public so that tests can host the app with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
