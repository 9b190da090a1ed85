using ChiBo.Access;
using ChiBo.Audit;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Cli;

/// <summary>chibo user add | user password | user totp, chibo audit verify.</summary>
internal static class AccessCommands
{
    public static async Task<int> UserAsync(CommandLine cl, ConsoleIo io, CancellationToken ct)
    {
        var verb = cl.Words.Count > 1 ? cl.Words[1] : throw new UsageException("Cần lệnh con: user add, user password hoặc user totp.");
        var target = ChiBoCli.Target(cl);
        await target.MigrateAsync(ct);
        await using var db = target.CreateContext(AuditScope.For("cli:" + Environment.UserName));
        switch (verb)
        {
            case "add":
            {
                cl.Allow("username", "password", "role", "org", "totp-secret", "member", "db");
                var roleName = cl.Required("role");
                var role = Roles.Parse(roleName)
                    ?? throw new UsageException($"--role: không có vai trò \"{roleName}\"; các vai trò: {string.Join(", ", Roles.All.Select(r => r.Name))}.");
                int? member = cl.Has("member") ? cl.Int("member", 0) : null;
                try
                {
                    var account = await Accounts.AddAsync(db, cl.Required("username"), cl.Required("password"), role,
                        cl.Required("org"), cl.Optional("totp-secret"), member, TimeProvider.System, ct);
                    io.Out.WriteLine($"Tài khoản {account.UserName}: vai trò {Roles.NameOf(role)} trên {cl.Required("org")}.");
                    if (Roles.RequiresTwoFactor(role) && account.TotpSecret is null)
                    {
                        io.Err.WriteLine("Lưu ý: vai trò này bắt buộc xác thực hai lớp; thêm --totp-secret BASE32 để đăng nhập được.");
                    }

                    return 0;
                }
                catch (AccessException e)
                {
                    throw new UsageException($"--{e.Field}: {e.Message}");
                }
            }

            case "password":
            {
                cl.Allow("username", "password", "db");
                try
                {
                    await Accounts.SetPasswordAsync(db, cl.Required("username"), cl.Required("password"), TimeProvider.System, ct);
                }
                catch (AccessException e)
                {
                    throw new UsageException($"--{e.Field}: {e.Message}");
                }

                io.Out.WriteLine($"Đã đặt mật khẩu mới cho {cl.Required("username").Trim().ToLowerInvariant()}; mọi phiên đăng nhập của tài khoản đã kết thúc.");
                return 0;
            }

            case "totp":
            {
                // For the demo accounts and for support: the current code of an account's authenticator.
                cl.Allow("username", "db");
                var name = cl.Required("username").ToLowerInvariant();
                var secret = await db.Accounts.Where(a => a.UserName == name).Select(a => a.TotpSecret).FirstOrDefaultAsync(ct);
                if (secret is null)
                {
                    throw new UsageException($"--username: tài khoản \"{name}\" không có hoặc chưa thiết lập xác thực hai lớp.");
                }

                io.Out.WriteLine(Totp.Code(secret, DateTimeOffset.UtcNow));
                return 0;
            }

            default:
                throw new UsageException($"Không có lệnh \"user {verb}\".");
        }
    }

    /// <summary>chibo access table: the access table in markdown, as README.md lists it.</summary>
    public static int Table(CommandLine cl, ConsoleIo io)
    {
        cl.Allow();
        io.Out.Write(AccessTableDocument.Markdown());
        return 0;
    }

    public static async Task<int> AuditAsync(CommandLine cl, ConsoleIo io, CancellationToken ct)
    {
        if (cl.Words.Count < 2 || cl.Words[1] != "verify")
        {
            throw new UsageException("Cần lệnh con: audit verify.");
        }

        cl.Allow("db");
        await using var db = ChiBoCli.Target(cl).CreateContext();
        var result = await AuditChain.VerifyAsync(db, ct);
        if (result.Intact)
        {
            io.Out.WriteLine($"Nhật ký toàn vẹn: {result.Entries} dòng, không dòng nào bị sửa, xóa hay chèn.");
            foreach (var (chain, head) in result.Heads.OrderBy(h => h.Key))
            {
                // Lines cut from the end are found by comparing these with the heads noted last time.
                io.Out.WriteLine($"  chuỗi {chain}: dòng cuối {head.Seq}, mã băm {head.Hash}");
            }

            return 0;
        }

        io.Out.WriteLine($"NHẬT KÝ BỊ CAN THIỆP: {result.Problems.Count} chỗ sai trên {result.Entries} dòng.");
        foreach (var problem in result.Problems)
        {
            io.Out.WriteLine("  " + problem);
        }

        return 1;
    }
}
