using ChiBo.Discipline;
using ChiBo.Generation;
using ChiBo.Members;
using ChiBo.Organizations;

namespace ChiBo.Tests.Discipline;

/// <summary>The generated discipline history, in memory: exact counts, and every decision one the Charter allows.</summary>
public sealed class DisciplineGeneratorTests
{
    private static readonly ProvinceProfile Small = DemoProvince.Profile("an-giang.json").Scale(0.1);

    [Fact]
    public void EveryPeriod_GetsItsCountsExactly_AndEveryDecisionIsWithinThePowersOfItsLevel()
    {
        var g = new ProvinceGenerator(Small, 3, IdStart.One).Generate();
        var orgs = g.Organizations.ToDictionary(o => o.Id);
        var period = Small.Periods.Single();
        var counted = g.DisciplineDecisions.Where(d => !d.Annulled && d.DecidedOn >= period.From && d.DecidedOn <= period.To).ToList();
        counted.Count(d => d.Subject == DisciplineSubject.Member).ShouldBe(period["disciplinedMembers"]);
        counted.Count(d => d.Subject == DisciplineSubject.Organization).ShouldBe(period["disciplinedOrganizations"]);
        period["disciplinedMembers"].ShouldBe(213);
        period["disciplinedOrganizations"].ShouldBe(9);

        // A spread of forms, some after an inspection, some appealed, a few annulled (and so not counted).
        counted.Select(d => d.Form).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        counted.Count(d => d.CaseId is not null).ShouldBeGreaterThan(counted.Count / 5);
        g.DisciplineAppeals.Count.ShouldBeGreaterThan(0);
        g.DisciplineDecisions.Count(d => d.Annulled).ShouldBeGreaterThan(0);

        var periods = g.MemberPeriods.ToLookup(p => p.MemberId);
        var members = g.Members.ToDictionary(m => m.Id);
        foreach (var d in g.DisciplineDecisions)
        {
            var decider = orgs[d.DecidingOrgId!.Value];
            var level = DisciplinePolicy.LevelOf(decider.Kind, d.DecidingBody);
            DisciplinePolicy.Default.FormsDecidedBy(d.Subject, level, d.DecidingBody).ShouldContain(d.OriginalForm, $"{d.DecisionNumber}: {decider.Name} {d.DecidingBody}");
            new LevelIsAboveTheSubject(d.Subject, decider.Path, d.DecidingBody, d.SubjectPath, decider.Name).IsBroken().ShouldBeFalse(d.DecisionNumber);
            if (d.Subject == DisciplineSubject.Member)
            {
                var m = members[d.MemberId!.Value];
                var probationary = m.OfficialOn is not { } official || official > d.DecidedOn;
                DisciplinePolicy.FormsFor(DisciplineSubject.Member, probationary).ShouldContain(d.OriginalForm);
                var inParty = periods[m.Id].Any(p => p.ValidFrom <= d.DecidedOn && (d.DecidedOn < p.ValidTo || (d.Form == DisciplineForm.Expulsion && d.DecidedOn == p.ValidTo)));
                inParty.ShouldBeTrue($"{m.FullName} {d.DecidedOn}");
            }
            else
            {
                d.Form.ShouldNotBe(DisciplineForm.Dissolution);
                orgs[d.OrganizationId!.Value].FoundedOn.ShouldBeLessThanOrEqualTo(d.DecidedOn);
            }
        }

        // Cases come before their decisions, and conclude before them.
        var cases = g.InspectionCases.ToDictionary(c => c.Id);
        foreach (var d in g.DisciplineDecisions.Where(d => d.CaseId is not null))
        {
            var c = cases[d.CaseId!.Value];
            (c.Conclusion, c.ConcludedOn <= d.DecidedOn, c.OpenedOn <= c.ConcludedOn).ShouldBe((CaseConclusion.DisciplineWarranted, true, true));
        }

        // Every non-expulsion decision on a member is on their timeline.
        g.MemberEvents.Count(e => e.Kind == MemberEventKind.Disciplined)
            .ShouldBe(g.DisciplineDecisions.Count(d => d.Subject == DisciplineSubject.Member && d.OriginalForm != DisciplineForm.Expulsion));
    }

    [Fact]
    public void Expulsions_AreTheKhaiTruDecisionsBehindTheExpelledMembers()
    {
        var profile = ProvinceProfile.Parse("""
            { "code": "KT", "asOf": "2025-12-31", "members": { "total": 3000 },
              "history": { "periods": [ { "from": "2024-01-01", "to": "2024-12-31", "admitted": 100, "expelled": 6, "disciplinedMembers": 20, "disciplinedOrganizations": 2 } ] } }
            """);
        var g = new ProvinceGenerator(profile, 5, IdStart.One).Generate();
        var expelled = g.MemberEvents.Where(e => e.Kind == MemberEventKind.Expelled).ToList();
        expelled.Count.ShouldBe(6);
        var decisions = g.DisciplineDecisions.Where(d => d.Form == DisciplineForm.Expulsion).ToDictionary(d => d.MemberId!.Value);
        foreach (var e in expelled)
        {
            var d = decisions[e.MemberId];
            (d.DecidedOn, d.DecisionNumber, d.SubjectPath).ShouldBe((e.Date, e.DecisionNumber, e.CellPath));
            e.DecidedBy.ShouldNotBeNull();
            var decider = g.Organizations.Single(o => o.Id == d.DecidingOrgId);
            decider.Kind.ShouldBeOneOf(OrgKind.SuperiorToBase, OrgKind.Province);
        }

        g.DisciplineDecisions.Count(d => !d.Annulled && d.Subject == DisciplineSubject.Member).ShouldBe(20);
    }

    [Fact]
    public void Profile_DisciplinedMembersCountTheExpelled()
    {
        var defaulted = ProvinceProfile.Parse("""{ "members": { "total": 1000 }, "history": { "periods": [ { "from": "2024-01-01", "to": "2024-12-31", "expelled": 4 } ] } }""");
        defaulted.Periods.Single()["disciplinedMembers"].ShouldBe(4);
        var e = Should.Throw<ProfileException>(() => ProvinceProfile.Parse(
            """{ "members": { "total": 1000 }, "history": { "periods": [ { "from": "2024-01-01", "to": "2024-12-31", "expelled": 4, "disciplinedMembers": 3 } ] } }"""));
        e.Field.ShouldBe("history.periods[0].disciplinedMembers");
    }
}
