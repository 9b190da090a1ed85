using System.Net;
using System.Net.Http.Json;
using ChiBo.Admission;
using ChiBo.Members;
using ChiBo.Tests.Infrastructure;
using ChiBo.Web.Admission;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Tests.Admission;

/// <summary>The JSON API of admission, transfers and fees through HTTP: results, Vietnamese problems, conflicts.</summary>
public sealed class AdmissionApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_NominatesRefusesInVietnamese_DetectsConflicts_AndReportsThePipeline(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await using var app = new ChiBoApp(w.Database);
        using var http = await app.SignedInAsync("admin");
        var profile = w.Profile("Phan Văn Qua Mạng", new DateOnly(1999, 9, 9));

        // Nominating is the cell's act: the province board writes members everywhere but does not act at the cell's level.
        using var board = await app.SignedInAsync("province-board");
        var notTheCell = await board.PostAsJsonAsync("/api/admission/candidates", new NominateRequest(profile, w.Cell1.Id, new DateOnly(2025, 1, 6)), Ct);
        notTheCell.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await notTheCell.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail!.ShouldContain("Chi bộ (Chi bộ thôn 1)");

        var wrongOrg = await http.PostAsJsonAsync("/api/admission/candidates", new NominateRequest(profile, w.BaseA1.Id, new DateOnly(2025, 1, 6)), Ct);
        wrongOrg.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await wrongOrg.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        problem!.Title.ShouldBe("Dữ liệu không hợp lệ");
        problem.Detail!.ShouldContain("không phải chi bộ");

        var created = await http.PostAsJsonAsync("/api/admission/candidates", new NominateRequest(profile, w.Cell1.Id, new DateOnly(2025, 1, 6)), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var candidate = (await created.Content.ReadFromJsonAsync<CandidateView>(Ct))!;
        (candidate.Step, candidate.Version, candidate.FullName).ShouldBe((CandidateStep.Nominated, 1, "Phan Văn Qua Mạng"));

        var stale = await http.PostAsJsonAsync($"/api/admission/candidates/{candidate.Id}/course", new CertificateRequest(7, "5/GCN", new DateOnly(2025, 2, 3)), Ct);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var course = await http.PostAsJsonAsync($"/api/admission/candidates/{candidate.Id}/course", new CertificateRequest(1, "5/GCN", new DateOnly(2025, 2, 3)), Ct);
        course.StatusCode.ShouldBe(HttpStatusCode.OK);

        var list = (await http.GetFromJsonAsync<List<CandidateRow>>("/api/admission/candidates?org=AG.01.01.01", Ct))!;
        list.ShouldHaveSingleItem().ShouldBe(new CandidateRow(candidate.Id, "Phan Văn Qua Mạng", new DateOnly(1999, 9, 9), "AG.01.01.01",
            CandidateStep.Trained, "Đã học lớp bồi dưỡng nhận thức về Đảng", new DateOnly(2025, 2, 3), null, 2));
        (await http.GetFromJsonAsync<List<CandidateRow>>("/api/admission/candidates?org=AG.02", Ct))!.ShouldBeEmpty();
        var pipeline = (await http.GetFromJsonAsync<AdmissionPipeline>("/api/admission/pipeline?org=AG.01", Ct))!;
        pipeline.Steps.Single(s => s.Step == CandidateStep.Trained).Count.ShouldBe(1);
        (await http.GetAsync("/api/transfers/overdue?org=XX.99", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetAsync("/api/fees/collection?org=AG&year=2025&month=5", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync("/api/fees/arrears?org=AG&year=2025&through=13", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
