using ChiBo.Audit;
using ChiBo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Access;

public enum SignInOutcome
{
    Succeeded,
    Invalid,
    LockedOut,
    TwoFactorRequired,
    TwoFactorNotSetUp,
}

public sealed record SignInResult(SignInOutcome Outcome, Account? Account = null, DateTimeOffset? LockedUntil = null)
{
    public string Message => Outcome switch
    {
        SignInOutcome.Succeeded => "Đăng nhập thành công.",
        SignInOutcome.LockedOut => "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau " +
                                   (LockedUntil is { } t ? t.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : "ít phút") + ".",
        SignInOutcome.TwoFactorRequired => "Cần mã xác thực hai lớp (6 chữ số) từ ứng dụng xác thực.",
        SignInOutcome.TwoFactorNotSetUp => "Vai trò của tài khoản này bắt buộc xác thực hai lớp nhưng tài khoản chưa được thiết lập. Liên hệ quản trị.",
        _ => "Tên đăng nhập, mật khẩu hoặc mã xác thực không đúng.",
    };
}

/// <summary>
/// Password, then TOTP for every role above <see cref="Role.Member"/>; five failures in a row
/// lock the account for fifteen minutes. Every attempt leaves an audit line.
/// </summary>
public static class SignIn
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(15);

    /// <summary>Longest user name an account can have (<see cref="Accounts"/>: 3–64 characters).</summary>
    public const int MaxUserName = 64;

    /// <summary>Far above any password a person types; hashing megabytes on every attempt would be a way to tire the server.</summary>
    public const int MaxPassword = 1024;

    /// <summary>Null when the input can be checked at all, else the field and what is wrong (a 400, never a failed attempt).</summary>
    public static (string Field, string Message)? CheckInput(string userName, string password) =>
        userName.Trim().Length > MaxUserName
            ? ("username", $"Tên đăng nhập dài quá {MaxUserName} ký tự.")
            : password.Length > MaxPassword
                ? ("password", $"Mật khẩu dài quá {MaxPassword} ký tự.")
                : null;

    public static async Task<SignInResult> AttemptAsync(
        ChiBoDb db, AuditScope audit, string userName, string password, string? totp, TimeProvider clock, CancellationToken ct)
    {
        if (CheckInput(userName, password) is { } bad)
        {
            throw new AccessException(bad.Field, bad.Message);
        }

        var now = clock.GetUtcNow();
        var name = userName.Trim().ToLowerInvariant();
        var account = await db.Accounts.AsNoTracking().Include(a => a.Roles).FirstOrDefaultAsync(a => a.UserName == name, ct);
        audit.Actor = name.Length > 0 ? name : "(trống)";
        if (account is null || account.Disabled)
        {
            // Same work and answer as a wrong password, so user names cannot be probed.
            Passwords.Verify("pbkdf2-sha512$210000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", password);
            await LogAsync(db, audit, "sign-in-failed", name, "Không có tài khoản", now, ct);
            return new SignInResult(SignInOutcome.Invalid);
        }

        if (account.FailedSignIns >= MaxFailures)
        {
            if (account.LockedUntil is { } until && until > now)
            {
                await LogAsync(db, audit, "sign-in-refused", name, "Tài khoản đang tạm khóa", now, ct);
                return new SignInResult(SignInOutcome.LockedOut, LockedUntil: until);
            }

            // The lock has run out: five new tries.
            await db.Accounts.Where(a => a.Id == account.Id && a.FailedSignIns >= MaxFailures)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.FailedSignIns, 0).SetProperty(a => a.LockedUntil, (DateTimeOffset?)null), ct);
        }

        if (!Passwords.Verify(account.PasswordHash, password))
        {
            return await FailAsync(db, audit, account, "Sai mật khẩu", now, ct);
        }

        var needsTwoFactor = account.Roles.Any(r => Roles.RequiresTwoFactor(r.Role)) || account.TotpSecret is not null;
        var step = account.LastTotpStep;
        if (needsTwoFactor)
        {
            if (account.TotpSecret is null)
            {
                await LogAsync(db, audit, "sign-in-refused", name, "Chưa thiết lập xác thực hai lớp", now, ct);
                return new SignInResult(SignInOutcome.TwoFactorNotSetUp);
            }

            if (string.IsNullOrWhiteSpace(totp))
            {
                return new SignInResult(SignInOutcome.TwoFactorRequired);
            }

            if (!Totp.Verify(account.TotpSecret, totp.Trim(), now, account.LastTotpStep, out step))
            {
                return await FailAsync(db, audit, account, "Sai mã xác thực hai lớp", now, ct);
            }
        }

        // One statement that succeeds only if no parallel attempt has locked the account meanwhile
        // and no other sign-in has used this code (its step) since it was read.
        var previousStep = account.LastTotpStep;
        var accepted = await db.Accounts
            .Where(a => a.Id == account.Id && a.FailedSignIns < MaxFailures && a.LastTotpStep == previousStep)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.FailedSignIns, 0).SetProperty(a => a.LockedUntil, (DateTimeOffset?)null).SetProperty(a => a.LastTotpStep, step), ct);
        if (accepted == 0)
        {
            var current = await db.Accounts.AsNoTracking().Where(a => a.Id == account.Id).Select(a => new { a.FailedSignIns, a.LockedUntil }).FirstAsync(ct);
            if (current.FailedSignIns >= MaxFailures)
            {
                await LogAsync(db, audit, "sign-in-refused", name, "Tài khoản đang tạm khóa", now, ct);
                return new SignInResult(SignInOutcome.LockedOut, LockedUntil: current.LockedUntil);
            }

            await LogAsync(db, audit, "sign-in-failed", name, "Mã xác thực hai lớp đã dùng", now, ct);
            return new SignInResult(SignInOutcome.Invalid);
        }

        await LogAsync(db, audit, "sign-in", name, null, now, ct);
        return new SignInResult(SignInOutcome.Succeeded, account);
    }

    /// <summary>
    /// Counts the failure in one statement (UPDATE … SET failed = failed + 1 … RETURNING), so
    /// parallel wrong passwords each count: read, add one and save let twenty of them all read 0.
    /// </summary>
    private static async Task<SignInResult> FailAsync(ChiBoDb db, AuditScope audit, Account account, string why, DateTimeOffset now, CancellationToken ct)
    {
        var until = now + LockoutPeriod;
        var failures = (await db.Database.SqlQuery<int>($"""
                UPDATE accounts SET
                    failed_sign_ins = failed_sign_ins + 1,
                    locked_until = CASE WHEN failed_sign_ins + 1 >= {MaxFailures} THEN {until} ELSE locked_until END
                WHERE id = {account.Id}
                RETURNING failed_sign_ins AS "Value"
                """).ToListAsync(ct)).Single();
        var locked = failures >= MaxFailures;
        await LogAsync(db, audit, "sign-in-failed", account.UserName,
            locked ? $"{why}; tài khoản tạm khóa {LockoutPeriod.TotalMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)} phút" : why, now, ct);
        return locked
            ? new SignInResult(SignInOutcome.LockedOut, LockedUntil: until)
            : new SignInResult(SignInOutcome.Invalid);
    }

    private static async Task LogAsync(ChiBoDb db, AuditScope audit, string action, string userName, string? why, DateTimeOffset now, CancellationToken ct)
    {
        audit.Reason = why;
        await AuditChain.RecordAsync(db, audit, action, nameof(Account), userName, null, 0, now, ct);
    }
}
