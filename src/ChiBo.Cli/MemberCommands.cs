using ChiBo.Access;
using ChiBo.Audit;
using ChiBo.Members.Excel;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Cli;

/// <summary>
/// chibo members import --file X.xlsx --org CODE|root --as USERNAME: the Excel import of the web
/// page, acting as an existing account, with that account's scope (a code outside it is "not
/// found", as on the web) and that account named in the timeline and the audit log.
/// </summary>
internal static class MemberCommands
{
    public static async Task<int> RunAsync(CommandLine cl, ConsoleIo io, CancellationToken ct)
    {
        if (cl.Words.ElementAtOrDefault(1) != "import")
        {
            throw new UsageException("Cần lệnh con: members import.");
        }

        cl.Allow("file", "org", "as", "db");
        var path = Path.GetFullPath(cl.Required("file"));
        if (!File.Exists(path))
        {
            throw new UsageException($"--file: không có tệp {path}.");
        }

        var userName = cl.Required("as").Trim().ToLowerInvariant();
        var code = cl.Required("org");
        var target = ChiBoCli.Target(cl);
        await target.MigrateAsync(ct);
        var audit = AuditScope.For(userName);
        audit.Address = "cli";
        await using var db = target.CreateContext(audit);
        var accountId = await db.Accounts.AsNoTracking().Where(a => a.UserName == userName && !a.Disabled).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct)
            ?? throw new UsageException($"--as: không có tài khoản \"{userName}\" (hoặc tài khoản đã bị khóa).");
        var scope = await Accounts.ScopeOfAsync(db, accountId, ct);
        var lookup = await SubtreeQueries.FindInScopeAsync(db, scope, code, Operation.MembersWrite, ct);
        if (!lookup.Found)
        {
            throw new UsageException($"--org: không có tổ chức đảng mã \"{code}\" trong phạm vi tài khoản {userName} được cập nhật.");
        }

        await using var file = File.OpenRead(path);
        ImportResult result;
        try
        {
            result = await new MemberImport(db, TimeProvider.System, scope, userName).ImportAsync(file, lookup.Subtree, ct);
        }
        catch (RuleViolationException e)
        {
            result = new ImportResult(0, [new ImportError(0, MemberSheet.ColumnOf(e.Field), e.Message)]);
        }

        if (result.Succeeded)
        {
            io.Out.WriteLine($"Đã nhập {result.Imported} đảng viên từ {Path.GetFileName(path)} vào {lookup.Organization?.Code ?? "root"}.");
            return 0;
        }

        io.Err.WriteLine($"Không nhập: {result.Errors.Count} lỗi, chưa ghi dòng nào.");
        foreach (var e in result.Errors.Take(200))
        {
            var where = e.Row > 0 ? $"dòng {e.Row}" : "tệp";
            io.Err.WriteLine(e.Column.Length > 0 ? $"  {where}, cột \"{e.Column}\": {e.Message}" : $"  {where}: {e.Message}");
        }

        return 2;
    }
}
