using System.Globalization;
using System.Text;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Access;

/// <summary>A demo account as created: what a new user needs to sign in.</summary>
public sealed record DemoAccount(string UserName, Role Role, string OrgCode, string OrgName, string Password, string? TotpSecret);

/// <summary>
/// One account per role on a demo province, each on a subtree that shows what the role sees:
/// the province, one commune, one base committee in it, one cell in that, one member of that
/// cell. Passwords and TOTP secrets are made fresh; nothing is written into the repository.
/// </summary>
public static class DemoAccounts
{
    public static async Task<IReadOnlyList<DemoAccount>> CreateAsync(ChiBoDb db, TimeProvider clock, CancellationToken ct)
    {
        var root = await db.Organizations.AsNoTracking().Where(o => o.ParentId == null).OrderBy(o => o.Id).FirstAsync(ct);
        var commune = await FirstUnderAsync(db, root, OrgKind.SuperiorToBase, [OrgKind.BaseCommittee], ct) ?? root;
        var baseCommittee = await FirstUnderAsync(db, commune, OrgKind.BaseCommittee, [OrgKind.Cell], ct) ?? commune;
        var cell = await FirstUnderAsync(db, baseCommittee, OrgKind.Cell, [], ct) ?? baseCommittee;
        var member = await db.Members.AsNoTracking()
            .Where(m => m.CellId == cell.Id && (m.Status == MemberStatus.Official || m.Status == MemberStatus.Probationary))
            .OrderBy(m => m.Id).FirstOrDefaultAsync(ct);

        (string User, Role Role, Organization Org, int? Member)[] plan =
        [
            ("admin", Role.Admin, root, null),
            ("tinh", Role.ProvinceBoard, root, null),
            ("kiemtra", Role.Inspection, root, null),
            ("dangbo-xa", Role.SuperiorCommittee, commune, null),
            ("coso", Role.BaseCommittee, baseCommittee, null),
            ("chibo", Role.CellCommittee, cell, null),
            ("dangvien", Role.Member, cell, member?.Id),
        ];
        var created = new List<DemoAccount>();
        foreach (var (user, role, org, memberId) in plan)
        {
            var password = Passwords.Generate();
            // A member signs in with a password alone (Roles.RequiresTwoFactor), on the handbook from a phone.
            var secret = Roles.RequiresTwoFactor(role) ? Totp.NewSecret() : null;
            await Accounts.AddAsync(db, user, password, role, org.ParentId is null ? "root" : org.Code, secret, memberId, clock, ct);
            created.Add(new DemoAccount(user, role, org.Code, org.Name, password, secret));
        }

        return created;
    }

    /// <summary>The first organization of a kind under a parent, preferring one that has children of the given kinds.</summary>
    private static async Task<Organization?> FirstUnderAsync(ChiBoDb db, Organization parent, OrgKind kind, OrgKind[] withChildOf, CancellationToken ct)
    {
        var candidates = db.Organizations.AsNoTracking().In(Subtree.Of(parent)).Where(o => o.Kind == kind && o.DissolvedOn == null);
        if (withChildOf.Length > 0)
        {
            var preferred = await candidates
                .Where(o => db.Organizations.Any(c => c.ParentId == o.Id && withChildOf.Contains(c.Kind)))
                .OrderBy(o => o.Path).FirstOrDefaultAsync(ct);
            if (preferred is not null)
            {
                return preferred;
            }
        }

        return await candidates.OrderBy(o => o.Path).FirstOrDefaultAsync(ct);
    }

    /// <summary>The text of the accounts file the first run writes beside the database.</summary>
    public static string Describe(IReadOnlyList<DemoAccount> accounts)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Tài khoản thử nghiệm của tỉnh mẫu ChiBo (tạo ngẫu nhiên khi chạy lần đầu; giữ kín tệp này).");
        sb.AppendLine("# Mã xác thực hai lớp: thêm khóa TOTP vào ứng dụng xác thực, hoặc chạy");
        sb.AppendLine("#   dotnet run --project src/ChiBo.Cli -- user totp --username TÊN");
        sb.AppendLine();
        foreach (var a in accounts)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{a.UserName,-10} {Roles.NameOf(a.Role),-19} {a.OrgCode,-16} mật khẩu: {a.Password}  TOTP: {a.TotpSecret ?? "không cần"}  ({a.OrgName})");
        }

        return sb.ToString();
    }
}
