using System.Text.RegularExpressions;
using ChiBo.Audit;
using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Access;

/// <summary>Creating accounts and granting roles on subtrees.</summary>
public static partial class Accounts
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex UserNamePattern();

    /// <summary>
    /// Creates the account, or adds the role to an existing one (an account may hold several
    /// roles, each on its subtree). One transaction; audited.
    /// </summary>
    public static async Task<Account> AddAsync(
        ChiBoDb db, string userName, string password, Role role, string orgCodeOrRoot, string? totpSecret,
        int? memberId, TimeProvider clock, CancellationToken ct)
    {
        userName = userName.Trim().ToLowerInvariant();
        if (!UserNamePattern().IsMatch(userName))
        {
            throw new AccessException("username", "Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.");
        }

        if (totpSecret is not null && !Totp.IsBase32(totpSecret))
        {
            throw new AccessException("totp-secret", "Khóa TOTP phải là chuỗi Base32 (A–Z, 2–7) dài ít nhất 16 ký tự.");
        }

        var lookup = await SubtreeQueries.FindAsync(db, orgCodeOrRoot, ct);
        if (!lookup.Found)
        {
            throw new AccessException("org", $"Không có tổ chức đảng mã \"{orgCodeOrRoot}\".");
        }

        if (lookup.Organization is null && role != Role.Admin)
        {
            throw new AccessException("org", "Sổ đăng ký có nhiều tỉnh: hãy chọn mã đảng bộ tỉnh thay cho \"root\".");
        }

        if (memberId is { } mid && !await db.Members.AnyAsync(m => m.Id == mid, ct))
        {
            throw new AccessException("member", $"Không có đảng viên mã số {mid}.");
        }

        var account = await db.Accounts.Include(a => a.Roles).FirstOrDefaultAsync(a => a.UserName == userName, ct);
        if (account is null)
        {
            if (Passwords.Check(password) is { } weak)
            {
                throw new AccessException("password", weak);
            }

            account = new Account
            {
                UserName = userName,
                DisplayName = userName,
                PasswordHash = Passwords.Hash(password),
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAt = clock.GetUtcNow(),
                TotpSecret = totpSecret?.ToUpperInvariant(),
                MemberId = memberId,
            };
            db.Accounts.Add(account);
        }
        else
        {
            if (!Passwords.Verify(account.PasswordHash, password))
            {
                throw new AccessException("password", $"Tài khoản \"{userName}\" đã có; mật khẩu không khớp nên không thêm vai trò.");
            }

            account.TotpSecret ??= totpSecret?.ToUpperInvariant();
            account.MemberId ??= memberId;
            account.SecurityStamp = Guid.NewGuid().ToString("N");
            await Sessions.EndAllAsync(db, account.Id, Sessions.RolesChanged, clock, ct);
        }

        // An administrator on "root" holds the whole register, including provinces added later.
        var isRoot = string.Equals(orgCodeOrRoot.Trim(), "root", StringComparison.OrdinalIgnoreCase);
        var orgId = role == Role.Admin && isRoot ? null : lookup.Organization?.Id;
        if (!account.Roles.Any(r => r.Role == role && r.OrganizationId == orgId))
        {
            account.Roles.Add(new RoleGrant { Role = role, OrganizationId = orgId });
        }

        await db.SaveChangesAsync(ct);
        return account;
    }

    /// <summary>
    /// Sets a new password. Every session of the account ends (on every device, copied cookies
    /// included): whoever knew the old password is signed out. One transaction; audited.
    /// </summary>
    public static async Task SetPasswordAsync(ChiBoDb db, string userName, string password, TimeProvider clock, CancellationToken ct)
    {
        var name = userName.Trim().ToLowerInvariant();
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.UserName == name, ct)
            ?? throw new AccessException("username", $"Không có tài khoản \"{name}\".");
        if (Passwords.Check(password) is { } weak)
        {
            throw new AccessException("password", weak);
        }

        account.PasswordHash = Passwords.Hash(password);
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        await Sessions.EndAllAsync(db, account.Id, Sessions.PasswordChanged, clock, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The roles of an account, each resolved to its subtree's current path: the caller's <see cref="OrgScope"/>.</summary>
    public static async Task<OrgScope> ScopeOfAsync(ChiBoDb db, int accountId, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId && !a.Disabled)
            .Select(a => new { a.Id, a.UserName, a.MemberId })
            .FirstOrDefaultAsync(ct);
        if (account is null)
        {
            return OrgScope.Anonymous;
        }

        var grants = await (
                from g in db.RoleGrants.AsNoTracking()
                where g.AccountId == accountId
                join o in db.Organizations on g.OrganizationId equals o.Id into orgs
                from o in orgs.DefaultIfEmpty()
                select new { g.Role, g.OrganizationId, ProvinceId = (int?)o.ProvinceId, Path = o.Path })
            .ToListAsync(ct);
        var roles = grants
            .Select(g => new ScopedRole(
                g.Role,
                g.OrganizationId is null ? Subtree.Everything : new Subtree(g.ProvinceId, g.Path),
                g.OrganizationId))
            .ToList();
        return new OrgScope(account.Id, account.UserName, account.MemberId, roles);
    }
}
