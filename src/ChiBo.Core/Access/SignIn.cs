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

    public static async Task<SignInResult> AttemptAsync(
        ChiBoDb db, AuditScope audit, string userName, string password, string? totp, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var name = userName.Trim().ToLowerInvariant();
        var account = await db.Accounts.Include(a => a.Roles).FirstOrDefaultAsync(a => a.UserName == name, ct);
        audit.Actor = name.Length > 0 ? name : "(trống)";
        if (account is null || account.Disabled)
        {
            // Same work and answer as a wrong password, so user names cannot be probed.
            Passwords.Verify("pbkdf2-sha512$210000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", password);
            await LogAsync(db, audit, "sign-in-failed", name, "Không có tài khoản", now, ct);
            return new SignInResult(SignInOutcome.Invalid);
        }

        if (account.LockedUntil is { } until && until > now)
        {
            await LogAsync(db, audit, "sign-in-refused", name, "Tài khoản đang tạm khóa", now, ct);
            return new SignInResult(SignInOutcome.LockedOut, LockedUntil: until);
        }

        if (!Passwords.Verify(account.PasswordHash, password))
        {
            return await FailAsync(db, audit, account, "Sai mật khẩu", now, ct);
        }

        var needsTwoFactor = account.Roles.Any(r => Roles.RequiresTwoFactor(r.Role)) || account.TotpSecret is not null;
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

            if (!Totp.Verify(account.TotpSecret, totp.Trim(), now, account.LastTotpStep, out var step))
            {
                return await FailAsync(db, audit, account, "Sai mã xác thực hai lớp", now, ct);
            }

            account.LastTotpStep = step;
        }

        account.FailedSignIns = 0;
        account.LockedUntil = null;
        audit.Reason = "Đăng nhập";
        await db.SaveChangesAsync(ct);
        await LogAsync(db, audit, "sign-in", name, null, now, ct);
        return new SignInResult(SignInOutcome.Succeeded, account);
    }

    private static async Task<SignInResult> FailAsync(ChiBoDb db, AuditScope audit, Account account, string why, DateTimeOffset now, CancellationToken ct)
    {
        account.FailedSignIns++;
        if (account.FailedSignIns >= MaxFailures)
        {
            account.LockedUntil = now + LockoutPeriod;
            account.FailedSignIns = 0;
        }

        audit.Reason = why;
        await db.SaveChangesAsync(ct);
        return account.LockedUntil is { } until && until > now
            ? new SignInResult(SignInOutcome.LockedOut, LockedUntil: until)
            : new SignInResult(SignInOutcome.Invalid);
    }

    private static async Task LogAsync(ChiBoDb db, AuditScope audit, string action, string userName, string? why, DateTimeOffset now, CancellationToken ct)
    {
        audit.Reason = why;
        await AuditChain.RecordAsync(db, audit, action, nameof(Account), userName, null, 0, now, ct);
    }
}
