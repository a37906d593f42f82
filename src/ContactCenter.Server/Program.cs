using ContactCenter.Server.Configuration;
using ContactCenter.Server.Health;
using ContactCenter.Server.SipDirectory;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddContactCenterOptions(builder.Configuration);
builder.WebHost.UseUrls([.. HttpUrlList.Split(builder.Configuration.GetHttpUrls())]);

builder.Services.AddSipDirectory();
builder.Services.AddContactCenterHealthChecks();

// ---- SIP stack -------------------------------------------------------------------------------
// The SIP hosted service (transports, transactions, registrar) is registered here, after
// AddSipDirectory so the profiles and credentials are ready when it starts. It reads:
//   SipProfileCatalog  – listen endpoints per profile,
//   ExtensionDirectory – TryGetExtension / TryGetHa1 for the registrar,
//   IOptions<ContactCenterOptions>.Value.Sip – timers, limits and Registrar settings,
//   TimeProvider       – every timer.
// ------------------------------------------------------------------------------------------------

var app = builder.Build();

app.MapContactCenterHealth();

app.Run();

/// <summary>Visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the integration tests.</summary>
public partial class Program;
