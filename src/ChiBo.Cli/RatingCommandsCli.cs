using System.Globalization;
using ChiBo.Access;
using ChiBo.Organizations;
using ChiBo.Ratings;

namespace ChiBo.Cli;

/// <summary>
/// chibo ratings template | import: the Excel of past years' ratings. The command line acts as the
/// system (every subtree), within the organization given; rows outside it are refused.
/// </summary>
internal static class RatingCommandsCli
{
    public static async Task<int> RunAsync(CommandLine cl, ConsoleIo io, CancellationToken ct)
    {
        switch (cl.Words.ElementAtOrDefault(1))
        {
            case "template":
            {
                cl.Allow("out");
                var path = cl.Required("out");
                await using (var file = File.Create(path))
                {
                    RatingSheet.WriteTemplate(file);
                }

                io.Out.WriteLine($"Đã ghi mẫu nhập kết quả xếp loại: {path}");
                return 0;
            }

            case "import":
            {
                cl.Allow("db", "file", "org");
                var path = cl.Required("file");
                if (!File.Exists(path))
                {
                    throw new UsageException($"--file: không có tệp \"{path}\".");
                }

                var target = ChiBoCli.Target(cl);
                await using var db = target.CreateContext(Audit.AuditScope.For("cli:" + Environment.UserName));
                var code = cl.Optional("org") ?? "root";
                var lookup = await SubtreeQueries.FindAsync(db, code, ct);
                if (!lookup.Found)
                {
                    throw new UsageException($"--org: không có tổ chức đảng mã \"{code}\".");
                }

                await using var stream = File.OpenRead(path);
                var result = await new RatingImport(db, TimeProvider.System, OrgScope.System, "cli:" + Environment.UserName).ImportAsync(stream, lookup.Subtree, ct);
                if (result.Succeeded)
                {
                    io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Đã nhập {result.Imported} dòng kết quả xếp loại."));
                    return 0;
                }

                foreach (var e in result.Errors)
                {
                    io.Err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Dòng {e.Row}, cột \"{e.Column}\": {e.Message}"));
                }

                io.Err.WriteLine("Không nhập dòng nào (tệp phải không còn lỗi nào).");
                return 2;
            }

            default:
                throw new UsageException("Cần lệnh: chibo ratings template --out PATH.xlsx | chibo ratings import --file PATH.xlsx --org CODE|root.");
        }
    }
}
