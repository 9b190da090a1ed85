using ChiBo.Data;

namespace ChiBo.Cli;

/// <summary>The `chibo` command line. <see cref="RunAsync"/> is what the tests call in-process.</summary>
public static class ChiBoCli
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        return await RunAsync(args, Console.Out, Console.Error, cts.Token);
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        var io = new ConsoleIo(stdout, stderr);
        var cl = new CommandLine(args);
        try
        {
            return cl.Words.FirstOrDefault() switch
            {
                "migrate" => await MigrateAsync(cl, io, ct),
                "report" => await ReportCommands.RunAsync(cl, io, ct),
                "ratings" => await RatingCommandsCli.RunAsync(cl, io, ct),
                "plan" => await Plans.PlanCommand.RunAsync(cl, io, ct),
                "user" => await AccessCommands.UserAsync(cl, io, ct),
                "audit" => await AccessCommands.AuditAsync(cl, io, ct),
                "bench" when cl.Words.ElementAtOrDefault(1) == "documents" => await DocumentBench.RunAsync(cl, io, ct),
                "bench" => await BenchCommand.RunAsync(cl, io, ct),
                "access" when cl.Words.ElementAtOrDefault(1) == "table" => AccessCommands.Table(cl, io),
                "members" => await MemberCommands.RunAsync(cl, io, ct),
                "backup" => await BackupCommands.BackupAsync(cl, io, ct),
                "restore" => await BackupCommands.RestoreAsync(cl, io, ct),
                "transfer-key" => TransferKeyCommand.Run(cl, io),
                "seed" => await SeedCommand.RunAsync(cl, io, ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected, ct),
                _ => Usage(io),
            };
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync("Lỗi: " + e.Message);
            return 2;
        }
    }

    internal static DatabaseTarget Target(CommandLine cl) =>
        DatabaseTarget.Parse(cl.Optional("db") ?? Environment.GetEnvironmentVariable(DatabaseTarget.EnvironmentVariable));

    private static async Task<int> MigrateAsync(CommandLine cl, ConsoleIo io, CancellationToken ct)
    {
        cl.Allow("db");
        var target = Target(cl);
        await target.MigrateAsync(ct);
        io.Out.WriteLine($"Đã cập nhật cấu trúc cơ sở dữ liệu: {target}");
        return 0;
    }

    private static int Usage(ConsoleIo io)
    {
        io.Err.WriteLine("""
            chibo — dòng lệnh của ChiBo

              chibo migrate [--db CONNECTION]
              chibo seed --profile PATH [--scale F] [--seed N] [--db CONNECTION] [--no-meetings]
              chibo report member-structure --org CODE|root --as-of yyyy-MM-dd [--age-bands 18-30,31-40,…,61+] [--db …] --format json
              chibo report org-structure --org CODE|root --as-of yyyy-MM-dd [--db …] --format json
              chibo report movements --org CODE|root --from yyyy-MM-dd --to yyyy-MM-dd [--db …] --format json
              chibo report meetings --org CODE|root --year YYYY [--detail] [--db …] --format json
              chibo report ratings --org CODE|root --from-year YYYY --to-year YYYY [--db …] --format json
              chibo report ratings-summary --org CODE|root --from-year YYYY --to-year YYYY [--db …] --format json
              chibo ratings template --out PATH.xlsx
              chibo ratings import --file PATH.xlsx --org CODE|root [--db …]
              chibo report committees --org CODE|root --level province|commune|base|villageCell --as-of yyyy-MM-dd [--age-bands …] [--db …] --format json
              chibo plan import --file PLAN.json [--db …]            (kế hoạch, chỉ tiêu, nhiệm vụ: docs/plan-file.md)
              chibo plan import-annex --plan SỐ --file PHU-LUC.txt [--db …]
              chibo plan status|dashboard|tasks --org CODE|root --year YYYY [--db …] --format json
              chibo plan allocate --plan SỐ --indicator MÃ --org CODE [--year YYYY] --target N [--target-high N] [--source …]
              chibo plan value --plan SỐ --indicator MÃ --org CODE --year YYYY --numerator N [--denominator N] --source "…"
              chibo plan report-task --task ID --status done|inProgress|notStarted [--progress N] [--year YYYY] [--evidence SỐ] [--evidence-date yyyy-MM-dd] [--note …]
              chibo plan remind [--db …]                               (nhắc việc đến hạn, quá hạn; chạy hằng ngày)
              chibo plan measures                                      (danh mục số đo: docs/measures.md)
              chibo user add --username U --password P --role ROLE --org CODE|root [--totp-secret BASE32] [--member ID] [--db …]
              chibo user totp --username U [--db …]
              chibo members import --file TỆP.xlsx --org CODE|root --as TÀI-KHOẢN [--db …]
              chibo audit verify [--db …]
              chibo backup --to TỆP [--db …]
              chibo restore --from TỆP [--replace] [--db …]
              chibo access table
              chibo transfer-key [--keys DIR]                          (khóa công khai ký gói chuyển sinh hoạt)
              chibo transfer-key trust --file PEM --name TÊN [--keys DIR]   (tin cậy khóa của tỉnh khác)
              chibo bench [--db …] [--org CODE|root] [--as-of yyyy-MM-dd] [--runs N]
              chibo bench documents [--count 2000] [--runs N] [--db …]   (không có --db: cơ sở dữ liệu SQLite tạm)

            --db nhận đường dẫn tệp SQLite hoặc chuỗi kết nối PostgreSQL (Host=…); mặc định lấy từ biến CHIBO_DB.
            """);
        return 2;
    }
}

/// <summary>Where a command writes: the console, or a test's buffers.</summary>
public sealed record ConsoleIo(TextWriter Out, TextWriter Err);
