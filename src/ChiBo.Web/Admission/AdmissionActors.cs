using ChiBo.Admission;
using ChiBo.Organizations;

namespace ChiBo.Web.Admission;

public static class AdmissionActors
{
    /// <summary>
    /// Who acts at a level for this cell, by name: "Chi bộ thôn 1", "Đảng ủy cơ sở A1", "Ban Thường vụ
    /// Đảng ủy xã A" (the standing committee decides admissions), "Ban Thường vụ Tỉnh ủy".
    /// </summary>
    public static string Who(CandidateChain chain, AdmissionLevel level) => (level, chain.At(level)) switch
    {
        (AdmissionLevel.Province, _) => AdmissionProcedure.NameOf(level),
        (AdmissionLevel.CompetentCommittee, { Kind: OrgKind.Province }) => "Ban Thường vụ Tỉnh ủy",
        (AdmissionLevel.CompetentCommittee, { } org) => "Ban Thường vụ " + Documents.PartyDocument.Committee(org),
        (_, { } org) => Documents.PartyDocument.Committee(org),
        _ => AdmissionProcedure.NameOf(level),
    };
}
