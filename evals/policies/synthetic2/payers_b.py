"""Second synthetic batch, part B: a guideline whose condition sections are headed by ICD-10
codes (secukinumab), a Highmark-style bulletin with criteria written as prose (natalizumab),
and a criteria table with one row per indication and Initial / Reauthorization columns
(immune globulin). Our own words, fictional plans."""

from __future__ import annotations

from payers_a import FILLER, rule
from render import Crit, Doc, Ind, Item, Style, bullet, c, g

# =========================================================================================
# 3. Condition sections headed by ICD-10 codes: secukinumab
# =========================================================================================

def _num_paren(i: int) -> str:
    return f"{i + 1})"


def _let_paren(i: int) -> str:
    return f"{chr(97 + i)})"


ICD = Style(markers=[_num_paren, _let_paren, bullet("–")])


def icd_secukinumab() -> tuple[Doc, list[Ind], list[str]]:
    def header(d: Doc) -> None:
        d.set_font("helvetica", "", 8)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Harborview Health Alliance  |  Pharmacy Coverage Guideline PCG-219",
               align="L")
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "Secukinumab (Cosentyx®)", align="R")
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-16)
        rule(d, d.get_y())
        d.set_font("helvetica", "", 7.5)
        d.set_xy(d.l_margin, d.get_y() + 1)
        d.cell(0, 3.5, "PCG-219 v7  |  Effective 05/01/2026  |  © 2026 Harborview Health "
               f"Alliance  |  {d.page_no()}/{{nb}}", align="C")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 15)
    d.cell(0, 8, "Pharmacy Coverage Guideline: Secukinumab (Cosentyx®)", new_x="LMARGIN",
           new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.5, "Guideline PCG-219  -  Version 7  -  Applies to: Commercial and Exchange "
           "plans", new_x="LMARGIN", new_y="NEXT")
    d.heading("How to use this guideline", 11)
    d.para("Coverage is decided by the member's diagnosis code. Find the ICD-10 code or range "
           "in the shaded headings below; the criteria under a heading apply only to the codes "
           "it lists. Diagnosis codes that are not listed are addressed in the last section. "
           "Secukinumab is given by subcutaneous injection (150 mg or 300 mg) or, for some "
           "conditions, by intravenous infusion.")
    d.para(FILLER, size=9)

    inds: list[Ind] = []

    def code_section(codes: str, name: str) -> None:
        d.ln(2)
        if d.get_y() > d.h - 50:
            d.add_page()
        d.set_fill_color(225)
        d.set_font("helvetica", "B", 10.5)
        d.cell(45, 6.5, codes, fill=True)
        d.cell(d.width - 45, 6.5, name, fill=True, new_x="LMARGIN", new_y="NEXT")
        d.set_font("helvetica", size=10)
        d.ln(1.5)

    def criteria(root: Crit, after: str) -> None:
        d.para(root.text, style="B")
        d.items(ICD.items(root), base=3)
        d.para(after, size=9, style="I")

    no_combo = "Not used together with another biologic or a Janus kinase inhibitor"
    tb = "Tuberculosis screening was negative, or latent tuberculosis is being treated"
    weeks = "Member has received secukinumab for at least 12 weeks"
    init_lead = "Initial request - approve up to 12 months when ALL apply:"
    renew_lead = "Renewal request - approve up to 12 months when ALL apply:"

    def add(name: str, codes: str, icd: list[str], aliases: list[str], init: Crit,
            renew: Crit) -> None:
        code_section(codes, name)
        criteria(init, "Quantity: 300 mg at weeks 0 to 4, then every 4 weeks.")
        criteria(renew, "Renewal may be requested 2 weeks before the current approval ends.")
        inds.append(Ind(name, f"{codes} {name} {init.text}", aliases, icd, init, renew,
                        renew.text))

    pso = g("all_of", init_lead,
            c("Member is 6 years of age or older"),
            c("Chronic plaque psoriasis present for at least 6 months"),
            g("any_of", "ONE of the following applies:",
              c("Body surface area involvement of 10% or more"),
              c("Psoriasis Area and Severity Index (PASI) score of 12 or more"),
              c("Involvement of the scalp, face, palms, soles, nails or genitals that has not "
                "responded to topical treatment")),
            g("any_of", "ONE of the following applies:",
              c("Inadequate response to 12 weeks of phototherapy (narrowband UVB or PUVA)"),
              c("Inadequate response to, or intolerance of, 12 weeks of methotrexate, "
                "cyclosporine or acitretin"),
              c("Phototherapy and all conventional systemic agents are contraindicated")),
            c("Prescribed by or in consultation with a dermatologist"),
            c(tb), c(no_combo))
    pso_r = g("all_of", renew_lead, c(weeks),
              g("any_of", "ONE of the following applies:",
                c("PASI improved by at least 50% from baseline"),
                c("Affected body surface area reduced by at least 50% from baseline")),
              c(no_combo))
    add("Plaque psoriasis", "L40.0", ["L40.0"], ["psoriasis", "PsO"], pso, pso_r)

    psa = g("all_of", init_lead,
            c("Member is 2 years of age or older"),
            c("Diagnosis of active psoriatic arthritis made by a rheumatologist or "
              "dermatologist"),
            g("at_least", "TWO or more of the following apply:",
              c("Three or more tender or swollen joints"),
              c("Dactylitis or enthesitis on examination"),
              c("Psoriatic nail disease or current skin psoriasis"),
              c("Joint erosions or new bone formation on radiographs"), n=2),
            g("any_of", "ONE of the following applies:",
              c("Inadequate response to at least 3 months of a conventional DMARD such as "
                "methotrexate, leflunomide or sulfasalazine"),
              c("Predominantly axial disease or enthesitis, for which conventional DMARDs are "
                "not expected to work")),
            c(tb), c(no_combo))
    psa_r = g("all_of", renew_lead, c(weeks),
              c("Fewer tender or swollen joints, or better physical function, than at baseline"),
              c(no_combo))
    add("Psoriatic arthritis", "L40.50 - L40.59", ["L40.50-L40.59"], ["PsA"], psa, psa_r)

    axs = g("all_of", init_lead,
            c("Member is 18 years of age or older"),
            g("any_of", "ONE of the following applies:",
              c("Ankylosing spondylitis with sacroiliitis on plain radiographs"),
              c("Non-radiographic axial spondyloarthritis with sacroiliitis on MRI or a raised "
                "C-reactive protein")),
            c("Inadequate response to two NSAIDs taken for at least 4 weeks in total, or "
              "intolerance of NSAIDs"),
            c("Prescribed by or in consultation with a rheumatologist"),
            c(tb), c(no_combo))
    axs_r = g("all_of", renew_lead, c(weeks),
              c("BASDAI improved by at least 2 points, or by 50%, from baseline"),
              c(no_combo))
    add("Axial spondyloarthritis", "M45.0 - M46.89", ["M45.0-M45.9", "M46.80-M46.89"],
        ["ankylosing spondylitis", "AS", "nr-axSpA"], axs, axs_r)

    hs = g("all_of", init_lead,
           c("Member is 18 years of age or older"),
           c("Hurley stage II or III disease with at least 3 abscesses or inflammatory nodules"),
           c("Inadequate response to at least 90 days of an oral antibiotic such as "
             "doxycycline"),
           c("Prescribed by or in consultation with a dermatologist"),
           c(tb))
    hs_r = g("all_of", renew_lead, c(weeks),
             c("Abscess and inflammatory nodule count reduced by at least 25% from baseline"))
    add("Hidradenitis suppurativa", "L73.2", ["L73.2"], ["HS"], hs, hs_r)

    code_section("M05.00 - M06.9", "Rheumatoid arthritis")
    excl = ["Secukinumab is not medically necessary for rheumatoid arthritis",
            "All other diagnosis codes: secukinumab is considered experimental and "
            "investigational"]
    d.para(excl[0] + ", because trials did not show a meaningful benefit over placebo in "
           "members who had failed a TNF inhibitor.")
    code_section("All other codes", "Uses not listed above")
    d.para(excl[1] + " for every condition not listed under a shaded heading above, including "
           "uveitis, Crohn's disease and multiple sclerosis.")

    d.heading("Dosing reference", 11)
    d.table_head([60, d.width - 60], ["Condition", "Usual regimen"])
    for cond, dose in [("Plaque psoriasis, adults", "300 mg SC at weeks 0-4, then every 4 weeks"),
                       ("Psoriatic arthritis, axial SpA", "150 mg SC at weeks 0-4, then every "
                        "4 weeks; 300 mg if active disease continues"),
                       ("Hidradenitis suppurativa", "300 mg SC at weeks 0-4, then every 2 or 4 "
                        "weeks")]:
        d.row([cond, dose])
    d.end_table()
    d.heading("Background", 11)
    for _ in range(2):
        d.para("Secukinumab binds interleukin-17A. " + FILLER, size=9)
    d.heading("References", 11)
    d.items([Item(0, f"[{k + 1}]", r) for k, r in enumerate([
        "Cosentyx prescribing information. Revised 2025.",
        "Marquez F, Olsen B. IL-17A blockade in psoriatic disease: a review. Derm Ther Rev. "
        "2022;18:40-58.", "Kato Y, et al. Secukinumab in moderate-to-severe hidradenitis "
        "suppurativa. Skin Inflamm. 2024;6:112-125."])])
    return d, inds, excl


# =========================================================================================
# 4. Highmark / Independence-style medical policy bulletin: natalizumab, criteria in prose
# =========================================================================================

def highmark_natalizumab() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Allegheny Summit Blue"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, "MEDICAL POLICY BULLETIN", align="L")
        d.set_font("helvetica", "", 8.5)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, f"{plan}  |  Policy I-218-027", align="R")
        d.set_y(18)

    def footer(d: Doc) -> None:
        d.set_y(-15)
        d.set_font("helvetica", "", 7.5)
        d.set_text_color(90)
        d.cell(0, 3.5, f"Policy Bulletin: I-218-027  Natalizumab (Tysabri®, Tyruko®)  "
               f"Page {d.page_no()} of {{nb}}", align="L", new_x="LMARGIN", new_y="NEXT")
        d.cell(0, 3.5, f"Copyright 2026 {plan}. Medical policy is not an authorization or "
               "a guarantee of payment.", align="L")

    d = Doc(header, footer, margin=20)
    d.add_page()
    d.set_font("helvetica", "", 9)
    for k, v in [("Title:", "Natalizumab (Tysabri®, Tyruko®)"), ("Policy #:", "I-218-027"),
                 ("Section:", "Injections"), ("Effective Date:", "04/06/2026")]:
        d.set_font("helvetica", "B", 9)
        d.cell(30, 4.8, k)
        d.set_font("helvetica", "", 9)
        d.cell(0, 4.8, v, new_x="LMARGIN", new_y="NEXT")
    d.heading("Description", 11)
    d.para("Natalizumab is a humanized monoclonal antibody against alpha-4 integrin, given by "
           "intravenous infusion every four weeks. Because of the risk of progressive multifocal "
           "leukoencephalopathy (PML), it is available only through a restricted distribution "
           "program (TOUCH). " + FILLER)
    d.para(FILLER)
    d.heading("Policy", 11)
    d.para("Coverage is subject to the terms, conditions and limitations of the member's "
           "contract. Medical necessity criteria apply to both natalizumab and its biosimilar.",
           size=9)
    d.para("Natalizumab may be covered under the medical benefit or, where the contract allows, "
           "the pharmacy benefit; the same criteria apply to both. " + FILLER, size=9)
    d.heading("Indications and Limitations of Coverage", 11)

    # --- multiple sclerosis ---------------------------------------------------------------
    ms_lead = ("Natalizumab is considered medically necessary and, therefore, covered for the "
               "treatment of multiple sclerosis when all of the following conditions are met.")
    age = c("the individual is 18 years of age or older")
    relapsing = c("has a relapsing form of multiple sclerosis, including clinically isolated "
                  "syndrome, relapsing-remitting disease or active secondary progressive disease")
    neuro = c("the drug is prescribed by or in consultation with a neurologist")
    touch = c("the prescriber, infusion center and individual are enrolled in the TOUCH "
              "Prescribing Program")
    jcv = c("an anti-JCV antibody result from within the past 6 months is on file")
    either = g("any_of", "In addition, the individual must either",
               c("have had an inadequate response to, or intolerance of, at least one other "
                 "disease-modifying therapy for multiple sclerosis"),
               c("have highly active disease, defined as two or more disabling relapses in the "
                 "past year with new gadolinium-enhancing lesions on MRI"))
    mono = c("Natalizumab will be used as monotherapy and not with another disease-modifying "
             "therapy for multiple sclerosis")
    ms = g("all_of", ms_lead, age, relapsing, neuro, touch, jcv, either, mono)
    d.heading("Multiple Sclerosis", 10.5, "B", 1)
    d.para(ms_lead)
    d.para(f"Criteria are met when {age.text} and {relapsing.text}. Coverage also requires "
           f"that {neuro.text}, and that {touch.text}; {jcv.text}. {either.text} "
           f"{either.kids[0].text}, or {either.kids[1].text}. {mono.text}.")

    # --- Crohn's disease ------------------------------------------------------------------
    cd_lead = ("Natalizumab is considered medically necessary and, therefore, covered for adults "
               "with moderately to severely active Crohn's disease with evidence of "
               "inflammation when the individual meets every requirement in this paragraph.")
    cd_age = c("the individual is 18 years of age or older")
    both = g("all_of", "has had an inadequate response to, or is unable to tolerate, both",
             c("conventional Crohn's disease therapy (corticosteroids, azathioprine, "
               "6-mercaptopurine or methotrexate)"),
             c("at least one tumor necrosis factor (TNF) inhibitor"))
    cd_mono = c("natalizumab will not be given with an immunosuppressant or a TNF inhibitor")
    cd_touch = c("The individual and prescriber are enrolled in the TOUCH Prescribing Program")
    cd = g("all_of", cd_lead, cd_age, both, cd_mono, cd_touch)
    d.heading("Crohn's Disease", 10.5, "B", 1)
    d.para(f"{cd_lead} This applies when {cd_age.text}, {both.text} {both.kids[0].text} and "
           f"{both.kids[1].text}, and {cd_mono.text}. {cd_touch.text}.")

    # --- continuation ---------------------------------------------------------------------
    d.heading("Continuation of Therapy", 10.5, "B", 1)
    ms_c = g("all_of", "Continued treatment with natalizumab for multiple sclerosis is "
             "considered medically necessary when",
             c("the individual has been re-evaluated by the neurologist within the past 12 "
               "months"),
             c("shows a beneficial response, such as fewer relapses or stable disability"),
             c("has no signs or symptoms suggestive of progressive multifocal "
               "leukoencephalopathy (PML)"))
    k = ms_c.kids
    d.para(f"{ms_c.text} {k[0].text}, {k[1].text}, and {k[2].text}.")
    cd_c = g("all_of", "For Crohn's disease, continued treatment is considered medically "
             "necessary only if",
             c("the individual has had a therapeutic benefit by week 12 of induction therapy"),
             c("for an individual who needs continued corticosteroids, the steroid dose has "
               "been tapered off within 6 months of starting natalizumab"))
    k = cd_c.kids
    d.para(f"{cd_c.text} {k[0].text}, and {k[1].text}. Treatment that has not helped by week 12 "
           "should be stopped.")

    d.heading("Limitations of Coverage", 10.5, "B", 1)
    excl = ["Natalizumab is not covered for individuals who have or have had PML",
            "Natalizumab is not covered when given with an immunosuppressant",
            "The use of natalizumab for any indication other than those listed above is "
            "considered experimental/investigational"]
    d.para(f"{excl[0]}. {excl[1]} (for example, azathioprine, cyclosporine or mycophenolate) "
           f"or with a TNF inhibitor. {excl[2]} and, therefore, not covered.")
    d.heading("Documentation Requirements", 11)
    d.para("The individual's medical record must reflect the medical necessity of the care "
           "provided, including the diagnosis, prior treatments and their outcomes, and the "
           "TOUCH enrollment. These records may be requested for review.")
    d.heading("Place of Service: Outpatient", 11)
    d.para("Natalizumab is usually given in an outpatient infusion center or physician office. "
           + FILLER)
    d.heading("Coding", 11)
    d.table_head([35, d.width - 35], ["Code", "Description"])
    for code, desc in [("J2323", "Injection, natalizumab, 1 mg"),
                       ("Q5134", "Injection, natalizumab-sztn (Tyruko), biosimilar, 1 mg"),
                       ("G35", "Multiple sclerosis"),
                       ("K50.00 - K50.919", "Crohn's disease")]:
        d.row([code, desc])
    d.end_table()
    d.heading("Policy History", 11)
    d.table_head([35, d.width - 35], ["Date", "Activity"])
    d.row(["04/06/2026", "Anti-JCV antibody requirement added."])
    d.row(["01/01/2025", "Biosimilar added; criteria unchanged."])
    d.end_table()
    d.heading("Sources", 11)
    d.items([Item(0, f"{i + 1}.", s) for i, s in enumerate([
        "Tysabri prescribing information. Revised 2025.",
        "Abernathy L, et al. Disease-modifying therapy after first-line failure in relapsing MS. "
        "Neuro Ther. 2023;12:300-315.",
        "Greer S. Alpha-4 integrin blockade in refractory Crohn's disease. IBD Rev. "
        "2021;5:77-89."])])
    inds = [
        Ind("Multiple Sclerosis", ms_lead, ["MS", "relapsing multiple sclerosis"], ["G35"], ms,
            ms_c, ms_c.text),
        Ind("Crohn's Disease", cd_lead, ["CD", "Crohn disease"], ["K50.00-K50.919"], cd, cd_c,
            cd_c.text),
    ]
    return d, inds, excl


# =========================================================================================
# 5. Criteria table: one row per indication, Initial / Reauthorization columns (IVIG)
# =========================================================================================

IG = Style(markers=[bullet("•"), bullet("–")], between={"any_of": "OR"})


def table_ivig() -> tuple[Doc, list[Ind], list[str]]:
    plan = "Lakeshore Community Health Plan"

    def header(d: Doc) -> None:
        d.set_font("helvetica", "B", 9)
        d.set_xy(d.l_margin, 9)
        d.cell(0, 4, f"{plan} - Medical Policy MP-IG-044", align="C", new_x="LMARGIN",
               new_y="NEXT")
        d.set_font("helvetica", "", 8)
        d.cell(0, 4, "Immune Globulin Therapy (IVIG / SCIG)", align="C")
        d.set_y(20)

    def footer(d: Doc) -> None:
        d.set_y(-14)
        d.set_font("helvetica", "", 7.5)
        d.cell(0, 4, f"MP-IG-044  |  {d.page_no()}  |  Proprietary and confidential. "
               f"© 2026 {plan}.", align="C")

    d = Doc(header, footer)
    d.add_page()
    d.set_font("helvetica", "B", 14)
    d.cell(0, 7, "Immune Globulin Therapy (IVIG / SCIG)", new_x="LMARGIN", new_y="NEXT")
    d.set_font("helvetica", "", 9)
    d.cell(0, 4.5, "Policy MP-IG-044    Effective: 07/01/2026    Next review: 07/2027",
           new_x="LMARGIN", new_y="NEXT")
    d.heading("Purpose", 11)
    d.para("This policy states when immune globulin products given intravenously (IVIG) or "
           "subcutaneously (SCIG) are medically necessary. Products include Gammagard, "
           "Privigen, Octagam, Gamunex-C, Hizentra and their equivalents.")
    d.para("Replaces: MP-IG-031 (retired 06/2026).", size=9)
    d.heading("General requirements", 11)
    d.para("Doses are calculated on adjusted body weight for members whose body mass index is "
           "30 or more. The first authorization is for the period in the column heading; "
           "reauthorization follows the criteria in the last column. " + FILLER, size=9)
    d.heading("Coverage criteria by indication", 11)

    w = d.width
    widths = [38, (w - 38) / 2, (w - 38) / 2]
    init_lead = "Approve when all of the following are met:"
    renew_lead = "Reauthorize when all of the following are documented:"
    neuro = "Prescribed by or in consultation with a neurologist"

    def cell(root: Crit | None, none: str = "") -> list[Item]:
        if root is None:
            return [Item(0, "", none, "I")]
        return [Item(0, "", root.text, "B")] + IG.items(root)

    d.table_head(widths, ["Indication (ICD-10)", "Initial authorization (6 months)",
                          "Reauthorization (12 months)"])
    inds: list[Ind] = []

    def row(name: str, codes: str, aliases: list[str], init: Crit, renew: Crit | None,
            none: str = "") -> None:
        d.row([f"{name}\n{codes}", cell(init), cell(renew, none)])
        inds.append(Ind(name, f"{name} {codes}", aliases, [codes.strip("()")], init, renew,
                        renew.text if renew else ""))

    pi = g("all_of", init_lead,
           c("Diagnosis by a clinical immunologist of a primary immunodeficiency with impaired "
             "antibody production"),
           g("any_of", "One of the following:",
             c("IgG below the lower limit of normal for age on two measurements at least 4 "
               "weeks apart"),
             c("Failure to make protective antibodies after pneumococcal polysaccharide or "
               "conjugate vaccine")),
           c("Recurrent bacterial infections despite prophylactic antibiotics"),
           c("Baseline IgG trough level recorded before the first dose"))
    pi_r = g("all_of", renew_lead,
             c("IgG trough level measured within the last 6 months"),
             c("Fewer serious bacterial infections than before treatment"))
    row("Primary humoral immunodeficiency", "(D80.0-D83.9)", ["PI", "PIDD", "CVID"], pi, pi_r)

    cidp = g("all_of", init_lead,
             c("Diagnosis of CIDP meeting EAN/PNS criteria, with nerve conduction studies "
               "showing demyelination in at least two nerves"),
             c("Progressive or relapsing weakness or sensory loss for at least 8 weeks"),
             c("Baseline disability measured with a validated scale such as INCAT or I-RODS"),
             c("Other causes of neuropathy, such as diabetes or a paraprotein, have been "
               "evaluated"),
             c(neuro))
    cidp_r = g("all_of", renew_lead,
               c("Improvement of at least 1 point on INCAT or an equivalent gain on another "
                 "validated scale"),
               g("any_of", "One of the following:",
                 c("Dose or frequency was reduced at least once in the past year to find the "
                   "lowest effective dose"),
                 c("A trial of dose reduction caused clinical worsening")))
    row("Chronic inflammatory demyelinating polyneuropathy", "(G61.81)", ["CIDP"], cidp, cidp_r)

    itp = g("all_of", init_lead,
            g("any_of", "One of the following:",
              c("Platelet count below 30,000/µL with bleeding or a high risk of bleeding"),
              c("Platelet count below 50,000/µL before surgery or delivery")),
            c("Corticosteroids were ineffective, are contraindicated, or a rapid rise in "
              "platelets is needed"))
    row("Immune thrombocytopenia", "(D69.3)", ["ITP"], itp, None,
        "Not applicable: a new episode is reviewed as an initial request.")

    mmn = g("all_of", init_lead,
            c("Diagnosis of multifocal motor neuropathy with conduction block on nerve "
              "conduction studies"),
            c("Asymmetric limb weakness without objective sensory loss"),
            c(neuro))
    mmn_r = g("all_of", renew_lead,
              c("Improvement or stabilization of strength documented on examination"))
    row("Multifocal motor neuropathy", "(G61.82)", ["MMN"], mmn, mmn_r)

    kd = g("all_of", init_lead,
           c("Diagnosis of Kawasaki disease by a pediatric cardiologist or infectious disease "
             "specialist"),
           c("Given within 10 days of fever onset, or later with ongoing fever or inflammation"))
    row("Kawasaki disease", "(M30.3)", ["KD"], kd, None, "Not applicable (single course).")
    d.end_table()

    d.heading("Not medically necessary", 11)
    d.para("Immune globulin is not medically necessary for the following conditions, because "
           "studies have not shown benefit:")
    excl = ["Chronic fatigue syndrome", "Autism spectrum disorder",
            "Recurrent pregnancy loss without a diagnosed immune disorder",
            "Secondary hypogammaglobulinemia without recurrent infections"]
    d.items([Item(0, "•", t) for t in excl])
    d.heading("Dosing", 11)
    d.table_head([60, w - 60], ["Indication", "Usual dose"])
    for ind, dose in [("Primary immunodeficiency", "300-800 mg/kg every 3-4 weeks (IV)"),
                      ("CIDP", "2 g/kg loading, then 1 g/kg every 3 weeks"),
                      ("ITP", "1 g/kg for 1-2 days"), ("MMN", "2 g/kg every 4-8 weeks"),
                      ("Kawasaki disease", "2 g/kg once")]:
        d.row([ind, dose])
    d.end_table()
    d.heading("References", 11)
    d.items([Item(0, f"{i + 1}.", s) for i, s in enumerate([
        "Immune globulin product prescribing information (several manufacturers).",
        "Hollander K, et al. Immune globulin in neurology: an evidence update. Neuroimmunol "
        "Pract. 2024;9:1-19.", "Varga E. Replacement immune globulin in antibody deficiency. "
        "Clin Immunol Rev. 2023;15:60-72."])])
    return d, inds, excl
