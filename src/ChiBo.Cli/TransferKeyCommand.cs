using System.Security.Cryptography;
using ChiBo.Data;
using ChiBo.Transfers;

namespace ChiBo.Cli;

/// <summary>
/// chibo transfer-key: this register's public key for transfer packages (to send to the provinces
/// that receive its members), and <c>trust</c> to register another province's key.
/// </summary>
internal static class TransferKeyCommand
{
    public static int Run(CommandLine cl, ConsoleIo io)
    {
        cl.Allow("keys", "file", "name");
        var keys = PackageKeys.Open(KeyFolder.Resolve(cl.Optional("keys") ?? Environment.GetEnvironmentVariable(KeyFolder.EnvironmentVariable)));
        switch (cl.Words.ElementAtOrDefault(1))
        {
            case null:
                io.Out.WriteLine($"Khóa ký gói chuyển sinh hoạt của sổ đăng ký này (mã {keys.KeyId}):");
                io.Out.Write(keys.PublicKeyPem);
                io.Out.WriteLine();
                return 0;
            case "trust":
                var file = cl.Required("file");
                var name = cl.Required("name");
                string id;
                try
                {
                    id = keys.Trust(File.ReadAllText(file), name);
                }
                catch (Exception e) when (e is IOException or ArgumentException or CryptographicException)
                {
                    throw new UsageException($"--file: không đọc được khóa công khai từ \"{file}\" ({e.Message}).");
                }

                io.Out.WriteLine($"Đã đăng ký khóa {id} của \"{name}\" là khóa tin cậy: gói do tỉnh này ký được cấp ủy nơi đến tiếp nhận.");
                io.Out.WriteLine("Hãy đối chiếu mã khóa với tỉnh nơi đi qua một đường khác (điện thoại, công văn) trước khi tin cậy.");
                return 0;
            default:
                throw new UsageException("Lệnh con của transfer-key: (không có) để in khóa công khai, hoặc trust --file PEM --name TÊN.");
        }
    }
}
