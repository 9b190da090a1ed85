using System.Globalization;
using ChiBo.Audit;
using ChiBo.Data;
using ChiBo.Web;
using ChiBo.Web.Access;
using ChiBo.Web.Transfers;

var builder = WebApplication.CreateBuilder(args);
var target = DatabaseTarget.Parse(builder.Configuration[DatabaseTarget.EnvironmentVariable]);
builder.Services.AddSingleton(target);
builder.Services.AddScoped<AuditScope>();
builder.Services.AddSingleton<AuditReads>();
builder.Services.AddHostedService<ChiBo.Web.Audit.AuditReadWriter>();
builder.Services.AddDbContext<ChiBoDb>((sp, o) =>
    target.Configure(o, sp.GetRequiredService<AuditScope>(), sp.GetRequiredService<TimeProvider>()));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(ChiBo.Members.CccdPolicy.From(builder.Configuration[ChiBo.Members.CccdPolicy.Setting]));
builder.AddChiBoAccess();
builder.AddTransferPackageKeys();
builder.Services.AddRazorPages();
builder.Services.AddSingleton(ChiBo.Web.Documents.PdfPrinterOptions.From(builder.Configuration[ChiBo.Web.Documents.PdfPrinterOptions.Setting]));
builder.Services.AddSingleton<ChiBo.Web.Documents.PdfPrinter>();
builder.Services.AddSingleton<ChiBo.Web.Documents.PrintedDocuments>();
// Vietnamese letters as they are in the HTML, not as &#x...; entities (half the bytes on a slow line).
builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder =
    System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddChiBoCompression();

var app = builder.Build();
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = VietnameseFormats.Culture;

await FirstRun.EnsureReadyAsync(app.Services, target, app.Logger, app.Lifetime.ApplicationStopping);

app.UseChiBoForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseResponseCompression();
app.UseStaticFiles();
app.UseRouting();
app.UseChiBoAccess();
app.MapRazorPages();
app.MapChiBoApi();

app.Run();

/// <summary>Entry point, visible to the HTTP tests.</summary>
public partial class Program;
