using ContactCenter.Server.Configuration;
using ContactCenter.Server.Health;
using ContactCenter.Server.SipDirectory;
using ContactCenter.Server.SipHosting;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddContactCenterOptions(builder.Configuration);
builder.WebHost.UseUrls([.. HttpUrlList.Split(builder.Configuration.GetHttpUrls())]);

builder.Services.AddSipDirectory();
builder.Services.AddContactCenterHealthChecks();

// The SIP stacks (one per profile) start after the directory: profiles and credentials are ready by then.
builder.Services.AddSipStack();

var app = builder.Build();

app.MapContactCenterHealth();

app.Run();

/// <summary>Visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the integration tests.</summary>
public partial class Program;
