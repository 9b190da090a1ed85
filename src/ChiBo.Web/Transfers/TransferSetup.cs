using ChiBo.Data;
using ChiBo.Transfers;

namespace ChiBo.Web.Transfers;

public static class TransferSetup
{
    /// <summary>This deployment's transfer-package keys, from the key folder (created on first use).</summary>
    public static void AddTransferPackageKeys(this WebApplicationBuilder builder)
    {
        var folder = KeyFolder.Resolve(builder.Configuration[KeyFolder.EnvironmentVariable]);
        builder.Services.AddSingleton(_ => PackageKeys.Open(folder));
    }
}
