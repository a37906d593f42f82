using ContactCenter.Cti.Hosting;
using ContactCenter.Server.Acd;
using ContactCenter.Server.Configuration;
using ContactCenter.Server.Cti;
using ContactCenter.Server.Health;
using ContactCenter.Server.SipDirectory;
using ContactCenter.Server.SipHosting;
using ContactCenter.Server.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddContactCenterOptions(builder.Configuration);
builder.WebHost.UseUrls([.. HttpUrlList.Split(builder.Configuration.GetHttpUrls())]);

builder.Services.AddSipDirectory();
builder.Services.AddContactCenterHealthChecks();
builder.Services.AddContactCenterStorage();

// The SIP stacks (one per profile) start after the directory: profiles and credentials are ready by then.
builder.Services.AddSipStack();
builder.Services.AddContactCenterCti();
builder.Services.AddAcd(builder.Configuration);
builder.Services.AddSingleton<SystemHealthReporter>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<SystemHealthReporter>());

var app = builder.Build();

// Open the store (and apply migrations) before anything listens: a schema problem stops the start with its message.
app.Services.GetRequiredService<ContactCenter.Storage.IDbConnectionFactory>();

app.MapContactCenterHealth();
app.MapCti();
app.MapAcdAdmin();

app.Run();

/// <summary>Visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the integration tests.</summary>
public partial class Program;
